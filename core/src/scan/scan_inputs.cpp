// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/path_utils.h"
#include "resolve/resolver_cache_impl.h"
#include "scan/scan_state.h"

#include <algorithm>
#include <dirent.h>
#include <optional>
#include <unordered_set>

namespace fanout::detail {
namespace {

// Whether `folder`'s listing (of `dir`) answered for `name` by itself (a plain file or folder, or
// no such name in a folder that could be read and is case-sensitive, or a folder that is not
// there), so that the folder's identity vouches for the answer (a folder not there has none until
// it appears).
bool listingAnswers(ResolverCache::Impl& cache, const DirListing& folder, const std::string& dir,
                    std::string_view name) {
    if (!folder.readable) {
        return folder.missing;
    }
    const auto type = folder.typeOf(name);
    if (!type) {
        return !cache.caseInsensitiveAt(dir);
    }
    return *type == DT_REG || *type == DT_DIR;
}

bool answeredByListing(ResolverCache::Impl& cache, std::string_view path) {
    if (path == "/" || !startsWith(path, "/") || cache.preferStat) {
        return false;
    }
    const auto dir = std::string(parentPath(path));
    return listingAnswers(cache, cache.dirListing(dir), dir, baseName(path));
}

// For `dir`, a folder that is not there: the folder at or above it whose absence the listing of
// its parent, read in this scan, answers for; none when no folder above was listed (or its
// listing has that name). Only listings already read are asked.
std::optional<std::string> listedAbsence(ResolverCache::Impl& cache, const std::string& dir) {
    if (!startsWith(dir, "/") || cache.preferStat) {
        return std::nullopt;
    }
    for (std::string_view absent = dir; absent != "/"; absent = parentPath(absent)) {
        const auto parent = std::string(parentPath(absent));
        if (const DirListing* listing = cache.listings.find(parent)) {
            const auto name = baseName(absent);
            return listingAnswers(cache, *listing, parent, name) && !listing->typeOf(name)
                       ? std::optional<std::string>(absent)
                       : std::nullopt;
        }
    }
    return std::nullopt;
}

} // namespace

void ScanState::recordInputs(ScanInputs& inputs) const {
    inputs.startedNs = m_startedNs;
    m_files.forEach([&](const std::string&, const std::shared_ptr<FileState>& file) {
        if (file->identity.exists()) {
            inputs.files.push_back(
                {file->path, file->identity, file->hash, file->readOk && file->extraction.lexed});
        } else if (!file->error.empty()) {
            // Not opened (permissions): its identity now, so that a change of it shows.
            inputs.files.push_back({file->path, statIdentity(file->path), 0});
        }
    });
    // By path: the files of a folder together, as the cache's check reads them.
    std::sort(inputs.files.begin(), inputs.files.end(),
              [](const FileRecord& a, const FileRecord& b) { return a.path < b.path; });
    auto& cache = m_cache->impl();
    // Answers first: they may list a parent no scan step listed ("/"), which the folders then show.
    std::vector<std::pair<std::string, FileType>> types;
    cache.types.forEach(
        [&](const std::string& path, FileType type) { types.emplace_back(path, type); });
    std::vector<std::pair<std::string, std::optional<std::string>>> realPaths;
    cache.realPaths.forEach([&](const std::string& path, const std::optional<std::string>& real) {
        realPaths.emplace_back(path, real);
    });
    for (auto& [path, type] : types) {
        const bool byListing = answeredByListing(cache, path);
        inputs.answers.push_back({std::move(path), PathAnswer::Question::Type,
                                  static_cast<unsigned char>(type), std::nullopt, !byListing});
    }
    for (auto& [path, real] : realPaths) {
        // Built on its parent's real path, from the listing there that said what it is.
        const bool byListing = real && path != "/" && startsWith(path, "/") &&
                               normalizePath(path) == path && answeredByListing(cache, *real) &&
                               cache.realPath(std::string(parentPath(path))) ==
                                   std::optional<std::string>(parentPath(*real)) &&
                               baseName(*real) == baseName(path);
        inputs.answers.push_back(
            {std::move(path), PathAnswer::Question::RealPath, 0, std::move(real), !byListing});
    }
    // From the listing of the folder, always.
    cache.spellings.forEach([&](const std::string& path, const std::optional<std::string>& name) {
        inputs.answers.push_back({path, PathAnswer::Question::Spelling, 0, name, false});
    });
    // A folder that is not there is an answer the listing above it vouches for (asked again only
    // when that folder changed), not a folder stat()ed by every check: the node_modules folders
    // looked up above every importer, 612 of the 916 folders an npm app lists. Nothing can appear
    // in it before the folder whose absence is recorded appears.
    std::unordered_set<std::string> absences;
    cache.listings.forEach([&](const std::string& dir, const DirListing& listing) {
        if (!listing.missing) {
            inputs.folders.push_back({dir, listing.identity});
            return;
        }
        auto absent = listedAbsence(cache, dir);
        if (!absent) {
            inputs.folders.push_back({dir, listing.identity});
        } else if (cache.types.find(*absent) == nullptr && absences.insert(*absent).second) {
            inputs.answers.push_back({std::move(*absent), PathAnswer::Question::Type,
                                      static_cast<unsigned char>(FileType::Missing), std::nullopt,
                                      false});
        }
    });
    inputs.manifests = cache.manifestsRead;
}

} // namespace fanout::detail
