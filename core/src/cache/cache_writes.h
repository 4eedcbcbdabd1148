// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/result/scan_result.h"
#include "fanout/scan/scan_inputs.h"

#include <memory>
#include <string>
#include <vector>

namespace fanout::detail {

struct CacheFile;

// writeCacheFile() of `cached`'s inputs on a thread of its own, for a rescan that should not wait
// for it: the result is shared (immutable) and the cache file read taken (the answers its folders
// vouch for decoded there, if they were not yet). A later write or read of the same file waits for
// it first, as does finishCacheWrites().
void writeCacheFileSoon(const std::string& path, const std::string& key, CacheFile cached,
                        std::shared_ptr<const ScanResult> result);
// Frees a cache file read (its bytes and the tens of thousands of records of its inputs) on a
// thread of its own, for a rescan whose caller should not wait for that; finishWrites() waits for
// it too.
void releaseSoon(CacheFile cache);
// Waits for the background write of `path`, if one runs.
void waitForCacheWrite(const std::string& path);
// Waits for every background write; what went wrong with any, as "path: problem".
std::vector<std::string> finishWrites();

} // namespace fanout::detail
