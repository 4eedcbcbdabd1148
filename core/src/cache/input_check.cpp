// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/input_check.h"

#include "base/path_utils.h"
#include "fanout/io/file_reader.h"
#include "resolve/resolver_cache_impl.h"

#include <algorithm>
#include <atomic>
#include <fcntl.h>
#include <mutex>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <unordered_set>

namespace fanout::detail {
namespace {

// Stats files by their name in an open folder: a long path is walked once per folder rather than
// once per file (most of the kernel's time when every file is stat()ed).
class FolderStat {
public:
    FolderStat() = default;
    FolderStat(const FolderStat&) = delete;
    FolderStat& operator=(const FolderStat&) = delete;
    ~FolderStat() { close(); }

    FileIdentity identity(const std::string& path) {
        const auto folder = parentPath(path);
        if (folder != m_folder) {
            close();
            m_folder = folder;
            m_fd = ::open(std::string(folder).c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
        }
        struct stat info {};
        if (m_fd < 0 || ::fstatat(m_fd, std::string(baseName(path)).c_str(), &info, 0) != 0) {
            return m_fd < 0 ? statIdentity(path) : FileIdentity{};
        }
        return identityOf(info);
    }

private:
    void close() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
        m_fd = -1;
    }
    std::string m_folder;
    int m_fd = -1;
};

// The files' checks, shared by the threads that run them.
struct FileCheck {
    std::int64_t trustedBefore = 0;
    std::atomic<std::uint64_t> rehashed{0};
    std::atomic<bool> changed{false};
    std::mutex changeMutex;
    std::string change;
    // Files whose contents changed in place (still there, still regular files), when edits are
    // collected rather than reported: up to kMaxEdited.
    bool collectEdits = false;
    std::vector<FileRecord*> edited;

    void report(std::string sentence) {
        std::lock_guard lock(changeMutex);
        reportLocked(std::move(sentence));
    }
    // The first change found is the one told (changeMutex held).
    void reportLocked(std::string sentence) {
        if (!changed.exchange(true)) {
            change = std::move(sentence);
        }
    }

    // Unchanged: the same identity, old enough to be trusted; or the same size and contents.
    void check(FileRecord& file, FolderStat& folder) {
        const auto now = folder.identity(file.path);
        if (now == file.identity && !file.identity.touchedSince(trustedBefore)) {
            return;
        }
        if (!now.exists() || !file.identity.exists() || !S_ISREG(now.mode)) {
            report(file.path + (now.exists() ? " changed" : " is gone"));
            return;
        }
        if (now.size == file.identity.size) {
            const auto contents = readFile(file.path, now.size);
            ++rehashed;
            if (contents.ok() && contentHash(contents.bytes) == file.hash) {
                file.identity = contents.identity;
                return;
            }
        }
        edit(file);
    }

    void edit(FileRecord& file) {
        std::lock_guard lock(changeMutex);
        if (!collectEdits || edited.size() == kMaxEdited) {
            reportLocked(file.path + " changed");
            return;
        }
        edited.push_back(&file);
    }

    void checkAll(std::vector<FileRecord>& files) {
        const std::size_t threads = files.size() > 4096 ? 2 : 1;
        // In halves: the files are sorted by path, so each half goes folder by folder.
        const auto run = [&](std::size_t part) {
            FolderStat folder;
            const auto end = files.size() * (part + 1) / threads;
            for (std::size_t i = files.size() * part / threads; i < end && !changed; ++i) {
                check(files[i], folder);
            }
        };
        std::vector<std::jthread> helpers;
        for (std::size_t part = 1; part < threads; ++part) {
            helpers.emplace_back(run, part);
        }
        run(0);
    }
};

// The folder whose listing answered a question (and whose identity vouches for it).
std::string_view vouchingFolder(const PathAnswer& answer) {
    return parentPath(answer.question == PathAnswer::Question::RealPath ? *answer.text
                                                                        : answer.path);
}

// The question asked again, of `cache`: whether the answer is the same.
bool sameAnswer(ResolverCache::Impl& cache, const PathAnswer& answer) {
    switch (answer.question) {
    case PathAnswer::Question::Type:
        return static_cast<unsigned char>(cache.type(answer.path)) == answer.type;
    case PathAnswer::Question::RealPath:
        return cache.realPath(answer.path) == answer.text;
    case PathAnswer::Question::Spelling:
        return cache.spelling(std::string(parentPath(answer.path)),
                              std::string(baseName(answer.path))) == answer.text;
    }
    return false;
}

std::string describe(const PathAnswer& answer) {
    switch (answer.question) {
    case PathAnswer::Question::Type:
        return answer.path + " appeared, went or changed kind";
    case PathAnswer::Question::RealPath:
        return answer.path + " leads elsewhere";
    case PathAnswer::Question::Spelling:
        return "the letter case of " + answer.path + " changed";
    }
    return answer.path + " changed";
}

} // namespace

InputCheck checkInputs(ScanInputs& inputs, std::int64_t trustMarginNs) {
    InputCheck out;
    const std::int64_t checkStart = wallClockNs();
    const std::int64_t trustedBefore = inputs.startedNs - trustMarginNs;
    std::unordered_set<std::string_view> changedFolders;
    // The questions those folders answered are asked again, of a fresh cache.
    ResolverCache fresh;
    for (auto& folder : inputs.folders) {
        ++out.folders;
        const auto now = statIdentity(folder.path);
        if (now == folder.identity && !folder.identity.touchedSince(trustedBefore)) {
            continue;
        }
        folder.identity = now; // stat()ed before its names are asked again below
        changedFolders.insert(folder.path);
        out.refreshed = true;
    }
    for (const auto& answer : inputs.answers) {
        const bool ask = answer.answeredByStat ||
                         (answer.question == PathAnswer::Question::RealPath && !answer.text) ||
                         changedFolders.contains(vouchingFolder(answer));
        if (ask && !sameAnswer(fresh.impl(), answer)) {
            return {false, describe(answer), out.files, out.folders, 0, false, {}};
        }
    }
    FileCheck files;
    files.trustedBefore = trustedBefore;
    files.checkAll(inputs.manifests);
    if (!files.changed) {
        files.collectEdits = true;
        files.checkAll(inputs.files);
    }
    out.files = inputs.files.size() + inputs.manifests.size();
    out.rehashed = files.rehashed;
    if (files.changed) {
        return {false, files.change, out.files, out.folders, out.rehashed, false, {}};
    }
    if (!files.edited.empty()) {
        out.unchanged = false;
        out.edited = std::move(files.edited);
        out.change = std::to_string(out.edited.size()) + " file(s) edited, " +
                     out.edited.front()->path + " first";
        return out;
    }
    if (out.rehashed > 0 || out.refreshed) {
        out.refreshed = true;
        inputs.startedNs = checkStart;
    }
    return out;
}

} // namespace fanout::detail
