// SPDX-License-Identifier: GPL-3.0-or-later
// cereal archives over memory, writing and reading the very bytes of cereal's binary archives
// without a stream between: each value is copied straight into a string or out of a span (the
// stream's virtual read per value was most of the time a cached scan took to decode).
#pragma once

#include "fanout/io/process_memory.h"

#include <cereal/cereal.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace fanout::detail {

class MemoryOutputArchive
    : public cereal::OutputArchive<MemoryOutputArchive, cereal::AllowEmptyClassElision> {
public:
    explicit MemoryOutputArchive(std::string& out)
        : OutputArchive<MemoryOutputArchive, cereal::AllowEmptyClassElision>(this), m_out(out) {}

    void saveBinary(const void* data, std::size_t size) {
        if (size != 0) {
            m_out.append(static_cast<const char*>(data), size);
        }
    }

    // The path written last (see PathText).
    std::string& lastPath() { return m_lastPath; }

private:
    std::string& m_out;
    std::string m_lastPath;
};

class MemoryInputArchive
    : public cereal::InputArchive<MemoryInputArchive, cereal::AllowEmptyClassElision> {
public:
    explicit MemoryInputArchive(std::string_view bytes)
        : InputArchive<MemoryInputArchive, cereal::AllowEmptyClassElision>(this), m_bytes(bytes) {}

    // Inlined where a value is read (a fixed-size copy), the refusal out of line.
    void loadBinary(void* data, std::size_t size) {
        if (size > remaining()) [[unlikely]] {
            endsEarly(size);
        }
        if (size != 0) { // an empty string or vector may have no storage to copy into
            std::memcpy(data, m_bytes.data() + m_at, size);
            m_at += size;
        }
    }
    // One value of a fixed size: copied inline, with no call to a library copy of unknown size
    // (most of a cached result's decoding time went into such calls for one- to eight-byte
    // fields).
    template <class T> [[gnu::always_inline]] void loadValue(T& value) {
        if (sizeof value > remaining()) [[unlikely]] {
            endsEarly(sizeof value);
        }
        std::memcpy(&value, m_bytes.data() + m_at, sizeof value);
        m_at += sizeof value;
    }
    std::size_t remaining() const { return m_bytes.size() - m_at; }
    // A count of elements (cereal's size tag), never more than the bytes left (each element takes
    // one at least): a corrupt count is refused before anything that large is allocated.
    std::size_t loadCount() {
        std::uint64_t count = 0;
        loadValue(count);
        if (count > remaining()) [[unlikely]] {
            tooMany(count);
        }
        return static_cast<std::size_t>(count);
    }
    // The next `size` bytes, in place: a run of fixed-size values checked once and read in one
    // pass.
    std::string_view take(std::size_t size) {
        if (size > remaining()) [[unlikely]] {
            endsEarly(size);
        }
        const auto taken = m_bytes.substr(m_at, size);
        m_at += size;
        return taken;
    }
    // The path read last (see PathText).
    std::string& lastPath() { return m_lastPath; }

private:
    [[noreturn]] [[gnu::cold]] [[gnu::noinline]] void endsEarly(std::size_t size) const {
        throw cereal::Exception("the data ends " + std::to_string(size - remaining()) +
                                " bytes early");
    }
    [[noreturn]] [[gnu::cold]] [[gnu::noinline]] static void tooMany(std::uint64_t count) {
        throw cereal::Exception("a count of " + std::to_string(count) +
                                " is more than the bytes left");
    }
    std::string_view m_bytes;
    std::size_t m_at = 0;
    std::string m_lastPath;
};

// A path, written as how many bytes it shares with the path written before it and the bytes that
// follow: the paths of a scan come in path order or folder by folder, so most of their bytes are
// shared (the cache of a 21,000-module scan is less than half as large, and as much faster to
// check and decode).
template <class Text> struct PathTextOf { Text& text; };
using PathText = PathTextOf<std::string>;
using SavedPathText = PathTextOf<const std::string>; // written only

template <class T>
std::enable_if_t<std::is_arithmetic_v<T>> CEREAL_SAVE_FUNCTION_NAME(MemoryOutputArchive& archive,
                                                                    const T& value) {
    archive.saveBinary(std::addressof(value), sizeof value);
}
template <class T>
[[gnu::always_inline]] inline std::enable_if_t<std::is_arithmetic_v<T>>
CEREAL_LOAD_FUNCTION_NAME(MemoryInputArchive& archive, T& value) {
    archive.loadValue(value);
}
template <class Archive, class T>
CEREAL_ARCHIVE_RESTRICT(MemoryInputArchive, MemoryOutputArchive)
CEREAL_SERIALIZE_FUNCTION_NAME(Archive& archive, cereal::NameValuePair<T>& pair) {
    archive(pair.value);
}
template <class T>
void CEREAL_SAVE_FUNCTION_NAME(MemoryOutputArchive& archive, const cereal::SizeTag<T>& tag) {
    archive(tag.size);
}
template <class T>
void CEREAL_LOAD_FUNCTION_NAME(MemoryInputArchive& archive, cereal::SizeTag<T>& tag) {
    static_assert(sizeof tag.size == sizeof(std::uint64_t));
    tag.size = archive.loadCount();
}
template <class T>
void CEREAL_SAVE_FUNCTION_NAME(MemoryOutputArchive& archive, const cereal::BinaryData<T>& data) {
    archive.saveBinary(data.data, static_cast<std::size_t>(data.size));
}
template <class T>
void CEREAL_LOAD_FUNCTION_NAME(MemoryInputArchive& archive, cereal::BinaryData<T>& data) {
    archive.loadBinary(data.data, static_cast<std::size_t>(data.size));
}

template <class Text>
void CEREAL_SAVE_FUNCTION_NAME(MemoryOutputArchive& archive, const PathTextOf<Text>& path) {
    std::string& last = archive.lastPath();
    const auto shared = static_cast<std::uint32_t>(
        std::mismatch(last.begin(), last.end(), path.text.begin(), path.text.end()).first -
        last.begin());
    const auto rest = static_cast<std::uint32_t>(path.text.size() - shared);
    archive(shared, rest);
    archive.saveBinary(path.text.data() + shared, rest);
    last = path.text;
}
inline void CEREAL_LOAD_FUNCTION_NAME(MemoryInputArchive& archive, PathText& path) {
    std::string& last = archive.lastPath();
    std::uint32_t shared = 0;
    std::uint32_t rest = 0;
    archive(shared, rest);
    if (shared > last.size() || rest > archive.remaining()) {
        throw cereal::Exception("a path shares more than the path before it or ends early");
    }
    // The path before it, cut where they part and continued: only the new bytes copied there,
    // the whole path once into its own string.
    last.resize(shared);
    last.append(archive.take(rest));
    path.text.assign(last);
}

// A vector of records (modules, edges, files) read into storage made resident at once: the
// decode of a large cached result otherwise spent much of its time in page faults as the new
// elements were first written.
template <class T, class A>
std::enable_if_t<!std::is_arithmetic_v<T>> CEREAL_LOAD_FUNCTION_NAME(MemoryInputArchive& archive,
                                                                     std::vector<T, A>& vector) {
    cereal::size_type size = 0;
    archive(cereal::make_size_tag(size));
    vector.reserve(static_cast<std::size_t>(size));
    makeResident(vector.data(), vector.capacity() * sizeof(T));
    vector.resize(static_cast<std::size_t>(size));
    for (auto& value : vector) {
        archive(value);
    }
}

// The values in cereal's binary layout.
template <typename... Values> std::string encode(const Values&... values) {
    std::string out;
    MemoryOutputArchive archive(out);
    archive(values...);
    return out;
}
// Reads `values` back from `bytes`; throws cereal::Exception when they do not decode.
template <typename... Values> void decode(std::string_view bytes, Values&... values) {
    MemoryInputArchive archive(bytes);
    archive(values...);
}

} // namespace fanout::detail

CEREAL_REGISTER_ARCHIVE(fanout::detail::MemoryOutputArchive)
CEREAL_REGISTER_ARCHIVE(fanout::detail::MemoryInputArchive)
CEREAL_SETUP_ARCHIVE_TRAITS(fanout::detail::MemoryInputArchive, fanout::detail::MemoryOutputArchive)
