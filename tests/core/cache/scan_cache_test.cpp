// SPDX-License-Identifier: GPL-3.0-or-later
// The persistent scan cache: a result is loaded only when nothing it depends on changed, and an
// edit of a few files updates it in place or rescans those files with the rest taken from it.
// (Every other kind of change: scan_cache_changes_test.cpp; damaged, foreign and concurrent
// caches: scan_cache_integrity_test.cpp.)
#include "scan_cache_fixture.h"

#include "fixture_project.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>

#include <filesystem>

namespace fanout {
namespace {

using cache_test::ScanCacheTest;
namespace fs = std::filesystem;

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

// Both trust margins for every test of the suite, in whichever file it is.
INSTANTIATE_TEST_SUITE_P(TrustMargins, ScanCacheTest, ::testing::Values(kTrustMarginNs, 0));

// Environments and directives: an rwsdk app (a worker environment, "use client" modules moved to
// the client and SSR ones, src/ files with a directive as entries), whose server page gains and
// loses a client component and a server action. Every rescan through the cache equals a plain scan.
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
