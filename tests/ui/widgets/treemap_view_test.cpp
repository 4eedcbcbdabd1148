// SPDX-License-Identifier: GPL-3.0-or-later
#include "treemap_view.h"

#include <QCoreApplication>
#include <QResizeEvent>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

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

// Past kLaidOutAtOnce items, the items themselves are made off the GUI thread with their layout;
// the heading already counts them. A few are made at once, on the caller's thread.
TEST(TreemapView, ManyItemsAreMadeOffTheGuiThreadAndAFewAtOnce) {
    TreemapView view;
    view.resize(600, 400);
    view.setNouns("modules", "nothing");
    std::atomic<bool> madeHere{false};
    std::atomic<bool> madeElsewhere{false};
    const auto maker = [&](std::size_t count) {
        return [&, count, caller = std::this_thread::get_id()] {
            (std::this_thread::get_id() == caller ? madeHere : madeElsewhere) = true;
            return items(count);
        };
    };
    const auto count = TreemapView::kLaidOutAtOnce * 10;
    view.setItems("large", count, maker(count), label);
    EXPECT_TRUE(view.heading().contains(QString::number(count)));
    EXPECT_TRUE(QTest::qWaitFor([&] { return view.cellCount() == count; }, 10000));
    EXPECT_TRUE(madeElsewhere);
    EXPECT_FALSE(madeHere);
    view.setItems("small", 5, maker(5), label);
    EXPECT_EQ(view.cellCount(), 5u);
    EXPECT_TRUE(madeHere);
}

// Resized while its items are being made: they are made again and fill the new size.
TEST(TreemapView, ItemsMadeWhileTheViewIsResizedFillItsNewSize) {
    TreemapView view;
    view.resize(600, 400);
    std::atomic<int> made{0};
    const auto count = TreemapView::kLaidOutAtOnce * 10;
    view.setItems(
        "large", count,
        [&] {
            ++made;
            return items(count);
        },
        label);
    view.resize(300, 900);
    QResizeEvent resize(QSize(300, 900), QSize(600, 400));
    QCoreApplication::sendEvent(&view, &resize);
    ASSERT_TRUE(QTest::qWaitFor([&] { return view.cellCount() == count; }, 10000));
    QTest::qWait(100); // a stale layout for the old size would come in now
    EXPECT_EQ(view.cellCount(), count);
    EXPECT_GE(made.load(), 2);
    // Below the old height: a cell of the new layout is there.
    QSignalSpy clicked(&view, &TreemapView::cellClicked);
    QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(150, 880));
    EXPECT_EQ(clicked.count(), 1);
}

} // namespace
} // namespace fanout::ui
