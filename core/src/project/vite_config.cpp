// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/vite_config.h"

#include "base/path_utils.h"
#include "fanout/extract/static_config.h"
#include "fanout/io/file_reader.h"

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
        m_config.configFindings.push_back(
            {m_file,
             "\"" + key + "\" is not a literal (" +
                 (isNonLiteral(value) ? value["$nonLiteral"].get<std::string>() : value.dump()) +
                 "): Fanout does not run the config, so it is left out"});
    }

    std::vector<std::string> strings(const Json& value, const std::string& key) {
        std::vector<std::string> out;
        if (!value.is_array() || !std::all_of(value.begin(), value.end(),
                                              [](const Json& item) { return item.is_string(); })) {
            notLiteral(key, value);
            return out;
        }
        for (const auto& item : value) {
            out.push_back(item.get<std::string>());
        }
        return out;
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
    for (const char* name : kConfigFiles) {
        const auto file = joinPath(root, name);
        const auto contents = readFile(file, 1u << 20);
        if (!contents.ok()) {
            continue;
        }
        const auto read =
            readStaticConfig(contents.bytes, grammarForPath(file).value_or(Grammar::Tsx));
        if (read.value.is_null()) {
            config.configFindings.push_back({file, "not read: " + read.problem});
            return;
        }
        if (const auto resolve = read.value.find("resolve"); resolve != read.value.end()) {
            ViteConfigReader(file, root, config).apply(*resolve);
        }
        return;
    }
}

} // namespace fanout::detail
