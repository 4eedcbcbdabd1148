// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/path_utils.h"
#include "resolve/node_builtins.h"
#include "resolve/package_exports.h"
#include "resolve/resolver_engine.h"

namespace fanout::detail {
namespace {

struct PackageRequest {
    std::string name;
    std::string subpath; // "." or "./rest"
};

std::optional<PackageRequest> splitPackageSpecifier(const std::string& specifier) {
    auto end = specifier.find('/');
    if (specifier[0] == '@') {
        if (end == std::string::npos || end == 1) {
            return std::nullopt;
        }
        end = specifier.find('/', end + 1);
    }
    PackageRequest request;
    request.name = specifier.substr(0, end);
    request.subpath = end == std::string::npos ? "." : "." + specifier.substr(end);
    if (request.name.empty() || request.name[0] == '.' ||
        request.name.find_first_of("\\%") != std::string::npos) {
        return std::nullopt;
    }
    return request;
}

Resolution builtin(const std::string& specifier) {
    Resolution result;
    result.kind = ResolutionKind::Builtin;
    result.path = "builtin:" + specifier;
    return result;
}

std::string conditionList(const std::vector<std::string>& conditions) {
    std::string out;
    for (const auto& condition : conditions) {
        out += condition + ", ";
    }
    return out + "default";
}

} // namespace

// A browser field's module map in the importer's package ({"fs": false, "a": "./shim.js"}).
std::optional<Resolution> ResolverEngine::applyBrowserModuleMap(const ResolveRequest& request,
                                                                const std::string& specifier,
                                                                int depth) const {
    if (!m_config.browserField) {
        return std::nullopt;
    }
    const auto scope = cache().packageScope(request.importerDir);
    if (!scope || !scope->browserMap) {
        return std::nullopt;
    }
    for (const auto& mapping : *scope->browserMap) {
        const auto& key = mapping.first; // named, not bound: clang 14 cannot capture bindings
        const auto& target = mapping.second;
        if (key != specifier) {
            continue;
        }
        if (!target) {
            Resolution result;
            result.kind = ResolutionKind::Ignored;
            result.reason =
                "mapped to false by the \"browser\" field of " + scope->dir + "/package.json";
            request.note([&] { return result.reason; });
            return result;
        }
        request.note([&] { return "browser field maps \"" + key + "\" to \"" + *target + "\""; });
        if (isRelativeSpecifier(*target)) {
            return resolveRelativePath(request, joinPath(scope->dir, *target), depth + 1);
        }
        return resolveSpecifier(request, *target, depth + 1);
    }
    return std::nullopt;
}

Resolution ResolverEngine::resolveBare(const ResolveRequest& request, const std::string& specifier,
                                       int depth) const {
    if (auto mapped = applyBrowserModuleMap(request, specifier, depth)) {
        return *mapped;
    }
    const auto package = splitPackageSpecifier(specifier);
    if (!package) {
        return unresolved("\"" + specifier + "\" is not a valid package name");
    }
    if (std::find(m_config.externalPackages.begin(), m_config.externalPackages.end(),
                  package->name) != m_config.externalPackages.end()) {
        Resolution result;
        result.kind = ResolutionKind::External;
        result.path = specifier;
        result.reason = "\"" + package->name +
                        "\" is an external package here: loaded at run time, not bundled";
        request.note([&] { return result.reason; });
        return result;
    }
    // A package importing itself by name, through its own exports.
    if (const auto scope = cache().packageScope(request.importerDir);
        scope && scope->name == package->name && scope->field("exports") != nullptr) {
        request.note(
            [&] { return "self-reference to package " + package->name + " at " + scope->dir; });
        return resolveInPackage(request, scope->dir, package->name, package->subpath, depth);
    }
    std::string from = request.importerDir;
    if (!m_config.dedupeFrom.empty() && std::find(m_config.dedupe.begin(), m_config.dedupe.end(),
                                                  package->name) != m_config.dedupe.end()) {
        from = m_config.dedupeFrom;
        request.note([&] { return "resolve.dedupe: looked up from " + from; });
    }
    for (std::string dir = from;; dir = std::string(parentPath(dir))) {
        if (baseName(dir) != "node_modules") {
            const auto candidate = joinPath(dir, "node_modules/" + package->name);
            if (cache().type(candidate) == FileType::Directory) {
                request.note([&] { return "package folder " + candidate; });
                return resolveInPackage(request, candidate, package->name, package->subpath, depth);
            }
            request.note([&] { return "  package folder " + candidate + ": no"; });
        }
        if (dir == "/" || dir == ".") {
            break;
        }
    }
    if (isNodeBuiltin(specifier)) {
        request.note([&] { return "Node built-in (no package of that name is installed)"; });
        return builtin(specifier);
    }
    return unresolved("package \"" + package->name +
                      "\" is not installed in any node_modules folder above " + from);
}

Resolution ResolverEngine::resolveInPackage(const ResolveRequest& request,
                                            const std::string& packageDir, const std::string& name,
                                            const std::string& subpath, int depth) const {
    const auto package = cache().packageJson(packageDir);
    const auto* exports = package ? package->field("exports") : nullptr;
    if (exports == nullptr) {
        if (subpath == ".") {
            if (auto found = resolvePackageMain(request, packageDir, package.get(), depth)) {
                return finish(request, *found, depth);
            }
            return unresolved("package \"" + name + "\" at " + packageDir +
                              " has no entry file (main fields and index files tried)");
        }
        const auto path = joinPath(packageDir, subpath.substr(2));
        if (auto found = resolvePath(request, path, depth)) {
            return finish(request, *found, depth);
        }
        return notFound(request, path, "no file or folder matches " + path);
    }
    const auto target = resolvePackageExports(*exports, subpath, *request.conditions);
    const std::string where = "package \"" + name + "\" (" + packageDir + "/package.json)";
    switch (target.status) {
    case TargetStatus::Found: {
        const auto path = joinPath(packageDir, target.target);
        request.note([&] { return "exports \"" + target.matchedKey + "\" -> " + target.target; });
        if (tryFile(request, path)) {
            return finish(request, path, depth);
        }
        return unresolved("exports target \"" + target.target + "\" of " + where +
                          " does not exist");
    }
    case TargetStatus::NotExported:
        return unresolved("\"" + subpath + "\" is not exported by " + where + " for conditions " +
                          conditionList(*request.conditions));
    case TargetStatus::Excluded:
        return unresolved("\"" + subpath + "\" is excluded by a null target (\"" +
                          target.matchedKey + "\") in the exports of " + where);
    case TargetStatus::Invalid:
    case TargetStatus::InvalidConfig:
        return unresolved("invalid exports in " + where + ": " + target.detail);
    }
    return unresolved("unknown exports result");
}

Resolution ResolverEngine::resolvePackageImports(const ResolveRequest& request,
                                                 const std::string& specifier, int depth) const {
    const auto scope = cache().packageScope(request.importerDir);
    const auto* imports = scope ? scope->field("imports") : nullptr;
    if (imports == nullptr) {
        return unresolved("\"" + specifier +
                          "\" needs an \"imports\" field in the importer's package.json, and " +
                          (scope ? scope->dir + "/package.json has none" : "there is none"));
    }
    const auto target = detail::resolvePackageImports(*imports, specifier, *request.conditions);
    const std::string where = scope->dir + "/package.json";
    switch (target.status) {
    case TargetStatus::Found:
        request.note([&] { return "imports \"" + target.matchedKey + "\" -> " + target.target; });
        if (startsWith(target.target, "./")) {
            const auto path = joinPath(scope->dir, target.target);
            if (tryFile(request, path)) {
                return finish(request, path, depth);
            }
            return unresolved("imports target \"" + target.target + "\" in " + where +
                              " does not exist");
        }
        return resolveSpecifier(request, target.target, depth + 1);
    case TargetStatus::NotExported:
        return unresolved("no \"imports\" entry of " + where + " matches \"" + specifier +
                          "\" for conditions " + conditionList(*request.conditions));
    case TargetStatus::Excluded:
        return unresolved("\"" + specifier + "\" is excluded by a null target in the imports of " +
                          where);
    case TargetStatus::Invalid:
    case TargetStatus::InvalidConfig:
        return unresolved("invalid imports in " + where + ": " + target.detail);
    }
    return unresolved("unknown imports result");
}

} // namespace fanout::detail
