// SPDX-License-Identifier: GPL-3.0-or-later
// A cache that cannot be trusted (corrupt, truncated, of another format or configuration, replaced
// while read) gives a full scan; two writers leave a complete cache; the cache folder is never
// inside the project; eviction and clearing; background writes let go of their result.
#include "scan_cache_fixture.h"
#include "threads.h"

#include "cache/cache_file.h"
#include "cache/cache_writes.h"
#include "fanout/io/whole_file.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <thread>

namespace fanout {
namespace {

using cache_test::ScanCacheTest;
using testing::TempDir;
namespace fs = std::filesystem;

// The cache file at `path` with its bytes changed by `change`.
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
    testing::runOnThreads(results.size(), [&](std::size_t i) {
        ScanCacheReport report;
        results[i] = json(*cached(report));
    });
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

// A write in the background lets go of the result once done, though it is only forgotten at the
// next access to the cache: a window that replaced its result does not keep the old one.
TEST(ScanCacheWrites, AFinishedWriteKeepsNoResult) {
    TempDir dir;
    auto result = std::make_shared<ScanResult>();
    result->modules.resize(1000);
    const std::weak_ptr<const ScanResult> written = result;
    detail::writeCacheFileSoon((dir.path() / "a.fanout-scan").string(), "key", detail::CacheFile{},
                               std::move(result));
    for (int wait = 0; wait < 1000 && !written.expired(); ++wait) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_TRUE(written.expired());
    EXPECT_TRUE(finishCacheWrites().empty());
    EXPECT_TRUE(fs::exists(dir.path() / "a.fanout-scan"));
}

} // namespace
} // namespace fanout
