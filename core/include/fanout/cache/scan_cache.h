// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/scan/scanner.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fanout {

// A file or folder stamped less than this before the scan that recorded it (or after it) may have
// changed again within the same timestamp tick, or under a skewed clock: its identity alone is not
// trusted, and its contents are compared instead.
inline constexpr std::int64_t kTrustMarginNs = 2'000'000'000;

struct ScanCacheSettings {
    std::string dir; // where cached scans live; defaultScanCacheDir() when empty
    // All cached scans together; the least recently used are removed past it.
    std::uint64_t maxBytes = 1ull << 30;
    std::int64_t trustMarginNs = kTrustMarginNs;
};

// What the cache did for one scan, for the line a front end prints.
struct ScanCacheReport {
    bool hit = false; // nothing the result depends on changed: it came from the cache
    // Only the contents of files changed: the cached result was updated (sizes, positions) when
    // each still imports, exports and declares what it did; else those files were scanned again
    // and the graph walked anew, everything else taken from the cached result (not read again).
    bool updated = false;
    bool stored = false; // the cache now holds this scan
    std::string note;    // one sentence: what was checked, or why the cache was not used
    std::string file;    // the cache file of this project and configuration
    std::uint64_t filesChecked = 0;
    std::uint64_t foldersChecked = 0;
    std::uint64_t filesRehashed = 0; // changed identity (touched) or too recent to trust
    double checkMs = 0;              // reading the cache, checking and loading, on a hit
    // Its parts: the cache file read and verified, the inputs checked, the result decoded.
    double readMs = 0;
    double inputsMs = 0;
    double loadMs = 0;
    // The folders the result depends on (those listed, those holding the files read), sorted:
    // what a watch must watch.
    std::vector<std::string> folders;
};

// $XDG_CACHE_HOME/fanout/scans, else ~/.cache/fanout/scans.
std::string defaultScanCacheDir();

// scan(), through a persistent cache: when nothing the cached result of this project and
// configuration depends on changed (files read, folders listed, what the resolver asked of the
// file system, package.json and tsconfig files), that result is loaded; when only the contents of
// a few files changed, and each still imports, exports and declares what it did, the cached result
// is updated in place; when they import something else, they are scanned again and the graph walked
// anew with what the cached result says of every other file (see PriorScan); otherwise the
// project is scanned. The cache is rewritten when it changed. A
// cache written by another version, truncated, corrupt or unreadable is never trusted: the scan
// runs and `report` says why. The cache folder is never inside the project (the cache is then not
// used).
std::shared_ptr<const ScanResult> cachedScan(const ScanConfig& config, const ScanOptions& options,
                                             const ScanCacheSettings& settings,
                                             ScanCacheReport* report = nullptr);

// Whether what the cached scan of this project and configuration depends on changed, without
// loading the result or writing anything: what a poll asks where a folder cannot be watched.
// "" when nothing changed, else the first change as a sentence; none when there is no usable cached
// scan to check against (none yet, another build's, corrupt, or the folder is inside the project).
std::optional<std::string> scanCacheChange(const ScanConfig& config, const ScanOptions& options,
                                           const ScanCacheSettings& settings);

// What to watch for changes of a result whose folders are `folders` (ScanCacheReport::folders):
// those, and their parents up to the project's root (a package folder replaced by another, e.g.
// pnpm's store renamed, shows only in a parent), sorted.
std::vector<std::string> foldersToWatch(const std::vector<std::string>& folders,
                                        const std::string& root);

// A rescan that updated a cached result stores it on a thread of its own (the result is handed
// back meanwhile). Waits for every such write; returns what went wrong with any ("" for each
// that did not). Call before the process ends; a later cachedScan() of the same project waits
// for its own.
std::vector<std::string> finishCacheWrites();

// Removes every cached scan in `dir` (defaultScanCacheDir() when empty), and gives back the memory
// kept for reading caches again (WholeFile::pooledBytes()). Returns "" on success, else what went
// wrong.
std::string clearScanCache(const std::string& dir = {});

} // namespace fanout
