// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/input_check.h"

#include "base/path_utils.h"
#include "base/spread_thread.h"
#include "fanout/io/file_reader.h"
#include "resolve/resolver_cache_impl.h"

#include <algorithm>
#include <atomic>
#include <fcntl.h>
#include <mutex>
#include <optional>
#include <sys/stat.h>
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
            m_fd = ::open(m_folder.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
        }
        // The last name, in place: the path's own bytes up to its terminating NUL.
        const char* name = path.c_str() + (path.size() - baseName(path).size());
        struct stat info {};
        if (m_fd < 0 || ::fstatat(m_fd, name, &info, 0) != 0) {
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

    // Checks files of `files` until none is left or a change is found (or `stop` is set), a run
    // of them at a time: the files are sorted by path, so a run goes folder by folder. Called by
    // each thread that shares the work.
    void checkRuns(std::vector<FileRecord>& files) {
        constexpr std::size_t kRun = 256;
        FolderStat folder;
        for (auto begin = next.fetch_add(kRun); begin < files.size() && !changed && !stop;
             begin = next.fetch_add(kRun)) {
            const auto end = std::min(files.size(), begin + kRun);
            for (auto i = begin; i < end && !changed; ++i) {
                check(files[i], folder);
            }
        }
    }
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false}; // a change found elsewhere: the files need not be checked
};

// More files than this are checked by two threads.
constexpr std::size_t kSharedAbove = 4096;

// A second thread checking `files` with `check` when there are enough of them (joined as it goes).
std::optional<SpreadThread> helperFor(FileCheck& check, std::vector<FileRecord>& files) {
    std::optional<SpreadThread> helper;
    if (files.size() > kSharedAbove) {
        helper.emplace([&check, &files] { check.checkRuns(files); });
    }
    return helper;
}

void checkAll(FileCheck& check, std::vector<FileRecord>& files) {
    const auto helper = helperFor(check, files);
    check.checkRuns(files);
}

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

InputCheck checkInputs(ScanInputs& inputs, std::int64_t trustMarginNs,
                       const std::function<std::string()>& loadVouched) {
    InputCheck out;
    const std::int64_t checkStart = wallClockNs();
    const std::int64_t trustedBefore = inputs.startedNs - trustMarginNs;
    // The files are checked on a thread of their own from the start, beside the folders, the
    // resolver's answers and the manifests (a change found there stops them), then on this one
    // too.
    FileCheck files;
    files.trustedBefore = trustedBefore;
    files.collectEdits = true;
    auto filesThread = helperFor(files, inputs.files);
    const auto changedElsewhere = [&](std::string change) {
        files.stop = true;
        filesThread.reset(); // joined
        return InputCheck{false, std::move(change), out.files, out.folders, 0, false, {}};
    };
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
    // The answers folders vouch for are only needed (and decoded) when one of those changed.
    if (!changedFolders.empty() && loadVouched) {
        if (auto problem = loadVouched(); !problem.empty()) {
            return changedElsewhere(std::move(problem));
        }
    }
    for (const auto& answer : inputs.answers) {
        const bool ask =
            !answer.vouchedByFolder() ||
            (!changedFolders.empty() && changedFolders.contains(vouchingFolder(answer)));
        if (ask && !sameAnswer(fresh.impl(), answer)) {
            return changedElsewhere(describe(answer));
        }
    }
    FileCheck manifests;
    manifests.trustedBefore = trustedBefore;
    checkAll(manifests, inputs.manifests);
    out.files = inputs.files.size() + inputs.manifests.size();
    if (manifests.changed) {
        auto changed = changedElsewhere(manifests.change);
        changed.rehashed = manifests.rehashed;
        return changed;
    }
    files.checkRuns(inputs.files);
    filesThread.reset();
    out.rehashed = files.rehashed + manifests.rehashed;
    if (files.changed) {
        return {false, files.change, out.files, out.folders, out.rehashed, false, {}};
    }
    if (!files.edited.empty()) {
        out.unchanged = false;
        out.edited = std::move(files.edited);
        // In path order, however the threads met them.
        std::sort(out.edited.begin(), out.edited.end(),
                  [](const FileRecord* a, const FileRecord* b) { return a->path < b->path; });
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
