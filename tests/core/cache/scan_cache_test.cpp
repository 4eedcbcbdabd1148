// SPDX-License-Identifier: GPL-3.0-or-later
// The persistent scan cache: a result is loaded only when nothing it depends on changed, and every
// kind of change (or a damaged cache) gives a full scan that sees it.
#include "cache/archive_types.h"
#include "cache/cache_file.h"
#include "cache/cache_writes.h"
#include "fanout/cache/scan_cache.h"
#include "fanout/io/whole_file.h"
#include "fanout/output/scan_json.h"
#include "fanout/project/project_config.h"
#include "fixture_project.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

namespace fanout {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

// Run twice: with the default trust margin (files written moments ago are checked by their
// contents) and with none (their identity alone is trusted), so both paths see every change.
class ScanCacheTest : public ::testing::TestWithParam<std::int64_t> {
protected:
    void SetUp() override {
        m_project.write("package.json", R"({"name": "app", "version": "1.0.0"})");
        m_project.write("tsconfig.json",
                        R"({"compilerOptions": {"baseUrl": ".", "paths": {"@/*": ["src/*"]}}})");
        m_project.write("src/main.ts",
                        "import './a';\nimport '@/b';\nimport 'pkg';\nimport './view';\n");
        m_project.write("src/view.tsx",
                        "import { a } from './a';\nexport const View = () => <p>{a}</p>;\n");
        m_project.write("src/a.ts", "export const a = 1;\n");
        m_project.write("src/b.ts", "export const b = 2;\n");
        // A pnpm layout: node_modules/pkg links to one of two installed versions.
        m_project.write(kOne + "package.json", R"({"name": "pkg", "version": "1.0.0"})");
        m_project.write(kOne + "index.js", "export default 1;\n");
        m_project.write(kTwo + "package.json", R"({"name": "pkg", "version": "2.0.0"})");
        m_project.write(kTwo + "index.js", "import './extra.js';\nexport default 2;\n");
        m_project.write(kTwo + "extra.js", "export {};\n");
        fs::create_directory_symlink(".pnpm/pkg@1.0.0/node_modules/pkg", file("node_modules/pkg"));
        m_settings.dir = m_cache.path().string();
        m_settings.trustMarginNs = GetParam();
    }

    // An updated cache is stored on a thread of its own: done before the folders go.
    void TearDown() override { EXPECT_TRUE(finishCacheWrites().empty()); }

    static inline const std::string kOne = "node_modules/.pnpm/pkg@1.0.0/node_modules/pkg/";
    static inline const std::string kTwo = "node_modules/.pnpm/pkg@2.0.0/node_modules/pkg/";

    std::string root() const { return fs::canonical(m_project.path()).string(); }
    std::string file(const std::string& relative) const { return root() + "/" + relative; }

    std::shared_ptr<const ScanResult> cached(ScanCacheReport& report) {
        ScanOverrides overrides;
        overrides.entries = {"src/main.ts"};
        return cachedScan(loadScanConfig(root(), overrides), {}, m_settings, &report);
    }
    // The scan as a plain scan sees it now, for comparison.
    std::string fresh() {
        ScanOverrides overrides;
        overrides.entries = {"src/main.ts"};
        return json(*scan(loadScanConfig(root(), overrides)));
    }
    static std::string json(const ScanResult& result) {
        return scanToJson(result, {.reproducible = true});
    }
    // Spliced: the edited files' new edges put in the cached result in place of the old.
    // Rescanned: the edited files scanned again, the graph walked with the rest from the cache.
    enum class Outcome { Scanned, Loaded, Updated, Spliced, Rescanned };
    // Scans through the cache and expects the outcome; the result must equal a plain scan's.
    ScanCacheReport expect(Outcome outcome) {
        ScanCacheReport report;
        const auto result = cached(report);
        EXPECT_EQ(report.hit, outcome == Outcome::Loaded) << report.note;
        EXPECT_EQ(report.updated, outcome == Outcome::Updated || outcome == Outcome::Spliced ||
                                      outcome == Outcome::Rescanned)
            << report.note;
        EXPECT_EQ(result->stats.fromCache,
                  outcome != Outcome::Scanned && outcome != Outcome::Rescanned);
        EXPECT_EQ(report.note.find("the graph updated in place") != std::string::npos,
                  outcome == Outcome::Spliced)
            << report.note;
        EXPECT_EQ(report.note.find("taken from the cached scan") != std::string::npos,
                  outcome == Outcome::Rescanned)
            << report.note;
        EXPECT_EQ(json(*result), fresh()) << report.note;
        return report;
    }
    ScanCacheReport expectScan(bool hit) {
        return expect(hit ? Outcome::Loaded : Outcome::Scanned);
    }
    std::string cacheFile() {
        ScanCacheReport report;
        cached(report);
        return report.file;
    }
    bool hasModule(const std::string& relative) {
        ScanCacheReport report;
        const auto result = cached(report);
        return std::any_of(result->modules.begin(), result->modules.end(),
                           [&](const ScanModule& m) { return m.path == file(relative); });
    }

    // What a plain scan of the project depends on now.
    ScanInputs recordedInputs() {
        ScanOverrides overrides;
        overrides.entries = {"src/main.ts"};
        ScanInputs inputs;
        ScanOptions options;
        options.inputs = &inputs;
        scan(loadScanConfig(root(), overrides), options);
        return inputs;
    }
    // `relative`, a folder the scan looked in that is not there, is not a folder every check
    // stat()s.
    void expectNoFolder(const ScanInputs& inputs, const std::string& relative) {
        const auto path = file(relative);
        EXPECT_TRUE(std::none_of(inputs.folders.begin(), inputs.folders.end(),
                                 [&](const FolderRead& folder) { return folder.path == path; }))
            << relative;
    }
    // Nor is it asked by stat(): its absence is an answer its parent's listing vouches for.
    void expectVouchedAbsence(const ScanInputs& inputs, const std::string& relative) {
        expectNoFolder(inputs, relative);
        const auto path = file(relative);
        EXPECT_TRUE(std::any_of(inputs.answers.begin(), inputs.answers.end(), [&](auto& answer) {
            return answer.path == path && answer.question == PathAnswer::Question::Type &&
                   answer.type == 0 && answer.vouchedByFolder();
        })) << relative;
    }

    // The cache file read as a rescan reads it ("" when it can be used).
    std::string readCache(const std::string& file, detail::CacheFile& cache) {
        ScanOverrides overrides;
        overrides.entries = {"src/main.ts"};
        const auto key = detail::encode(loadScanConfig(root(), overrides), ScanOptions{}.parser);
        return detail::readCacheFile(file, key, cache);
    }
    static std::vector<std::string> paths(const ScanResult& result) {
        std::vector<std::string> out;
        for (const auto& module : result.modules) {
            out.push_back(module.path);
        }
        return out;
    }

    // Every answer the cache file holds (those folders vouch for decoded too), with whether it
    // was answered by stat(); once the cache's background writes are done.
    std::set<std::pair<std::pair<std::string, PathAnswer::Question>, bool>>
    storedAnswers(const std::string& file) {
        EXPECT_TRUE(finishCacheWrites().empty());
        detail::CacheFile cache;
        EXPECT_EQ(readCache(file, cache), "");
        EXPECT_EQ(detail::loadVouchedAnswers(cache), "");
        std::set<std::pair<std::pair<std::string, PathAnswer::Question>, bool>> answers;
        for (const auto& answer : cache.inputs.answers) {
            answers.insert({{answer.path, answer.question}, answer.answeredByStat});
        }
        return answers;
    }

    TempDir m_project;
    TempDir m_cache;
    ScanCacheSettings m_settings;
};

TEST_P(ScanCacheTest, StoresTheScanThenLoadsItWhileNothingChanges) {
    const auto first = expectScan(false);
    EXPECT_TRUE(first.stored);
    EXPECT_EQ(first.note, "no cached scan yet");
    EXPECT_TRUE(fs::exists(first.file));
    EXPECT_EQ(fs::path(first.file).parent_path(), m_cache.path());
    const auto second = expectScan(true);
    EXPECT_GT(second.filesChecked, 4u);
    EXPECT_GT(second.foldersChecked, 2u);
    expectScan(true);
}

TEST_P(ScanCacheTest, APollSaysWhetherTheCachedScanIsCurrentWithoutWritingIt) {
    ScanOverrides overrides;
    overrides.entries = {"src/main.ts"};
    const auto config = loadScanConfig(root(), overrides);
    EXPECT_EQ(scanCacheChange(config, {}, m_settings), std::nullopt) << "nothing cached yet";
    const auto file = cacheFile();
    EXPECT_EQ(scanCacheChange(config, {}, m_settings), std::string());
    const auto written = fs::last_write_time(file);
    const auto size = fs::file_size(file);
    m_project.write("src/b.ts", "export const b = 20;\n");
    const auto change = scanCacheChange(config, {}, m_settings);
    ASSERT_TRUE(change.has_value());
    EXPECT_NE(change->find("src/b.ts"), std::string::npos) << *change;
    EXPECT_EQ(fs::last_write_time(file), written);
    EXPECT_EQ(fs::file_size(file), size);
    expect(Outcome::Updated); // the scan that follows sees the same change
    EXPECT_EQ(scanCacheChange(config, {}, m_settings), std::string());
    ScanOverrides other = overrides;
    other.entries = {"src/view.tsx"};
    EXPECT_EQ(scanCacheChange(loadScanConfig(root(), other), {}, m_settings), std::nullopt)
        << "another configuration has no cached scan";
}

TEST_P(ScanCacheTest, AnEditThatImportsANewFileScansBoth) {
    expectScan(false);
    m_project.write("src/c.ts", "export {};\n");
    m_project.write("src/a.ts", "import './c';\nexport const a = 1;\n");
    // Its folder changed, but nothing the cached scan asked of it: the edited file and the new
    // one are scanned, the rest taken from the cache.
    const auto report = expect(Outcome::Rescanned);
    EXPECT_NE(report.note.find("src"), std::string::npos) << report.note;
    EXPECT_TRUE(hasModule("src/c.ts"));
    expectScan(true);
}

TEST_P(ScanCacheTest, AnEditThatChangesImportsUpdatesTheGraphOrWalksItWithTheRestCached) {
    expectScan(false);
    // The package import gone: its modules go with it, the graph updated in place.
    m_project.write("src/main.ts", "import './a';\nimport '@/b';\nimport './view';\n");
    auto report = expect(Outcome::Spliced);
    EXPECT_NE(report.note.find("changed its imports"), std::string::npos) << report.note;
    EXPECT_FALSE(hasModule(kOne + "index.js"));
    // Back, from another file, and a module only an import of the edited file reached before:
    // modules the cached scan does not have, so the graph is walked again.
    m_project.write("src/view.tsx", "import { a } from './a';\nimport 'pkg';\n"
                                    "export const View = () => <p>{a}</p>;\n");
    m_project.write("src/main.ts", "import './a';\nimport './view';\n");
    report = expect(Outcome::Rescanned);
    EXPECT_NE(report.note.find("2 file(s) scanned again"), std::string::npos) << report.note;
    EXPECT_TRUE(hasModule(kOne + "index.js"));
    EXPECT_FALSE(hasModule("src/b.ts"));
    // A file the cached scan never read, reached now: scanned.
    m_project.write("src/a.ts", "import './b';\nexport const a = 1;\n");
    expect(Outcome::Rescanned);
    EXPECT_TRUE(hasModule("src/b.ts"));
    // A directive that moves what the file imports to another boundary.
    m_project.write("src/a.ts", "'use client';\nimport './b';\nexport const a = 1;\n");
    report = expect(Outcome::Rescanned);
    EXPECT_NE(report.note.find("changed its directive"), std::string::npos) << report.note;
    expectScan(true);
}

// A rescan of a few files stats the names it looks up rather than listing their folders; where it
// finds what the cached scan's listings said, the listing still vouches for the answer, so the
// next check does not stat it.
TEST_P(ScanCacheTest, AnswersAnEditConfirmedStayVouchedForByTheirFolders) {
    const auto file = expectScan(false).file;
    const auto before = storedAnswers(file);
    m_project.write("src/main.ts", "import './a';\nimport '@/b';\nimport './view';\n");
    expect(Outcome::Spliced);
    EXPECT_EQ(storedAnswers(file), before);
    // Back again: a module the cached scan does not have, so the graph is walked.
    m_project.write("src/main.ts",
                    "import './a';\nimport '@/b';\nimport 'pkg';\nimport './view';\n");
    expect(Outcome::Rescanned);
    EXPECT_EQ(storedAnswers(file), before);
    expectScan(true);
}

// The answers folders vouch for are stored apart and only decoded when needed: a cache written
// again keeps every one of them.
TEST_P(ScanCacheTest, ACacheWrittenAgainKeepsEveryAnswer) {
    const auto file = expectScan(false).file;
    const auto before = storedAnswers(file);
    ASSERT_GT(std::count_if(before.begin(), before.end(), [](const auto& a) { return !a.second; }),
              0)
        << "no answer vouched for by a folder";
    // A file touched, then a folder: the file read again, the folder's answers asked again,
    // each the same; the cache rewritten each time.
    ASSERT_EQ(::utimensat(AT_FDCWD, this->file("src/a.ts").c_str(), nullptr, 0), 0);
    auto report = expectScan(true);
    EXPECT_TRUE(report.stored) << report.note;
    EXPECT_EQ(storedAnswers(file), before);
    const timespec times[2] = {{0, UTIME_NOW}, {1, 0}};
    ASSERT_EQ(::utimensat(AT_FDCWD, this->file("src").c_str(), times, 0), 0);
    report = expectScan(true);
    EXPECT_TRUE(report.stored) << report.note;
    EXPECT_EQ(storedAnswers(file), before);
    // A file edited, its imports kept: the cache updated in place.
    m_project.write("src/a.ts", "export const a = 12;\n");
    report = expect(Outcome::Updated);
    EXPECT_EQ(storedAnswers(file), before);
    expectScan(true);
}

TEST_P(ScanCacheTest, PathStringsOnlyAGoneImportGaveAreGoneToo) {
    m_project.write("src/view.tsx", "import { a } from './a';\nimport 'pkg';\n"
                                    "export const View = () => <p>{a}</p>;\n");
    m_project.write("src/a.ts", "import '../node_modules/.pnpm/pkg@1.0.0/node_modules/pkg';\n"
                                "export const a = 1;\n");
    expectScan(false);
    const auto aliasesOfPkg = [&] {
        ScanCacheReport report;
        const auto result = cached(report);
        const auto it =
            std::find_if(result->modules.begin(), result->modules.end(),
                         [&](const ScanModule& m) { return m.path == file(kOne + "index.js"); });
        return it == result->modules.end() ? std::vector<std::string>{"(not reached)"}
                                           : it->aliases;
    };
    // pkg's file keeps node_modules/pkg/index.js, which view.tsx's import still gives it. (Each
    // result is compared with a plain scan's, path strings included.)
    m_project.write("src/main.ts", "import './a';\nimport '@/b';\nimport './view';\n");
    expect(Outcome::Spliced);
    EXPECT_EQ(aliasesOfPkg(), std::vector<std::string>{file("node_modules/pkg/index.js")});
    // Gone from view.tsx too, which imports a new file: the graph is walked again, and only
    // a.ts's import of the real path is left: the path string goes.
    m_project.write("src/c.ts", "export {};\n");
    m_project.write("src/view.tsx", "import { a } from './a';\nimport './c';\n"
                                    "export const View = () => <p>{a}</p>;\n");
    expect(Outcome::Rescanned);
    EXPECT_TRUE(aliasesOfPkg().empty());
    // Given again, then gone again, each time in place.
    m_project.write("src/view.tsx", "import { a } from './a';\nimport './c';\nimport 'pkg';\n"
                                    "export const View = () => <p>{a}</p>;\n");
    expect(Outcome::Spliced);
    EXPECT_EQ(aliasesOfPkg(), std::vector<std::string>{file("node_modules/pkg/index.js")});
    m_project.write("src/view.tsx", "import { a } from './a';\nimport './c';\n"
                                    "export const View = () => <p>{a}</p>;\n");
    expect(Outcome::Spliced);
    EXPECT_TRUE(aliasesOfPkg().empty());
    expectScan(true);
}

TEST_P(ScanCacheTest, AnEditOfTheSameSizeIsSeen) {
    expectScan(false);
    m_project.write("src/a.ts", "export const a = 2;\n");
    expect(Outcome::Updated);
    expectScan(true);
}

TEST_P(ScanCacheTest, AnEditThatKeepsTheImportsUpdatesSizesAndPositionsInPlace) {
    expectScan(false);
    // Lines added above the imports and the JSX: every position moves, the graph does not.
    m_project.write("src/main.ts", "// a comment\n\nimport './a';\nimport '@/b';\nimport 'pkg';\n"
                                   "import './view';\nconsole.log('more');\n");
    m_project.write("src/view.tsx", "\n\nimport { a } from './a';\nexport const View = () => "
                                    "<div><p>{a}</p></div>;\n");
    const auto report = expect(Outcome::Updated);
    EXPECT_NE(report.note.find("2 file(s) edited"), std::string::npos) << report.note;
    expectScan(true);
}

TEST_P(ScanCacheTest, AnEditThatChangesExportsAndStatementsUpdatesThemInPlace) {
    expectScan(false);
    m_project.write("src/view.tsx",
                    "import { a } from './a';\nexport const View = () => <p>{a}</p>;\n"
                    "export const Other = 1;\nexport { a as renamed };\n");
    expect(Outcome::Updated);
    expectScan(true);
}

TEST_P(ScanCacheTest, AnEditThatChangesImportsOrDirectivesIsScannedAgainWithTheRestCached) {
    expectScan(false);
    m_project.write("src/main.ts",
                    "import '@/b';\nimport './a';\nimport 'pkg';\nimport './view';\n");
    auto report = expect(Outcome::Spliced); // the same imports, in another order
    EXPECT_NE(report.note.find("changed its imports"), std::string::npos) << report.note;
    m_project.write("src/view.tsx",
                    "import { a, b } from './a';\nexport const View = () => <p>{a}</p>;\n");
    report = expect(Outcome::Spliced); // another name imported
    EXPECT_NE(report.note.find("changed its imports"), std::string::npos) << report.note;
    m_project.write("src/a.ts", "'use client';\nexport const a = 1;\n");
    report = expect(Outcome::Rescanned);
    EXPECT_NE(report.note.find("changed its directive"), std::string::npos) << report.note;
    m_project.write("src/a.ts", "'use client';\nexport const a = import(name);\n");
    expect(Outcome::Spliced); // a call that cannot be followed: a finding
    m_project.write("src/b.ts", "export const b = 3;\n");
    expect(Outcome::Updated); // the finding of an unchanged file taken from the cache
    expectScan(true);
}

TEST_P(ScanCacheTest, TouchingAFileWithoutChangingItKeepsTheCache) {
    expectScan(false);
    ASSERT_EQ(::utimensat(AT_FDCWD, file("src/a.ts").c_str(), nullptr, 0), 0);
    const auto report = expectScan(true);
    EXPECT_GE(report.filesRehashed, 1u);
}

TEST_P(ScanCacheTest, ARenamedFileIsSeen) {
    expectScan(false);
    fs::rename(file("src/b.ts"), file("src/b2.ts"));
    expectScan(false);
    EXPECT_FALSE(hasModule("src/b.ts"));
}

TEST_P(ScanCacheTest, AFileReplacedByRenameIsSeen) {
    expectScan(false);
    m_project.write("src/a.tmp", "import './b';\n");
    fs::rename(file("src/a.tmp"), file("src/a.ts"));
    expect(Outcome::Spliced);
    expectScan(true);
}

TEST_P(ScanCacheTest, AFileOnlyALetterCaseLookupSawIsSeen) {
    // "./Z" is not found on Linux, and nothing differs from it only in case; then z.ts appears:
    // still not found, but now the scan notes the case variant (a lookup that compared every name
    // of src/ ignoring case), and the cache must see it.
    m_project.write("src/main.ts", "import './Z';\n");
    expectScan(false);
    expectScan(true);
    m_project.write("src/z.ts", "export {};\n");
    const auto report = expectScan(false);
    EXPECT_NE(report.note.find("letter case of " + file("src/Z")), std::string::npos)
        << report.note;
}

TEST_P(ScanCacheTest, ARetargetedSymlinkIsSeen) {
    // The same package.json in both: only where the link leads differs.
    m_project.write(kTwo + "package.json", R"({"name": "pkg", "version": "1.0.0"})");
    expectScan(false);
    fs::remove(file("node_modules/pkg"));
    fs::create_directory_symlink(".pnpm/pkg@2.0.0/node_modules/pkg", file("node_modules/pkg"));
    expectScan(false);
    EXPECT_TRUE(hasModule(kTwo + "extra.js"));
}

TEST_P(ScanCacheTest, AnUpgradedPackageIsSeen) {
    expectScan(false);
    m_project.write(kOne + "package.json", R"({"name": "pkg", "version": "1.0.1"})");
    ScanCacheReport report;
    const auto result = cached(report);
    EXPECT_FALSE(report.hit);
    ASSERT_EQ(result->packages.size(), 1u);
    EXPECT_EQ(result->packages[0].version, "1.0.1");
}

// `pkg` is looked up in src/node_modules first, which is not there: the folder's absence vouches
// for the answer (no stat() of the name on each check), and the package installed there later
// is seen.
TEST_P(ScanCacheTest, APackageInstalledWhereAMissingFolderWasLookedAtIsSeen) {
    const auto inputs = recordedInputs();
    const auto looked = std::find_if(inputs.answers.begin(), inputs.answers.end(), [&](auto& a) {
        return a.path == file("src/node_modules/pkg") && a.question == PathAnswer::Question::Type;
    });
    ASSERT_NE(looked, inputs.answers.end());
    EXPECT_FALSE(looked->answeredByStat);
    // The missing folder itself: an answer src's listing vouches for, not a folder to stat().
    expectVouchedAbsence(inputs, "src/node_modules");

    expectScan(false);
    expectScan(true);
    m_project.write("src/node_modules/pkg/package.json", R"({"name": "pkg", "version": "3.0.0"})");
    m_project.write("src/node_modules/pkg/index.js", "export default 3;\n");
    ScanCacheReport report;
    const auto result = cached(report);
    EXPECT_FALSE(report.hit) << report.note;
    EXPECT_EQ(json(*result), fresh()) << report.note;
    EXPECT_TRUE(hasModule("src/node_modules/pkg/index.js"));
}

// A scoped package is looked up in src/node_modules/@scope, whose parent is not there either (and
// never listed): src's listing vouches for both absences, and the package installed there later
// is seen; so is one installed in a scope folder added to a node_modules folder that is there.
TEST_P(ScanCacheTest, AScopedPackageInstalledWhereNoFolderWasIsSeen) {
    m_project.write("node_modules/@scope/lib/package.json",
                    R"({"name": "@scope/lib", "version": "1.0.0"})");
    m_project.write("node_modules/@scope/lib/index.js", "export default 1;\n");
    m_project.write("src/main.ts", "import './a';\nimport '@scope/lib';\n");
    const auto inputs = recordedInputs();
    expectVouchedAbsence(inputs, "src/node_modules");
    expectNoFolder(inputs, "src/node_modules/@scope");
    expectScan(false);
    expectScan(true);
    m_project.write("src/node_modules/@scope/lib/package.json",
                    R"({"name": "@scope/lib", "version": "2.0.0"})");
    m_project.write("src/node_modules/@scope/lib/index.js", "export default 2;\n");
    expectScan(false);
    EXPECT_TRUE(hasModule("src/node_modules/@scope/lib/index.js"));

    // src/node_modules stays, empty, and is never listed: no listing answers for the scope
    // folder, which is stat()ed by each check as before.
    fs::remove_all(file("src/node_modules/@scope"));
    expectScan(false);
    EXPECT_FALSE(hasModule("src/node_modules/@scope/lib/index.js"));
    const auto folders = recordedInputs().folders;
    EXPECT_TRUE(std::any_of(folders.begin(), folders.end(), [&](const FolderRead& folder) {
        return folder.path == file("src/node_modules/@scope") && !folder.identity.exists();
    }));
    expectScan(true);
    m_project.write("src/node_modules/@scope/lib/package.json",
                    R"({"name": "@scope/lib", "version": "3.0.0"})");
    m_project.write("src/node_modules/@scope/lib/index.js", "export default 3;\n");
    expectScan(false);
    EXPECT_TRUE(hasModule("src/node_modules/@scope/lib/index.js"));
}

TEST_P(ScanCacheTest, ATsconfigEditIsSeen) {
    expectScan(false);
    m_project.write("lib/b.ts", "export const b = 3;\n");
    m_project.write("tsconfig.json",
                    R"({"compilerOptions": {"baseUrl": ".", "paths": {"@/*": ["lib/*"]}}})");
    expectScan(false);
    EXPECT_TRUE(hasModule("lib/b.ts"));
}

TEST_P(ScanCacheTest, AFileStampedInTheFutureIsCheckedByItsContents) {
    // A skewed clock: the file's time says it was written after the scan.
    const timespec future[2] = {{0, UTIME_OMIT}, {::time(nullptr) + 3600, 0}};
    ASSERT_EQ(::utimensat(AT_FDCWD, file("src/a.ts").c_str(), future, 0), 0);
    expectScan(false);
    const auto report = expectScan(true);
    EXPECT_GE(report.filesRehashed, 1u);
    m_project.write("src/a.ts", "export const a = 9;\n");
    ASSERT_EQ(::utimensat(AT_FDCWD, file("src/a.ts").c_str(), future, 0), 0);
    expect(Outcome::Updated);
}

void damage(const std::string& path, const std::function<void(std::string&)>& change) {
    std::string bytes;
    {
        std::ifstream in(path, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    change(bytes);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

TEST_P(ScanCacheTest, ACorruptCacheIsNeverTrusted) {
    const auto path = cacheFile();
    damage(path, [](std::string& bytes) { bytes[bytes.size() - 3] ^= 0x5a; });
    auto report = expectScan(false);
    EXPECT_NE(report.note.find("corrupt"), std::string::npos) << report.note;
    expectScan(true);
    damage(path, [](std::string& bytes) { bytes[70] ^= 0x5a; }); // in the header
    report = expectScan(false);
    EXPECT_NE(report.note.find("corrupt"), std::string::npos) << report.note;
    expectScan(true);
    // In the inputs (read and checked while the result, whole, is decoded): after the 56-byte
    // prefix, whose third field is the header's size, and the header.
    damage(path, [](std::string& bytes) {
        std::uint64_t header = 0;
        std::memcpy(&header, bytes.data() + 16, sizeof header);
        bytes[56 + header + 3] ^= 0x5a;
    });
    report = expectScan(false);
    EXPECT_NE(report.note.find("corrupt"), std::string::npos) << report.note;
}

TEST_P(ScanCacheTest, ATruncatedCacheIsNeverTrusted) {
    const auto path = cacheFile();
    damage(path, [](std::string& bytes) { bytes.resize(bytes.size() / 2); });
    auto report = expectScan(false);
    EXPECT_NE(report.note.find("truncated"), std::string::npos) << report.note;
    damage(path, [](std::string& bytes) { bytes.resize(20); });
    report = expectScan(false);
    EXPECT_NE(report.note.find("truncated"), std::string::npos) << report.note;
}

// The result is read while the inputs are checked, from the file the inputs came from: a cache
// renamed over it meanwhile (another process's write) does not mix in; one cut short in place is
// not trusted.
TEST_P(ScanCacheTest, TheResultComesFromTheFileTheInputsCameFrom) {
    auto path = cacheFile();
    ASSERT_TRUE(finishCacheWrites().empty());
    ScanCacheReport report;
    const auto expected = paths(*cached(report));
    ASSERT_GT(expected.size(), 3u);
    detail::CacheFile replaced;
    ASSERT_EQ(readCache(path, replaced), "");
    std::ofstream(path + ".new", std::ios::binary) << std::string(4096, 'x');
    fs::rename(path + ".new", path);
    const auto result = detail::loadCachedResult(replaced);
    ASSERT_TRUE(result);
    EXPECT_EQ(paths(*result), expected);

    path = cacheFile(); // stored again (the other file is not one of Fanout's)
    ASSERT_TRUE(finishCacheWrites().empty());
    detail::CacheFile cut;
    ASSERT_EQ(readCache(path, cut), "");
    fs::resize_file(path, fs::file_size(path) - 10);
    EXPECT_EQ(detail::loadCachedResult(cut), nullptr);
    expectScan(false); // and the cache is stored again
    expectScan(true);
}

TEST_P(ScanCacheTest, ACacheOfAnotherFormatIsNeverTrusted) {
    const auto path = cacheFile();
    damage(path, [](std::string& bytes) { bytes[8] = 99; });
    auto report = expectScan(false);
    EXPECT_NE(report.note.find("another format"), std::string::npos) << report.note;
    damage(path, [](std::string& bytes) { bytes[0] = 'X'; });
    report = expectScan(false);
    EXPECT_NE(report.note.find("not one of Fanout's"), std::string::npos) << report.note;
    expectScan(true);
}

// The result is decoded while the inputs are verified: a sound cache of another configuration,
// found under this configuration's name, still gives a full scan of this one.
TEST_P(ScanCacheTest, ACacheOfAnotherConfigurationUnderThisNameIsNeverTrusted) {
    ScanOverrides overrides;
    overrides.entries = {"src/view.tsx"};
    const auto config = loadScanConfig(root(), overrides);
    ScanCacheReport other;
    ASSERT_EQ(cachedScan(config, {}, m_settings, &other)->modules.size(), 2u);
    ASSERT_TRUE(finishCacheWrites().empty());
    const auto ours = cacheFile();
    ASSERT_NE(other.file, ours);
    fs::copy_file(other.file, ours, fs::copy_options::overwrite_existing);
    const auto report = expectScan(false);
    EXPECT_NE(report.note.find("another configuration"), std::string::npos) << report.note;
    expectScan(true);
}

TEST_P(ScanCacheTest, TwoWritersAtOnceLeaveACompleteCache) {
    std::vector<std::string> results(4);
    {
        std::vector<std::jthread> writers;
        for (std::size_t i = 0; i < results.size(); ++i) {
            writers.emplace_back([&, i] {
                ScanCacheReport report;
                results[i] = json(*cached(report));
            });
        }
    }
    const auto expected = fresh();
    for (const auto& result : results) {
        EXPECT_EQ(result, expected);
    }
    expectScan(true);
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(m_cache.path())) {
        ++files; // no temporary left behind
    }
    EXPECT_EQ(files, 1u);
}

TEST_P(ScanCacheTest, ACacheFolderInsideTheProjectIsNotUsed) {
    m_settings.dir = file(".cache");
    ScanCacheReport report;
    cached(report);
    EXPECT_FALSE(report.stored);
    EXPECT_NE(report.note.find("inside the project"), std::string::npos);
    EXPECT_FALSE(fs::exists(file(".cache")));
}

TEST_P(ScanCacheTest, TheLeastRecentlyUsedScansAreEvictedAndClearRemovesAll) {
    const auto first = cacheFile();
    m_settings.maxBytes = fs::file_size(first) + 1;
    ScanOverrides overrides;
    overrides.entries = {"src/a.ts"};
    ScanCacheReport report;
    cachedScan(loadScanConfig(root(), overrides), {}, m_settings, &report);
    EXPECT_TRUE(report.stored);
    EXPECT_TRUE(fs::exists(report.file));
    EXPECT_FALSE(fs::exists(first));
    cachedScan(loadScanConfig(root(), overrides), {}, m_settings, &report); // read, and released
    EXPECT_TRUE(finishCacheWrites().empty());
    EXPECT_GT(WholeFile::pooledBytes(), 0u);
    EXPECT_EQ(clearScanCache(m_settings.dir), "");
    EXPECT_FALSE(fs::exists(report.file));
    EXPECT_EQ(WholeFile::pooledBytes(), 0u); // the memory kept for reading it given back too
}

INSTANTIATE_TEST_SUITE_P(TrustMargins, ScanCacheTest, ::testing::Values(kTrustMarginNs, 0));

// Environments and directives: an rwsdk app (a worker environment, "use client" modules moved to
// the client and SSR ones, src/ files with a directive as entries), whose server page gains and
// loses a client component and a server action. Every rescan through the cache equals a plain scan.
// A write in the background lets go of the result once done, though it is only forgotten at the
// next access to the cache: a window that replaced its result does not keep the old one.
TEST(ScanCacheWrites, AFinishedWriteKeepsNoResult) {
    TempDir dir;
    auto result = std::make_shared<ScanResult>();
    result->modules.resize(1000);
    const std::weak_ptr<const ScanResult> written = result;
    detail::writeCacheFileSoon((dir.path() / "a.fanout-scan").string(), "key", ScanInputs{},
                               std::move(result));
    for (int wait = 0; wait < 1000 && !written.expired(); ++wait) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_TRUE(written.expired());
    EXPECT_TRUE(finishCacheWrites().empty());
    EXPECT_TRUE(fs::exists(dir.path() / "a.fanout-scan"));
}

TEST(ScanCacheEnvironments, ImportEditsInAnRwsdkAppEqualAPlainScan) {
    testing::TempDir project;
    testing::TempDir cache;
    fs::copy(testing::fixtureProject(std::string(FANOUT_TEST_DATA) + "/diff/before"),
             project.path(), fs::copy_options::recursive);
    project.write("src/app/Widget.tsx", "\"use client\";\nimport { Camera } from \"icons\";\n"
                                        "export function Widget() { return Camera; }\n");
    project.write("src/app/actions.ts", "\"use server\";\nexport async function save() {}\n");
    const auto page = [&](const std::string& imports, const std::string& used) {
        project.write("src/app/Page.tsx",
                      imports + "export function Page() { return [" + used + "]; }\n");
    };
    page("import { Widget } from \"./Widget\";\nimport { save } from \"./actions\";\n",
         "Widget, save");
    const auto root = fs::canonical(project.path()).string();
    ScanCacheSettings settings;
    settings.dir = cache.path().string();
    const auto rescan = [&] {
        const auto config = loadScanConfig(root, {});
        ScanCacheReport report;
        const auto result = cachedScan(config, {}, settings, &report);
        EXPECT_TRUE(report.updated) << report.note;
        EXPECT_EQ(scanToJson(*result, {.reproducible = true}),
                  scanToJson(*scan(config), {.reproducible = true}))
            << report.note;
        return result;
    };
    ScanCacheReport first;
    const auto before = cachedScan(loadScanConfig(root, {}), {}, settings, &first);
    ASSERT_EQ(before->config.preset, "rwsdk");
    ASSERT_FALSE(before->clientBoundaries.empty());
    page("import { save } from \"./actions\";\n", "save"); // the client component no longer
    EXPECT_TRUE(rescan()->clientBoundaries.empty());
    page("import { Widget } from \"./Widget\";\n", "Widget"); // the server action no longer
    EXPECT_FALSE(rescan()->clientBoundaries.empty());
    page("import { Widget } from \"./Widget\";\nimport { save } from \"./actions\";\n",
         "Widget, save");
    EXPECT_FALSE(rescan()->serverActions.empty());
    project.write("src/worker.tsx", "import { Page } from \"./app/Page\";\n"
                                    "export default { fetch() { return [Page]; } };\n");
    rescan(); // the worker's imports of the icon barrel and of shared gone
    EXPECT_TRUE(finishCacheWrites().empty()); // each update stored
}

} // namespace
} // namespace fanout
