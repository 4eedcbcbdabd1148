// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/project/project_config.h"

#include "base/path_utils.h"
#include "fanout/io/file_reader.h"
#include "io/jsonc.h"
#include "project/next_preset.h"
#include "project/presets.h"
#include "project/workspaces.h"

#include <filesystem>
#include <set>

namespace fanout {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

class ConfigReader {
public:
    explicit ConfigReader(std::string file) : m_file(std::move(file)) {}

    [[noreturn]] void fail(const std::string& what) const {
        throw ConfigError(m_file + ": " + what);
    }

    void checkKeys(const Json& object, const std::set<std::string>& allowed,
                   const std::string& where) const {
        if (!object.is_object()) {
            fail(where + " must be an object");
        }
        for (const auto& [key, value] : object.items()) {
            if (!allowed.count(key)) {
                std::string list;
                for (const auto& name : allowed) {
                    list += (list.empty() ? "" : ", ") + name;
                }
                fail("unknown key \"" + key + "\" in " + where + " (known: " + list + ")");
            }
        }
    }

    std::vector<std::string> strings(const Json& value, const std::string& key) const {
        if (!value.is_array()) {
            fail("\"" + key + "\" must be an array of strings");
        }
        std::vector<std::string> out;
        for (const auto& item : value) {
            if (!item.is_string()) {
                fail("\"" + key + "\" must be an array of strings");
            }
            out.push_back(item.get<std::string>());
        }
        return out;
    }

    std::string string(const Json& value, const std::string& key) const {
        if (!value.is_string()) {
            fail("\"" + key + "\" must be a string");
        }
        return value.get<std::string>();
    }

    bool boolean(const Json& value, const std::string& key) const {
        if (!value.is_boolean()) {
            fail("\"" + key + "\" must be true or false");
        }
        return value.get<bool>();
    }

    std::vector<AliasRule> aliases(const Json& value) const {
        std::vector<AliasRule> out;
        if (value.is_object()) { // { "find": "replacement" }
            for (const auto& [find, replacement] : value.items()) {
                out.push_back({find, string(replacement, "alias." + find), false});
            }
            return out;
        }
        if (!value.is_array()) {
            fail("\"alias\" must be an object or an array of {find, replacement, regex}");
        }
        for (const auto& rule : value) {
            checkKeys(rule, {"find", "replacement", "regex"}, "an alias rule");
            if (!rule.contains("find") || !rule.contains("replacement")) {
                fail("an alias rule needs \"find\" and \"replacement\"");
            }
            out.push_back({string(rule["find"], "find"), string(rule["replacement"], "replacement"),
                           rule.contains("regex") && boolean(rule["regex"], "regex")});
        }
        return out;
    }

    Environment environment(const Json& value, const ResolverConfig& base) const {
        checkKeys(value,
                  {"name", "conditions", "mainFields", "extensions", "extensionAlias",
                   "browserField", "alias"},
                  "an environment");
        if (!value.contains("name")) {
            fail("every environment needs a \"name\"");
        }
        Environment out{string(value["name"], "name"), base, ""};
        auto& resolver = out.resolver;
        if (value.contains("conditions")) {
            resolver.conditions = strings(value["conditions"], "conditions");
        }
        if (value.contains("mainFields")) {
            resolver.mainFields = strings(value["mainFields"], "mainFields");
        }
        if (value.contains("extensions")) {
            resolver.extensions = strings(value["extensions"], "extensions");
        }
        if (value.contains("extensionAlias")) {
            const auto& map = value["extensionAlias"];
            if (!map.is_object()) {
                fail("\"extensionAlias\" must map an extension to an array of extensions");
            }
            resolver.extensionAlias.clear();
            for (const auto& [extension, replacements] : map.items()) {
                resolver.extensionAlias.emplace_back(
                    extension, strings(replacements, "extensionAlias." + extension));
            }
        }
        if (value.contains("browserField")) {
            resolver.browserField = boolean(value["browserField"], "browserField");
        }
        if (value.contains("alias")) {
            resolver.alias = aliases(value["alias"]);
        }
        return out;
    }

    std::uint64_t count(const Json& value, const std::string& key) const {
        if (!value.is_number_unsigned() && !(value.is_number_integer() && value.get<long>() >= 0)) {
            fail("\"" + key + "\" must be a whole number");
        }
        return value.get<std::uint64_t>();
    }

    Budgets budgets(const Json& value) const {
        checkKeys(value,
                  {"maxModules", "maxReach", "reach", "maxPackageModules", "forbidImport",
                   "maxDuplicatePaths", "maxRssMb"},
                  "\"budgets\"");
        Budgets out;
        if (value.contains("maxModules")) {
            out.maxModules = count(value["maxModules"], "budgets.maxModules");
        }
        if (value.contains("maxReach")) {
            out.maxReach = count(value["maxReach"], "budgets.maxReach");
        }
        if (value.contains("reach")) {
            const auto& reach = value["reach"];
            if (reach != "needed" && reach != "walked") {
                fail("\"budgets.reach\" must be \"needed\" or \"walked\"");
            }
            out.reach = reach == "needed" ? ReachMeasure::Needed : ReachMeasure::Walked;
        }
        if (value.contains("maxPackageModules")) {
            const auto& map = value["maxPackageModules"];
            if (!map.is_object()) {
                fail("\"budgets.maxPackageModules\" must map package names to numbers");
            }
            for (const auto& [name, limit] : map.items()) {
                out.maxPackageModules[name] = count(limit, "budgets.maxPackageModules." + name);
            }
        }
        if (value.contains("forbidImport")) {
            out.forbidImport = strings(value["forbidImport"], "budgets.forbidImport");
        }
        if (value.contains("maxDuplicatePaths")) {
            out.maxDuplicatePaths = count(value["maxDuplicatePaths"], "budgets.maxDuplicatePaths");
        }
        if (value.contains("maxRssMb")) {
            out.maxRssMb = count(value["maxRssMb"], "budgets.maxRssMb");
        }
        return out;
    }

    DirectiveRule directiveRule(const Json& value) const {
        const auto rule = string(value, "directiveRule");
        if (rule == "spec") {
            return DirectiveRule::Spec;
        }
        if (rule == "rwsdk") {
            return DirectiveRule::Rwsdk;
        }
        fail("\"directiveRule\" must be \"spec\" or \"rwsdk\", not \"" + rule + "\"");
    }

private:
    std::string m_file;
};

Json readConfigFile(const std::string& path) {
    auto file = detail::readJsonFile(path);
    if (!file.readError.empty()) {
        throw ConfigError(path + ": " + file.readError);
    }
    if (!file.parseError.empty()) {
        throw ConfigError(path + ": not valid JSON: " + file.parseError);
    }
    return std::move(file.json);
}

std::string absoluteIn(const std::string& root, const std::string& path) {
    return detail::joinPath(root, path);
}

// MB as the limits are written (1 MB = 1,048,576 bytes), saturating rather than overflowing.
std::uint64_t megabytes(std::uint64_t count) {
    constexpr std::uint64_t kMb = 1ull << 20;
    return count > UINT64_MAX / kMb ? UINT64_MAX : count * kMb;
}

} // namespace

ScanConfig loadScanConfig(const std::string& rootArgument, const ScanOverrides& overrides) {
    std::error_code error;
    const auto root = fs::canonical(rootArgument, error).string();
    if (error || !fs::is_directory(root)) {
        throw ConfigError(rootArgument + ": not a folder");
    }
    std::string configFile = overrides.configFile;
    if (configFile.empty() && fs::is_regular_file(root + "/fanout.json")) {
        configFile = root + "/fanout.json";
    }
    Json file = Json::object();
    const ConfigReader reader(configFile);
    if (!configFile.empty()) {
        file = readConfigFile(configFile);
        reader.checkKeys(file,
                         {"$schema", "preset", "entries", "environments", "tsconfig",
                          "assetQueries", "exclude", "directiveRule", "switch", "compat", "budgets",
                          "optimizePackages", "optimizeBarrels", "maxFileSizeMb", "jsxRuntime",
                          "jsxImportSource"},
                         "the top level");
    }

    std::string preset = overrides.preset;
    if (preset.empty() && file.contains("preset")) {
        preset = reader.string(file["preset"], "preset");
    }
    // A monorepo root: the apps among its workspaces, unless entries or a preset are given.
    auto workspaces = detail::findWorkspaces(root);
    const bool monorepo = (preset.empty() || preset == "auto") && !workspaces.empty() &&
                          !file.contains("entries") && overrides.entries.empty() &&
                          (!overrides.workspaces.empty() ||
                           std::any_of(workspaces.begin(), workspaces.end(), detail::isApp));
    if (!overrides.workspaces.empty() && !monorepo) {
        throw ConfigError("--workspace needs a monorepo root scanned with its own presets (" +
                          root + " declares " +
                          (workspaces.empty() ? "no workspaces"
                                              : "workspaces, but entries or a "
                                                "preset were given") +
                          ")");
    }
    if (!monorepo && (preset.empty() || preset == "auto")) {
        preset = detectPreset(root);
    }
    auto presetConfig = monorepo ? detail::monorepoPreset(root, workspaces, overrides.workspaces)
                                 : detail::presetConfig(preset, root);
    if (monorepo) {
        preset = "workspaces";
    }
    ScanConfig config = std::move(presetConfig.config);
    config.workspaces = std::move(workspaces);
    config.conditionalEntries = std::move(presetConfig.conditionalEntries);

    // The tsconfig nearest to each importer, the root's where none is nearer; a tsconfig named in
    // fanout.json applies to every project file instead.
    std::string tsconfig;
    bool nearestTsconfig = presetConfig.useTsconfig;
    if (presetConfig.useTsconfig && fs::is_regular_file(root + "/tsconfig.json")) {
        tsconfig = root + "/tsconfig.json";
    }
    if (file.contains("tsconfig")) {
        nearestTsconfig = false;
        const auto& value = file["tsconfig"];
        tsconfig = value.is_null() || (value.is_boolean() && !value.get<bool>())
                       ? std::string()
                       : absoluteIn(root, reader.string(value, "tsconfig"));
    }
    std::vector<std::string> assetQueries = ResolverConfig{}.assetQueries;
    if (file.contains("assetQueries")) {
        assetQueries = reader.strings(file["assetQueries"], "assetQueries");
    }
    if (file.contains("environments")) {
        const auto& list = file["environments"];
        if (!list.is_array() || list.empty()) {
            reader.fail("\"environments\" must be a non-empty array");
        }
        config.environments.clear();
        for (const auto& value : list) {
            config.environments.push_back(reader.environment(value, ResolverConfig{}));
        }
    }
    if (file.contains("entries")) {
        config.entries.clear();
        config.conditionalEntries.clear();
        for (const auto& entry : reader.strings(file["entries"], "entries")) {
            config.entries.push_back(absoluteIn(root, entry));
        }
    }
    if (file.contains("exclude")) {
        config.exclude = reader.strings(file["exclude"], "exclude");
    }
    if (file.contains("directiveRule")) {
        config.directiveRule = reader.directiveRule(file["directiveRule"]);
    }
    if (file.contains("compat")) {
        const auto compat = reader.string(file["compat"], "compat");
        if (compat != "rwsdk" && !compat.empty()) {
            reader.fail("\"compat\" can only be \"rwsdk\"");
        }
        config.compatRwsdk = compat == "rwsdk";
    }
    if (file.contains("switch")) {
        reader.checkKeys(file["switch"], {"use client", "use server"}, "\"switch\"");
        config.switches.clear();
        for (const auto& [directive, environment] : file["switch"].items()) {
            config.switches.push_back(
                {directive == "use client" ? Directive::Client : Directive::Server,
                 reader.string(environment, "switch." + directive), ""});
        }
    }

    if (file.contains("budgets")) {
        config.budgets = reader.budgets(file["budgets"]);
    }
    if (file.contains("optimizePackages")) {
        config.optimizePackages = reader.strings(file["optimizePackages"], "optimizePackages");
    }
    if (file.contains("optimizeBarrels")) {
        if (!file["optimizeBarrels"].is_boolean()) {
            reader.fail("\"optimizeBarrels\" must be true or false");
        }
        config.optimizeBarrels = file["optimizeBarrels"].get<bool>();
    }
    config.optimizeBarrels = config.optimizeBarrels || overrides.optimizeBarrels;
    for (const auto& name : overrides.optimizePackages) {
        if (std::find(config.optimizePackages.begin(), config.optimizePackages.end(), name) ==
            config.optimizePackages.end()) {
            config.optimizePackages.push_back(name);
        }
    }
    if (file.contains("jsxRuntime")) {
        const auto mode = reader.string(file["jsxRuntime"], "jsxRuntime");
        if (mode == "automatic" || mode == "classic" || mode == "tsconfig") {
            config.jsx.mode = mode == "automatic" ? JsxMode::Automatic
                              : mode == "classic" ? JsxMode::Classic
                                                  : JsxMode::Tsconfig;
        } else {
            reader.fail("\"jsxRuntime\" must be \"automatic\", \"classic\" or \"tsconfig\"");
        }
    }
    if (file.contains("jsxImportSource")) {
        config.jsx.importSource = reader.string(file["jsxImportSource"], "jsxImportSource");
    }
    if (file.contains("maxFileSizeMb")) {
        config.maxFileBytes = megabytes(reader.count(file["maxFileSizeMb"], "maxFileSizeMb"));
    }
    if (overrides.maxFileSizeMb) {
        config.maxFileBytes = megabytes(*overrides.maxFileSizeMb);
    }
    if (!overrides.entries.empty()) {
        config.entries.clear();
        config.conditionalEntries.clear();
        for (const auto& entry : overrides.entries) {
            config.entries.push_back(absoluteIn(root, entry));
        }
    }
    if (overrides.directiveRule) {
        config.directiveRule = *overrides.directiveRule;
    }
    config.compatRwsdk = config.compatRwsdk || overrides.compatRwsdk;
    for (auto& environment : config.environments) {
        environment.resolver.tsconfig = tsconfig;
        environment.resolver.nearestTsconfig = nearestTsconfig;
        environment.resolver.assetQueries = assetQueries;
        for (const auto& condition : overrides.conditions) {
            environment.resolver.conditions.push_back(condition);
        }
    }
    for (const auto& rule : config.switches) {
        const bool known = std::any_of(
            config.environments.begin(), config.environments.end(),
            [&](const Environment& environment) { return environment.name == rule.environment; });
        if (!known) {
            throw ConfigError("\"switch\" names the environment \"" + rule.environment +
                              "\", which is not configured");
        }
    }
    if (config.entries.empty() && config.conditionalEntries.empty()) {
        throw ConfigError("no entries: pass --entry FILE, or set \"entries\" in fanout.json (the " +
                          preset + " preset found none in " + root + ")");
    }
    for (const auto& entry : config.entries) {
        if (!fs::is_regular_file(entry)) {
            throw ConfigError("entry " + entry + " does not exist");
        }
    }
    return config;
}

std::string detectPreset(const std::string& root) {
    const auto package = detail::readJsonc(detail::joinPath(root, "package.json"));
    if (package.is_object() && detail::dependsOn(package, "rwsdk")) {
        return "rwsdk";
    }
    if (detail::isNextProject(root)) {
        return "next";
    }
    if ((package.is_object() && detail::dependsOn(package, "vite")) ||
        !detail::firstExisting(
             root, {"vite.config.ts", "vite.config.js", "vite.config.mts", "vite.config.mjs"})
             .empty()) {
        return "vite";
    }
    return "node";
}

} // namespace fanout
