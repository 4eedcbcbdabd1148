// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/resolve/resolver.h"
#include "resolve/resolver_cache_impl.h"
#include "resolve/tsconfig.h"

#include <optional>
#include <string>
#include <vector>

namespace fanout::detail {

// One resolve() call's fixed facts.
struct ResolveRequest {
    std::string importerDir;
    ImportKind kind = ImportKind::Import;
    // The environment's plus "import" or "require" (the engine's, made once).
    const std::vector<std::string>* conditions = nullptr;
    bool importerInNodeModules = false;
    bool caseInsensitive = false;
    std::vector<std::string>* trace = nullptr;

    // `line()` makes the text, only when someone traces: a scan resolves without a trace and
    // built several strings per import for nothing.
    template <typename Line> void note(Line&& line) const {
        if (trace != nullptr) {
            trace->push_back(std::string(line()));
        }
    }
};

// Guards against alias, browser-map and main-field chains that point back at themselves.
inline constexpr int kMaxResolveDepth = 16;

class ResolverEngine {
public:
    ResolverEngine(ResolverConfig config, std::shared_ptr<ResolverCache> cache);

    Resolution resolve(std::string_view importer, std::string_view specifier, ImportKind kind,
                       std::vector<std::string>* trace) const;

    const ResolverConfig& config() const { return m_config; }

private:
    // resolver_engine.cpp: classification, aliases, tsconfig, results.
    Resolution resolveSpecifier(const ResolveRequest& request, std::string specifier,
                                int depth) const;
    Resolution resolveWithTsConfig(const ResolveRequest& request, const TsConfig& tsconfig,
                                   const std::string& specifier, int depth) const;
    std::optional<std::string> applyAlias(const ResolveRequest& request,
                                          const std::string& specifier) const;
    Resolution finish(const ResolveRequest& request, const std::string& found, int depth) const;
    std::shared_ptr<const PackageIdentity> packageOf(const std::string& realPath) const;

    // resolver_paths.cpp: files, extensions, directories, main fields, letter case.
    std::optional<std::string> resolvePath(const ResolveRequest& request, const std::string& path,
                                           int depth) const;
    std::optional<std::string> tryFile(const ResolveRequest& request,
                                       const std::string& path) const;
    std::optional<std::string> resolvePackageMain(const ResolveRequest& request,
                                                  const std::string& dir,
                                                  const PackageJson* package, int depth) const;
    Resolution resolveRelativePath(const ResolveRequest& request, const std::string& path,
                                   int depth) const;
    Resolution notFound(const ResolveRequest& request, const std::string& path,
                        std::string reason) const;
    std::string findCaseVariant(const std::string& path) const;
    std::string caseInsensitiveFile(const std::string& path) const;
    std::string spellOnDisk(const std::string& path, bool strict) const;

    // resolver_packages.cpp: bare specifiers, exports, imports, browser maps.
    Resolution resolveBare(const ResolveRequest& request, const std::string& specifier,
                           int depth) const;
    Resolution resolvePackageImports(const ResolveRequest& request, const std::string& specifier,
                                     int depth) const;
    Resolution resolveInPackage(const ResolveRequest& request, const std::string& packageDir,
                                const std::string& name, const std::string& subpath,
                                int depth) const;
    std::optional<Resolution> applyBrowserModuleMap(const ResolveRequest& request,
                                                    const std::string& specifier, int depth) const;

    ResolverCache::Impl& cache() const { return m_cache->impl(); }

    ResolverConfig m_config;
    std::shared_ptr<ResolverCache> m_cache;
    // The tsconfig whose `paths`/`baseUrl` apply to the request, or nullptr.
    const TsConfig* tsconfigFor(const ResolveRequest& request) const;

    std::shared_ptr<const TsConfig> m_tsconfig; // the configured one (or the fallback)
    // The conditions of an import and of a require(): made once, not per request.
    std::vector<std::string> m_importConditions;
    std::vector<std::string> m_requireConditions;
};

Resolution unresolved(std::string reason);

} // namespace fanout::detail
