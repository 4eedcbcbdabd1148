// SPDX-License-Identifier: GPL-3.0-or-later
#include "treemap_view.h"

#include <QTest>

#include <gtest/gtest.h>

namespace fanout::ui {
namespace {

std::vector<TreemapView::Item> items(std::size_t count) {
    std::vector<TreemapView::Item> out;
    for (std::size_t i = 0; i < count; ++i) {
        out.push_back({static_cast<std::uint32_t>(i), 100.0 + static_cast<double>(i), 1});
    }
    return out;
}

QString label(std::uint32_t key) {
    return QString::number(key);
}

TEST(TreemapView, ASmallTreemapIsLaidOutAtOnce) {
    TreemapView view;
    view.resize(600, 400);
    view.setItems("small", items(300), label);
    EXPECT_EQ(view.cellCount(), 300u);
}

TEST(TreemapView, ALargeTreemapIsLaidOutOffTheGuiThread) {
    TreemapView view;
    view.resize(600, 400);
    const auto count = TreemapView::kLaidOutAtOnce * 10;
    view.setItems("large", items(count), label);
    EXPECT_EQ(view.cellCount(), 0u); // not yet: the old cells were dropped with the old items
    EXPECT_TRUE(QTest::qWaitFor([&] { return view.cellCount() == count; }, 10000));
}

TEST(TreemapView, ALayoutOfItemsNoLongerShownIsDropped) {
    TreemapView view;
    view.resize(600, 400);
    view.setItems("large", items(TreemapView::kLaidOutAtOnce * 10), label);
    view.setItems("small", items(5), label); // before the large layout arrives
    EXPECT_EQ(view.cellCount(), 5u);
    QTest::qWait(300); // the large layout has long finished: its cells must not come in
    EXPECT_EQ(view.cellCount(), 5u);
}

} // namespace
} // namespace fanout::ui
