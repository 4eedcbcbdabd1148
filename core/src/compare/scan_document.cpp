// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/compare/scan_document.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <string_view>

namespace fanout {
namespace {

using Json = nlohmann::json;

constexpr int kSchema = 1; // the schema `fanout scan --json` writes

bool oneOf(std::string_view key, const auto& keys) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// Drops, while parsing, every section and module field the comparison does not read: the
// edges are most of a document.
Json parseKept(std::istream& in) {
    static constexpr std::array<std::string_view, 8> kSections{
        "schema", "root", "modules", "directives", "hotspots", "packages", "duplicates", "stats"};
    static constexpr std::array<std::string_view, 6> kModuleFields{"path",  "env",       "package",
                                                                   "bytes", "directive", "kind"};
    std::string section;
    return Json::parse(in, [&section](int depth, Json::parse_event_t event, Json& parsed) {
        if (event != Json::parse_event_t::key) {
            return true;
        }
        const auto& key = parsed.get_ref<const std::string&>();
        if (depth == 1) {
            section = key;
            return oneOf(section, kSections);
        }
        return depth != 3 || section != "modules" || oneOf(key, kModuleFields);
    });
}

std::vector<std::string> strings(const Json& list) {
    std::vector<std::string> out;
    for (const auto& item : list) {
        out.push_back(item.get<std::string>());
    }
    return out;
}

std::string copyName(const Json& copy) {
    return copy.at("version").get<std::string>() + " (" + copy.at("root").get<std::string>() + ")";
}

ScanDocument fromJson(const Json& json) {
    ScanDocument document;
    document.root = json.at("root").get<std::string>();
    for (const auto& module : json.at("modules")) {
        DocumentModule entry;
        entry.path = module.at("path").get<std::string>();
        entry.env = module.at("env").get<std::string>();
        if (const auto& package = module.at("package"); package.is_object()) {
            entry.package = package.at("name").get<std::string>();
        }
        entry.bytes = module.at("bytes").get<std::uint64_t>();
        entry.directive = module.at("directive").get<std::string>();
        document.modules.push_back(std::move(entry));
    }
    // The analysis sections are in every document `fanout scan --json` writes; a document
    // written without an analysis has none, and compares as having no hotspots or duplicates.
    const Json none = Json::array();
    const auto section = [&](const char* key) -> const Json& {
        return json.contains(key) ? json.at(key) : none;
    };
    for (const auto& package : section("packages")) {
        document.packages.push_back(
            {package.at("name").get<std::string>(), package.at("version").get<std::string>(),
             package.at("root").get<std::string>(), package.at("modules").get<std::uint64_t>(),
             package.at("bytes").get<std::uint64_t>()});
    }
    for (const auto& hotspot : section("hotspots")) {
        document.hotspots.push_back({hotspot.at("path").get<std::string>(),
                                     hotspot.at("env").get<std::string>(),
                                     hotspot.at("reachModules").get<std::uint64_t>(),
                                     hotspot.at("reachBytes").get<std::uint64_t>()});
    }
    const auto& directives = json.at("directives");
    document.client = strings(directives.at("client"));
    document.server = strings(directives.at("server"));
    document.clientBoundaries = strings(directives.at("clientBoundaries"));
    document.serverActions = strings(directives.at("serverActions"));
    const Json noDuplicates = {{"paths", none}, {"packages", none}};
    const auto& duplicates = json.contains("duplicates") ? json.at("duplicates") : noDuplicates;
    for (const auto& duplicate : duplicates.at("paths")) {
        document.duplicatePaths.push_back(duplicate.at("path").get<std::string>());
    }
    for (const auto& duplicate : duplicates.at("packages")) {
        DocumentDuplicatePackage entry{duplicate.at("name").get<std::string>(), {}};
        for (const auto& copy : duplicate.at("copies")) {
            entry.copies.push_back(copyName(copy));
        }
        document.duplicatePackages.push_back(std::move(entry));
    }
    const auto& stats = json.at("stats");
    document.stats.modules = stats.at("modules").get<std::uint64_t>();
    document.stats.edges = stats.at("edges").get<std::uint64_t>();
    document.stats.bytesRead = stats.at("bytesRead").get<std::uint64_t>();
    document.stats.unresolved = stats.at("unresolved").get<std::uint64_t>();
    if (stats.contains("wallMs")) {
        document.stats.wallMs = stats.at("wallMs").get<double>();
    }
    if (stats.contains("peakResidentBytes")) {
        document.stats.peakResidentBytes = stats.at("peakResidentBytes").get<std::uint64_t>();
    }
    return document;
}

} // namespace

ScanDocument readScanDocument(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw ScanDocumentError(path + ": cannot be read (" + std::strerror(errno) + ")");
    }
    Json json;
    try {
        json = parseKept(in);
    } catch (const Json::exception& error) {
        throw ScanDocumentError(path + ": not JSON (" + error.what() + ")");
    }
    if (!json.is_object() || !json.contains("schema") || !json.contains("modules")) {
        throw ScanDocumentError(path + ": not a scan document (write one with fanout scan --json)");
    }
    if (json.at("schema") != kSchema) {
        throw ScanDocumentError(path + ": scan document schema " + json.at("schema").dump() +
                                "; this fanout reads schema " + std::to_string(kSchema));
    }
    try {
        auto document = fromJson(json);
        document.file = path;
        return document;
    } catch (const Json::exception& error) {
        throw ScanDocumentError(path + ": not a complete scan document (" + error.what() + ")");
    }
}

} // namespace fanout
