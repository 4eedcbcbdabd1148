// SPDX-License-Identifier: GPL-3.0-or-later
// The build profiler on a fake build whose processes hold known amounts of memory.
#include "fanout/heap/heap_snapshot.h"
#include "fanout/profile/process_tree.h"
#include "fanout/profile/profiler.h"

#include "process.h"
#include "temp_dir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fanout {
namespace {

constexpr double kMb = 1024.0 * 1024.0;

ProfileOptions fakeBuild(int exitCode) {
    ProfileOptions options;
    options.command = {FANOUT_FAKE_BUILD, std::to_string(exitCode)};
    options.intervalSeconds = 0.05;
    options.phases = {
        {"resolve", "^\\[fake\\] resolving"}, {"bundle", "bundling"}, {"write", "writing output"}};
    options.output = [](std::string_view, bool) {};
    return options;
}

// Processes whose name the kernel shortens to fanout_fake_bui, alive or zombie.
std::size_t fakeBuildsLeft() {
    std::size_t left = 0;
    for (const auto& process : listProcesses()) {
        left += process.name.starts_with("fanout_fake_b");
    }
    return left;
}

TEST(Profiler, PeaksPerProcessPhasesAndTheExitCodeOfAFakeBuild) {
    const auto result = profileCommand(fakeBuild(3));
    ASSERT_TRUE(result.started) << result.error;
    EXPECT_EQ(result.exitCode, 3);
    std::vector<std::string> phases;
    for (const auto& mark : result.phases) {
        phases.push_back(mark.name);
    }
    EXPECT_EQ(phases, (std::vector<std::string>{"resolve", "bundle", "write"}));

    // The fake build and its workers (the launcher lives too briefly to be sampled): sorted by
    // peak, the 120 MB worker leads, then the 60 MB worker that outlived its launcher, then the
    // main process (40 MB while writing).
    auto processes = result.processes;
    std::sort(processes.begin(), processes.end(),
              [](const auto& a, const auto& b) { return a.peakBytes > b.peakBytes; });
    ASSERT_GE(processes.size(), 3u);
    const auto peak = [](const ProfiledProcess& p) {
        return static_cast<double>(p.peakBytes) / kMb;
    };
    EXPECT_NEAR(peak(processes[0]), 122, 10);
    EXPECT_EQ(processes[0].peakPhase, "bundle");
    EXPECT_NEAR(peak(processes[1]), 62, 10);
    EXPECT_EQ(processes[1].peakPhase, "bundle");
    EXPECT_NE(processes[1].ppid, processes[0].ppid); // born to the launcher, not the main process
    EXPECT_NEAR(peak(processes[2]), 42, 10);
    EXPECT_EQ(processes[2].pid, result.processes.front().pid); // the command itself
    EXPECT_EQ(processes[2].peakPhase, "write");
    EXPECT_GT(processes[0].peakAt, result.phases[1].seconds);

    // Both workers at once make the tree's peak.
    EXPECT_NEAR(static_cast<double>(result.treePeakBytes) / kMb, 186, 20);
    EXPECT_EQ(result.treePeakPhase, "bundle");
    EXPECT_GT(result.minAvailableBytes, 0u);
    EXPECT_GT(result.samples.size(), 20u);
    EXPECT_EQ(fakeBuildsLeft(), 0u) << "a zombie or a stray process is left";
}

TEST(Profiler, ACommandThatCannotStartSaysWhy) {
    ProfileOptions options;
    options.command = {"/no/such/program"};
    const auto result = profileCommand(options);
    EXPECT_FALSE(result.started);
    EXPECT_EQ(result.error, "cannot start /no/such/program: No such file or directory");
    options.command = {"true"};
    options.workingDirectory = "/no/such/folder";
    EXPECT_NE(profileCommand(options).error.find("cannot enter /no/such/folder"),
              std::string::npos);
    options.workingDirectory.clear();
    options.phases = {{"broken", "(unclosed"}};
    EXPECT_THROW(profileCommand(options), std::invalid_argument);
}

TEST(Profiler, OutputPassesThroughLineByLineOnItsOwnStream) {
    auto options = fakeBuild(0);
    std::vector<std::pair<std::string, bool>> lines;
    options.output = [&](std::string_view line, bool error) { lines.emplace_back(line, error); };
    const auto result = profileCommand(options);
    EXPECT_EQ(result.exitCode, 0);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines.front(),
              (std::pair<std::string, bool>{"[fake] resolving dependencies", false}));
    EXPECT_NE(std::find(lines.begin(), lines.end(),
                        std::pair<std::string, bool>{"[fake] done with 0", true}),
              lines.end());
}

TEST(Profiler, TheCommandGetsOurEnvironmentWithTheGivenVariablesSetOverIt) {
    ProfileOptions options;
    options.command = {"sh", "-c", "echo \"$FANOUT_TEST_A|$FANOUT_TEST_B|${PATH:+path}\""};
    options.environment = {{"FANOUT_TEST_A", "set"}, {"PATH", std::getenv("PATH")}};
    std::vector<std::string> lines;
    options.output = [&](std::string_view line, bool) { lines.emplace_back(line); };
    ::setenv("FANOUT_TEST_B", "inherited", 1);
    ::setenv("FANOUT_TEST_A", "overridden", 1);
    const auto result = profileCommand(options);
    ::unsetenv("FANOUT_TEST_A");
    ::unsetenv("FANOUT_TEST_B");
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_EQ(lines, std::vector<std::string>{"set|inherited|path"});
}

// Node, short of heap, writes a snapshot into the folder fanout profile names; the user's own
// NODE_OPTIONS stay; the snapshot is listed and reads as one.
TEST(ProfileCli, NodeWritesAHeapSnapshotNearItsLimitAndItIsListed) {
    if (testing::runProcess({"node", "--version"}).exitCode != 0) {
        GTEST_SKIP() << "node is not installed";
    }
    testing::TempDir tmp;
    const auto dir = (tmp.path() / "heap snapshots").string();
    const auto run =
        testing::runProcess({"env", "NODE_OPTIONS=--max-old-space-size=16", FANOUT_EXECUTABLE,
                             "profile", "--heap-snapshot-near-limit", dir, "--", "node", "-e",
                             "console.log(process.env.NODE_OPTIONS); const a = []; "
                             "for (;;) a.push('x'.repeat(100) + a.length);"});
    EXPECT_NE(run.exitCode, 0) << "node ran out of heap";
    EXPECT_EQ(run.out.substr(0, run.out.find('\n')),
              "--max-old-space-size=16 --heapsnapshot-near-heap-limit=1 --diagnostic-dir=\"" + dir +
                  "\"");
    std::vector<std::filesystem::path> written;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        written.push_back(entry.path());
    }
    ASSERT_EQ(written.size(), 1u) << run.err;
    EXPECT_EQ(written[0].extension(), ".heapsnapshot");
    EXPECT_NE(run.err.find("heap snapshot written: " + written[0].string()), std::string::npos)
        << run.err;
    const auto snapshot = readHeapSnapshot(written[0].string());
    EXPECT_GT(snapshot.nodeCount(), 100000u);

    const auto none = testing::runProcess(
        {FANOUT_EXECUTABLE, "profile", "--heap-snapshot-near-limit", dir, "--", "node", "-e", "1"});
    EXPECT_EQ(none.exitCode, 0) << none.err;
    EXPECT_NE(none.err.find("no heap snapshot was written"), std::string::npos) << none.err;
}

// Fanout may start itself again with glibc's huge-page tunable set for its own heaps (where they
// pay off: measured at start); the command it profiles gets GLIBC_TUNABLES as the user had it (its
// memory is what is measured), and nothing of Fanout's own.
TEST(ProfileCli, TheCommandGetsTheUsersGlibcTunablesNotFanouts) {
    const std::vector<std::string> command{
        FANOUT_EXECUTABLE,
        "profile",
        "--",
        "sh",
        "-c",
        "printf '%s|%s\\n' \"${GLIBC_TUNABLES-unset}\" \"${FANOUT_GLIBC_TUNABLES_BEFORE-none}\""};
    const auto withEnv = [&](std::vector<std::string> env) {
        env.insert(env.end(), command.begin(), command.end());
        return testing::runProcess(env);
    };
    const auto unset = withEnv({"env", "-u", "GLIBC_TUNABLES"});
    EXPECT_EQ(unset.exitCode, 0) << unset.err;
    EXPECT_EQ(unset.out, "unset|none\n");
    const auto set = withEnv({"env", "GLIBC_TUNABLES=glibc.malloc.arena_max=3"});
    EXPECT_EQ(set.exitCode, 0) << set.err;
    EXPECT_EQ(set.out, "glibc.malloc.arena_max=3|none\n");
}

TEST(ProfileCli, WritesTheTimelineAsJsonAndCsvAndExitsWithTheCommandsCode) {
    testing::TempDir tmp;
    const auto json = (tmp.path() / "profile.json").string();
    const auto csv = (tmp.path() / "profile.csv").string();
    const auto run = testing::runProcess({FANOUT_EXECUTABLE, "profile", "--interval", "50",
                                          "--phase", "bundle=bundling", "--json", json, "--csv",
                                          csv, "--", FANOUT_FAKE_BUILD, "5"});
    EXPECT_EQ(run.exitCode, 5) << run.err;
    EXPECT_NE(run.out.find("[fake] bundling client"), std::string::npos); // passed through
    EXPECT_NE(run.err.find("exited with 5"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("tree peak"), std::string::npos);
    std::ifstream in(json);
    const auto document = nlohmann::json::parse(in);
    EXPECT_EQ(document.at("exitCode"), 5);
    EXPECT_EQ(document.at("phases").at(0).at("name"), "bundle");
    EXPECT_GE(document.at("processes").size(), 3u);
    EXPECT_GT(document.at("timeline").size(), 10u);
    std::ifstream table(csv);
    std::string header;
    std::getline(table, header);
    EXPECT_TRUE(header.starts_with("seconds,phase,tree_bytes,available_bytes,")) << header;
    std::size_t rows = 0;
    for (std::string line; std::getline(table, line);) {
        ++rows;
    }
    EXPECT_EQ(rows, document.at("timeline").size());

    const auto missing = testing::runProcess({FANOUT_EXECUTABLE, "profile", "--", "/no/such"});
    EXPECT_EQ(missing.exitCode, 127);
    EXPECT_NE(missing.err.find("cannot start /no/such"), std::string::npos);
}

} // namespace
} // namespace fanout
