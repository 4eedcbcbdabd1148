// SPDX-License-Identifier: GPL-3.0-or-later
#include "resolve/package_exports.h"

#include "base/path_utils.h"

#include <algorithm>
#include <cctype>

namespace fanout::detail {
namespace {

using Json = nlohmann::ordered_json;

// Node rejects "", ".", ".." and "node_modules" segments in the part after "./" (and in what a
// pattern's "*" stands for), so a target can never leave its package or reach into dependencies.
bool hasInvalidSegment(std::string_view path) {
    std::size_t at = 0;
    while (at <= path.size()) {
        auto next = path.find('/', at);
        if (next == std::string_view::npos) {
            next = path.size();
        }
        const auto segment = lower(path.substr(at, next - at));
        if (segment.empty() || segment == "." || segment == ".." || segment == "node_modules") {
            return true;
        }
        at = next + 1;
    }
    return false;
}

bool looksLikeUrl(std::string_view target) {
    const auto colon = target.find(':');
    return colon != std::string_view::npos && colon > 1 &&
           std::all_of(target.begin(), target.begin() + static_cast<long>(colon), [](char c) {
               return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' ||
                      c == '.';
           });
}

// What PACKAGE_TARGET_RESOLVE returns: a target, null, undefined (no condition matched) or an
// invalid-target error.
enum class Outcome { Found, Null, Undefined, Invalid };

struct TargetOutcome {
    Outcome outcome = Outcome::Undefined;
    std::string target;
    std::string detail;
};

class TargetResolver {
public:
    TargetResolver(const std::vector<std::string>& conditions, bool isImports)
        : m_conditions(conditions), m_isImports(isImports) {}

    TargetOutcome resolve(const Json& target, std::string_view patternMatch, bool isPattern,
                          int depth = 0) const {
        if (depth > 32) {
            return {Outcome::Invalid, {}, "conditions nested too deeply"};
        }
        if (target.is_string()) {
            return resolveString(target.get<std::string>(), patternMatch, isPattern);
        }
        if (target.is_array()) {
            if (target.empty()) {
                return {Outcome::Null, {}, {}};
            }
            TargetOutcome last{Outcome::Undefined, {}, {}};
            for (const auto& item : target) {
                last = resolve(item, patternMatch, isPattern, depth + 1);
                if (last.outcome == Outcome::Found) {
                    return last;
                }
            }
            return last;
        }
        if (target.is_object()) {
            for (const auto& [key, value] : target.items()) {
                if (key != "default" && std::find(m_conditions.begin(), m_conditions.end(), key) ==
                                            m_conditions.end()) {
                    continue;
                }
                auto outcome = resolve(value, patternMatch, isPattern, depth + 1);
                if (outcome.outcome != Outcome::Undefined) {
                    return outcome;
                }
            }
            return {Outcome::Undefined, {}, {}};
        }
        if (target.is_null()) {
            return {Outcome::Null, {}, {}};
        }
        return {Outcome::Invalid, {}, "target is neither a string, an array, an object nor null"};
    }

private:
    TargetOutcome resolveString(const std::string& target, std::string_view patternMatch,
                                bool isPattern) const {
        if (!startsWith(target, "./")) {
            if (m_isImports && !startsWith(target, "../") && !startsWith(target, "/") &&
                !looksLikeUrl(target)) {
                auto bare = isPattern ? substituteStars(target, patternMatch) : target;
                if (bare.empty()) { // Node: an empty specifier is an invalid module specifier
                    return {Outcome::Invalid, {}, "target is an empty specifier"};
                }
                return {Outcome::Found, std::move(bare), {}};
            }
            return {Outcome::Invalid, {}, "target \"" + target + "\" does not start with \"./\""};
        }
        if (hasInvalidSegment(std::string_view(target).substr(2))) {
            return {Outcome::Invalid,
                    {},
                    "target \"" + target + "\" has a \".\", \"..\" or \"node_modules\" segment"};
        }
        if (!isPattern) {
            return {Outcome::Found, target, {}};
        }
        if (hasInvalidSegment(patternMatch)) {
            return {Outcome::Invalid,
                    {},
                    "\"" + std::string(patternMatch) + "\" may not stand for \"*\" in \"" + target +
                        "\""};
        }
        return {Outcome::Found, substituteStars(target, patternMatch), {}};
    }

    const std::vector<std::string>& m_conditions;
    bool m_isImports;
};

// Node's PATTERN_KEY_COMPARE: negative when `a` sorts first (is the better match).
int patternKeyCompare(std::string_view a, std::string_view b) {
    const auto starA = a.find('*');
    const auto starB = b.find('*');
    const auto baseA = starA == std::string_view::npos ? a.size() : starA + 1;
    const auto baseB = starB == std::string_view::npos ? b.size() : starB + 1;
    if (baseA != baseB) {
        return baseA > baseB ? -1 : 1;
    }
    if (starA == std::string_view::npos) {
        return 1;
    }
    if (starB == std::string_view::npos) {
        return -1;
    }
    if (a.size() != b.size()) {
        return a.size() > b.size() ? -1 : 1;
    }
    return 0;
}

TargetResult toResult(const TargetOutcome& outcome, std::string key) {
    switch (outcome.outcome) {
    case Outcome::Found:
        return {TargetStatus::Found, outcome.target, std::move(key), {}};
    case Outcome::Null:
        return {TargetStatus::Excluded, {}, std::move(key), {}};
    case Outcome::Invalid:
        return {TargetStatus::Invalid, {}, std::move(key), outcome.detail};
    case Outcome::Undefined:
        break;
    }
    return {TargetStatus::NotExported, {}, std::move(key), "no condition matched"};
}

// PACKAGE_IMPORTS_EXPORTS_RESOLVE over a map whose keys are subpaths or patterns.
TargetResult matchSubpathMap(const Json& map, std::string_view key,
                             const std::vector<std::string>& conditions, bool isImports) {
    const TargetResolver resolver(conditions, isImports);
    const std::string keyString(key);
    if (map.contains(keyString) && keyString.find('*') == std::string::npos) {
        return toResult(resolver.resolve(map.at(keyString), {}, false), keyString);
    }
    std::string bestKey;
    std::string bestMatch;
    for (const auto& [candidate, value] : map.items()) {
        const auto star = candidate.find('*');
        if (star == std::string::npos || candidate.find('*', star + 1) != std::string::npos) {
            continue;
        }
        const std::string_view base = std::string_view(candidate).substr(0, star);
        const std::string_view trailer = std::string_view(candidate).substr(star + 1);
        if (!startsWith(key, base) || key == base) {
            continue;
        }
        if (!trailer.empty() && (!endsWith(key, trailer) || key.size() < candidate.size())) {
            continue;
        }
        if (bestKey.empty() || patternKeyCompare(bestKey, candidate) == 1) {
            bestKey = candidate;
            bestMatch =
                std::string(key.substr(base.size(), key.size() - base.size() - trailer.size()));
        }
    }
    if (bestKey.empty()) {
        return {TargetStatus::NotExported, {}, {}, {}};
    }
    return toResult(resolver.resolve(map.at(bestKey), bestMatch, true), bestKey);
}

} // namespace

TargetResult resolvePackageExports(const Json& exports, std::string_view subpath,
                                   const std::vector<std::string>& conditions) {
    bool hasDotKeys = false;
    bool hasOtherKeys = false;
    if (exports.is_object()) {
        for (const auto& [key, value] : exports.items()) {
            (startsWith(key, ".") ? hasDotKeys : hasOtherKeys) = true;
        }
    }
    if (hasDotKeys && hasOtherKeys) {
        return {TargetStatus::InvalidConfig,
                {},
                {},
                "\"exports\" mixes subpath keys (\"./x\") with condition keys"};
    }
    if (!hasDotKeys) {
        // Sugar: a string, an array or a conditions object is the "." export.
        if (subpath != ".") {
            return {TargetStatus::NotExported, {}, {}, {}};
        }
        return toResult(TargetResolver(conditions, false).resolve(exports, {}, false), ".");
    }
    return matchSubpathMap(exports, subpath, conditions, false);
}

TargetResult resolvePackageImports(const Json& imports, std::string_view specifier,
                                   const std::vector<std::string>& conditions) {
    if (!imports.is_object() || specifier == "#" || startsWith(specifier, "#/")) {
        return {TargetStatus::NotExported, {}, {}, {}};
    }
    return matchSubpathMap(imports, specifier, conditions, true);
}

} // namespace fanout::detail
