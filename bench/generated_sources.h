// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>

namespace fanout::bench {

// A lucide-style icon module: one import, one call with a few path tuples, one export (~400 B).
std::string iconModule(std::size_t index);

// A bundle shaped like a large published dist file (~`bytes` long): many small functions with
// requires, dynamic imports, string and template literals, classes and JSX-free object code.
std::string largeBundle(std::size_t bytes);

} // namespace fanout::bench
