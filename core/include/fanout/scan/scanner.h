// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/extract/extractor.h"
#include "fanout/io/file_reader.h"
#include "fanout/result/scan_result.h"
#include "fanout/scan/scan_inputs.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

namespace fanout {

struct ScanProgress {
    std::uint64_t modules = 0;
    std::uint64_t filesParsed = 0;
    std::uint64_t bytesRead = 0;
    std::uint64_t queued = 0;
    double elapsedMs = 0;
    std::uint64_t residentBytes = 0;
    // Set on the last report: every file is read; the result is being sorted and built.
    bool readingDone = false;
};

// A previous scan of the same project and configuration, none of whose inputs changed but the
// contents of the `edited` files (the persistent cache's check says so). A scan given it takes what
// that scan found of every other file (records, resolutions, sizes, identities) instead of reading,
// parsing and resolving it again, and walks the graph from the entries as usual: modules no longer
// reached go, modules newly reached are scanned. Its result is a full scan's.
struct PriorScan {
    // Read by a scan; spliceScan takes its parts (it must hold the only reference).
    std::shared_ptr<ScanResult> result;
    const ScanInputs* inputs = nullptr;
    std::vector<std::string> edited;
};

// The resident memory above which a one-shot command gives the freed scan state back
// (ScanOptions::returnFreedMemoryAbove). Giving it back costs time, the pages being faulted in
// again by the analysis and the JSON: `scan --json` of the 21,012-module corpus 0.275 -> 0.295 s,
// of an 11,637-module npm app 0.345 -> 0.395 s, of the 101,012-module corpus 1.63 -> 1.80 s
// (medians, alternating). At 101,012 modules it is worth it: the peak 188-195 -> 176-181 MB,
// where one run had reached 201.6 MB. Those three hold about 50, 70 and 180 MB at that point.
inline constexpr std::uint64_t kOneShotReturnAbove = std::uint64_t{128} << 20;

struct ScanOptions {
    unsigned threads = 0; // 0: one per core
    // Called from a scan thread at most every ~50 ms, and once at the end.
    std::function<void(const ScanProgress&)> progress;
    std::stop_token stop;
    // How files are read; tests count reads through it.
    std::function<FileContents(const std::string&)> readFile;
    double memorySampleSeconds = 0.1;
    // The import lexer with tree-sitter for what it hands off (default), or tree-sitter alone.
    // Either gives the same result; the statistics say how many files each read.
    ParserChoice parser = ParserChoice::Lexer;
    // When set, filled with what the result depends on (for a persistent cache); the scan then
    // also hashes every file it reads.
    ScanInputs* inputs = nullptr;
    // When set, what the previous scan found of unchanged files is reused (see PriorScan).
    PriorScan* prior = nullptr;
    // The pages of the freed scan state go back to the system (returnFreedMemory) once the
    // result is built when the process then holds at least this many resident bytes. 0: always,
    // for a process that lives on (the desktop app, watch mode). A one-shot command sets a high
    // mark (kOneShotReturnAbove): below it, what it does next (the analysis, the JSON) reuses the
    // freed pages instead of faulting in fresh ones; above it the peak matters more than that.
    std::uint64_t returnFreedMemoryAbove = 0;
    // Set by a command that ends soon after the scan (the command-line program): while the process
    // holds less than returnFreedMemoryAbove, the scan's import records are not released edge by
    // edge as the result is built, and the scan state is then not freed at all but kept until the
    // process exits (keepUntilExit), as the command keeps its result. Freeing it one block at
    // a time took 5-8 ms of the 21,012-module corpus's `scan --json` (140-150 ms), the analysis
    // and the JSON waiting for it. Above the mark it is freed and given back as usual.
    bool keepStateUntilExit = false;
};

// Walks the import graph from the entries. Every real file is read and parsed at most once,
// whatever the number of path strings, environments and importers that reach it; its contents
// are dropped as soon as its imports are extracted. A cancelled scan (options.stop) returns within
// milliseconds with its statistics only (stats.cancelled set, no modules or edges).
std::shared_ptr<const ScanResult> scan(const ScanConfig& config, const ScanOptions& options = {});

// options.prior updated in place: its edited files read again and their imports resolved, the new
// edges put in place of the old, and what the entries no longer reach taken out, with everything
// derived from the graph derived again as a scan does (the same result as scan(), in a fraction of
// its time). Only when every module the edited files now lead to was in the previous scan, in the
// same environment, and their directives did not change; else null, with `why`. options.inputs
// gets what was read and asked (the edited files, and their imports' questions).
std::shared_ptr<ScanResult> spliceScan(const ScanConfig& config, const ScanOptions& options,
                                       std::string& why);

} // namespace fanout
