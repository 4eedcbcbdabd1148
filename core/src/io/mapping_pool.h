// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace fanout::detail {

// Anonymous mappings of released WholeFiles, kept for the next reads: a long-lived process (a
// watch, the desktop app) reads the same cache again and again, and bytes read into new memory
// first have the kernel clear every page they land on (a millisecond per few megabytes on a
// virtual machine). At most two mappings (a cache's two parts), 64 MiB together.
struct Mapping {
    void* data = nullptr;
    std::size_t capacity = 0;
};

// The smallest kept mapping of at least `capacity` bytes, no longer kept; none (null data) when
// there is none.
Mapping takeMapping(std::size_t capacity);
// Kept when there is room, else unmapped.
void keepMapping(Mapping mapping);
std::size_t keptMappingBytes();
// Unmaps every kept mapping.
void releaseKeptMappings();

} // namespace fanout::detail
