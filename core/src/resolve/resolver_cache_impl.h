// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/io/file_identity.h"
#include "fanout/resolve/resolver_cache.h"
#include "fanout/resolve/side_effects.h"
#include "io/once_map.h"
#include "resolve/dir_listing.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fanout {

namespace detail {

enum class FileType : unsigned char { Missing, File, Directory, Other };

struct TsConfig;

struct PackageJson {
    std::string dir; // the folder holding it, as looked up (not necessarily a real path)
    std::string name;
    std::string version;
    nlohmann::ordered_json json = nlohmann::ordered_json::object();
    // The object form of "browser": package-relative path or module name -> replacement, or
    // nullopt for `false` (an empty module).
    std::optional<std::vector<std::pair<std::string, std::optional<std::string>>>> browserMap;

    const nlohmann::ordered_json* field(const char* key) const {
        const auto it = json.find(key);
        return it == json.end() ? nullptr : &*it;
    }
    // "sideEffects": anything but false or a list of strings counts as "may have side effects".
    SideEffects sideEffects() const;
    std::optional<std::string> stringField(const std::string& key) const {
        const auto it = json.find(key);
        if (it == json.end() || !it->is_string()) {
            return std::nullopt;
        }
        return it->get<std::string>();
    }
};

} // namespace detail

struct ResolverCache::Impl {
    detail::FileType type(const std::string& path);
    // What the folder's listing says `path` is, when it settles it (no system call): nullopt for
    // a symbolic link, a file system without d_type, an unreadable folder, or a name missing on
    // a case-insensitive file system.
    std::optional<detail::FileType> listedType(const std::string& path);
    std::optional<std::string> realPath(const std::string& path);
    // The real path as kept in `realPaths` (made on the first question).
    const std::optional<std::string>& keptRealPath(std::string_view path);
    // How `dir` lists `name`: as given when an entry has that exact name, else the entry that
    // matches it ignoring letter case; nullopt when none does (or `dir` cannot be read).
    std::optional<std::string> spelling(const std::string& dir, const std::string& name);
    // The directory read once (one readdir per folder per scan), with entry types.
    const detail::DirListing& dirListing(std::string_view dir);
    // dir/package.json, parsed; nullptr when there is none.
    std::shared_ptr<const detail::PackageJson> packageJson(const std::string& dir);
    // The nearest package.json at or above `dir`, stopping at a node_modules folder (Node's
    // package scope); nullptr when there is none.
    std::shared_ptr<const detail::PackageJson> packageScope(const std::string& dir);
    // A JSON-with-comments file (tsconfig), parsed once; nullptr when missing or malformed.
    std::shared_ptr<const nlohmann::ordered_json> jsoncFile(const std::string& path);

    // A tsconfig/jsconfig with its `extends` chain, loaded once (tsconfig.cpp).
    std::shared_ptr<const detail::TsConfig> tsConfig(const std::string& file);
    // The tsconfig.json (else jsconfig.json) nearest to `dir`, walking up as TypeScript and esbuild
    // do; never one inside node_modules. nullptr when there is none.
    std::shared_ptr<const detail::TsConfig> nearestTsConfig(const std::string& dir);

    // Whether the file system holding `dir` ignores letter case.
    bool caseInsensitiveAt(std::string_view dir);

    void diagnose(const std::string& path, const std::string& message);
    // Reads and parses a manifest (JSONC when `jsonc`), counted; diagnoses and returns nullopt
    // when it cannot be read, is malformed or is not an object.
    std::optional<nlohmann::ordered_json> readManifest(const std::string& path, bool jsonc);

    // Answer what kind a path is and build real paths with a stat() per path rather than from
    // its folder's listing: for a few questions (a rescan of one file), where listing a folder of
    // 10,000 icons would cost more than all of them. The answers are the same.
    bool preferStat = false;
    // Whether every answer is kept in `types`, for the scan's inputs (ScanState::recordInputs).
    // When not, only the answers a stat() gave are kept; the rest are read from the listings.
    bool recordAnswers = true;

    detail::OnceMap<detail::FileType> types;
    detail::OnceMap<std::optional<std::string>> realPaths;
    detail::OnceMap<detail::DirListing> listings;
    detail::OnceMap<std::optional<std::string>> spellings; // by dir + "/" + name
    detail::OnceMap<std::shared_ptr<const detail::PackageJson>> packageJsons;
    detail::OnceMap<std::shared_ptr<const detail::PackageJson>> scopes;
    detail::OnceMap<std::shared_ptr<const nlohmann::ordered_json>> jsoncFiles;
    detail::OnceMap<bool> caseInsensitivity;
    detail::OnceMap<std::shared_ptr<const PackageIdentity>> packageIdentities; // by real root
    detail::OnceMap<std::shared_ptr<const detail::TsConfig>> tsConfigs;        // by file
    detail::OnceMap<std::shared_ptr<const detail::TsConfig>> nearestTsConfigs; // by folder

    std::atomic<std::uint64_t> statCount{0};
    std::atomic<std::uint64_t> realPathCount{0};
    std::atomic<std::uint64_t> listingCount{0};
    std::atomic<std::uint64_t> manifestCount{0};

    // Every manifest read (package.json, tsconfig), as it was read.
    std::mutex manifestsMutex;
    std::vector<FileRecord> manifestsRead;

    mutable std::mutex diagnosticsMutex;
    std::map<std::string, std::string> diagnosticsByPath;
};

} // namespace fanout
