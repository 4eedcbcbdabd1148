// SPDX-License-Identifier: GPL-3.0-or-later
#include "file_text.h"
#include "fixture_project.h"
#include "process.h"
#include "temp_dir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <vector>

namespace fanout {
namespace {

namespace fs = std::filesystem;

const std::string kApp = testing::fixtureProject(std::string(FANOUT_TEST_DATA) + "/scan/app");

testing::ProcessResult fanout(std::vector<std::string> args) {
    args.insert(args.begin(), FANOUT_EXECUTABLE);
    return testing::runProcess(args);
}

TEST(ScanCli, JsonDocumentFollowsTheContract) {
    const auto result = fanout({"scan", kApp, "--json", "-", "--quiet"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(result.err.empty()) << result.err;
    const auto doc = nlohmann::json::parse(result.out);
    EXPECT_EQ(doc["schema"], 1);
    EXPECT_EQ(doc["root"], kApp);
    EXPECT_EQ(doc["config"]["preset"], "rwsdk");
    const auto& first = doc["modules"][0];
    for (const char* key : {"path", "env", "kind", "package", "bytes", "directive", "aliases"}) {
        EXPECT_TRUE(first.contains(key)) << key;
    }
    EXPECT_EQ(first["path"], "node_modules/shared/browser.js");
    EXPECT_EQ(first["package"]["name"], "shared");
    const auto& edge = doc["edges"][0];
    for (const char* key :
         {"importer", "env", "specifier", "kind", "typeOnly", "query", "resolved"}) {
        EXPECT_TRUE(edge.contains(key)) << key;
    }
    EXPECT_EQ(doc["directives"]["server"], nlohmann::json::array({"src/app/actions.ts"}));
    EXPECT_GT(doc["stats"]["peakResidentBytes"].get<long>(), 0);
    // 9 files under src/ (each read once to learn its directive) and two of the package.
    EXPECT_EQ(doc["stats"]["filesRead"], 11);
}

// The peak is the scan's own, not that of the process that started it: the kernel's ru_maxrss
// keeps the memory of the program a process ran before exec, for a forked child its parent's.
TEST(ScanCli, ThePeakIsTheScansOwnNotItsParents) {
    constexpr std::size_t kParent = std::size_t{384} << 20;
    const std::vector<char> held(kParent, 1); // resident in this process, and so in a fork of it
    const auto result = fanout({"scan", kApp, "--json", "-", "--quiet"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto peak = nlohmann::json::parse(result.out)["stats"]["peakResidentBytes"].get<double>();
    EXPECT_GT(peak, 0);
    EXPECT_LT(peak, static_cast<double>(kParent) / 2) << "the parent's memory was counted";
    EXPECT_EQ(held.back(), 1);
}

TEST(ScanCli, ThreadCountsGiveByteIdenticalReproducibleJson) {
    const auto one =
        fanout({"scan", kApp, "--threads", "1", "--json", "-", "--reproducible", "-q"});
    const auto four =
        fanout({"scan", kApp, "--threads", "4", "--json", "-", "--reproducible", "-q"});
    ASSERT_EQ(one.exitCode, 0);
    EXPECT_EQ(one.out, four.out);
}

TEST(ScanCli, TheTreeSitterParserGivesTheSameReproducibleJson) {
    const auto lexer = fanout({"scan", kApp, "--json", "-", "--reproducible", "-q"});
    const auto reference =
        fanout({"scan", kApp, "--parser", "tree-sitter", "--json", "-", "--reproducible", "-q"});
    ASSERT_EQ(reference.exitCode, 0) << reference.err;
    EXPECT_EQ(lexer.out, reference.out);
    const auto stats = nlohmann::json::parse(
        fanout({"scan", kApp, "--parser", "tree-sitter", "--json", "-", "-q"}).out)["stats"];
    EXPECT_EQ(stats["parser"]["choice"], "tree-sitter");
    EXPECT_EQ(stats["parser"]["filesLexed"], 0);
    EXPECT_EQ(fanout({"scan", kApp, "--parser", "acorn"}).exitCode, 2);
}

TEST(ScanCli, WritesFilesWholeAndLeavesNoTemporaries) {
    testing::TempDir out;
    const auto json = (out.path() / "scan.json").string();
    const auto directives = (out.path() / "directives.json").string();
    out.write("scan.json", "previous");
    const auto result =
        fanout({"scan", kApp, "--json", json, "--directives", directives, "--compat", "rwsdk"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.err.find("fanout scan: 9 modules"), std::string::npos) << result.err;
    const auto map = nlohmann::json::parse(testing::fileText(directives));
    // Orphan is a conditional entry nothing imports; under --compat rwsdk the import of
    // ./Widget.client is not followed, so Widget.client.tsx is only a conditional entry too.
    EXPECT_EQ(map, nlohmann::json::parse(R"({"client": ["src/app/Button.tsx",
        "src/app/Orphan.tsx", "src/app/Widget.client.tsx"], "server": ["src/app/actions.ts"],
        "clientBoundaries": ["src/app/Button.tsx"], "serverActions": ["src/app/actions.ts"]})"));
    EXPECT_EQ(nlohmann::json::parse(testing::fileText(json))["config"]["compat"], "rwsdk");
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(out.path())) {
        ++files;
    }
    EXPECT_EQ(files, 2u);
}

TEST(ScanCli, WritesIntoANamedPipeGivenAsTheOutput) {
    testing::TempDir out;
    const auto fifo = out.path() / "scan.json";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    auto read = testing::readPipeInBackground(fifo);
    const auto result = fanout({"scan", kApp, "-q", "--json", fifo.string()});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    ASSERT_EQ(read.wait_for(std::chrono::seconds(10)), std::future_status::ready)
        << "nothing was written into the pipe";
    EXPECT_EQ(nlohmann::json::parse(read.get())["schema"], 1);
    EXPECT_TRUE(fs::is_fifo(fs::symlink_status(fifo))) << "the pipe was replaced by a file";
}

TEST(ScanCli, ExitCodes) {
    EXPECT_EQ(fanout({"scan", kApp, "--threads", "0"}).exitCode, 2);
    EXPECT_EQ(fanout({"scan", kApp, "--preset", "webpack"}).exitCode, 2);
    const auto noRoot = fanout({"scan", kApp + "/missing"});
    EXPECT_EQ(noRoot.exitCode, 3);
    EXPECT_NE(noRoot.err.find("not a folder"), std::string::npos);
    testing::TempDir empty;
    const auto noEntries = fanout({"scan", empty.path().string()});
    EXPECT_EQ(noEntries.exitCode, 3);
    EXPECT_NE(noEntries.err.find("no entries"), std::string::npos);
    const auto unwritable = fanout({"scan", kApp, "--json", "/nonexistent-dir/x.json", "-q"});
    EXPECT_EQ(unwritable.exitCode, 1);
    EXPECT_NE(unwritable.err.find("cannot write the scan JSON"), std::string::npos);
}

TEST(ScanCli, NothingIsWrittenIntoTheProject) {
    testing::TempDir copy;
    fs::copy(kApp, copy.path() / "app", fs::copy_options::recursive);
    std::map<std::string, fs::file_time_type> before;
    for (const auto& entry : fs::recursive_directory_iterator(copy.path())) {
        before[entry.path().string()] = entry.last_write_time();
    }
    ASSERT_EQ(fanout({"scan", (copy.path() / "app").string(), "-q"}).exitCode, 0);
    std::map<std::string, fs::file_time_type> after;
    for (const auto& entry : fs::recursive_directory_iterator(copy.path())) {
        after[entry.path().string()] = entry.last_write_time();
    }
    EXPECT_EQ(before, after);
}

} // namespace
} // namespace fanout

namespace fanout {
namespace {

TEST(ReportCli, SummarisesTheScan) {
    const auto result = testing::runProcess({FANOUT_EXECUTABLE, "report", kApp, "-q"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("Fanout report for " + kApp + " (preset rwsdk"), std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("Largest packages"), std::string::npos);
    EXPECT_EQ(testing::runProcess({FANOUT_EXECUTABLE, "report", kApp + "/missing"}).exitCode, 3);
}

TEST(WhyCli, PrintsTheChainOrSaysItIsUnreachable) {
    const auto result = testing::runProcess(
        {FANOUT_EXECUTABLE, "why", kApp, "node_modules/shared/browser.js", "-q"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("imports \"shared\""), std::string::npos) << result.out;
    const auto byPackage = testing::runProcess({FANOUT_EXECUTABLE, "why", kApp, "shared", "-q"});
    EXPECT_EQ(byPackage.exitCode, 0);
    EXPECT_NE(byPackage.out.find("node_modules/shared/worker.js [worker]"), std::string::npos);
    const auto missing = testing::runProcess({FANOUT_EXECUTABLE, "why", kApp, "nope.ts", "-q"});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_NE(missing.err.find("no module matches"), std::string::npos);
    const auto fromInside =
        testing::runProcess({FANOUT_EXECUTABLE, "why", "src/app/actions.ts", "-q"}, kApp);
    EXPECT_EQ(fromInside.exitCode, 0) << fromInside.err;
    EXPECT_NE(fromInside.out.find("(an entry of the scan)"), std::string::npos);
}

TEST(WhyCli, ARepeatableOptionTakesOneValueSoTheModuleStaysAPositional) {
    const auto result = testing::runProcess(
        {FANOUT_EXECUTABLE, "why", kApp, "--entry", "src/worker.tsx", "shared", "-q"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("imports \"shared\""), std::string::npos) << result.out;
}

TEST(ScanCli, JsonCarriesTheAnalysis) {
    const auto result = testing::runProcess({FANOUT_EXECUTABLE, "scan", kApp, "--json", "-", "-q"});
    const auto doc = nlohmann::json::parse(result.out);
    for (const char* key : {"hotspots", "packages", "duplicates", "cycles"}) {
        EXPECT_TRUE(doc.contains(key)) << key;
    }
    EXPECT_EQ(doc["packages"][0]["name"], "shared");
    EXPECT_TRUE(doc["modules"][0].contains("reachEstimate"));
    EXPECT_TRUE(doc["duplicates"].contains("multiplier"));
}

} // namespace
} // namespace fanout

namespace fanout {
namespace {

TEST(CheckCli, ExitCodesAndViolationsWithTheirChains) {
    testing::TempDir tmp;
    const auto demo = (tmp.path() / "demo").string();
    ASSERT_EQ(testing::runProcess({FANOUT_EXECUTABLE, "demo", demo, "--icons", "60"}).exitCode, 0);
    const auto holds =
        testing::runProcess({FANOUT_EXECUTABLE, "check", demo, "-q", "--max-modules", "1000"});
    EXPECT_EQ(holds.exitCode, 0) << holds.out << holds.err;
    EXPECT_NE(holds.out.find("every budget holds"), std::string::npos);

    const auto reach = testing::runProcess(
        {FANOUT_EXECUTABLE, "check", demo, "-q", "--max-reach", "40", "--forbid-import",
         "lucide-mini", "--max-package-modules", "lucide-mini=10", "--max-modules", "50"});
    EXPECT_EQ(reach.exitCode, 1);
    EXPECT_NE(reach.out.find("over budget (max-reach): src/app/components/Counter.tsx imports "
                             "\"lucide-mini\" (line 5), which drags in 63 modules (budget 40)"),
              std::string::npos)
        << reach.out;
    EXPECT_NE(reach.out.find("over budget (forbid-import): src/app/components/Counter.tsx"),
              std::string::npos);
    EXPECT_NE(reach.out.find("over budget (max-package-modules): package lucide-mini"),
              std::string::npos);
    EXPECT_NE(reach.out.find("over budget (max-modules)"), std::string::npos);
    EXPECT_NE(reach.out.find("imports \"@/app/pages/HomePage\""), std::string::npos);

    // Counted by what the names need, the imports of a few icons by name are within budget; the
    // icon picker's dynamic imports of every icon are not.
    const auto needed = testing::runProcess(
        {FANOUT_EXECUTABLE, "check", demo, "-q", "--max-reach", "40", "--reach", "needed"});
    EXPECT_EQ(needed.exitCode, 1);
    EXPECT_EQ(needed.out.find("imports \"lucide-mini\""), std::string::npos) << needed.out;
    EXPECT_NE(needed.out.find("IconPicker.tsx imports \"lucide-mini/dynamicIconImports\" (line "
                              "4), which needs 63 modules (budget 40)"),
              std::string::npos)
        << needed.out;
    EXPECT_EQ(testing::runProcess(
                  {FANOUT_EXECUTABLE, "check", demo, "-q", "--max-reach", "40", "--reach", "all"})
                  .exitCode,
              2);

    EXPECT_EQ(testing::runProcess({FANOUT_EXECUTABLE, "check", demo, "-q"}).exitCode, 2);
    EXPECT_EQ(testing::runProcess(
                  {FANOUT_EXECUTABLE, "check", demo, "-q", "--max-package-modules", "nonumber"})
                  .exitCode,
              2);
}

TEST(CheckCli, BudgetsFromFanoutJson) {
    testing::TempDir tmp;
    tmp.write("src/a.js", "import './b.js';\nimport './b.js';\n");
    tmp.write("src/b.js", "export {};\n");
    tmp.write("fanout.json", R"({ "entries": ["src/a.js"],
        "budgets": { "maxModules": 1, "maxDuplicatePaths": 0, "maxRssMb": 100000 } })");
    const auto result =
        testing::runProcess({FANOUT_EXECUTABLE, "check", tmp.path().string(), "-q"});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.out.find("2 modules (budget 1)"), std::string::npos) << result.out;
    // A flag overrides the file.
    EXPECT_EQ(testing::runProcess(
                  {FANOUT_EXECUTABLE, "check", tmp.path().string(), "-q", "--max-modules", "2"})
                  .exitCode,
              0);
    tmp.write("fanout.json", R"({ "entries": ["src/a.js"], "budgets": { "maxModule": 1 } })");
    const auto typo = testing::runProcess({FANOUT_EXECUTABLE, "check", tmp.path().string()});
    EXPECT_EQ(typo.exitCode, 3);
    EXPECT_NE(typo.err.find("unknown key \"maxModule\""), std::string::npos) << typo.err;
}

} // namespace
} // namespace fanout

namespace fanout {
namespace {

// RFC 4180 rows, enough to read back what fanout writes.
std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(std::move(field));
            field.clear();
        } else if (c == '\n') {
            rows.back().push_back(std::move(field));
            field.clear();
            rows.emplace_back();
        } else {
            field += c;
        }
    }
    rows.pop_back(); // after the last line break
    return rows;
}

TEST(ExportCli, CsvRoundTripsAgainstTheJson) {
    testing::TempDir out;
    const auto csv = (out.path() / "csv").string();
    const auto result =
        testing::runProcess({FANOUT_EXECUTABLE, "scan", kApp, "-q", "--csv", csv, "--json", "-"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto doc = nlohmann::json::parse(result.out);
    const auto modules = parseCsv(testing::fileText(out.path() / "csv/modules.csv"));
    ASSERT_EQ(modules.size(), doc["modules"].size() + 1);
    for (std::size_t i = 0; i < doc["modules"].size(); ++i) {
        EXPECT_EQ(modules[i + 1][0], doc["modules"][i]["path"]);
        EXPECT_EQ(modules[i + 1][1], doc["modules"][i]["env"]);
        EXPECT_EQ(modules[i + 1][5], std::to_string(doc["modules"][i]["bytes"].get<long>()));
    }
    const auto edges = parseCsv(testing::fileText(out.path() / "csv/edges.csv"));
    ASSERT_EQ(edges.size(), doc["edges"].size() + 1);
    for (std::size_t i = 0; i < doc["edges"].size(); ++i) {
        EXPECT_EQ(edges[i + 1][2], doc["edges"][i]["specifier"]);
        EXPECT_EQ(edges[i + 1][9], doc["edges"][i].value("reason", ""));
    }
    const auto packages = parseCsv(testing::fileText(out.path() / "csv/packages.csv"));
    ASSERT_EQ(packages.size(), 2u);
    EXPECT_EQ(packages[1][0], "shared");
}

TEST(ExportCli, DotParsesWithGraphviz) {
    testing::TempDir out;
    for (const char* level : {"package", "module"}) {
        const auto dot = (out.path() / (std::string(level) + ".dot")).string();
        const auto result = testing::runProcess(
            {FANOUT_EXECUTABLE, "scan", kApp, "-q", "--dot", dot, "--dot-level", level});
        ASSERT_EQ(result.exitCode, 0) << result.err;
        const auto text = testing::fileText(dot);
        EXPECT_TRUE(text.starts_with("digraph fanout {")) << text;
        if (!fs::exists("/usr/bin/dot")) {
            GTEST_SKIP() << "Graphviz's dot is not installed (scripts/test installs it)";
        }
        const auto layout = testing::runProcess({"/usr/bin/dot", "-Tplain", dot});
        EXPECT_EQ(layout.exitCode, 0) << layout.err;
        EXPECT_NE(layout.out.find("node "), std::string::npos);
    }
    EXPECT_NE(testing::fileText(out.path() / "package.dot").find("shared@1.0.0"),
              std::string::npos);
    EXPECT_NE(testing::fileText(out.path() / "module.dot").find("src/app/Button.tsx [client]"),
              std::string::npos);
}

} // namespace
} // namespace fanout

namespace fanout {
namespace {

TEST(ScanCli, OptimizeFlagsAndBarrelImportsInTheDocument) {
    testing::TempDir tmp;
    const auto demo = (tmp.path() / "demo").string();
    ASSERT_EQ(testing::runProcess({FANOUT_EXECUTABLE, "demo", demo, "--icons", "60"}).exitCode, 0);
    const auto plain = testing::runProcess({FANOUT_EXECUTABLE, "scan", demo, "-q", "--json", "-"});
    ASSERT_EQ(plain.exitCode, 0) << plain.err;
    const auto plainDoc = nlohmann::json::parse(plain.out);
    const auto& rows = plainDoc["barrelImports"];
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0]["specifier"], "lucide-mini");
    EXPECT_LT(rows[0]["neededModules"].get<int>(), rows[0]["walkedModules"].get<int>());

    const auto optimized = testing::runProcess({FANOUT_EXECUTABLE, "scan", demo, "-q", "--json",
                                                "-", "--optimize-package", "lucide-mini"});
    ASSERT_EQ(optimized.exitCode, 0) << optimized.err;
    const auto doc = nlohmann::json::parse(optimized.out);
    EXPECT_EQ(doc["config"]["optimizePackages"], nlohmann::json::array({"lucide-mini"}));
    EXPECT_FALSE(doc["config"]["optimizeBarrels"].get<bool>());
    // The barrel's re-exports are followed for the three icons imported by name only (the icon
    // picker's dynamic imports still reach every icon).
    EXPECT_LT(doc["edges"].size() + 100, plainDoc["edges"].size());
}

// fanout restarts itself once for huge-page heaps (execv of /proc/self/exe); started by the
// dynamic loader by hand, /proc/self/exe is the loader, so it must not.
TEST(ScanCli, RunsWhenStartedByTheDynamicLoader) {
    std::string loader;
    for (const char* candidate : {"/lib64/ld-linux-x86-64.so.2", "/lib/ld-linux-aarch64.so.1"}) {
        if (fs::exists(candidate)) {
            loader = candidate;
        }
    }
    if (loader.empty()) {
        GTEST_SKIP() << "no known dynamic loader path on this machine";
    }
    const auto direct = fanout({"scan", kApp, "--json", "-", "--quiet", "--reproducible"});
    const auto byLoader = testing::runProcess(
        {loader, FANOUT_EXECUTABLE, "scan", kApp, "--json", "-", "--quiet", "--reproducible"});
    ASSERT_EQ(direct.exitCode, 0) << direct.err;
    ASSERT_EQ(byLoader.exitCode, 0) << byLoader.err;
    EXPECT_EQ(byLoader.out, direct.out);
}

} // namespace
} // namespace fanout
