// SPDX-License-Identifier: GPL-3.0-or-later
// The scan cache's tests share one fixture: a small project (a TypeScript app with a path alias, a
// JSX view and a pnpm-linked package in two versions) scanned through a cache of its own.
#pragma once

#include "cache/archive_types.h"
#include "cache/cache_file.h"
#include "fanout/cache/scan_cache.h"
#include "fanout/output/scan_json.h"
#include "fanout/project/project_config.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace fanout::cache_test {

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

} // namespace fanout::cache_test
