// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/path_utils.h"
#include "resolve/resolver_engine.h"

#include <algorithm>
#include <cctype>

namespace fanout::detail {

std::optional<std::string> ResolverEngine::tryFile(const ResolveRequest& request,
                                                   const std::string& path) const {
    if (cache().type(path) == FileType::File) {
        request.note([&] { return "  file " + path + ": found"; });
        return path;
    }
    // On a case-insensitive file system the open succeeds whatever the spelling (the type() call
    // above already did); with a forced Insensitive setting on a case-sensitive one, do the same
    // by looking the spelling up in directory listings.
    if (request.caseInsensitive && !caseInsensitiveFile(path).empty()) {
        request.note([&] { return "  file " + path + ": found (letter case ignored)"; });
        return path;
    }
    request.note([&] { return "  file " + path + ": no"; });
    return std::nullopt;
}

// The exact file, then extension probing in order, then the extension alias (./x.js may be
// x.ts), then a folder's package.json entry or index file.
std::optional<std::string> ResolverEngine::resolvePath(const ResolveRequest& request,
                                                       const std::string& path, int depth) const {
    if (depth > kMaxResolveDepth) {
        return std::nullopt;
    }
    if (auto found = tryFile(request, path)) {
        return found;
    }
    for (const auto& extension : m_config.extensions) {
        if (auto found = tryFile(request, path + extension)) {
            return found;
        }
    }
    for (const auto& [extension, replacements] : m_config.extensionAlias) {
        if (!endsWith(path, extension) || path.size() == extension.size()) {
            continue;
        }
        const auto stem = path.substr(0, path.size() - extension.size());
        for (const auto& replacement : replacements) {
            if (replacement == extension) {
                continue; // the real file was tried first
            }
            if (auto found = tryFile(request, stem + replacement)) {
                return found;
            }
        }
    }
    if (cache().type(path) == FileType::Directory) {
        request.note([&] { return "  folder " + path; });
        return resolvePackageMain(request, path, cache().packageJson(path).get(), depth + 1);
    }
    return std::nullopt;
}

// A folder's entry: each configured main field of its package.json in order, then index.<ext>.
std::optional<std::string> ResolverEngine::resolvePackageMain(const ResolveRequest& request,
                                                              const std::string& dir,
                                                              const PackageJson* package,
                                                              int depth) const {
    if (package != nullptr) {
        for (const auto& field : m_config.mainFields) {
            const auto value = package->stringField(field);
            if (!value || value->empty()) {
                continue;
            }
            request.note([&] { return "  main field \"" + field + "\": " + *value; });
            const auto target = joinPath(dir, *value);
            if (target == dir) {
                continue;
            }
            if (auto found = resolvePath(request, target, depth + 1)) {
                return found;
            }
        }
    }
    for (const auto& extension : m_config.extensions) {
        if (auto found = tryFile(request, dir + "/index" + extension)) {
            return found;
        }
    }
    return std::nullopt;
}

Resolution ResolverEngine::resolveRelativePath(const ResolveRequest& request,
                                               const std::string& path, int depth) const {
    if (auto found = resolvePath(request, path, depth)) {
        return finish(request, *found, depth);
    }
    return notFound(request, path, "no file or folder matches " + path);
}

Resolution ResolverEngine::notFound(const ResolveRequest& request, const std::string& path,
                                    std::string reason) const {
    Resolution result = unresolved(std::move(reason));
    result.caseVariantOf = findCaseVariant(path);
    if (!result.caseVariantOf.empty()) {
        result.reason += "; it differs only in letter case from " + result.caseVariantOf +
                         ", which resolves on case-insensitive file systems (macOS, Windows)";
        request.note([&] { return "case variant of " + result.caseVariantOf; });
    }
    return result;
}

// The real path of a file that `path` (with the usual extensions and index files) names when
// letter case is ignored; empty when there is none.
std::string ResolverEngine::findCaseVariant(const std::string& path) const {
    std::vector<std::string> candidates{path};
    for (const auto& extension : m_config.extensions) {
        candidates.push_back(path + extension);
    }
    for (const auto& extension : m_config.extensions) {
        candidates.push_back(path + "/index" + extension);
    }
    for (const auto& candidate : candidates) {
        if (auto found = caseInsensitiveFile(candidate); !found.empty()) {
            return cache().realPath(found).value_or(found);
        }
    }
    return {};
}

// `path` with each component spelled as its directory lists it: as given when an entry has that
// exact name, else the entry that matches ignoring letter case. With `strict`, empty when some
// component has no match at all. Symlinks are not followed.
std::string ResolverEngine::spellOnDisk(const std::string& path, bool strict) const {
    if (!startsWith(path, "/")) {
        return {};
    }
    std::string current = "/";
    std::size_t at = 1;
    while (at < path.size()) {
        auto next = path.find('/', at);
        if (next == std::string::npos) {
            next = path.size();
        }
        const std::string component = path.substr(at, next - at);
        at = next + 1;
        const auto spelled = cache().spelling(current, component);
        if (!spelled && strict) {
            return {};
        }
        current = joinPath(current, spelled.value_or(component));
    }
    return current;
}

std::string ResolverEngine::caseInsensitiveFile(const std::string& path) const {
    const auto found = spellOnDisk(path, true);
    return !found.empty() && cache().type(found) == FileType::File ? found : std::string();
}

} // namespace fanout::detail
