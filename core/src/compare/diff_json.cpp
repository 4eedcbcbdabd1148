// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/compare/diff_report.h"

#include <nlohmann/json.hpp>

namespace fanout {
namespace {

using Json = nlohmann::ordered_json;

Json moduleJson(const DocumentModule& module) {
    return {{"path", module.path},
            {"env", module.env},
            {"package", module.package.empty() ? Json(nullptr) : Json(module.package)},
            {"bytes", module.bytes},
            {"directive", module.directive}};
}

Json packageJson(const DocumentPackage& package) {
    return {{"name", package.name},
            {"version", package.version},
            {"root", package.root},
            {"modules", package.modules},
            {"bytes", package.bytes}};
}

Json hotspotJson(const std::optional<DocumentHotspot>& hotspot) {
    if (!hotspot) {
        return nullptr;
    }
    return {{"reachModules", hotspot->reachModules}, {"reachBytes", hotspot->reachBytes}};
}

Json listJson(const ListChange& change) {
    return {{"added", change.added}, {"removed", change.removed}, {"changed", change.changed}};
}

template <typename Entry, typename ToJson>
Json arrayOf(const std::vector<Entry>& entries, ToJson toJson) {
    Json array = Json::array();
    for (const auto& entry : entries) {
        array.push_back(toJson(entry));
    }
    return array;
}

Json statsJson(const DocumentStats& stats) {
    Json json = {{"modules", stats.modules},
                 {"edges", stats.edges},
                 {"bytesRead", stats.bytesRead},
                 {"unresolved", stats.unresolved}};
    json["wallMs"] = stats.wallMs ? Json(*stats.wallMs) : Json(nullptr);
    json["peakResidentBytes"] =
        stats.peakResidentBytes ? Json(*stats.peakResidentBytes) : Json(nullptr);
    return json;
}

} // namespace

void writeDiffJson(std::ostream& out, const ScanDiff& diff) {
    Json json;
    json["schema"] = 1;
    json["before"] = diff.beforeFile;
    json["after"] = diff.afterFile;
    json["stats"] = {{"before", statsJson(diff.statsBefore)},
                     {"after", statsJson(diff.statsAfter)}};
    json["modules"] = {{"added", arrayOf(diff.modulesAdded, moduleJson)},
                       {"removed", arrayOf(diff.modulesRemoved, moduleJson)}};
    json["packages"] = {{"added", arrayOf(diff.packagesAdded, packageJson)},
                        {"removed", arrayOf(diff.packagesRemoved, packageJson)},
                        {"changed", arrayOf(diff.packagesChanged, [](const PackageChange& change) {
                             return Json{{"before", packageJson(change.before)},
                                         {"after", packageJson(change.after)}};
                         })}};
    json["reach"] = arrayOf(diff.reachChanged, [](const ReachChange& change) {
        return Json{{"path", change.path},
                    {"env", change.env},
                    {"before", hotspotJson(change.before)},
                    {"after", hotspotJson(change.after)},
                    {"modulesDelta", change.moduleDelta()},
                    {"bytesDelta", change.byteDelta()}};
    });
    json["directives"] = {{"client", listJson(diff.client)},
                          {"server", listJson(diff.server)},
                          {"clientBoundaries", listJson(diff.clientBoundaries)},
                          {"serverActions", listJson(diff.serverActions)}};
    json["duplicates"] = {{"paths", listJson(diff.duplicatePaths)},
                          {"packages", listJson(diff.duplicatePackages)}};
    out << json.dump(2) << "\n";
}

} // namespace fanout
