// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/compare/scan_diff.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

namespace fanout {
namespace {

using Key = std::pair<std::string, std::string>;

ListChange compareLists(const std::vector<std::string>& before,
                        const std::vector<std::string>& after) {
    const std::set<std::string> was(before.begin(), before.end());
    const std::set<std::string> is(after.begin(), after.end());
    ListChange change;
    std::set_difference(is.begin(), is.end(), was.begin(), was.end(),
                        std::back_inserter(change.added));
    std::set_difference(was.begin(), was.end(), is.begin(), is.end(),
                        std::back_inserter(change.removed));
    return change;
}

// The entries of `from` whose key `other` lacks, in key order.
template <typename Entry, typename KeyOf>
std::vector<Entry> missingFrom(const std::vector<Entry>& from, const std::vector<Entry>& other,
                               KeyOf keyOf) {
    std::set<Key> keys;
    for (const auto& entry : other) {
        keys.insert(keyOf(entry));
    }
    std::vector<Entry> missing;
    for (const auto& entry : from) {
        if (!keys.contains(keyOf(entry))) {
            missing.push_back(entry);
        }
    }
    std::sort(missing.begin(), missing.end(),
              [&](const Entry& a, const Entry& b) { return keyOf(a) < keyOf(b); });
    return missing;
}

Key moduleKey(const DocumentModule& module) {
    return {module.env, module.path};
}

Key packageKey(const DocumentPackage& package) {
    return {package.name, package.root};
}

bool samePackage(const DocumentPackage& a, const DocumentPackage& b) {
    return a.version == b.version && a.modules == b.modules && a.bytes == b.bytes;
}

void comparePackages(const ScanDocument& before, const ScanDocument& after, ScanDiff& diff) {
    std::map<Key, const DocumentPackage*> was;
    for (const auto& package : before.packages) {
        was[packageKey(package)] = &package;
    }
    for (const auto& package : after.packages) {
        const auto found = was.find(packageKey(package));
        if (found != was.end() && !samePackage(*found->second, package)) {
            diff.packagesChanged.push_back({*found->second, package});
        }
    }
    auto removed = missingFrom(before.packages, after.packages, packageKey);
    auto added = missingFrom(after.packages, before.packages, packageKey);
    // One copy of a name gone and one come (an upgrade that moved its folder): a change.
    const auto countOf = [](const std::vector<DocumentPackage>& list, const std::string& name) {
        return std::count_if(list.begin(), list.end(),
                             [&](const DocumentPackage& p) { return p.name == name; });
    };
    for (auto gone = removed.begin(); gone != removed.end();) {
        const auto come = std::find_if(added.begin(), added.end(), [&](const DocumentPackage& p) {
            return p.name == gone->name;
        });
        if (come != added.end() && countOf(removed, gone->name) == 1 &&
            countOf(added, gone->name) == 1) {
            diff.packagesChanged.push_back({*gone, *come});
            added.erase(come);
            gone = removed.erase(gone);
        } else {
            ++gone;
        }
    }
    std::sort(diff.packagesChanged.begin(), diff.packagesChanged.end(),
              [](const PackageChange& a, const PackageChange& b) {
                  return packageKey(a.after) < packageKey(b.after);
              });
    diff.packagesAdded = std::move(added);
    diff.packagesRemoved = std::move(removed);
}

void compareReach(const ScanDocument& before, const ScanDocument& after, ScanDiff& diff) {
    std::map<Key, ReachChange> changes;
    for (const auto& hotspot : before.hotspots) {
        auto& change = changes[{hotspot.env, hotspot.path}];
        change.before = hotspot;
    }
    for (const auto& hotspot : after.hotspots) {
        auto& change = changes[{hotspot.env, hotspot.path}];
        change.after = hotspot;
    }
    for (auto& [key, change] : changes) {
        change.env = key.first;
        change.path = key.second;
        if (!change.before || !change.after ||
            change.before->reachModules != change.after->reachModules ||
            change.before->reachBytes != change.after->reachBytes) {
            diff.reachChanged.push_back(std::move(change));
        }
    }
    std::stable_sort(
        diff.reachChanged.begin(), diff.reachChanged.end(),
        [](const ReachChange& a, const ReachChange& b) {
            return std::make_pair(std::llabs(a.moduleDelta()), std::llabs(a.byteDelta())) >
                   std::make_pair(std::llabs(b.moduleDelta()), std::llabs(b.byteDelta()));
        });
}

std::string copiesOf(const DocumentDuplicatePackage& duplicate) {
    std::string copies;
    for (const auto& copy : duplicate.copies) {
        copies += (copies.empty() ? "" : ", ") + copy;
    }
    return copies;
}

// By name: a package now installed more than once, no longer, or with other copies.
ListChange compareDuplicatePackages(const ScanDocument& before, const ScanDocument& after) {
    std::map<std::string, std::string> was;
    for (const auto& duplicate : before.duplicatePackages) {
        was[duplicate.name] = copiesOf(duplicate);
    }
    ListChange change;
    for (const auto& duplicate : after.duplicatePackages) {
        const auto copies = copiesOf(duplicate);
        const auto found = was.find(duplicate.name);
        if (found == was.end()) {
            change.added.push_back(duplicate.name + ": " + copies);
            continue;
        }
        if (found->second != copies) {
            change.changed.push_back(duplicate.name + ": " + found->second + " → " + copies);
        }
        was.erase(found);
    }
    for (const auto& [name, copies] : was) {
        change.removed.push_back(name + ": " + copies);
    }
    std::sort(change.added.begin(), change.added.end());
    std::sort(change.changed.begin(), change.changed.end());
    return change;
}

bool grewBeyond(std::uint64_t before, std::uint64_t after, double tolerancePercent) {
    return static_cast<double>(after) >
           static_cast<double>(before) * (1.0 + tolerancePercent / 100.0);
}

std::int64_t difference(std::uint64_t before, std::uint64_t after) {
    return static_cast<std::int64_t>(after) - static_cast<std::int64_t>(before);
}

} // namespace

std::int64_t ReachChange::moduleDelta() const {
    return difference(before ? before->reachModules : 0, after ? after->reachModules : 0);
}

std::int64_t ReachChange::byteDelta() const {
    return difference(before ? before->reachBytes : 0, after ? after->reachBytes : 0);
}

bool ScanDiff::empty() const {
    return modulesAdded.empty() && modulesRemoved.empty() && packagesAdded.empty() &&
           packagesRemoved.empty() && packagesChanged.empty() && reachChanged.empty() &&
           client.empty() && server.empty() && clientBoundaries.empty() && serverActions.empty() &&
           duplicatePaths.empty() && duplicatePackages.empty();
}

ScanDiff compareScans(const ScanDocument& before, const ScanDocument& after) {
    ScanDiff diff;
    diff.beforeFile = before.file;
    diff.afterFile = after.file;
    diff.modulesAdded = missingFrom(after.modules, before.modules, moduleKey);
    diff.modulesRemoved = missingFrom(before.modules, after.modules, moduleKey);
    comparePackages(before, after, diff);
    compareReach(before, after, diff);
    diff.client = compareLists(before.client, after.client);
    diff.server = compareLists(before.server, after.server);
    diff.clientBoundaries = compareLists(before.clientBoundaries, after.clientBoundaries);
    diff.serverActions = compareLists(before.serverActions, after.serverActions);
    diff.duplicatePaths = compareLists(before.duplicatePaths, after.duplicatePaths);
    diff.duplicatePackages = compareDuplicatePackages(before, after);
    diff.statsBefore = before.stats;
    diff.statsAfter = after.stats;
    return diff;
}

std::vector<std::string> growthBeyond(const ScanDiff& diff, double tolerancePercent) {
    std::vector<std::string> reasons;
    const auto& was = diff.statsBefore;
    const auto& is = diff.statsAfter;
    if (grewBeyond(was.modules, is.modules, tolerancePercent)) {
        reasons.push_back("modules grew from " + std::to_string(was.modules) + " to " +
                          std::to_string(is.modules));
    }
    for (const auto& change : diff.reachChanged) {
        if (change.before && change.after &&
            grewBeyond(change.before->reachModules, change.after->reachModules, tolerancePercent)) {
            reasons.push_back("reach of " + change.path + " [" + change.env + "] grew from " +
                              std::to_string(change.before->reachModules) + " to " +
                              std::to_string(change.after->reachModules) + " modules");
        }
    }
    return reasons;
}

} // namespace fanout
