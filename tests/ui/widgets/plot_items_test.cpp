// SPDX-License-Identifier: GPL-3.0-or-later
#include "plot_items.h"

#include <gtest/gtest.h>

namespace fanout::ui {
namespace {

using Spans = std::vector<std::pair<double, double>>;

TEST(PhaseLabels, NamesThatWouldTouchGoARowLower) {
    // "reading" far left; then "building result", "analysing" and "done" within a few pixels,
    // as at the end of a short scan.
    const Spans spans{{0, 50}, {400, 500}, {430, 500}, {470, 505}};
    EXPECT_EQ(labelRows(spans, 4), (std::vector<int>{0, 0, 1, 2}));
}

TEST(PhaseLabels, ARowIsReusedOnceTheNameBeforeHasEnded) {
    const Spans spans{{0, 100}, {50, 120}, {110, 150}, {130, 200}};
    // 110 starts 10 px after the first name ends (row 0), 130 only after the second (row 1).
    EXPECT_EQ(labelRows(spans, 4), (std::vector<int>{0, 1, 0, 1}));
    EXPECT_TRUE(labelRows({}, 4).empty());
}

TEST(PeakLabel, CentredWhenItFitsElseFlushWithItsPointAtTheEdge) {
    EXPECT_EQ(alignWithin(200, 80, 50, 400), Qt::AlignHCenter);
    EXPECT_EQ(alignWithin(390, 80, 50, 400), Qt::AlignRight);   // 350..430 would cross 400
    EXPECT_EQ(alignWithin(60, 80, 50, 400), Qt::AlignLeft);     // 20..100 would cross 50
    EXPECT_EQ(alignWithin(360, 80, 50, 400), Qt::AlignHCenter); // 320..400 just fits
}

} // namespace
} // namespace fanout::ui
