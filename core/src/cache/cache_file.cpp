// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/cache_file.h"

#include "base/spread_thread.h"
#include "cache/archive_types.h"
#include "cache/memory_archive.h"
#include "fanout/io/atomic_file.h"
#include "fanout/io/file_identity.h"
#include "fanout/version.h"

#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iterator>
#include <sys/stat.h>

namespace fanout::detail {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "FANOUTSC";
// 2: paths share their first bytes; 3: four-lane hash; 4: vouched answers apart; 5: specifiers
// as names
constexpr std::uint32_t kFormatVersion = 5;
// Magic, format version, then the sizes of the three parts, the hash of the first two and the
// hash of the result (checked apart: the result is decoded while the inputs are checked).
struct Prefix {
    char magic[8];
    std::uint32_t format;
    std::uint32_t reserved;
    std::uint64_t headerSize;
    std::uint64_t inputsSize;
    std::uint64_t resultSize;
    std::uint64_t inputsHash;
    std::uint64_t resultHash;
};
static_assert(sizeof(Prefix) == 56);

// The answers of `answers` that their folders vouch for (`vouched`) or the others, as a vector.
void saveAnswers(MemoryOutputArchive& archive, const std::vector<PathAnswer>& answers,
                 bool vouched) {
    const auto count = std::count_if(answers.begin(), answers.end(), [&](const PathAnswer& a) {
        return a.vouchedByFolder() == vouched;
    });
    archive(cereal::make_size_tag(static_cast<cereal::size_type>(count)));
    for (const auto& answer : answers) {
        if (answer.vouchedByFolder() == vouched) {
            archive(answer);
        }
    }
}

// The inputs as the cache stores them: in the layout of ScanInputs with only the answers no folder
// vouches for, then those folders vouch for as a vector of their own (each part shares path bytes
// only within itself).
std::string encodeInputs(const ScanInputs& inputs) {
    std::string out;
    {
        MemoryOutputArchive archive(out);
        archive(inputs.startedNs, inputs.files, inputs.manifests, inputs.folders);
        saveAnswers(archive, inputs.answers, false);
    }
    MemoryOutputArchive archive(out);
    saveAnswers(archive, inputs.answers, true);
    return out;
}

std::string writeParts(const std::string& path, const std::string& key, const std::string& inputs,
                       std::string_view result) {
    const std::string header = encode(buildIdentity(), key);
    Prefix prefix{};
    std::memcpy(prefix.magic, kMagic.data(), kMagic.size());
    prefix.format = kFormatVersion;
    prefix.headerSize = header.size();
    prefix.inputsSize = inputs.size();
    prefix.resultSize = result.size();
    const std::string described = header + inputs;
    prefix.inputsHash = contentHash(described);
    prefix.resultHash = contentHash(result);
    return writeFileAtomically(
        path,
        [&](std::ostream& out) {
            out.write(reinterpret_cast<const char*>(&prefix), sizeof prefix);
            out.write(described.data(), static_cast<std::streamsize>(described.size()));
            out.write(result.data(), static_cast<std::streamsize>(result.size()));
            return static_cast<bool>(out);
        },
        Durability::Unsynced); // checksummed: a cache cut short by a crash is never trusted
}

} // namespace

// The executable's size and modification time stand for the build.
std::string buildIdentity() {
    const auto exe = statIdentity("/proc/self/exe");
    return std::string(kVersion) + " " + std::to_string(exe.size) + " " +
           std::to_string(exe.mtimeNs);
}

namespace {

// The cache's bytes up to its result (header and inputs), read into `contents` and checked
// against their checksum: "" when whole, else why not.
std::string readWhole(const CacheFile& file, WholeFile& contents) {
    // Onto huge pages where there are any (a mapping of the page cache would cost a fault per page
    // as the bytes are decoded).
    if (auto problem = contents.read(file.file, 0, file.resultOffset); !problem.empty()) {
        return "the cache could not be read: " + problem;
    }
    if (contentHash(contents.bytes().substr(sizeof(Prefix), file.headerSize + file.inputsSize)) !=
        file.inputsHash) {
        return "the cache is corrupt (its checksum does not match)";
    }
    return {};
}

// Why a cache whose header is not this build's and configuration's (`key`) is not used: corrupt,
// written by another build, or for another configuration.
std::string headerProblem(const CacheFile& file, const std::string& key) {
    WholeFile contents;
    if (auto problem = readWhole(file, contents); !problem.empty()) {
        return problem;
    }
    std::string identity;
    std::string cachedKey;
    try {
        decode(contents.bytes().substr(sizeof(Prefix), file.headerSize), identity, cachedKey);
    } catch (const std::exception& error) {
        return std::string("the cache is corrupt: ") + error.what();
    }
    if (identity != buildIdentity()) {
        return "the cache was written by another build of Fanout";
    }
    return cachedKey != key ? "the cache holds another configuration"
                            : "the cache is corrupt (its header has more than it should)";
}

} // namespace

std::string openCacheFile(const std::string& path, const std::string& key, CacheFile& out) {
    OpenedFile file;
    if (auto problem = file.open(path); !problem.empty()) {
        return problem == WholeFile::kMissing ? "no cached scan yet"
                                              : "the cache could not be read: " + problem;
    }
    Prefix prefix{};
    if (file.size() < sizeof prefix) {
        return "the cache is truncated";
    }
    if (auto problem = file.readAt(0, &prefix, sizeof prefix); !problem.empty()) {
        return "the cache could not be read: " + problem;
    }
    if (std::string_view(prefix.magic, kMagic.size()) != kMagic) {
        return "the cache file is not one of Fanout's";
    }
    if (prefix.format != kFormatVersion) {
        return "the cache has another format (" + std::to_string(prefix.format) + ")";
    }
    const std::uint64_t body = file.size() - sizeof prefix;
    if (prefix.headerSize > body || prefix.inputsSize > body || prefix.resultSize > body ||
        prefix.headerSize + prefix.inputsSize + prefix.resultSize != body) {
        return "the cache is truncated";
    }
    out.headerSize = prefix.headerSize;
    out.inputsSize = prefix.inputsSize;
    out.inputsHash = prefix.inputsHash;
    out.resultOffset = sizeof prefix + prefix.headerSize + prefix.inputsSize;
    out.resultSize = prefix.resultSize;
    out.resultHash = prefix.resultHash;
    out.file = std::move(file);
    // The header (build and configuration) compared at once: a cache of another one is not used.
    // Which it is (or whether the cache is corrupt) is told after its checksum is checked.
    std::string header(static_cast<std::size_t>(prefix.headerSize), '\0');
    if (auto problem = out.file.readAt(sizeof prefix, header.data(), header.size());
        !problem.empty()) {
        return "the cache could not be read: " + problem;
    }
    return header == encode(buildIdentity(), key) ? std::string() : headerProblem(out, key);
}

std::string readCacheInputs(CacheFile& out) {
    WholeFile contents;
    if (auto problem = readWhole(out, contents); !problem.empty()) {
        return problem;
    }
    const std::string_view all = contents.bytes();
    try {
        const auto inputsOffset = sizeof(Prefix) + out.headerSize;
        MemoryInputArchive archive(all.substr(inputsOffset, out.inputsSize));
        archive(out.inputs);
        // The answers folders vouch for follow, decoded only when asked for.
        out.vouchedSize = archive.remaining();
        out.vouchedOffset = inputsOffset + out.inputsSize - out.vouchedSize;
    } catch (const std::exception& error) {
        return std::string("the cache is corrupt: ") + error.what();
    }
    out.contents = std::move(contents);
    return {};
}

std::string readCacheFile(const std::string& path, const std::string& key, CacheFile& out) {
    auto problem = openCacheFile(path, key, out);
    return problem.empty() ? readCacheInputs(out) : problem;
}

std::string loadVouchedAnswers(CacheFile& file) {
    if (file.vouchedLoaded || file.vouchedSize == 0) { // loaded, or no file read
        return {};
    }
    std::vector<PathAnswer> vouched;
    try {
        decode(file.contents.bytes().substr(file.vouchedOffset, file.vouchedSize), vouched);
    } catch (const std::exception& error) {
        return std::string("the cache is corrupt: ") + error.what();
    }
    file.inputs.answers.insert(file.inputs.answers.end(), std::make_move_iterator(vouched.begin()),
                               std::make_move_iterator(vouched.end()));
    file.vouchedLoaded = true;
    return {};
}

namespace {

// The result's bytes, read once; "" when read, else why not.
std::string readResult(CacheFile& file) {
    if (file.result.bytes().size() == file.resultSize) {
        return {};
    }
    return file.result.read(file.file, file.resultOffset, file.resultSize);
}

} // namespace

std::shared_ptr<ScanResult> loadCachedResult(CacheFile& file) {
    if (!readResult(file).empty()) {
        return nullptr;
    }
    const auto bytes = file.result.bytes();
    if (contentHash(bytes) != file.resultHash) {
        return nullptr;
    }
    auto result = std::make_shared<ScanResult>();
    try {
        decode(bytes, *result);
    } catch (const std::exception&) {
        return nullptr;
    }
    return result;
}

std::string writeCacheFile(const std::string& path, const std::string& key,
                           const ScanInputs& inputs, const ScanResult& result) {
    // The two parts encoded at once, on two cores.
    auto encodedResult = spreadAsync([&] { return encode(result); });
    const auto encodedInputs = encodeInputs(inputs);
    return writeParts(path, key, encodedInputs, encodedResult.get());
}

std::string rewriteInputs(const std::string& path, const std::string& key, CacheFile& file) {
    if (auto problem = loadVouchedAnswers(file); !problem.empty()) {
        return problem;
    }
    if (auto problem = readResult(file); !problem.empty()) {
        return "the cache could not be read: " + problem;
    }
    return writeParts(path, key, encodeInputs(file.inputs), file.result.bytes());
}

void markUsed(const std::string& path) {
    ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);
}

void evictBeyond(const std::string& dir, std::uint64_t maxBytes, const std::string& keep) {
    struct Entry {
        fs::file_time_type used;
        std::uint64_t size;
        fs::path path;
    };
    std::vector<Entry> entries;
    std::uint64_t total = 0;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(dir, error)) {
        std::error_code entryError;
        if (entry.path().extension() != kCacheFileSuffix || !entry.is_regular_file(entryError)) {
            continue;
        }
        const auto size = entry.file_size(entryError);
        const auto used = entry.last_write_time(entryError);
        if (!entryError) {
            entries.push_back({used, size, entry.path()});
            total += size;
        }
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.used < b.used; });
    for (const auto& entry : entries) {
        if (total <= maxBytes) {
            break;
        }
        if (entry.path != keep && fs::remove(entry.path, error)) {
            total -= entry.size;
        }
    }
}

std::string removeCacheFiles(const std::string& dir) {
    std::error_code error;
    std::string problem;
    for (const auto& entry : fs::directory_iterator(dir, error)) {
        std::error_code removeError;
        if (entry.path().extension() == kCacheFileSuffix &&
            !fs::remove(entry.path(), removeError)) {
            problem = entry.path().string() + ": " + removeError.message();
        }
    }
    if (error && error != std::errc::no_such_file_or_directory) {
        return dir + ": " + error.message();
    }
    return problem;
}

} // namespace fanout::detail
