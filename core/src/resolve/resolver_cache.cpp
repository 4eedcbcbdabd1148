// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/resolve/resolver_cache.h"

#include "base/path_utils.h"
#include "base/text.h"
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
using detail::startsWith;

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

namespace {

FileType statType(ResolverCache::Impl& cache, const std::string& path) {
    ++cache.statCount;
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        if (errno == ELOOP) {
            cache.diagnose(path, "symbolic link loop; treated as missing");
        } else if (errno == EACCES) {
            cache.diagnose(path, "permission denied; treated as missing");
        }
        return FileType::Missing;
    }
    if (S_ISREG(info.st_mode)) {
        return FileType::File;
    }
    return S_ISDIR(info.st_mode) ? FileType::Directory : FileType::Other;
}

} // namespace

// Answered from the folder's listing (read once) where readdir gave the entry's type: an
// extension or index probe costs no system call; nothing is in a folder that is not there (a
// package looked up in the node_modules of every folder above the importer). Symbolic links, file
// systems without d_type, unreadable folders, and names missing on a case-insensitive file system
// are stat()ed.
std::optional<FileType> ResolverCache::Impl::listedType(const std::string& path) {
    if (path == "/" || !startsWith(path, "/") || preferStat) {
        return std::nullopt;
    }
    const auto dir = detail::parentPath(path);
    const auto& folder = dirListing(dir);
    if (!folder.readable) {
        return folder.missing ? std::optional(FileType::Missing) : std::nullopt;
    }
    const auto entry = folder.typeOf(detail::baseName(path));
    if (!entry) {
        return caseInsensitiveAt(dir) ? std::nullopt : std::optional(FileType::Missing);
    }
    switch (*entry) {
    case DT_REG:
        return FileType::File;
    case DT_DIR:
        return FileType::Directory;
    case DT_LNK:
    case DT_UNKNOWN:
        return std::nullopt;
    default:
        return FileType::Other;
    }
}

FileType ResolverCache::Impl::type(const std::string& path) {
    if (!recordAnswers) {
        // The listing is read once and kept: its answer is the same every time it is asked.
        if (const auto listed = listedType(path)) {
            return *listed;
        }
    }
    return types.get(path, [&] {
        const auto listed = listedType(path);
        return listed ? *listed : statType(*this, path);
    });
}

namespace {

std::optional<std::string> libcRealPath(const std::string& path) {
    char* resolved = ::realpath(path.c_str(), nullptr);
    if (resolved == nullptr) {
        return std::nullopt;
    }
    std::string out(resolved);
    std::free(resolved);
    return out;
}

// A normalized absolute path: no empty, "." or ".." components and no trailing slash.
bool isPlainAbsolute(std::string_view path) {
    return startsWith(path, "/") && detail::isNormalPath(path);
}

// `name` (one component) inside the folder `dir`, both normal: no normalizing pass.
std::string childPath(std::string_view dir, std::string_view name) {
    std::string path;
    path.reserve(dir.size() + 1 + name.size());
    path.append(dir == "/" ? std::string_view() : dir);
    path += '/';
    path.append(name);
    return path;
}

} // namespace

// The real path of a file is its parent's real path (cached: every folder once per scan) plus its
// own name, when the parent's listing says it is a plain file or folder (else after one lstat of
// that last component). Only a symbolic link costs a full realpath
// walk (pnpm: once per package link), so a file costs one system call instead of a readlink per
// component.
std::optional<std::string> ResolverCache::Impl::realPath(const std::string& path) {
    if (!recordAnswers && !preferStat && isPlainAbsolute(path) && path != "/") {
        // A plain file: its folder's real path (kept) and its name; nothing kept for the file.
        const auto& parent = keptRealPath(detail::parentPath(path));
        const auto name = detail::baseName(path);
        if (parent && dirListing(*parent).typeOf(name) == DT_REG) {
            return childPath(*parent, name);
        }
    }
    return keptRealPath(path);
}

const std::optional<std::string>& ResolverCache::Impl::keptRealPath(std::string_view path) {
    return realPaths.get(path, [&]() -> std::optional<std::string> {
        ++realPathCount;
        if (path == "/" || !isPlainAbsolute(path)) {
            return libcRealPath(std::string(path));
        }
        const auto& parent = keptRealPath(detail::parentPath(path));
        if (!parent) {
            return std::nullopt;
        }
        std::string candidate = childPath(*parent, detail::baseName(path));
        const auto listed =
            preferStat ? std::nullopt : dirListing(*parent).typeOf(detail::baseName(path));
        if (listed && (*listed == DT_REG || *listed == DT_DIR)) {
            return candidate;
        }
        struct stat info {};
        if (::lstat(candidate.c_str(), &info) != 0) {
            return std::nullopt;
        }
        if (S_ISLNK(info.st_mode)) {
            return libcRealPath(candidate);
        }
        return candidate;
    });
}

const detail::DirListing& ResolverCache::Impl::dirListing(std::string_view dir) {
    return listings.get(dir, [&] {
        ++listingCount;
        detail::DirListing out;
        DIR* handle = ::opendir(std::string(dir).c_str());
        if (handle == nullptr) {
            out.missing = errno == ENOENT || errno == ENOTDIR;
            return out;
        }
        if (struct stat info{}; ::fstat(::dirfd(handle), &info) == 0) {
            out.identity = identityOf(info);
        }
        while (const dirent* entry = ::readdir(handle)) {
            const std::string_view name = entry->d_name;
            if (name != "." && name != "..") {
                out.add(name, entry->d_type);
            }
        }
        ::closedir(handle);
        out.index();
        out.readable = true;
        return out;
    });
}

std::optional<std::string> ResolverCache::Impl::spelling(const std::string& dir,
                                                         const std::string& name) {
    return spellings.get(childPath(dir, name), [&]() -> std::optional<std::string> {
        const auto spelled = dirListing(dir).spellingOf(name);
        return spelled ? std::optional<std::string>(*spelled) : std::nullopt;
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

bool ResolverCache::Impl::caseInsensitiveAt(std::string_view dir) {
    return caseInsensitivity.get(dir, [&] {
        const auto letter = std::find_if(dir.rbegin(), dir.rend(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) != 0;
        });
        if (letter == dir.rend()) {
            return false;
        }
        std::string swapped(dir);
        auto& c = swapped[static_cast<std::size_t>(dir.rend() - letter - 1)];
        c = static_cast<char>(std::isupper(static_cast<unsigned char>(c))
                                  ? std::tolower(static_cast<unsigned char>(c))
                                  : std::toupper(static_cast<unsigned char>(c)));
        struct stat original {};
        struct stat other {};
        return ::stat(std::string(dir).c_str(), &original) == 0 &&
               ::stat(swapped.c_str(), &other) == 0 && original.st_ino == other.st_ino &&
               original.st_dev == other.st_dev;
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
    {
        std::lock_guard lock(manifestsMutex);
        manifestsRead.push_back({path, file.identity, file.hash});
    }
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
