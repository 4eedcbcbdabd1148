// SPDX-License-Identifier: GPL-3.0-or-later
#include "resolve/resolver_engine.h"

#include "base/path_utils.h"
#include "resolve/node_builtins.h"

#include <algorithm>
#include <regex>

namespace fanout::detail {
namespace {

bool isScriptExtension(std::string_view extension) {
    static constexpr std::string_view kScripts[] = {".js", ".jsx", ".mjs", ".cjs",
                                                    ".ts", ".tsx", ".mts", ".cts"};
    return std::find(std::begin(kScripts), std::end(kScripts), extension) != std::end(kScripts);
}

// Vite's asset queries: "?raw", "?url", "?worker&inline"... any parameter name in the list.
bool hasAssetQuery(std::string_view query, const std::vector<std::string>& assetQueries) {
    std::size_t at = 1;
    while (at <= query.size()) {
        auto next = query.find('&', at);
        if (next == std::string_view::npos) {
            next = query.size();
        }
        auto parameter = query.substr(at, next - at);
        parameter = parameter.substr(0, parameter.find('='));
        if (std::find(assetQueries.begin(), assetQueries.end(), parameter) != assetQueries.end()) {
            return true;
        }
        at = next + 1;
    }
    return false;
}

// "cloudflare:workers", "https://x", "data:..." but not a bare name or a Windows drive "C:".
std::string schemeOf(std::string_view specifier) {
    const auto colon = specifier.find(':');
    if (colon == std::string_view::npos || colon < 2 ||
        !std::isalpha(static_cast<unsigned char>(specifier[0]))) {
        return {};
    }
    for (std::size_t i = 1; i < colon; ++i) {
        const char c = specifier[i];
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') {
            return {};
        }
    }
    return std::string(specifier.substr(0, colon + 1));
}

} // namespace

Resolution unresolved(std::string reason) {
    Resolution result;
    result.kind = ResolutionKind::Unresolved;
    result.reason = std::move(reason);
    return result;
}

ResolverEngine::ResolverEngine(ResolverConfig config, std::shared_ptr<ResolverCache> cache)
    : m_config(std::move(config)), m_cache(std::move(cache)),
      m_importConditions(m_config.conditions), m_requireConditions(m_config.conditions) {
    m_importConditions.emplace_back("import");
    m_requireConditions.emplace_back("require");
    if (!m_config.tsconfig.empty()) {
        m_tsconfig = m_cache->impl().tsConfig(m_config.tsconfig);
    }
}

const TsConfig* ResolverEngine::tsconfigFor(const ResolveRequest& request) const {
    if (request.importerInNodeModules) {
        return nullptr;
    }
    const TsConfig* config = nullptr;
    if (m_config.nearestTsconfig) {
        config = cache().nearestTsConfig(request.importerDir).get();
    }
    if (config == nullptr) {
        config = m_tsconfig.get();
    }
    return config != nullptr && config->active() ? config : nullptr;
}

Resolution ResolverEngine::resolve(std::string_view importer, std::string_view specifier,
                                   ImportKind kind, std::vector<std::string>* trace) const {
    ResolveRequest request;
    const auto parentOf = [](std::string_view path) { return std::string(parentPath(path)); };
    // A scan's importers are real paths: normal already.
    request.importerDir =
        isNormalPath(importer) ? parentOf(importer) : parentOf(normalizePath(importer));
    request.kind = kind;
    request.conditions = kind == ImportKind::Require ? &m_requireConditions : &m_importConditions;
    request.importerInNodeModules =
        request.importerDir.find("/node_modules/") != std::string::npos ||
        endsWith(request.importerDir, "/node_modules");
    request.trace = trace;
    request.caseInsensitive = m_config.letterCase == LetterCase::Insensitive ||
                              (m_config.letterCase == LetterCase::Detect &&
                               cache().caseInsensitiveAt(request.importerDir));

    request.note([&] {
        std::string conditions;
        for (const auto& condition : *request.conditions) {
            conditions += (conditions.empty() ? "" : ", ") + condition;
        }
        return "resolve \"" + std::string(specifier) + "\" from " + std::string(importer) + " (" +
               std::string(toString(kind)) + "; conditions: " + conditions + ", default)";
    });
    if (specifier.empty()) {
        return unresolved("empty specifier");
    }

    std::string query;
    std::string bare(specifier);
    if (const auto mark = bare.find('?'); mark != std::string::npos) {
        query = bare.substr(mark);
        bare.resize(mark);
        request.note([&] { return "query \"" + query + "\" cut off and kept on the edge"; });
    }
    Resolution result = resolveSpecifier(request, std::move(bare), 0);
    result.query = query;
    if (result.kind == ResolutionKind::File && !query.empty() &&
        hasAssetQuery(query, m_config.assetQueries)) {
        result.asset = true;
        request.note([&] { return "asset query: resolved but not parsed"; });
    }
    return result;
}

Resolution ResolverEngine::resolveSpecifier(const ResolveRequest& request, std::string specifier,
                                            int depth) const {
    if (depth > kMaxResolveDepth) {
        return unresolved("alias or browser-field mappings loop back on themselves");
    }
    if (depth == 0) {
        if (auto aliased = applyAlias(request, specifier)) {
            specifier = std::move(*aliased);
        }
    }
    if (startsWith(specifier, "node:")) {
        Resolution result;
        result.kind = ResolutionKind::Builtin;
        result.path = "builtin:" + specifier.substr(5);
        request.note([&] { return "Node built-in"; });
        return result;
    }
    if (startsWith(specifier, std::string_view("\0", 1)) || startsWith(specifier, "virtual:")) {
        Resolution result;
        result.kind = ResolutionKind::External;
        result.path = specifier;
        result.reason = "virtual module (provided by a bundler plugin)";
        return result;
    }
    if (const auto scheme = schemeOf(specifier); !scheme.empty()) {
        Resolution result;
        result.kind = ResolutionKind::External;
        result.path = specifier;
        result.reason = "\"" + scheme + "\" specifiers are external";
        request.note([&] { return result.reason; });
        return result;
    }
    if (startsWith(specifier, "#")) {
        return resolvePackageImports(request, specifier, depth);
    }
    if (isRelativeSpecifier(specifier) || startsWith(specifier, "/")) {
        return resolveRelativePath(request, joinNormalPath(request.importerDir, specifier), depth);
    }
    if (const auto* tsconfig = tsconfigFor(request)) {
        return resolveWithTsConfig(request, *tsconfig, specifier, depth);
    }
    return resolveBare(request, specifier, depth);
}

std::optional<std::string> ResolverEngine::applyAlias(const ResolveRequest& request,
                                                      const std::string& specifier) const {
    for (const auto& rule : m_config.alias) {
        std::string replaced;
        if (rule.regex) {
            try {
                const std::regex pattern(rule.find, std::regex::ECMAScript);
                if (!std::regex_search(specifier, pattern)) {
                    continue;
                }
                replaced = std::regex_replace(specifier, pattern, rule.replacement,
                                              std::regex_constants::format_first_only);
            } catch (const std::regex_error&) {
                request.note(
                    [&] { return "alias /" + rule.find + "/ is not a valid regular expression"; });
                continue;
            }
        } else if (specifier == rule.find ||
                   (endsWith(rule.find, "/") ? startsWith(specifier, rule.find)
                                             : startsWith(specifier, rule.find + "/"))) {
            replaced = rule.replacement + specifier.substr(rule.find.size());
        } else {
            continue;
        }
        request.note(
            [&] { return "alias \"" + rule.find + "\" rewrites it to \"" + replaced + "\""; });
        return replaced;
    }
    return std::nullopt;
}

// tsconfig `paths` (each substitution in order), then `baseUrl/specifier`, then node_modules.
// Applies to project files only.
Resolution ResolverEngine::resolveWithTsConfig(const ResolveRequest& request,
                                               const TsConfig& tsconfig,
                                               const std::string& specifier, int depth) const {
    request.note([&] { return "tsconfig: " + tsconfig.file; });
    const auto match = matchTsConfigPaths(tsconfig, specifier);
    if (match) {
        request.note([&] { return "tsconfig paths: \"" + match->key + "\" matches"; });
        for (const auto& candidate : match->substitutions) {
            if (auto found = resolvePath(request, candidate, depth)) {
                return finish(request, *found, depth);
            }
        }
    }
    if (!tsconfig.baseUrl.empty()) {
        const auto candidate = joinPath(tsconfig.baseUrl, specifier);
        request.note([&] { return "tsconfig baseUrl: " + candidate; });
        if (auto found = resolvePath(request, candidate, depth)) {
            return finish(request, *found, depth);
        }
    }
    Resolution result = resolveBare(request, specifier, depth);
    if (match && result.kind == ResolutionKind::Unresolved) {
        result.reason = "tsconfig paths pattern \"" + match->key +
                        "\" matched but no file exists for any of its substitutions (" +
                        tsconfig.file + "); " + result.reason;
    }
    return result;
}

Resolution ResolverEngine::finish(const ResolveRequest& request, const std::string& found,
                                  int depth) const {
    if (m_config.browserField) {
        const auto scope = cache().packageScope(std::string(parentPath(found)));
        if (scope && scope->browserMap) {
            for (const auto& mapping : *scope->browserMap) {
                const auto& key =
                    mapping.first; // named, not bound: clang 14 cannot capture bindings
                const auto& target = mapping.second;
                if (!isRelativeSpecifier(key)) {
                    continue;
                }
                const auto mapped = joinPath(scope->dir, key);
                const bool same =
                    mapped == found ||
                    std::any_of(
                        m_config.extensions.begin(), m_config.extensions.end(),
                        [&](const std::string& extension) { return mapped + extension == found; });
                if (!same) {
                    continue;
                }
                if (!target) {
                    Resolution result;
                    result.kind = ResolutionKind::Ignored;
                    result.reason = "mapped to false by the \"browser\" field of " + scope->dir +
                                    "/package.json";
                    request.note([&] { return result.reason; });
                    return result;
                }
                request.note([&] { return "browser field maps " + key + " to " + *target; });
                const auto replacement =
                    resolvePath(request, joinPath(scope->dir, *target), depth + 1);
                if (!replacement) {
                    return unresolved("the \"browser\" field of " + scope->dir +
                                      "/package.json maps " + key + " to " + *target +
                                      ", which does not exist");
                }
                if (*replacement != found) {
                    return finish(request, *replacement, kMaxResolveDepth + 1);
                }
                break;
            }
        }
    }
    Resolution result;
    result.kind = ResolutionKind::File;
    result.requestedPath = found;
    std::string respelled; // only on a case-insensitive file system
    if (request.caseInsensitive) {
        respelled = spellOnDisk(found, false);
        result.caseVariant = respelled != found;
        if (result.caseVariant) {
            request.note([&] { return "letter case differs from the file on disk: " + respelled; });
        }
    }
    const std::string& spelled = request.caseInsensitive ? respelled : found;
    result.path = cache().realPath(spelled).value_or(spelled);
    result.asset = !isScriptExtension(extensionOf(result.path));
    result.package = packageOf(result.path);
    request.note([&] {
        return "resolved: " + result.path +
               (result.path != found ? " (through a symlink at " + found + ")" : "");
    });
    return result;
}

std::shared_ptr<const PackageIdentity>
ResolverEngine::packageOf(const std::string& realPath) const {
    static constexpr std::string_view kNodeModules = "/node_modules/";
    const auto at = realPath.rfind(kNodeModules);
    if (at == std::string::npos) {
        return nullptr;
    }
    const auto start = at + kNodeModules.size();
    auto end = realPath.find('/', start);
    if (end != std::string::npos && realPath[start] == '@') {
        end = realPath.find('/', end + 1);
    }
    if (end == std::string::npos) {
        return nullptr;
    }
    const std::string_view root = std::string_view(realPath).substr(0, end);
    return cache().packageIdentities.get(root, [&] {
        PackageIdentity identity;
        identity.root = std::string(root);
        identity.name = realPath.substr(start, end - start);
        if (const auto package = cache().packageJson(identity.root)) {
            identity.version = package->version;
            identity.sideEffects = package->sideEffects();
            if (!package->name.empty()) {
                identity.name = package->name;
            }
        }
        return std::make_shared<const PackageIdentity>(std::move(identity));
    });
}

} // namespace fanout::detail
