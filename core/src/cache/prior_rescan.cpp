// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/prior_rescan.h"

#include <algorithm>
#include <iterator>
#include <unordered_map>
#include <unordered_set>

namespace fanout::detail {
namespace {

// `into` with the entries of `from` in place of those with the same key (`from`'s are few: what
// this scan asked that the cached one had not, or asked again); `settle(old, new)` is told of each
// entry replaced.
template <typename Entry, typename Key, typename Settle>
void mergeByKey(std::vector<Entry>& into, std::vector<Entry>&& from, Key key, Settle settle) {
    struct Hash {
        std::size_t operator()(const std::pair<std::string_view, int>& k) const {
            return std::hash<std::string_view>{}(k.first) * 31 + static_cast<std::size_t>(k.second);
        }
    };
    std::unordered_map<std::pair<std::string_view, int>, Entry*, Hash> replacing;
    for (auto& entry : from) {
        replacing.emplace(key(entry), &entry);
    }
    if (!replacing.empty()) {
        std::erase_if(into, [&](const Entry& entry) {
            const auto it = replacing.find(key(entry));
            if (it == replacing.end()) {
                return false;
            }
            settle(entry, *it->second);
            return true;
        });
    }
    std::move(from.begin(), from.end(), std::back_inserter(into));
}

template <typename Entry, typename Key>
void mergeByKey(std::vector<Entry>& into, std::vector<Entry>&& from, Key key) {
    mergeByKey(into, std::move(from), key, [](const Entry&, Entry&) {});
}

// An answer asked again by stat() (a rescan of a few files stats names rather than listing big
// folders) that is what the cached scan's listing said stays vouched for by that listing: the
// folder's identity was checked before this scan, and it is still among the inputs. Else every
// later check would stat each such name (thousands, after an edit that reached an icon barrel).
void keepListingVouch(const PathAnswer& cached, PathAnswer& now) {
    if (now.answeredByStat && !cached.answeredByStat && now.type == cached.type &&
        now.text == cached.text) {
        now.answeredByStat = false;
    }
}

} // namespace

std::shared_ptr<ScanResult> scanWithPrior(PriorUse use, const ScanConfig& config,
                                          const ScanOptions& options,
                                          std::shared_ptr<ScanResult> cached, ScanInputs& inputs,
                                          const std::vector<FileRecord*>& edited,
                                          std::string& why) {
    if (config.optimizing()) {
        why = "the optimized graph follows names";
        return nullptr;
    }
    if (!cached->diagnostics.empty()) {
        why = "the cached scan has diagnostics, which only a whole scan finds again";
        return nullptr;
    }
    PriorScan prior;
    prior.result = std::move(cached);
    prior.inputs = &inputs;
    for (const auto* file : edited) {
        prior.edited.push_back(file->path);
    }
    ScanInputs recorded;
    ScanOptions seeded = options;
    seeded.inputs = &recorded;
    seeded.prior = &prior;
    std::shared_ptr<ScanResult> result;
    if (use == PriorUse::Splice) {
        result = spliceScan(config, seeded, why);
        if (!result) {
            return nullptr;
        }
        // The records of the files read or taken now in place of the cached ones; the files no
        // longer reached are no longer inputs.
        std::unordered_set<std::string_view> modules;
        for (const auto& module : result->modules) {
            modules.insert(module.path);
        }
        std::unordered_set<std::string_view> gone;
        for (const auto& module : prior.result->modules) {
            if (!modules.contains(module.path)) {
                gone.insert(module.path);
            }
        }
        std::erase_if(inputs.files, [&](const FileRecord& f) { return gone.contains(f.path); });
        mergeByKey(inputs.files, std::move(recorded.files),
                   [](const FileRecord& f) { return std::pair<std::string_view, int>(f.path, 0); });
        std::sort(inputs.files.begin(), inputs.files.end(),
                  [](const FileRecord& a, const FileRecord& b) { return a.path < b.path; });
    } else {
        auto walked = scan(config, seeded);
        if (walked->stats.cancelled) {
            why = "cancelled";
            return nullptr;
        }
        // Each reached file has its record, taken or read.
        result = std::const_pointer_cast<ScanResult>(std::move(walked));
        inputs.files = std::move(recorded.files);
    }
    // What the scan asked of the file system now, beside what the cached scan asked (still so).
    // The scan's start stays the cached one's (the records taken were trusted against it).
    mergeByKey(
        inputs.answers, std::move(recorded.answers),
        [](const PathAnswer& a) {
            return std::pair<std::string_view, int>(a.path, static_cast<int>(a.question));
        },
        keepListingVouch);
    mergeByKey(inputs.folders, std::move(recorded.folders),
               [](const FolderRead& f) { return std::pair<std::string_view, int>(f.path, 0); });
    mergeByKey(inputs.manifests, std::move(recorded.manifests),
               [](const FileRecord& f) { return std::pair<std::string_view, int>(f.path, 0); });
    return result;
}

} // namespace fanout::detail
