// SPDX-License-Identifier: GPL-3.0-or-later
#include "resolve/dir_listing.h"

#include "base/linear_probe.h"
#include "base/text.h"

#include <algorithm>
#include <bit>
#include <functional>

namespace fanout::detail {

void DirListing::add(std::string_view name, unsigned char type) {
    m_names.append(name);
    m_ends.push_back(static_cast<std::uint32_t>(m_names.size()));
    m_types.push_back(type);
}

void DirListing::index() {
    m_index.assign(std::bit_ceil(std::max<std::size_t>(2 * m_types.size(), 16)), 0);
    for (std::size_t entry = 0; entry < m_types.size(); ++entry) {
        const auto name = nameAt(entry);
        m_index[placeOf(name, std::hash<std::string_view>{}(name))] =
            static_cast<std::uint32_t>(entry + 1);
    }
}

std::string_view DirListing::nameAt(std::size_t entry) const {
    const std::size_t begin = entry == 0 ? 0 : m_ends[entry - 1];
    return std::string_view(m_names).substr(begin, m_ends[entry] - begin);
}

std::size_t DirListing::placeOf(std::string_view name, std::size_t hash) const {
    return probeLinear(m_index, hash, [&](std::uint32_t place) {
        return place == 0 || nameAt(place - 1) == name;
    });
}

std::optional<std::size_t> DirListing::entryOf(std::string_view name) const {
    if (m_index.empty()) {
        return std::nullopt;
    }
    const std::uint32_t place = m_index[placeOf(name, std::hash<std::string_view>{}(name))];
    if (place == 0) {
        return std::nullopt;
    }
    return place - 1;
}

std::optional<unsigned char> DirListing::typeOf(std::string_view name) const {
    const auto entry = entryOf(name);
    return entry ? std::optional(m_types[*entry]) : std::nullopt;
}

std::optional<std::string_view> DirListing::spellingOf(std::string_view name) const {
    if (const auto entry = entryOf(name)) {
        return nameAt(*entry);
    }
    std::optional<std::string_view> first;
    for (std::size_t entry = 0; entry < m_types.size(); ++entry) {
        const auto candidate = nameAt(entry);
        if (equalsIgnoringCase(candidate, name) && (!first || candidate < *first)) {
            first = candidate;
        }
    }
    return first;
}

} // namespace fanout::detail
