// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/view/treemap.h"

#include <algorithm>
#include <numeric>

namespace fanout {
namespace {

// The worst aspect ratio of a row of cells with these areas laid along a side of `side`.
double worstRatio(double sum, double smallest, double largest, double side) {
    if (sum <= 0 || side <= 0) {
        return 0;
    }
    const double s2 = side * side;
    return std::max(s2 * largest / (sum * sum), (sum * sum) / (s2 * smallest));
}

} // namespace

std::vector<TreemapCell> squarify(std::span<const double> weights, double x, double y, double width,
                                  double height) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (weights[i] > 0) {
            order.push_back(i);
        }
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return weights[a] > weights[b]; });
    const double total =
        std::accumulate(order.begin(), order.end(), 0.0,
                        [&](double sum, std::size_t i) { return sum + weights[i]; });
    std::vector<TreemapCell> cells;
    if (total <= 0 || width <= 0 || height <= 0) {
        return cells;
    }
    const double scale = width * height / total; // area per unit of weight
    std::size_t next = 0;
    while (next < order.size()) {
        const double side = std::min(width, height);
        // Grow the row while that does not make its worst cell less square.
        std::size_t end = next + 1;
        double sum = weights[order[next]] * scale;
        double largest = sum;
        double smallest = sum;
        while (end < order.size()) {
            const double area = weights[order[end]] * scale;
            if (worstRatio(sum + area, std::min(smallest, area), largest, side) >
                worstRatio(sum, smallest, largest, side)) {
                break;
            }
            sum += area;
            smallest = std::min(smallest, area);
            ++end;
        }
        // Lay the row along the shorter side; it takes `thickness` of the longer one.
        const bool alongHeight = width >= height;
        const double thickness = std::min(sum / side, alongHeight ? width : height);
        double offset = 0;
        for (std::size_t i = next; i < end; ++i) {
            const double length = weights[order[i]] * scale / thickness;
            if (alongHeight) {
                cells.push_back({order[i], x, y + offset, thickness, length});
            } else {
                cells.push_back({order[i], x + offset, y, length, thickness});
            }
            offset += length;
        }
        if (alongHeight) {
            x += thickness;
            width -= thickness;
        } else {
            y += thickness;
            height -= thickness;
        }
        next = end;
    }
    return cells;
}

} // namespace fanout
