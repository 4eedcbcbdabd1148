// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/io/whole_file.h"
#include "fanout/result/scan_result.h"
#include "fanout/scan/scan_inputs.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fanout::detail {

inline constexpr std::string_view kCacheFileSuffix = ".fanout-scan";

// A cache file opened (openCacheFile), its inputs read and verified (readCacheInputs): decoded but
// for the answers their folders vouch for (tens of thousands, needed only when one of those
// folders changed or the inputs are written again: loadVouchedAnswers()); the result still in the
// file, read and decoded by loadCachedResult(). The result may be loaded on one thread while the
// inputs are read and checked on another: each touches only its own members.
struct CacheFile {
    OpenedFile file; // the file read, kept open for the parts' bytes
    // The inputs' part: header (build and configuration) and inputs.
    std::size_t headerSize = 0;
    std::size_t inputsSize = 0;
    std::uint64_t inputsHash = 0;
    ScanInputs inputs;
    WholeFile contents; // the file's bytes up to the result's
    std::size_t vouchedOffset = 0;
    std::size_t vouchedSize = 0;
    bool vouchedLoaded = false;
    // The result's part.
    std::size_t resultOffset = 0;
    std::size_t resultSize = 0;
    std::uint64_t resultHash = 0;
    WholeFile result; // its bytes, once read
};

// Which Fanout writes a cache: its version and this very build (a rebuilt binary may extract or
// resolve differently, so its caches are not shared; the CLI and the desktop app keep their own).
std::string buildIdentity();

// "" when `path` holds a complete cache of this build of Fanout and this configuration (`key`);
// else why not, as a sentence ("no cached scan yet", "truncated", ...). Both steps below.
std::string readCacheFile(const std::string& path, const std::string& key, CacheFile& out);
// "" when `path` is open and may hold a cache of this build of Fanout and this configuration
// (Fanout's, this format, its parts' sizes adding up, this header); else why not.
std::string openCacheFile(const std::string& path, const std::string& key, CacheFile& out);
// "" when the opened cache's header and inputs are whole (checksum; the file is read from the
// descriptor openCacheFile() checked the header of) and decode; else why not.
std::string readCacheInputs(CacheFile& out);
// Adds the answers folders vouch for to `file.inputs` (once; nothing to add for a CacheFile not
// read from a file); "" when done, else why not.
std::string loadVouchedAnswers(CacheFile& file);
// The cached result; nullptr when its bytes cannot be read, are corrupt (checksum) or do not
// decode.
std::shared_ptr<ScanResult> loadCachedResult(CacheFile& file);
// Written whole or not at all (a concurrent reader or writer sees the old file or the new one).
// Returns "" on success, else what went wrong.
std::string writeCacheFile(const std::string& path, const std::string& key,
                           const ScanInputs& inputs, const ScanResult& result);
// The same cache with new inputs (every answer: those not loaded yet are first) and the result's
// bytes as they are.
std::string rewriteInputs(const std::string& path, const std::string& key, CacheFile& file);

// Marks the file as just used (for eviction: the least recently used go first).
void markUsed(const std::string& path);
// Removes the least recently used cache files of `dir` until they take at most `maxBytes`,
// never `keep`.
void evictBeyond(const std::string& dir, std::uint64_t maxBytes, const std::string& keep);
// Removes every cache file of `dir`; "" on success, else what went wrong.
std::string removeCacheFiles(const std::string& dir);

} // namespace fanout::detail
