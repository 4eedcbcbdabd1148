// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace fanout::detail {

// Makes blocks of text 0 .. count-1 with `make(index, buffer)` (buffer: the text of a block
// taken before, to be emptied and filled again, or an empty string) and passes each to `take` on
// the calling thread, in index order.
//
// With `threads` > 1 the blocks are made by the calling thread and `threads` - 1 helpers started
// once (SpreadThread), never more than `ahead` blocks past the next one to take, so the memory
// they hold stays bounded; the calling thread takes each block as soon as it is made, and makes
// one itself whenever the next is not ready. With one thread (or a helper that cannot be
// started) the caller makes them all, one buffer reused. `make` must be safe to call from
// several threads at once.
//
// An exception from `make` or `take` is thrown here once every helper has stopped; the blocks
// not taken by then are dropped.
void orderedBlocks(std::size_t count, unsigned threads, std::size_t ahead,
                   const std::function<std::string(std::size_t, std::string)>& make,
                   const std::function<void(const std::string&)>& take);

} // namespace fanout::detail
