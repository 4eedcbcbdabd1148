// SPDX-License-Identifier: GPL-3.0-or-later
// `fanout heap` on a small snapshot in V8's layout (tests/data/heap/diamond.heapsnapshot: the root
// holds Alpha and Beta, Beta holds Alpha too, Alpha holds the string "hello" and, weakly, again).
#include "process.h"
#include "snapshot_builder.h"
#include "temp_dir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fanout {
namespace {

const std::string kDiamond = std::string(FANOUT_TEST_DATA) + "/heap/diamond.heapsnapshot";

testing::ProcessResult fanoutHeap(std::vector<std::string> args) {
    args.insert(args.begin(), {FANOUT_EXECUTABLE, "heap"});
    return testing::runProcess(args);
}

TEST(HeapCli, PrintsTheSummaryTheLargestObjectsWithTheirPathsAndTheLiveHeap) {
    const auto run = fanoutHeap({kDiamond});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("4 objects, 5 references, 7 strings; live heap 60 B"), std::string::npos)
        << run.out;
    // Alpha retains the string (Beta's reference to Alpha does not make Beta retain it).
    EXPECT_NE(run.out.find("        40 B  Alpha"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("(string) @7 \"hello\" (self 30 B)\n"
                           "                ← (root) .a\n"
                           "                ← Alpha .c\n"),
              std::string::npos)
        << run.out;
}

TEST(HeapCli, WritesJsonToAFileOrInsteadOfTheText) {
    testing::TempDir dir;
    const auto file = dir.path() / "heap.json";
    const auto toFile = fanoutHeap({kDiamond, "--json", file.string(), "--top", "1"});
    ASSERT_EQ(toFile.exitCode, 0) << toFile.err;
    EXPECT_NE(toFile.out.find("Summary by constructor"), std::string::npos);
    std::ifstream in(file);
    const auto json = nlohmann::json::parse(in);
    EXPECT_EQ(json["reachableBytes"], 60);
    EXPECT_EQ(json["classCount"], 3);
    ASSERT_EQ(json["classes"].size(), 1u) << "--top 1";
    EXPECT_EQ(json["classes"][0]["name"], "Alpha");
    EXPECT_EQ(json["classes"][0]["retainedBytes"], 40);
    EXPECT_EQ(json["largest"][0]["retainerPath"], nlohmann::json::array({"(root) .a"}));

    const auto toStdout = fanoutHeap({kDiamond, "--json", "-", "--compare", kDiamond});
    ASSERT_EQ(toStdout.exitCode, 0) << toStdout.err;
    const auto document = nlohmann::json::parse(toStdout.out);
    EXPECT_EQ(document["edges"], 5);
    EXPECT_EQ(document["comparison"]["liveBytesBefore"], 60);
    EXPECT_TRUE(document["comparison"]["classes"].empty()) << "a snapshot equals itself";
}

// A project whose files a Node process reads into a Map, as a directive-scan plugin does: the
// heap's copies of the sources and paths are counted by package, with what holds them; a
// string whose size is not the file's text is not counted.
TEST(HeapCli, AProjectsModuleSourcesAndPathsHeldByTheHeapAreCountedByPackage) {
    if (testing::runProcess({"node", "--version"}).exitCode != 0) {
        GTEST_SKIP() << "node is not installed";
    }
    testing::TempDir dir;
    const auto root = std::filesystem::canonical(dir.path()).string();
    const std::string icon =
        "export default function Icon() { return 'an icon of some length'; }\n";
    dir.write("package.json", R"({"name": "app", "dependencies": {"icons": "1.0.0"}})");
    dir.write("src/index.js", "import { A, B } from 'icons';\nconsole.log(A, B);\n");
    dir.write("node_modules/icons/package.json",
              R"({"name": "icons", "version": "1.0.0", "main": "index.js"})");
    dir.write("node_modules/icons/index.js",
              "export { default as A } from './a.js';\nexport { default as B } from './b.js';\n" +
                  std::string(2000, ' ') + "// a barrel longer than a string's name\n");
    dir.write("node_modules/icons/a.js", "// a\n" + icon);
    dir.write("node_modules/icons/b.js", "// b \xc3\xa9\xe4\xb8\xad\n" + icon); // two-byte: é中
    const auto snapshot = (dir.path() / "held.heapsnapshot").string();
    const auto node = testing::runProcess(
        {"node", "-e",
         "const fs = require('fs'); const path = require('path');"
         "globalThis.sources = new Map();"
         "for (const f of ['src/index.js', 'node_modules/icons/index.js',"
         "                 'node_modules/icons/a.js', 'node_modules/icons/b.js']) {"
         "  const file = path.join(process.argv[1], f);"
         "  globalThis.sources.set(file, fs.readFileSync(file, 'utf8'));"
         "}"
         // Another build of the barrel: the same first 1,024 characters, a longer text.
         "globalThis.other = Buffer.concat([fs.readFileSync(process.argv[1] +"
         "  '/node_modules/icons/index.js'), Buffer.from('// another build\\n')]).toString();"
         "require('v8').writeHeapSnapshot(process.argv[2]);",
         root, snapshot});
    ASSERT_EQ(node.exitCode, 0) << node.err;
    const auto run = fanoutHeap({snapshot, "--project", root, "--json", "-"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto held = nlohmann::json::parse(run.out)["project"];
    EXPECT_EQ(held["modulesScanned"], 4);
    EXPECT_EQ(held["sources"], 4) << "a longer text with the same name is not the file's";
    EXPECT_EQ(held["paths"], 4);
    ASSERT_EQ(held["packages"].size(), 2u) << held.dump(2);
    const auto& icons = held["packages"][0];
    EXPECT_EQ(icons["name"], "icons@1.0.0");
    EXPECT_EQ(icons["modules"], 3);
    EXPECT_EQ(icons["sources"], 3);
    EXPECT_GE(icons["sourceBytes"].get<std::uint64_t>(), 2000u + 2 * icon.size());
    // The Map's table (an array) holds it; its slot depends on the Map's hashing.
    const auto& through = icons["heldThrough"];
    ASSERT_GE(through.size(), 2u) << icons.dump(2);
    EXPECT_EQ(through[through.size() - 2], "Map internal table") << icons.dump(2);
    EXPECT_TRUE(through.back().get<std::string>().starts_with("(array) internal "));
    EXPECT_EQ(held["packages"][1]["name"], "(project)");
    EXPECT_EQ(held["packages"][1]["sources"], 1);

    EXPECT_EQ(fanoutHeap({snapshot, "--project", (dir.path() / "missing").string()}).exitCode, 3);
}

// A barrel of twelve icons, every icon's source held in the heap: the roll-up by barrel counts
// them all for the barrel, the roll-up by module lists each.
TEST(HeapCli, WhatTheHeapHoldsIsRolledUpByBarrelAndByModule) {
    testing::TempDir dir;
    const auto root = std::filesystem::canonical(dir.path()).string();
    dir.write("package.json", R"({"name": "app", "dependencies": {"icons": "1.0.0"}})");
    dir.write("src/index.js", "import { I0 } from 'icons';\nconsole.log(I0);\n");
    dir.write("node_modules/icons/package.json",
              R"({"name": "icons", "version": "1.0.0", "main": "index.js"})");
    std::string barrel;
    testing::SnapshotBuilder b;
    const auto heapRoot = b.node("synthetic", "", 0);
    for (int i = 0; i < 12; ++i) {
        const auto name = "i" + std::to_string(i) + ".js";
        const auto text = "export default function I" + std::to_string(i) +
                          "() { return 'an icon of some length, number " + std::to_string(i) +
                          "'; }\n";
        dir.write("node_modules/icons/" + name, text);
        barrel += "export { default as I" + std::to_string(i) + " } from './" + name + "';\n";
        // As V8 stores a one-byte string: 16 bytes of header, rounded up to 8.
        b.edge(heapRoot, b.node("string", text, (16 + text.size() + 7) / 8 * 8), "element",
               std::to_string(i));
    }
    dir.write("node_modules/icons/index.js", barrel);
    const auto snapshot = (dir.path() / "icons.heapsnapshot").string();
    std::ofstream(snapshot) << b.json();

    const auto run = fanoutHeap({snapshot, "--project", root, "--json", "-"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto held = nlohmann::json::parse(run.out)["project"];
    ASSERT_EQ(held["barrels"].size(), 1u) << held.dump(2);
    const auto& rolled = held["barrels"][0];
    EXPECT_EQ(rolled["path"], root + "/node_modules/icons/index.js");
    EXPECT_EQ(rolled["reach"], 13) << "the barrel and its twelve icons";
    EXPECT_EQ(rolled["heldModules"], 12);
    EXPECT_EQ(rolled["sourceBytes"], held["sourceBytes"]);
    ASSERT_EQ(held["modules"].size(), 12u);
    EXPECT_EQ(held["modules"][0]["sources"], 1);

    const auto text = fanoutHeap({snapshot, "--project", root});
    EXPECT_NE(text.out.find("By barrel"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("node_modules/icons/index.js: 12 of the 13 modules it reaches"),
              std::string::npos)
        << text.out;
}

TEST(HeapCli, ABrokenSnapshotExitsWithTwoSayingWhereAndWritesNothing) {
    testing::TempDir dir;
    std::ifstream in(kDiamond);
    std::stringstream whole;
    whole << in.rdbuf();
    const auto broken = dir.path() / "broken.heapsnapshot";
    std::ofstream(broken) << whole.str().substr(0, 300);
    const auto json = dir.path() / "out.json";
    const auto run = fanoutHeap({broken.string(), "--json", json.string()});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("broken.heapsnapshot: at byte 300:"), std::string::npos) << run.err;
    EXPECT_TRUE(run.out.empty()) << run.out;
    EXPECT_FALSE(std::filesystem::exists(json));
    EXPECT_EQ(fanoutHeap({(dir.path() / "missing").string()}).exitCode, 2);
}

} // namespace
} // namespace fanout
