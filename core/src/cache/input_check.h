// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/cache/scan_cache.h"
#include "fanout/scan/scan_inputs.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace fanout::detail {

using fanout::kTrustMarginNs;

struct InputCheck {
    bool unchanged = true;
    std::string change; // the first change found, as a sentence
    std::uint64_t files = 0;
    std::uint64_t folders = 0;
    std::uint64_t rehashed = 0;
    // Something was checked by contents or answered again: `inputs` now holds what was seen, and
    // the cache is worth rewriting with it.
    bool refreshed = false;
    // When nothing changed but the contents of these files (still where they were, up to
    // kMaxEdited): the files of `inputs` whose contents changed. `change` then says how many.
    std::vector<FileRecord*> edited;
};

inline constexpr std::size_t kMaxEdited = 32;

// Whether everything recorded in `inputs` is as it was. Unchanged inputs whose identity moved
// (touched, replaced by an identical copy) are updated in place, and startedNs set to the check's
// start. `inputs` may hold only the answers no folder vouches for: `loadVouched` then adds the
// others to it when a folder changed ("" when done, else why not, taken for a change).
InputCheck checkInputs(ScanInputs& inputs, std::int64_t trustMarginNs = kTrustMarginNs,
                       const std::function<std::string()>& loadVouched = {});

} // namespace fanout::detail
