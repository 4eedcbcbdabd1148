// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/resolve/resolver_cache.h"

#include "base/path_utils.h"
#include "fanout/io/file_reader.h"
#include "io/jsonc.h"
#include "resolve/resolver_cache_impl.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <dirent.h>
#include <sys/stat.h>

namespace fanout {
namespace {

using detail::FileType;
using detail::PackageJson;

std::optional<std::vector<std::pair<std::string, std::optional<std::string>>>>
browserMapOf(const nlohmann::ordered_json& browser) {
    if (!browser.is_object()) {
        return std::nullopt;
    }
    std::vector<std::pair<std::string, std::optional<std::string>>> map;
    for (const auto& [key, value] : browser.items()) {
        if (value.is_string()) {
            map.emplace_back(key, value.get<std::string>());
        } else if (value.is_boolean() && !value.get<bool>()) {
            map.emplace_back(key, std::nullopt);
        }
    }
    return map;
}

} // namespace

ResolverCache::ResolverCache() : m_impl(std::make_unique<Impl>()) {}
ResolverCache::~ResolverCache() = default;

std::vector<Diagnostic> ResolverCache::diagnostics() const {
    std::lock_guard lock(m_impl->diagnosticsMutex);
    std::vector<Diagnostic> out;
    for (const auto& [path, message] : m_impl->diagnosticsByPath) {
        out.push_back({path, message});
    }
    return out;
}

ResolverCacheStats ResolverCache::stats() const {
    return {m_impl->statCount.load(), m_impl->realPathCount.load(), m_impl->listingCount.load(),
            m_impl->manifestCount.load()};
}

void ResolverCache::Impl::diagnose(const std::string& path, const std::string& message) {
    std::lock_guard lock(diagnosticsMutex);
    diagnosticsByPath.emplace(path, message);
}

FileType ResolverCache::Impl::type(const std::string& path) {
    return types.get(path, [&] {
        ++statCount;
        struct stat info {};
        if (::stat(path.c_str(), &info) != 0) {
            if (errno == ELOOP) {
                diagnose(path, "symbolic link loop; treated as missing");
            } else if (errno == EACCES) {
                diagnose(path, "permission denied; treated as missing");
            }
            return FileType::Missing;
        }
        if (S_ISREG(info.st_mode)) {
            return FileType::File;
        }
        return S_ISDIR(info.st_mode) ? FileType::Directory : FileType::Other;
    });
}

std::optional<std::string> ResolverCache::Impl::realPath(const std::string& path) {
    return realPaths.get(path, [&]() -> std::optional<std::string> {
        ++realPathCount;
        char* resolved = ::realpath(path.c_str(), nullptr);
        if (resolved == nullptr) {
            return std::nullopt;
        }
        std::string out(resolved);
        std::free(resolved);
        return out;
    });
}

const std::vector<std::string>& ResolverCache::Impl::listing(const std::string& dir) {
    return listings.get(dir, [&] {
        ++listingCount;
        std::vector<std::string> names;
        DIR* handle = ::opendir(dir.c_str());
        if (handle == nullptr) {
            return names;
        }
        while (const dirent* entry = ::readdir(handle)) {
            const std::string_view name = entry->d_name;
            if (name != "." && name != "..") {
                names.emplace_back(name);
            }
        }
        ::closedir(handle);
        std::sort(names.begin(), names.end());
        return names;
    });
}

SideEffects detail::PackageJson::sideEffects() const {
    SideEffects out;
    const auto* value = field("sideEffects");
    if (value == nullptr) {
        return out;
    }
    if (value->is_boolean() && !value->get<bool>()) {
        out.kind = SideEffects::Kind::None;
    } else if (value->is_array()) {
        out.kind = SideEffects::Kind::Listed;
        for (const auto& pattern : *value) {
            if (pattern.is_string()) {
                out.patterns.push_back(pattern.get<std::string>());
            }
        }
    }
    return out;
}

std::shared_ptr<const PackageJson> ResolverCache::Impl::packageJson(const std::string& dir) {
    return packageJsons.get(dir, [&]() -> std::shared_ptr<const PackageJson> {
        const std::string path = detail::joinPath(dir, "package.json");
        const FileType fileType = type(path);
        if (fileType == FileType::Missing) {
            return nullptr;
        }
        auto package = std::make_shared<PackageJson>();
        package->dir = dir;
        if (fileType != FileType::File) {
            diagnose(path, "package.json is not a regular file; ignored");
            return package;
        }
        auto json = readManifest(path, false);
        if (!json) {
            return package;
        }
        package->json = std::move(*json);
        package->name = package->stringField("name").value_or("");
        package->version = package->stringField("version").value_or("");
        if (const auto* browser = package->field("browser")) {
            package->browserMap = browserMapOf(*browser);
        }
        return package;
    });
}

std::shared_ptr<const PackageJson> ResolverCache::Impl::packageScope(const std::string& dir) {
    return scopes.get(dir, [&]() -> std::shared_ptr<const PackageJson> {
        if (auto package = packageJson(dir)) {
            return package;
        }
        if (dir == "/" || detail::baseName(dir) == "node_modules") {
            return nullptr;
        }
        return packageScope(std::string(detail::parentPath(dir)));
    });
}

bool ResolverCache::Impl::caseInsensitiveAt(const std::string& dir) {
    return caseInsensitivity.get(dir, [&] {
        const auto letter = std::find_if(dir.rbegin(), dir.rend(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) != 0;
        });
        if (letter == dir.rend()) {
            return false;
        }
        std::string swapped = dir;
        auto& c = swapped[static_cast<std::size_t>(dir.rend() - letter - 1)];
        c = static_cast<char>(std::isupper(static_cast<unsigned char>(c))
                                  ? std::tolower(static_cast<unsigned char>(c))
                                  : std::toupper(static_cast<unsigned char>(c)));
        struct stat original {};
        struct stat other {};
        return ::stat(dir.c_str(), &original) == 0 && ::stat(swapped.c_str(), &other) == 0 &&
               original.st_ino == other.st_ino && original.st_dev == other.st_dev;
    });
}

std::shared_ptr<const nlohmann::ordered_json>
ResolverCache::Impl::jsoncFile(const std::string& path) {
    return jsoncFiles.get(path, [&]() -> std::shared_ptr<const nlohmann::ordered_json> {
        auto json = readManifest(path, true);
        return json ? std::make_shared<const nlohmann::ordered_json>(std::move(*json)) : nullptr;
    });
}

std::optional<nlohmann::ordered_json> ResolverCache::Impl::readManifest(const std::string& path,
                                                                        bool jsonc) {
    ++manifestCount;
    auto file = detail::readJsonFile(path, jsonc);
    if (!file.readError.empty()) {
        diagnose(path, "cannot read: " + file.readError);
        return std::nullopt;
    }
    const std::string what = jsonc ? "JSON" : "package.json";
    if (!file.parseError.empty()) {
        diagnose(path, "malformed " + what + ", ignored: " + file.parseError);
        return std::nullopt;
    }
    if (!file.json.is_object()) {
        diagnose(path, what + " is not a JSON object; ignored");
        return std::nullopt;
    }
    return std::move(file.json);
}

} // namespace fanout
