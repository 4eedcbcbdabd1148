// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/io/file_identity.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fanout::detail {

// A directory's entries with the type readdir gave for each (d_type: DT_REG, DT_DIR, DT_LNK, or
// DT_UNKNOWN on file systems that do not say), looked up by name through a hash index. The names
// are kept in one string in the order read: an icon package's folder of 21,000 entries was read
// into a string apiece and sorted, 12-15 ms of one worker at the start of a scan while the other
// had nothing to do.
struct DirListing {
    bool readable = false;
    // It could not be opened because there is no such folder (nothing by that name, or not a
    // folder): nothing is in it, and its identity (none) vouches for that as long as it stays so.
    bool missing = false;
    // The folder as fstat() saw it just before it was read (mode 0 when it could not be opened).
    FileIdentity identity;

    // While the folder is read: one entry (names are unique in a folder).
    void add(std::string_view name, unsigned char type);
    // Once every entry is added: makes the lookups work.
    void index();

    std::size_t size() const { return m_types.size(); }
    // The entry's d_type; nullopt when it is not listed (or the folder could not be read).
    std::optional<unsigned char> typeOf(std::string_view name) const;
    // The entry spelled `name` but for letter case, the first in byte order when several are; the
    // exact spelling when listed.
    std::optional<std::string_view> spellingOf(std::string_view name) const;

private:
    std::string_view nameAt(std::size_t entry) const;
    std::optional<std::size_t> entryOf(std::string_view name) const;
    // The index's place for `name`: its entry's, or the empty one it would take.
    std::size_t placeOf(std::string_view name, std::size_t hash) const;

    std::string m_names;               // every name, one after another
    std::vector<std::uint32_t> m_ends; // by entry: where its name ends in m_names
    std::vector<unsigned char> m_types;
    // Open addressing, a power of two in size, at most half full: entry + 1, 0 for empty.
    std::vector<std::uint32_t> m_index;
};

} // namespace fanout::detail
