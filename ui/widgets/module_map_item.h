// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/view/plain_layout.h"
#include "scan_session.h"

#include <QGraphicsItem>

#include <optional>
#include <vector>

namespace fanout::ui {

// The whole module graph laid out by sfdp, as one item: thousands of QGraphicsItems would make
// the scene crawl. Points are drawn a few pixels wide whatever the zoom, coloured by reach in a
// handful of batches; straight edges in one pass; names only once few enough points are in
// view for them to be read.
class ModuleMapItem : public QGraphicsItem {
public:
    static constexpr std::size_t kLabelsBelow = 300; // points in view

    ModuleMapItem(SessionPtr session, const Layout& layout);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    // The module whose point is nearest `scenePoint`, within `radius` scene units.
    std::optional<ModuleId> moduleAt(const QPointF& scenePoint, double radius) const;
    QPointF positionOf(ModuleId module) const { return m_points[module.value]; }
    std::size_t pointCount() const { return m_points.size(); }
    void setSelectedModule(std::optional<ModuleId> module);
    // Labels drawn by the last paint (for tests).
    std::size_t labelsDrawn() const { return m_labelsDrawn; }

private:
    SessionPtr m_session;
    std::vector<QPointF> m_points; // per module
    std::vector<QLineF> m_lines;
    std::vector<std::vector<ModuleId>> m_byHeat; // modules per heat band
    QRectF m_bounds;
    std::optional<ModuleId> m_selected;
    std::size_t m_labelsDrawn = 0;
};

} // namespace fanout::ui
