// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace fanout {

struct TreemapCell {
    std::size_t index = 0; // into the weights
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
};

// Squarified treemap (Bruls, Huizing, van Wijk): the rectangle split into one cell per positive
// weight, areas proportional to weights, cells kept close to square. Largest weights first.
std::vector<TreemapCell> squarify(std::span<const double> weights, double x, double y, double width,
                                  double height);

} // namespace fanout
