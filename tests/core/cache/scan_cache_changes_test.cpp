// SPDX-License-Identifier: GPL-3.0-or-later
// Every kind of change a cached scan depends on is seen and gives a scan that sees it: touched,
// renamed or replaced files, letter case, symbolic links, packages upgraded or installed where a
// folder was missing, tsconfig edits, clock skew.
#include "scan_cache_fixture.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>

namespace fanout {
namespace {

using cache_test::ScanCacheTest;
namespace fs = std::filesystem;

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
    const auto install = [&](const std::string& folder, int major) {
        const auto version = std::to_string(major);
        m_project.write(folder + "/package.json",
                        R"({"name": "@scope/lib", "version": ")" + version + R"(.0.0"})");
        m_project.write(folder + "/index.js", "export default " + version + ";\n");
    };
    install("node_modules/@scope/lib", 1);
    m_project.write("src/main.ts", "import './a';\nimport '@scope/lib';\n");
    const auto inputs = recordedInputs();
    expectVouchedAbsence(inputs, "src/node_modules");
    expectNoFolder(inputs, "src/node_modules/@scope");
    expectScan(false);
    expectScan(true);
    install("src/node_modules/@scope/lib", 2);
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
    install("src/node_modules/@scope/lib", 3);
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

} // namespace
} // namespace fanout
