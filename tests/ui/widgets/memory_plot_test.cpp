// SPDX-License-Identifier: GPL-3.0-or-later
// The memory plot's peak label stays inside the plot wherever the peak is.
#include "memory_plot.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>

namespace fanout::ui {
namespace {

constexpr std::uint64_t kMiB = 1 << 20;

// A scan's memory rising to `peakAt` (of 0..10 s) and falling after it.
MemorySeries seriesPeakingAt(int peakAt) {
    MemorySeries series;
    for (int second = 0; second <= 10; ++second) {
        series.add(second, (100 - 5 * std::abs(second - peakAt)) * kMiB);
    }
    return series;
}

// Draws the plot at a small size (as in a narrow side panel) and gives the label's bounds.
struct Drawn {
    QRectF label;
    QRect area;
};

Drawn drawn(const MemorySeries& series) {
    MemoryPlot plot(series);
    plot.resize(320, 220);
    plot.show();
    testing::TempDir dir;
    EXPECT_EQ(plot.savePng(QString::fromStdString((dir.path() / "memory.png").string())),
              QString());
    return {plot.peakLabelBounds(), plot.plotAreaBounds()};
}

TEST(MemoryPlot, APeakAtTheLastSampleIsLabelledInsideThePlot) {
    const auto [label, area] = drawn(seriesPeakingAt(10));
    ASSERT_FALSE(label.isEmpty());
    EXPECT_LE(label.right(), area.right() + 1) << "the label runs past the right edge";
    EXPECT_GE(label.left(), area.left());
}

TEST(MemoryPlot, APeakAtTheFirstSampleIsLabelledInsideThePlot) {
    const auto [label, area] = drawn(seriesPeakingAt(0));
    ASSERT_FALSE(label.isEmpty());
    EXPECT_GE(label.left(), area.left() - 1) << "the label runs past the left edge";
    EXPECT_LE(label.right(), area.right());
}

TEST(MemoryPlot, APeakInTheMiddleHasItsLabelCentredOverIt) {
    const auto [label, area] = drawn(seriesPeakingAt(5));
    ASSERT_FALSE(label.isEmpty());
    // 5 s of an axis that runs to 10.2 s.
    const double peakX = area.left() + 5.0 / 10.2 * area.width();
    EXPECT_NEAR(label.center().x(), peakX, 2.0);
}

} // namespace
} // namespace fanout::ui
