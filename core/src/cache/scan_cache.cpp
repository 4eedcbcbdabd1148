// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/cache/scan_cache.h"

#include "base/path_utils.h"
#include "base/spread_thread.h"
#include "cache/archive_types.h"
#include "cache/cache_file.h"
#include "cache/cache_writes.h"
#include "cache/input_check.h"
#include "cache/memory_archive.h"
#include "cache/prior_rescan.h"
#include "cache/result_patch.h"
#include "fanout/io/process_memory.h"
#include "fanout/io/whole_file.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <set>

namespace fanout {
namespace {

namespace fs = std::filesystem;

std::string hex(std::uint64_t value) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, value >>= 4) {
        out[static_cast<std::size_t>(i)] = kDigits[value & 15];
    }
    return out;
}

// Everything that decides what a scan finds, besides the files: the configuration and the parser.
std::string configKey(const ScanConfig& config, const ScanOptions& options) {
    return detail::encode(config, options.parser);
}

double millisecondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

void setNote(ScanCacheReport* report, std::string note) {
    if (report != nullptr) {
        report->note = std::move(note);
    }
}

std::vector<std::string> foldersOf(const ScanInputs& inputs) {
    // Views first, each folder copied once: the files come folder by folder, so a folder is
    // mostly the one seen just before.
    std::vector<std::string_view> folders;
    for (const auto& folder : inputs.folders) {
        folders.emplace_back(folder.path);
    }
    for (const auto* files : {&inputs.files, &inputs.manifests}) {
        for (const auto& file : *files) {
            const auto folder = detail::parentPath(file.path);
            if (folders.empty() || folders.back() != folder) {
                folders.push_back(folder);
            }
        }
    }
    std::sort(folders.begin(), folders.end());
    folders.erase(std::unique(folders.begin(), folders.end()), folders.end());
    return {folders.begin(), folders.end()};
}

// A result loaded (and perhaps patched) from the cache: this configuration, this run's time and
// memory (the cached scan's timeline and peak are not this run's).
void markFromCache(ScanResult& result, const ScanConfig& config,
                   std::chrono::steady_clock::time_point start) {
    result.config = config;
    result.stats.fromCache = true;
    result.stats.scanMs = millisecondsSince(start);
    result.stats.collectMs = 0;
    result.stats.wallMs = result.stats.scanMs;
    result.stats.memory.clear();
    result.stats.peakResidentBytes = peakResidentBytes();
}

} // namespace

std::string defaultScanCacheDir() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && xdg[0] == '/') {
        return std::string(xdg) + "/fanout/scans";
    }
    const char* home = std::getenv("HOME");
    return std::string(home != nullptr ? home : "/tmp") + "/.cache/fanout/scans";
}

namespace {

std::string cacheDir(const ScanCacheSettings& settings) {
    return detail::normalizePath(settings.dir.empty() ? defaultScanCacheDir() : settings.dir);
}

bool insideProject(const ScanConfig& config, const std::string& dir) {
    std::string inside;
    return detail::relativeInside(config.root, dir, inside) || dir == config.root;
}

// The cache file of this project, configuration and build.
std::string cacheFile(const ScanConfig& config, const std::string& dir, const std::string& key) {
    return dir + "/" + hex(contentHash(config.root)) + "-" +
           hex(contentHash(key + detail::buildIdentity())) + std::string(detail::kCacheFileSuffix);
}

} // namespace

std::optional<std::string> scanCacheChange(const ScanConfig& config, const ScanOptions& options,
                                           const ScanCacheSettings& settings) {
    const auto dir = cacheDir(settings);
    if (insideProject(config, dir)) {
        return std::nullopt;
    }
    const auto key = configKey(config, options);
    const auto file = cacheFile(config, dir, key);
    detail::waitForCacheWrite(file);
    detail::CacheFile cached;
    if (!detail::readCacheFile(file, key, cached).empty()) {
        return std::nullopt;
    }
    const auto check = detail::checkInputs(cached.inputs, settings.trustMarginNs,
                                           [&] { return detail::loadVouchedAnswers(cached); });
    return check.unchanged ? std::string() : check.change;
}

std::shared_ptr<const ScanResult> cachedScan(const ScanConfig& config, const ScanOptions& options,
                                             const ScanCacheSettings& settings,
                                             ScanCacheReport* report) {
    const auto start = std::chrono::steady_clock::now();
    const auto dir = cacheDir(settings);
    if (insideProject(config, dir)) {
        setNote(report, "the cache folder " + dir + " is inside the project: not used");
        return scan(config, options);
    }
    const auto key = configKey(config, options);
    const auto file = cacheFile(config, dir, key);
    if (report != nullptr) {
        report->file = file;
    }
    detail::waitForCacheWrite(file); // an update of this very cache still being written
    detail::CacheFile cached;
    std::string problem = detail::openCacheFile(file, key, cached);
    if (problem.empty()) {
        // The inputs read and checked on other threads while the result is read and decoded on
        // this one (used only if they are unchanged): a long-lived caller's thread has the pages
        // of its earlier results at hand, where a new thread's heap would fault them in again one
        // by one.
        double readMs = 0;
        double checkedMs = 0;
        std::string inputsProblem;
        auto checking = detail::spreadAsync([&] {
            inputsProblem = detail::readCacheInputs(cached);
            readMs = millisecondsSince(start);
            if (!inputsProblem.empty()) {
                detail::InputCheck unread;
                unread.unchanged = false;
                return unread;
            }
            auto checked = detail::checkInputs(cached.inputs, settings.trustMarginNs,
                                               [&] { return detail::loadVouchedAnswers(cached); });
            checkedMs = millisecondsSince(start);
            return checked;
        });
        auto result = detail::loadCachedResult(cached);
        const auto check = checking.get();
        if (report != nullptr) {
            report->readMs = readMs;
            report->inputsMs = inputsProblem.empty() ? checkedMs - readMs : 0; // checked, or not
            report->filesChecked = check.files;
            report->foldersChecked = check.folders;
            report->filesRehashed = check.rehashed;
        }
        if (!inputsProblem.empty()) {
            problem = inputsProblem;
        } else if (!result) {
            problem = "the cached result is corrupt";
        } else if (check.unchanged || !check.edited.empty()) {
            const auto why =
                check.unchanged
                    ? std::string()
                    : detail::patchEditedFiles(*result, config, options.parser, check.edited);
            if (why.empty()) {
                markFromCache(*result, config, start);
                std::string written;
                if (check.unchanged && check.refreshed) {
                    // Touched but unchanged files: remembered as they are now, so the next check
                    // need not read them.
                    written = detail::rewriteInputs(file, key, cached);
                }
                detail::markUsed(file);
                if (report != nullptr) {
                    report->folders = foldersOf(cached.inputs);
                    report->hit = check.unchanged;
                    report->updated = !check.unchanged;
                    report->stored = (check.refreshed || !check.unchanged) && written.empty();
                    report->checkMs = result->stats.scanMs;
                    report->loadMs = report->checkMs - checkedMs;
                    report->note =
                        (check.unchanged ? "unchanged since the cached scan: "
                                         : check.change + " (imports and directives as they were): "
                                                          "updated in place; ") +
                        std::to_string(check.files) + " files and " +
                        std::to_string(check.folders) + " folders checked";
                }
                if (check.unchanged) {
                    detail::releaseSoon(std::move(cached));
                } else {
                    detail::writeCacheFileSoon(file, key, std::move(cached), result);
                }
                return result;
            }
            // Their imports changed: the cached result updated in place when the graph's modules
            // allow it, else the graph walked again with the rest taken from it; the inputs, merged
            // with the rescan's, are written again with every answer.
            std::string spliceWhy;
            std::string walkWhy;
            const auto partial = [&](std::shared_ptr<ScanResult> rescanned, bool spliced) {
                if (spliced) {
                    markFromCache(*rescanned, config, start);
                }
                if (report != nullptr) {
                    report->folders = foldersOf(cached.inputs);
                    report->updated = true;
                    report->stored = true;
                    report->checkMs = millisecondsSince(start);
                    report->note =
                        check.change + " (" + why + "): " +
                        (spliced ? "the graph updated in place ("
                                 : std::to_string(check.edited.size()) +
                                       " file(s) scanned again, the rest taken from the cached "
                                       "scan (" +
                                       spliceWhy + "; ") +
                        std::to_string(rescanned->modules.size()) + " modules); " +
                        std::to_string(check.files) + " files and " +
                        std::to_string(check.folders) + " folders checked";
                }
                detail::writeCacheFileSoon(file, key, std::move(cached), rescanned);
                return rescanned;
            };
            if (auto vouched = detail::loadVouchedAnswers(cached); !vouched.empty()) {
                problem = std::move(vouched);
            } else if (auto spliced =
                           detail::scanWithPrior(detail::PriorUse::Splice, config, options, result,
                                                 cached.inputs, check.edited, spliceWhy)) {
                return partial(std::move(spliced), true);
            } else if (auto walked = detail::scanWithPrior(detail::PriorUse::Walk, config, options,
                                                           std::move(result), cached.inputs,
                                                           check.edited, walkWhy)) {
                return partial(std::move(walked), false);
            } else {
                problem = check.change + "; scanned again: " + why + " (" + walkWhy + ")";
            }
        } else {
            problem = check.change;
        }
    }
    setNote(report, problem);
    ScanInputs inputs;
    ScanOptions recording = options;
    recording.inputs = &inputs;
    auto result = scan(config, recording);
    if (result->stats.cancelled) {
        return result;
    }
    std::error_code error;
    fs::create_directories(dir, error);
    const auto written = detail::writeCacheFile(file, key, inputs, *result);
    if (report != nullptr) {
        report->folders = foldersOf(inputs);
        report->stored = written.empty();
        if (!written.empty()) {
            report->note += "; not stored: " + written;
        }
    }
    if (written.empty()) {
        detail::evictBeyond(dir, settings.maxBytes, file);
    }
    return result;
}

std::vector<std::string> foldersToWatch(const std::vector<std::string>& depended,
                                        const std::string& root) {
    if (depended.empty()) {
        return {}; // nothing recorded (no cache): nothing to watch
    }
    std::set<std::string> folders(depended.begin(), depended.end());
    for (const auto& folder : depended) {
        std::filesystem::path parent = std::filesystem::path(folder).parent_path();
        while (parent.string().starts_with(root + "/") && folders.insert(parent.string()).second) {
            parent = parent.parent_path();
        }
    }
    folders.insert(root);
    return {folders.begin(), folders.end()};
}

std::vector<std::string> finishCacheWrites() {
    return detail::finishWrites();
}

std::string clearScanCache(const std::string& dir) {
    detail::finishWrites();     // a write still running would put a file back
    WholeFile::releasePooled(); // the memory kept for reading caches again
    return detail::removeCacheFiles(dir.empty() ? defaultScanCacheDir() : dir);
}

} // namespace fanout
