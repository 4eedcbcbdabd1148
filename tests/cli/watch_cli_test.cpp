// SPDX-License-Identifier: GPL-3.0-or-later
// `fanout scan --watch`: a file created, edited and deleted and a package folder replaced each
// give a rescan and its line (what changed, the modules with their change, how it was scanned);
// a change that changes nothing the result depends on gives none.
#include "process.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <future>
#include <mutex>
#include <sstream>
#include <string_view>
#include <thread>

namespace fanout {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        out.push_back(line);
    }
    return out;
}

// The lines a running program has printed so far, counted as they arrive; a step of the test
// waits for the line of the rescan it caused before making the next change, so a slow machine
// cannot fold two changes into one rescan.
class LineCounter {
public:
    void add(std::string_view text) {
        const std::lock_guard lock(m_mutex);
        m_lines += static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
        m_changed.notify_all();
    }
    bool waitFor(std::size_t lines, std::chrono::seconds timeout) {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, timeout, [&] { return m_lines >= lines; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::size_t m_lines = 0;
};

bool anyLine(const std::vector<std::string>& all, std::initializer_list<const char*> parts) {
    return std::any_of(all.begin(), all.end(), [&](const std::string& line) {
        return std::all_of(parts.begin(), parts.end(),
                           [&](const char* part) { return line.find(part) != std::string::npos; });
    });
}

TEST(WatchCli, EachChangeGivesARescanAndItsLine) {
    testing::TempDir project;
    testing::TempDir cache;
    project.write("package.json", R"({"name": "app"})");
    project.write("src/main.ts", "import './a';\nimport 'pkg';\n");
    project.write("src/a.ts", "export const a = 1;\n");
    project.write("node_modules/pkg/package.json", R"({"name": "pkg", "version": "1.0.0"})");
    project.write("node_modules/pkg/index.js", "export default 1;\n");
    const auto root = fs::canonical(project.path());
    constexpr unsigned kRescans = 4;
    LineCounter printedSoFar;
    auto run = std::async(std::launch::async, [&] {
        return testing::runProcess({FANOUT_EXECUTABLE, "scan", root.string(), "--entry",
                                    "src/main.ts", "--cache-dir", cache.path().string(), "--watch",
                                    "--watch-limit", std::to_string(kRescans)},
                                   {}, [&](std::string_view text) { printedSoFar.add(text); });
    });
    const auto lineAfterChange = [&](std::size_t lines) {
        EXPECT_TRUE(printedSoFar.waitFor(lines, 60s)) << "no line " << lines << " in a minute";
    };
    // Watching once the first scan is stored.
    for (int i = 0; i < 200 && fs::is_empty(cache.path()); ++i) {
        std::this_thread::sleep_for(50ms);
    }
    ASSERT_FALSE(fs::is_empty(cache.path()));
    const auto settle = [] { std::this_thread::sleep_for(1500ms); };
    settle();
    // Touched, not changed: a rescan from the cache, and no line.
    fs::last_write_time(root / "src/a.ts", fs::file_time_type::clock::now());
    settle();
    // Created (and imported).
    project.write("src/b.ts", "export const b = 1;\n");
    project.write("src/main.ts", "import './a';\nimport 'pkg';\nimport './b';\n");
    lineAfterChange(1);
    settle();
    // Edited: the imports stay, the cached result is updated.
    project.write("src/b.ts", "export const b = 2; // edited\n");
    lineAfterChange(2);
    settle();
    // Deleted (its import now unresolved).
    fs::remove(root / "src/b.ts");
    lineAfterChange(3);
    settle();
    // The package folder replaced by another version, which imports one more file.
    project.write("staging/pkg/package.json", R"({"name": "pkg", "version": "2.0.0"})");
    project.write("staging/pkg/index.js", "import './extra.js';\nexport default 2;\n");
    project.write("staging/pkg/extra.js", "export {};\n");
    fs::rename(root / "node_modules/pkg", root / "staging/old");
    fs::rename(root / "staging/pkg", root / "node_modules/pkg");
    // Changes that came together give one rescan: edits of a.ts's body make up the count.
    for (int i = 0; i < 30 && run.wait_for(1500ms) != std::future_status::ready; ++i) {
        project.write("src/a.ts", "export const a = 1; // " + std::to_string(i) + "\n");
    }
    ASSERT_EQ(run.wait_for(10s), std::future_status::ready) << "no exit after the rescans";
    const auto result = run.get();
    EXPECT_EQ(result.exitCode, 0) << result.err;
    const auto printed = lines(result.out);
    ASSERT_GE(printed.size(), kRescans) << result.out << result.err;
    EXPECT_TRUE(anyLine(printed, {"src/", " changed: 4 modules (+1)"})) << result.out;
    EXPECT_TRUE(anyLine(printed, {"src/b.ts changed: 4 modules (+0)", "updated from the cache"}))
        << result.out;
    EXPECT_TRUE(anyLine(printed, {"src/b.ts changed: 3 modules (-1)", "; scanned in "}))
        << result.out;
    EXPECT_TRUE(anyLine(printed, {" changed: 4 modules (+1)", "; scanned in "})) << result.out;
    EXPECT_FALSE(anyLine(printed, {"; unchanged in "})) << result.out;
    // Nor on stderr: the first scan's cache note only, none for the rescan of the touched file.
    EXPECT_NE(result.err.find("cache: scanned (no cached scan yet)"), std::string::npos)
        << result.err;
    EXPECT_EQ(result.err.find("cache: unchanged"), std::string::npos) << result.err;
    EXPECT_TRUE(
        anyLine(printed, {"\"use client\" (+0)", "files reached by several paths (+0)", "; peak "}))
        << result.out;
}

} // namespace
} // namespace fanout
