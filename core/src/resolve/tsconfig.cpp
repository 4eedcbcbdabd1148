// SPDX-License-Identifier: GPL-3.0-or-later
#include "resolve/tsconfig.h"

#include "base/path_utils.h"

#include <algorithm>

namespace fanout::detail {
namespace {

using Json = nlohmann::ordered_json;

class TsConfigLoader {
public:
    explicit TsConfigLoader(ResolverCache::Impl& cache) : m_cache(cache) {}

    // Applies `file`'s chain onto `out`, bases first so the extending file wins.
    void apply(const std::string& file, TsConfig& out) {
        if (std::find(m_stack.begin(), m_stack.end(), file) != m_stack.end()) {
            m_cache.diagnose(file, "tsconfig \"extends\" cycle: " + chain(file));
            return;
        }
        const auto json = m_cache.jsoncFile(file);
        if (!json) {
            return;
        }
        m_stack.push_back(file);
        const std::string dir(parentPath(file));
        if (const auto it = json->find("extends"); it != json->end()) {
            if (it->is_string()) {
                applyBase(it->get<std::string>(), dir, file, out);
            } else if (it->is_array()) {
                for (const auto& base : *it) {
                    if (base.is_string()) {
                        applyBase(base.get<std::string>(), dir, file, out);
                    }
                }
            }
        }
        const auto options = json->find("compilerOptions");
        if (options != json->end() && options->is_object()) {
            if (const auto baseUrl = options->find("baseUrl");
                baseUrl != options->end() && baseUrl->is_string()) {
                out.baseUrl = joinPath(dir, baseUrl->get<std::string>());
            }
            if (const auto paths = options->find("paths");
                paths != options->end() && paths->is_object()) {
                out.paths.clear();
                for (const auto& [key, targets] : paths->items()) {
                    std::vector<std::string> list;
                    if (targets.is_array()) {
                        for (const auto& target : targets) {
                            if (target.is_string()) {
                                list.push_back(target.get<std::string>());
                            }
                        }
                    }
                    out.paths.emplace_back(key, std::move(list));
                }
                m_pathsDeclaredIn = dir;
            }
            for (const auto& [key, into] :
                 {std::pair{"jsx", &out.jsx}, std::pair{"jsxImportSource", &out.jsxImportSource}}) {
                if (const auto value = options->find(key);
                    value != options->end() && value->is_string()) {
                    *into = value->get<std::string>();
                }
            }
        }
        m_stack.pop_back();
    }

    const std::string& pathsDeclaredIn() const { return m_pathsDeclaredIn; }

private:
    void applyBase(const std::string& base, const std::string& dir, const std::string& from,
                   TsConfig& out) {
        const auto path = locateBase(base, dir);
        if (path.empty()) {
            m_cache.diagnose(from, "tsconfig extends \"" + base + "\", which was not found");
            return;
        }
        apply(path, out);
    }

    std::string existingFile(const std::string& path) {
        if (m_cache.type(path) == FileType::File) {
            return path;
        }
        if (!endsWith(path, ".json") && m_cache.type(path + ".json") == FileType::File) {
            return path + ".json";
        }
        return {};
    }

    // Relative or absolute paths as given (".json" optional); otherwise a package path looked up
    // in node_modules folders: a file in the package, or the package's "tsconfig" field, or its
    // tsconfig.json.
    std::string locateBase(const std::string& base, const std::string& dir) {
        if (isRelativeSpecifier(base) || startsWith(base, "/")) {
            return existingFile(joinPath(dir, base));
        }
        for (std::string at = dir;; at = std::string(parentPath(at))) {
            const auto candidate = joinPath(at, "node_modules/" + base);
            if (auto file = existingFile(candidate); !file.empty()) {
                return file;
            }
            if (m_cache.type(candidate) == FileType::Directory) {
                if (const auto package = m_cache.packageJson(candidate)) {
                    if (const auto field = package->stringField("tsconfig")) {
                        if (auto file = existingFile(joinPath(candidate, *field)); !file.empty()) {
                            return file;
                        }
                    }
                }
                if (auto file = existingFile(candidate + "/tsconfig.json"); !file.empty()) {
                    return file;
                }
            }
            if (at == "/") {
                return {};
            }
        }
    }

    std::string chain(const std::string& repeated) const {
        std::string out;
        for (const auto& file : m_stack) {
            out += file + " -> ";
        }
        return out + repeated;
    }

    ResolverCache::Impl& m_cache;
    std::vector<std::string> m_stack;
    std::string m_pathsDeclaredIn;
};

} // namespace

TsConfig loadTsConfig(const std::string& file, ResolverCache::Impl& cache) {
    TsConfig out;
    out.file = file;
    if (cache.type(file) != FileType::File) {
        cache.diagnose(file, "tsconfig not found");
        return out;
    }
    TsConfigLoader loader(cache);
    loader.apply(file, out);
    out.pathsBase = out.baseUrl.empty() ? loader.pathsDeclaredIn() : out.baseUrl;
    return out;
}

} // namespace fanout::detail

namespace fanout {

std::shared_ptr<const detail::TsConfig> ResolverCache::Impl::tsConfig(const std::string& file) {
    return tsConfigs.get(file, [&] {
        return std::make_shared<const detail::TsConfig>(detail::loadTsConfig(file, *this));
    });
}

std::shared_ptr<const detail::TsConfig>
ResolverCache::Impl::nearestTsConfig(const std::string& dir) {
    return nearestTsConfigs.get(dir, [&]() -> std::shared_ptr<const detail::TsConfig> {
        if (dir.empty() || detail::baseName(dir) == "node_modules") {
            return nullptr;
        }
        for (const char* name : {"tsconfig.json", "jsconfig.json"}) {
            const auto file = detail::joinPath(dir, name);
            if (type(file) == detail::FileType::File) {
                return tsConfig(file);
            }
        }
        const std::string parent(detail::parentPath(dir));
        return parent == dir ? nullptr : nearestTsConfig(parent);
    });
}

} // namespace fanout

namespace fanout::detail {

std::optional<PathsMatch> matchTsConfigPaths(const TsConfig& config, std::string_view specifier) {
    const std::pair<std::string, std::vector<std::string>>* best = nullptr;
    std::string_view bestMatch;
    std::size_t bestPrefix = 0;
    for (const auto& entry : config.paths) {
        const auto& key = entry.first;
        const auto star = key.find('*');
        if (star == std::string::npos) {
            if (key == specifier) {
                best = &entry;
                bestMatch = {};
                break; // an exact key wins outright
            }
            continue;
        }
        const std::string_view prefix = std::string_view(key).substr(0, star);
        const std::string_view suffix = std::string_view(key).substr(star + 1);
        if (specifier.size() >= prefix.size() + suffix.size() && startsWith(specifier, prefix) &&
            endsWith(specifier, suffix) && (best == nullptr || prefix.size() > bestPrefix)) {
            best = &entry;
            bestPrefix = prefix.size();
            bestMatch =
                specifier.substr(prefix.size(), specifier.size() - prefix.size() - suffix.size());
        }
    }
    if (best == nullptr) {
        return std::nullopt;
    }
    PathsMatch match{best->first, {}};
    for (const auto& target : best->second) {
        match.substitutions.push_back(
            joinPath(config.pathsBase, substituteStars(target, bestMatch)));
    }
    return match;
}

} // namespace fanout::detail
