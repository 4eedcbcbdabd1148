// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/prior_rescan.h"

#include <algorithm>
#include <tuple>

namespace fanout::detail {
namespace {

// `into` and `from`, one entry per key (`from`'s where both have it), sorted by key.
template <typename Entry, typename Key>
void mergeByKey(std::vector<Entry>& into, std::vector<Entry>&& from, Key key) {
    const auto before = [&](const Entry& a, const Entry& b) { return key(a) < key(b); };
    std::stable_sort(from.begin(), from.end(), before);
    from.erase(std::unique(from.begin(), from.end(),
                           [&](const Entry& a, const Entry& b) { return key(a) == key(b); }),
               from.end());
    std::vector<Entry> merged;
    merged.reserve(into.size() + from.size());
    std::stable_sort(into.begin(), into.end(), before);
    auto old = into.begin();
    for (auto& entry : from) {
        while (old != into.end() && before(*old, entry)) {
            merged.push_back(std::move(*old++));
        }
        while (old != into.end() && !before(entry, *old)) {
            ++old; // the same key: this scan's answer
        }
        merged.push_back(std::move(entry));
    }
    std::move(old, into.end(), std::back_inserter(merged));
    into = std::move(merged);
}

} // namespace

std::shared_ptr<const ScanResult> rescanEdited(const ScanConfig& config, const ScanOptions& options,
                                               std::shared_ptr<const ScanResult> cached,
                                               ScanInputs& inputs,
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
    auto result = scan(config, seeded);
    if (result->stats.cancelled) {
        why = "cancelled";
        return nullptr;
    }
    // What the walk asked of the file system now, beside what the cached scan asked (still so):
    // the files are this scan's alone (each reached file has its record, taken or read), and the
    // scan's start stays the cached one's (the records taken were trusted against it).
    inputs.files = std::move(recorded.files);
    mergeByKey(inputs.answers, std::move(recorded.answers),
               [](const PathAnswer& a) { return std::tie(a.path, a.question); });
    mergeByKey(inputs.folders, std::move(recorded.folders),
               [](const FolderRead& f) { return std::tie(f.path); });
    mergeByKey(inputs.manifests, std::move(recorded.manifests),
               [](const FileRecord& f) { return std::tie(f.path); });
    return result;
}

} // namespace fanout::detail
