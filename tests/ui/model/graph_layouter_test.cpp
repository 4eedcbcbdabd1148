// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_layouter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <chrono>
#include <vector>

namespace fanout::ui {
namespace {

// A chain of `nodes` boxes.
LayoutRequest chain(std::uint32_t nodes, LayoutEngine engine) {
    LayoutRequest request;
    request.engine = engine;
    request.sizes.assign(nodes, {1.0, 0.5});
    for (std::uint32_t i = 1; i < nodes; ++i) {
        request.edges.emplace_back(i - 1, i);
    }
    return request;
}

// A layouter and what it answered, by generation; Graphviz must be installed.
class GraphLayouterTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (GraphLayouter::dotProgram().isEmpty()) {
            GTEST_SKIP() << "Graphviz's dot is not installed";
        }
        QObject::connect(&m_layouter, &GraphLayouter::layoutReady,
                         [this](quint64 generation, const Layout& layout) {
                             m_ready.push_back(generation);
                             m_nodes = layout.centers.size();
                         });
        QObject::connect(
            &m_layouter, &GraphLayouter::layoutFailed,
            [this](quint64 generation, const QString&) { m_failed.push_back(generation); });
    }
    // Waits for a layout; then for anything else already queued.
    void waitForLayout() {
        QSignalSpy ready(&m_layouter, &GraphLayouter::layoutReady);
        ASSERT_TRUE(ready.wait(30000));
        QCoreApplication::processEvents();
    }

    GraphLayouter m_layouter;
    std::vector<quint64> m_ready;
    std::vector<quint64> m_failed;
    std::size_t m_nodes = 0;
};

TEST_F(GraphLayouterTest, AnswersARequestWithItsLayoutAsASignal) {
    QElapsedTimer asked;
    asked.start();
    const auto generation = m_layouter.request(chain(4, LayoutEngine::Dot));
    // The request returns at once: Graphviz runs on a worker, its answer comes as a signal.
    EXPECT_LT(asked.elapsed(), 1000);
    waitForLayout();
    EXPECT_EQ(m_ready, std::vector<quint64>{generation});
    EXPECT_TRUE(m_failed.empty());
    EXPECT_EQ(m_nodes, 4u);
}

TEST_F(GraphLayouterTest, ANewRequestStopsTheRunningLayoutAndOnlyItsAnswerComes) {
    // sfdp on 20,000 nodes runs for seconds: stopped by the next request.
    m_layouter.request(chain(20000, LayoutEngine::Sfdp));
    const auto second = m_layouter.request(chain(3, LayoutEngine::Dot));
    waitForLayout();
    EXPECT_EQ(m_ready, std::vector<quint64>{second});
    EXPECT_TRUE(m_failed.empty());
    EXPECT_EQ(m_nodes, 3u);
}

} // namespace
} // namespace fanout::ui
