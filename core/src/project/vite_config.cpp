// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/vite_config.h"

#include "base/path_utils.h"
#include "fanout/extract/static_config.h"
#include "project/static_config_file.h"

#include <algorithm>
#include <regex>

namespace fanout::detail {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kConfigFiles[] = {"vite.config.ts",  "vite.config.js",  "vite.config.mts",
                                        "vite.config.mjs", "vite.config.cts", "vite.config.cjs"};

class ViteConfigReader {
public:
    ViteConfigReader(std::string file, std::string root, ScanConfig& config)
        : m_file(std::move(file)), m_root(std::move(root)), m_config(config) {}

    void apply(const Json& resolve) {
        if (!resolve.is_object()) {
            notLiteral("resolve", resolve);
            return;
        }
        if (const auto it = resolve.find("alias"); it != resolve.end()) {
            aliases(*it);
        }
        if (const auto it = resolve.find("conditions"); it != resolve.end()) {
            for (const auto& condition : strings(*it, "resolve.conditions")) {
                for (auto& environment : m_config.environments) {
                    auto& list = environment.resolver.conditions;
                    if (std::find(list.begin(), list.end(), condition) == list.end()) {
                        list.push_back(condition);
                    }
                }
            }
        }
        if (const auto it = resolve.find("mainFields"); it != resolve.end()) {
            auto fields = strings(*it, "resolve.mainFields");
            if (std::find(fields.begin(), fields.end(), "main") == fields.end()) {
                fields.emplace_back("main"); // resolvePackageEntry's fallback
            }
            for (auto& environment : m_config.environments) {
                environment.resolver.mainFields = fields;
            }
        }
        if (const auto it = resolve.find("dedupe"); it != resolve.end()) {
            const auto names = strings(*it, "resolve.dedupe");
            for (auto& environment : m_config.environments) {
                environment.resolver.dedupe = names;
                environment.resolver.dedupeFrom = m_root;
            }
        }
    }

private:
    void notLiteral(const std::string& key, const Json& value) {
        notStatic(m_file, key, value, m_config.configFindings);
    }

    std::vector<std::string> strings(const Json& value, const std::string& key) {
        return staticStrings(value, m_file, key, m_config.configFindings);
    }

    // A replacement: a string, or one of the path idioms naming a folder beside the config.
    std::optional<std::string> replacement(const Json& value) const {
        if (value.is_string()) {
            return value.get<std::string>();
        }
        if (!isNonLiteral(value)) {
            return std::nullopt;
        }
        static const std::regex idioms(
            R"re(^(?:path\.)?(?:resolve|join)\(\s*__dirname\s*,\s*["'`]([^"'`]*)["'`]\s*\)$|^fileURLToPath\(\s*new URL\(\s*["'`]([^"'`]*)["'`]\s*,\s*import\.meta\.url\s*\)\s*\)$)re");
        const auto text = value["$nonLiteral"].get<std::string>();
        std::smatch match;
        if (!std::regex_match(text, match, idioms)) {
            return std::nullopt;
        }
        return joinPath(m_root, match[1].matched ? match[1].str() : match[2].str());
    }

    void add(const Json& find, const Json& target, const std::string& key) {
        const auto to = replacement(target);
        if (!to) {
            notLiteral(key, target);
            return;
        }
        AliasRule rule;
        if (find.is_string()) {
            rule.find = find.get<std::string>();
        } else if (find.is_object() && find.contains("$regex")) {
            rule.find = find["$regex"].get<std::string>();
            rule.regex = true;
        } else {
            notLiteral(key + ".find", find);
            return;
        }
        rule.replacement = *to;
        for (auto& environment : m_config.environments) {
            environment.resolver.alias.push_back(rule);
        }
    }

    void aliases(const Json& value) {
        if (value.is_object() && !isNonLiteral(value)) { // {"@": "/src"}
            for (const auto& [find, target] : value.items()) {
                if (startsWith(find, "$nonLiteral")) {
                    notLiteral("resolve.alias", target);
                } else {
                    add(Json(find), target, "resolve.alias." + find);
                }
            }
        } else if (value.is_array()) { // [{find, replacement}]
            for (const auto& rule : value) {
                if (!rule.is_object() || !rule.contains("find") || !rule.contains("replacement")) {
                    notLiteral("resolve.alias[]", rule);
                    continue;
                }
                add(rule["find"], rule["replacement"], "resolve.alias[].replacement");
            }
        } else {
            notLiteral("resolve.alias", value);
        }
    }

    std::string m_file;
    std::string m_root;
    ScanConfig& m_config;
};

} // namespace

void applyViteConfig(const std::string& root, ScanConfig& config) {
    const auto read = readStaticConfigFile(root, kConfigFiles, config.configFindings);
    if (!read) {
        return;
    }
    if (const auto resolve = read->value.find("resolve"); resolve != read->value.end()) {
        ViteConfigReader(read->file, root, config).apply(*resolve);
    }
}

} // namespace fanout::detail
