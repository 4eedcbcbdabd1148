// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan/scan_helpers.h"

#include "temp_dir.h"

#include "fanout/io/process_memory.h"
#include "fanout/scan/allocator_arenas.h"

#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <limits>
#include <map>
#include <mutex>

namespace fanout {
namespace {

using testing::moduleKeys;
using testing::relative;
using Strings = std::vector<std::string>;

// Counts the reads of each file (from any scan thread).
struct ReadCounter {
    std::mutex mutex;
    std::map<std::string, int> counts;

    std::function<FileContents(const std::string&)> reader() {
        return [this](const std::string& path) {
            {
                std::lock_guard lock(mutex);
                ++counts[path];
            }
            return readFile(path);
        };
    }
};

// entry.js importing `count` modules PREFIX0.js, PREFIX1.js... each `head` then an export.
void writeFanOut(testing::TempDir& tmp, int count, const std::string& prefix,
                 const std::string& head) {
    std::string entry;
    for (int i = 0; i < count; ++i) {
        const auto name = prefix + std::to_string(i) + ".js";
        entry += "import './" + name + "';\n";
        tmp.write(name, head + "export const x = " + std::to_string(i) + ";\n");
    }
    tmp.write("entry.js", entry);
}

TEST(Scanner, RwsdkPresetFindsEntriesAndSwitchesEnvironmentsByDirective) {
    const auto root = testing::scanFixture("app");
    const auto result = testing::scanProject(root);
    EXPECT_EQ(result->config.preset, "rwsdk");
    EXPECT_EQ(
        moduleKeys(*result),
        (Strings{"node_modules/shared/browser.js@client", "node_modules/shared/worker.js@worker",
                 "src/app/Button.tsx@client", "src/app/Licensed.tsx@client",
                 "src/app/Orphan.tsx@client", "src/app/Page.tsx@worker",
                 "src/app/Widget.client.tsx@client", "src/app/actions.ts@worker",
                 "src/styles.css@worker", "src/worker.tsx@worker"}));
    EXPECT_EQ(relative(result->clientModules, root),
              (Strings{"src/app/Button.tsx", "src/app/Licensed.tsx", "src/app/Orphan.tsx",
                       "src/app/Widget.client.tsx"}));
    EXPECT_EQ(relative(result->serverModules, root), (Strings{"src/app/actions.ts"}));
}

TEST(Scanner, TheSameBareImportResolvesPerEnvironment) {
    const auto result = testing::scanProject(testing::scanFixture("app"));
    const auto* fromClient = testing::findEdge(*result, "src/app/Button.tsx", "client", "shared");
    const auto* fromServer = testing::findEdge(*result, "src/app/actions.ts", "worker", "shared");
    ASSERT_TRUE(fromClient && fromClient->target);
    ASSERT_TRUE(fromServer && fromServer->target);
    EXPECT_TRUE(result->module(*fromClient->target).path.ends_with("shared/browser.js"));
    EXPECT_TRUE(result->module(*fromServer->target).path.ends_with("shared/worker.js"));
}

TEST(Scanner, TypeOnlyAndAssetQueryTargetsAreNotParsedModules) {
    const auto result = testing::scanProject(testing::scanFixture("app"));
    const auto* types = testing::findEdge(*result, "src/worker.tsx", "worker", "./types");
    ASSERT_TRUE(types);
    EXPECT_TRUE(types->typeOnly);
    EXPECT_FALSE(types->target);
    const auto* css = testing::findEdge(*result, "src/worker.tsx", "worker", "./styles.css?url");
    ASSERT_TRUE(css && css->target);
    EXPECT_EQ(css->query(), "?url");
    EXPECT_EQ(result->module(*css->target).kind, ModuleKind::Asset);
}

TEST(Scanner, NonLiteralImportsBecomeFindings) {
    const auto result = testing::scanProject(testing::scanFixture("app"));
    ASSERT_FALSE(result->findings.empty());
    EXPECT_EQ(result->findings[0].kind, "non-literal-import");
    EXPECT_TRUE(result->findings[0].path.ends_with("Button.tsx"));
    EXPECT_NE(result->findings[0].message.find("`./icons/${name}.js`"), std::string::npos);
}

TEST(Scanner, CompatRwsdkReproducesItsQuirks) {
    const auto root = testing::scanFixture("app");
    ScanOverrides overrides;
    overrides.compatRwsdk = true;
    const auto result = testing::scanProject(root, overrides);
    // The 600-character licence hides Licensed.tsx's directive from rwsdk's text rule.
    EXPECT_EQ(relative(result->clientModules, root),
              (Strings{"src/app/Button.tsx", "src/app/Orphan.tsx", "src/app/Widget.client.tsx"}));
    // "./Widget.client" has a non-script extension: external, not followed.
    const auto* widget =
        testing::findEdge(*result, "src/app/Page.tsx", "worker", "./Widget.client");
    ASSERT_TRUE(widget);
    EXPECT_EQ(widget->resolution, ResolutionKind::External);
    EXPECT_FALSE(widget->target);
}

TEST(Scanner, RwsdkPresetListsWhereRwsdksOwnScanDiffers) {
    const auto result = testing::scanProject(testing::scanFixture("app"));
    Strings findings;
    for (const auto& finding : result->findings) {
        findings.push_back(finding.kind + " " + displayPath(finding.path, result->config.root));
    }
    EXPECT_EQ(findings, (Strings{"non-literal-import src/app/Button.tsx",
                                 "rwsdk-directive-differs src/app/Licensed.tsx",
                                 "rwsdk-skips-specifier src/app/Page.tsx",
                                 "rwsdk-misses-module src/styles.css",
                                 "rwsdk-skips-specifier src/worker.tsx"}));
    ScanOverrides compat;
    compat.compatRwsdk = true;
    const auto compatResult = testing::scanProject(testing::scanFixture("app"), compat);
    for (const auto& finding : compatResult->findings) {
        EXPECT_EQ(finding.kind, "non-literal-import");
    }
}

TEST(Scanner, EveryFileIsReadOnceWhateverReachesIt) {
    testing::TempDir tmp;
    const auto root = std::filesystem::canonical(tmp.path()).string();
    tmp.write("lib/real.js", "import './leaf.js';\nexport default 1;\n");
    tmp.write("lib/leaf.js", "export {};\n");
    for (const char* link : {"a.js", "b.js", "c.js"}) {
        std::filesystem::create_symlink("lib/real.js", root + "/" + link);
    }
    tmp.write("entry.js", "import './a.js';\nimport './b.js';\nimport('./c.js');\n"
                          "require('./lib/real.js');\n");
    ReadCounter reads;
    ScanOptions options;
    options.threads = 4;
    options.readFile = reads.reader();
    ScanOverrides overrides;
    overrides.entries = {"entry.js"};
    const auto result = testing::scanProject(root, overrides, options);
    EXPECT_EQ(reads.counts, (std::map<std::string, int>{{root + "/entry.js", 1},
                                                        {root + "/lib/real.js", 1},
                                                        {root + "/lib/leaf.js", 1}}));
    ASSERT_EQ(result->modules.size(), 3u);
    const auto& real = result->modules[2]; // entry.js, lib/leaf.js, lib/real.js
    EXPECT_EQ(real.path, root + "/lib/real.js");
    EXPECT_EQ(real.aliases, (Strings{root + "/a.js", root + "/b.js", root + "/c.js"}));
    EXPECT_EQ(result->stats.filesRead, 3u);
}

// Many files of one folder importing one specifier are resolved once per worker (a memo keyed
// by environment, folder, specifier and import or require): each still gets its own answer.
TEST(Scanner, OneSpecifierFromOneFolderResolvesByKindAndFolder) {
    testing::TempDir tmp;
    const auto root = std::filesystem::canonical(tmp.path()).string();
    tmp.write("node_modules/dual/package.json",
              R"({"name":"dual","exports":{"import":"./esm.js","require":"./cjs.cjs"}})");
    tmp.write("node_modules/dual/esm.js", "export default 1;\n");
    tmp.write("node_modules/dual/cjs.cjs", "module.exports = 1;\n");
    std::string entry;
    for (int i = 0; i < 40; ++i) {
        const auto name = "m" + std::to_string(i);
        tmp.write("src/" + name + ".js", i % 2 == 0 ? "import 'dual';\nimport './shared.js';\n"
                                                    : "require('dual');\nimport './shared.js';\n");
        tmp.write("src/deeper/" + name + ".js", "import './shared.js';\n");
        entry += "import './src/" + name + ".js';\nimport './src/deeper/" + name + ".js';\n";
    }
    tmp.write("src/shared.js", "export {};\n");
    tmp.write("src/deeper/shared.js", "export {};\n");
    tmp.write("entry.js", entry);
    ScanOverrides overrides;
    overrides.entries = {"entry.js"};
    ScanOptions options;
    options.threads = 2;
    const auto result = testing::scanProject(root, overrides, options);
    for (int i = 0; i < 40; ++i) {
        const auto name = "m" + std::to_string(i);
        const auto* dual = testing::findEdge(*result, "src/" + name + ".js",
                                             result->config.environments[0].name, "dual");
        ASSERT_TRUE(dual && dual->target) << name;
        EXPECT_TRUE(result->module(*dual->target)
                        .path.ends_with(i % 2 == 0 ? "dual/esm.js" : "dual/cjs.cjs"))
            << name;
        const auto* shared = testing::findEdge(*result, "src/deeper/" + name + ".js",
                                               result->config.environments[0].name, "./shared.js");
        ASSERT_TRUE(shared && shared->target) << name;
        EXPECT_EQ(result->module(*shared->target).path, root + "/src/deeper/shared.js") << name;
    }
}

// A file remembers the tasks queued for it in bits for the first 16 environments; past them a
// set does (a bit shifted past 64 would be undefined behaviour, which UBSan reports).
TEST(Scanner, ModulesPastTheSixteenthEnvironmentAreScannedOnce) {
    testing::TempDir tmp;
    const auto root = std::filesystem::canonical(tmp.path()).string();
    std::string environments;
    for (int i = 0; i < 18; ++i) {
        environments += std::string(i == 0 ? "" : ",") + R"({"name":"e)" + std::to_string(i) +
                        R"(","conditions":[]})";
    }
    tmp.write("fanout.json", R"({"preset":"node","entries":["entry.js"],"environments":[)" +
                                 environments + R"(],"switch":{"use client":"e17"}})");
    tmp.write("entry.js", "import './client.js';\n");
    tmp.write("client.js", "\"use client\";\nimport './a.js';\nimport './b.js';\n");
    tmp.write("a.js", "import './shared.js';\n");
    tmp.write("b.js", "import './shared.js';\nimport './a.js';\n");
    tmp.write("shared.js", "export {};\n");
    ReadCounter reads;
    ScanOptions options;
    options.threads = 2;
    options.readFile = reads.reader();
    const auto result = testing::scanProject(root, {}, options);
    EXPECT_EQ(moduleKeys(*result),
              (Strings{"a.js@e17", "b.js@e17", "client.js@e17", "entry.js@e0", "shared.js@e17"}));
    for (const auto& [path, count] : reads.counts) {
        EXPECT_EQ(count, 1) << path;
    }
    EXPECT_EQ(reads.counts.size(), 5u);
}

TEST(Scanner, ThreadCountDoesNotChangeTheResult) {
    const auto root = testing::scanFixture("app");
    ScanOptions one;
    one.threads = 1;
    ScanOptions four;
    four.threads = 4;
    const auto a = scanToJson(*testing::scanProject(root, {}, one), {true});
    const auto b = scanToJson(*testing::scanProject(root, {}, four), {true});
    EXPECT_EQ(a, b);
}

TEST(Scanner, UnreadableAndBrokenFilesAreRecordedAndTheScanGoesOn) {
    testing::TempDir tmp;
    const auto root = std::filesystem::canonical(tmp.path()).string();
    std::string binary;
    for (int i = 0; i < 2048; ++i) {
        binary += static_cast<char>((i * 131) % 256);
    }
    tmp.write("binary.js", binary);
    tmp.write("entry.js", "import './binary.js';\nimport './gone.js';\nimport './ok.js';\n");
    tmp.write("ok.js", "export {};\n");
    std::filesystem::create_directory(root + "/dir.js");
    tmp.write("entry2.js", "import './dir.js';\n");
    ScanOverrides overrides;
    overrides.entries = {"entry.js", "entry2.js"};
    ScanOptions options;
    options.readFile = [&](const std::string& path) {
        FileContents refused;
        refused.error = "Permission denied";
        return path.ends_with("ok.js") ? refused : readFile(path);
    };
    const auto result = testing::scanProject(root, overrides, options);
    std::map<std::string, const ScanModule*> byPath;
    for (const auto& module : result->modules) {
        byPath[displayPath(module.path, root)] = &module;
    }
    ASSERT_TRUE(byPath.count("binary.js"));
    EXPECT_GT(byPath["binary.js"]->parseErrors, 0u);
    ASSERT_TRUE(byPath.count("ok.js"));
    EXPECT_EQ(byPath["ok.js"]->kind, ModuleKind::Unreadable);
    EXPECT_EQ(byPath["ok.js"]->error, "Permission denied");
    EXPECT_GE(result->stats.unresolved, 2u); // ./gone.js and the folder ./dir.js
}

TEST(Scanner, CancellationStopsEarlyAndSaysSo) {
    testing::TempDir tmp;
    const auto root = std::filesystem::canonical(tmp.path()).string();
    writeFanOut(tmp, 3000, "m", "");
    std::stop_source stop;
    ScanOptions options;
    options.threads = 2;
    options.stop = stop.get_token();
    std::atomic<int> reads{0};
    options.readFile = [&](const std::string& path) {
        if (++reads == 10) { // whichever file: workers take the queue from both ends
            stop.request_stop();
        }
        return readFile(path);
    };
    ScanOverrides overrides;
    overrides.entries = {"entry.js"};
    const auto result = testing::scanProject(root, overrides, options);
    EXPECT_TRUE(result->stats.cancelled);
    EXPECT_LT(result->stats.filesRead, 100u);
}

TEST(Scanner, ProgressIsThrottledAndEndsWithAFinalReport) {
    const auto root = testing::scanFixture("app");
    std::vector<ScanProgress> reports;
    ScanOptions options;
    options.threads = 2;
    options.progress = [&](const ScanProgress& progress) { reports.push_back(progress); };
    const auto result = testing::scanProject(root, {}, options);
    ASSERT_FALSE(reports.empty());
    EXPECT_LE(reports.size(), 3u); // a ~10 ms scan: the first report, maybe one more, the last
    EXPECT_EQ(reports.back().modules, result->modules.size());
    EXPECT_EQ(reports.back().filesParsed, result->stats.filesRead);
}

// A project of 3,001 modules in `tmp`; its folder.
[[maybe_unused]] std::string writeTrimProject(testing::TempDir& tmp) {
    writeFanOut(tmp, 3000, "lib/module-with-a-long-name-", "import { a, b, c } from 'react';\n");
    return std::filesystem::canonical(tmp.path()).string();
}

// Scans that project with `options`, then gives the freed pages back: the resident bytes that
// still went.
[[maybe_unused]] std::uint64_t trimmedAfterScan(const std::string& root,
                                                const ScanOptions& options) {
    ScanOverrides overrides;
    overrides.entries = {"entry.js"};
    const auto result = testing::scanProject(root, overrides, options);
    const auto before = residentBytes();
    returnFreedMemory();
    const auto after = residentBytes();
    EXPECT_EQ(result->modules.size(), 3001u);
    return before > after ? before - after : 0;
}

// Keeping the scan state (its import records not released while the result is built) gives the
// same result: edges, their names, the modules' exports.
TEST(Scanner, KeepingTheScanStateGivesTheSameResult) {
    testing::TempDir tmp;
    const auto root = std::filesystem::canonical(tmp.path()).string();
    tmp.write("entry.js", "import { a, b as c } from './barrel.js';\nexport * from './x.js';\n"
                          "export { d } from './y.js';\n");
    tmp.write("barrel.js", "export { a } from './x.js';\nexport * as b from './y.js';\n"
                           "import z from './z.js';\nexport { z };\n");
    tmp.write("x.js", "export const a = 1;\n");
    tmp.write("y.js", "export const d = 2;\nimport './z.js';\n");
    tmp.write("z.js", "export default 3;\n");
    ScanOverrides overrides;
    overrides.entries = {"entry.js"};
    const auto scanned = [&](bool keep) {
        ScanOptions options;
        options.keepStateUntilExit = keep;
        options.returnFreedMemoryAbove = std::numeric_limits<std::uint64_t>::max();
        return testing::scanProject(root, overrides, options);
    };
    const auto freed = scanned(false);
    const auto kept = scanned(true);
    // Name ids depend on the order the workers met the names in: compared by their text.
    const auto text = [](const ScanResult& result, NameId id) { return result.name(id); };
    ASSERT_EQ(freed->modules.size(), 5u);
    ASSERT_EQ(kept->modules.size(), freed->modules.size());
    ASSERT_EQ(kept->edges.size(), freed->edges.size());
    for (std::size_t i = 0; i < freed->edges.size(); ++i) {
        const auto& a = freed->edges[i];
        const auto& b = kept->edges[i];
        EXPECT_EQ(b.importer, a.importer);
        EXPECT_EQ(b.target, a.target);
        EXPECT_EQ(text(*kept, b.specifierId), text(*freed, a.specifierId));
        ASSERT_EQ(b.namesCount, a.namesCount);
        for (std::uint32_t n = 0; n < a.namesCount; ++n) {
            EXPECT_EQ(text(*kept, kept->edgeNames[b.namesBegin + n]),
                      text(*freed, freed->edgeNames[a.namesBegin + n]));
        }
    }
    std::size_t exports = 0;
    for (std::size_t i = 0; i < freed->modules.size(); ++i) {
        const auto& a = freed->modules[i].exports;
        const auto& b = kept->modules[i].exports;
        ASSERT_EQ(b.size(), a.size());
        for (std::size_t e = 0; e < a.size(); ++e) {
            EXPECT_EQ(text(*kept, b[e].name), text(*freed, a[e].name));
            EXPECT_EQ(text(*kept, b[e].imported), text(*freed, a[e].imported));
            EXPECT_EQ(b[e].record, a[e].record);
            EXPECT_EQ(b[e].namespaceOf, a[e].namespaceOf);
        }
        exports += a.size();
    }
    EXPECT_GE(exports, 6u);
}

// A one-shot command keeps the pages of the freed scan state for what it does next unless the
// process holds more than its mark; a process that lives on gives them back. Measured by the
// resident memory that trimming afterwards still frees.
TEST(Scanner, FreedScanStateGoesBackToTheSystemAboveTheMarkAsked) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) || !defined(__GLIBC__)
    GTEST_SKIP() << "only glibc's own allocator gives freed pages back";
#else
    testing::TempDir tmp;
    const auto root = writeTrimProject(tmp);
    const auto trimmedAfter = [&](std::uint64_t above) {
        ScanOptions options;
        options.returnFreedMemoryAbove = above;
        return trimmedAfterScan(root, options);
    };
    const auto kept = trimmedAfter(std::numeric_limits<std::uint64_t>::max());
    EXPECT_GT(kept, std::uint64_t{1} << 20);
    EXPECT_LT(trimmedAfter(0), kept / 2); // always
    EXPECT_LT(trimmedAfter(1), kept / 2); // the process holds more than a byte
    // A mark well above what the process holds: kept, as with no mark at all.
    EXPECT_GT(trimmedAfter(residentBytes() + (std::uint64_t{1} << 30)), kept / 2);
#endif
}

// A command that ends soon keeps the scan state itself below the mark: nothing is freed, so
// trimming afterwards finds next to nothing to give back. Above the mark it is freed and given
// back as before.
TEST(Scanner, AnEndingCommandKeepsTheScanStateBelowTheMark) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) || !defined(__GLIBC__)
    GTEST_SKIP() << "only glibc's own allocator gives freed pages back (and a sanitizer's build "
                    "frees what is kept, for its leak checks)";
#else
    testing::TempDir tmp;
    const auto root = writeTrimProject(tmp);
    const auto trimmedAfter = [&](bool keepState, std::uint64_t above) {
        ScanOptions options;
        options.keepStateUntilExit = keepState;
        options.returnFreedMemoryAbove = above;
        return trimmedAfterScan(root, options);
    };
    const auto high = residentBytes() + (std::uint64_t{1} << 30);
    const auto freed = trimmedAfter(false, high); // freed, its pages kept in the heaps
    EXPECT_GT(freed, std::uint64_t{1} << 20);
    EXPECT_LT(trimmedAfter(true, high), freed / 2);
    // Above the mark (the process holds more than a byte): freed and given back at once.
    EXPECT_LT(trimmedAfter(true, 1), freed / 2);
#endif
}

} // namespace
} // namespace fanout
