// SPDX-License-Identifier: GPL-3.0-or-later
// Extractor throughput (MB/s and files/s) on generated inputs shaped like real packages, and, with
// --dir=PATH, on every script file under PATH (e.g. an installed node_modules) next to a plain read
// of the same files for comparison.
//
//   fanout_extractor_bench [--dir=PATH] [Google Benchmark flags]
#include "generated_sources.h"

#include "fanout/extract/extractor.h"
#include "fanout/extract/grammar.h"
#include "fanout/io/file_reader.h"

#include <benchmark/benchmark.h>

#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace {

using fanout::Extractor;
using fanout::Grammar;

struct SourceFile {
    std::string path;
    std::string bytes;
    Grammar grammar;
};

// Every benchmark runs twice: through the import lexer (the scan's default) and with tree-sitter
// alone (the reference), so the two are compared on the same input.
void extractAll(benchmark::State& state, const std::vector<SourceFile>& files,
                fanout::ParserChoice parser) {
    Extractor extractor;
    extractor.setParser(parser);
    std::size_t bytes = 0;
    for (const auto& file : files) {
        bytes += file.bytes.size();
    }
    for (auto _ : state) {
        for (const auto& file : files) {
            auto extraction = extractor.extract(file.bytes, file.grammar);
            benchmark::DoNotOptimize(extraction);
        }
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * files.size()));
    state.counters["files"] = static_cast<double>(files.size());
}

fanout::ParserChoice parserArgument(const benchmark::State& state) {
    return state.range(0) == 0 ? fanout::ParserChoice::Lexer : fanout::ParserChoice::TreeSitter;
}

void BM_IconModules(benchmark::State& state) {
    static const auto files = [] {
        std::vector<SourceFile> out;
        for (std::size_t i = 0; i < 2000; ++i) {
            out.push_back({"icon.js", fanout::bench::iconModule(i), Grammar::Tsx});
        }
        return out;
    }();
    extractAll(state, files, parserArgument(state));
}
BENCHMARK(BM_IconModules)->ArgName("tree_sitter")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_LargeBundle(benchmark::State& state) {
    static const std::vector<SourceFile> files{
        {"bundle.js", fanout::bench::largeBundle(4 << 20), Grammar::Tsx}};
    extractAll(state, files, parserArgument(state));
}
BENCHMARK(BM_LargeBundle)->ArgName("tree_sitter")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

std::vector<SourceFile> loadTree(const std::string& root) {
    std::vector<SourceFile> files;
    std::error_code error;
    for (auto it = std::filesystem::recursive_directory_iterator(
             root, std::filesystem::directory_options::skip_permission_denied, error);
         it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        if (error || !it->is_regular_file(error)) {
            continue;
        }
        const auto path = it->path().string();
        const auto grammar = fanout::grammarForPath(path);
        if (!grammar) {
            continue;
        }
        auto contents = fanout::readFile(path);
        if (contents.ok()) {
            files.push_back({path, std::move(contents.bytes), *grammar});
        }
    }
    return files;
}

void registerDirectoryBenchmarks(const std::string& root) {
    static const std::vector<SourceFile> files = loadTree(root);
    std::size_t bytes = 0;
    for (const auto& file : files) {
        bytes += file.bytes.size();
    }
    std::cerr << "--dir " << root << ": " << files.size() << " script files, "
              << static_cast<double>(bytes) / (1 << 20) << " MiB\n";
    benchmark::RegisterBenchmark("BM_DirectoryRead", [bytes](benchmark::State& state) {
        for (auto _ : state) {
            for (const auto& file : files) {
                auto contents = fanout::readFile(file.path);
                benchmark::DoNotOptimize(contents);
            }
        }
        state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
        state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * files.size()));
    })->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(
        "BM_DirectoryExtract",
        [](benchmark::State& state) { extractAll(state, files, parserArgument(state)); })
        ->ArgName("tree_sitter")
        ->Arg(0)
        ->Arg(1)
        ->Unit(benchmark::kMillisecond);
}

} // namespace

int main(int argc, char** argv) {
    std::vector<char*> rest;
    for (int i = 0; i < argc; ++i) {
        if (std::strncmp(argv[i], "--dir=", 6) == 0) {
            registerDirectoryBenchmarks(argv[i] + 6);
        } else {
            rest.push_back(argv[i]);
        }
    }
    int restCount = static_cast<int>(rest.size());
    benchmark::Initialize(&restCount, rest.data());
    if (benchmark::ReportUnrecognizedArguments(restCount, rest.data())) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
