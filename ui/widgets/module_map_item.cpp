// SPDX-License-Identifier: GPL-3.0-or-later
#include "module_map_item.h"

#include "graph_scene.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace fanout::ui {
namespace {

constexpr int kHeatBands = 8;
constexpr double kPointPixels = 5;

} // namespace

ModuleMapItem::ModuleMapItem(SessionPtr session, const Layout& layout)
    : m_session(std::move(session)), m_byHeat(kHeatBands) {
    setFlag(ItemUsesExtendedStyleOption);
    const auto& graph = m_session->graph;
    const auto& metrics = m_session->analysis.modules;
    m_points.reserve(layout.centers.size());
    for (const auto& center : layout.centers) {
        m_points.push_back(scenePoint(center, layout));
    }
    double hottest = 1;
    for (const auto& module : metrics) {
        hottest = std::max(hottest, static_cast<double>(module.reachEstimate));
    }
    for (std::uint32_t module = 0; module < m_points.size(); ++module) {
        for (const auto target : graph.targets(module)) {
            m_lines.emplace_back(m_points[module], m_points[target]);
        }
        const double heat =
            std::log1p(static_cast<double>(metrics[module].reachEstimate)) / std::log1p(hottest);
        const int band = std::clamp(static_cast<int>(heat * kHeatBands), 0, kHeatBands - 1);
        m_byHeat[static_cast<std::size_t>(band)].push_back(ModuleId{module});
    }
    QPolygonF outline(QList<QPointF>(m_points.begin(), m_points.end()));
    m_bounds = outline.boundingRect().adjusted(-10, -10, 10, 10);
}

QRectF ModuleMapItem::boundingRect() const {
    return m_bounds;
}

void ModuleMapItem::setSelectedModule(std::optional<ModuleId> module) {
    m_selected = module;
    update();
}

std::optional<ModuleId> ModuleMapItem::moduleAt(const QPointF& scenePoint, double radius) const {
    std::optional<ModuleId> best;
    double bestDistance = radius * radius;
    for (std::uint32_t i = 0; i < m_points.size(); ++i) {
        const auto d = m_points[i] - scenePoint;
        const double distance = d.x() * d.x() + d.y() * d.y();
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = ModuleId{i};
        }
    }
    return best;
}

void ModuleMapItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QRectF exposed = option->exposedRect;
    painter->setPen(QPen(QColor(0x60, 0x6a, 0x78, 60), 0)); // cosmetic: one pixel at any zoom
    painter->drawLines(m_lines.data(), static_cast<int>(m_lines.size()));

    const double side = kPointPixels / std::max(lod, 1e-6);
    std::vector<QRectF> boxes;
    std::vector<ModuleId> visible;
    painter->setPen(Qt::NoPen);
    for (int band = 0; band < kHeatBands; ++band) {
        boxes.clear();
        for (const auto module : m_byHeat[static_cast<std::size_t>(band)]) {
            const auto& point = m_points[module.value];
            if (exposed.contains(point)) {
                boxes.emplace_back(point.x() - side / 2, point.y() - side / 2, side, side);
                visible.push_back(module);
            }
        }
        auto color = heatColor((band + 0.5) / kHeatBands).darker(135);
        painter->setBrush(color);
        painter->drawRects(boxes.data(), static_cast<int>(boxes.size()));
    }
    if (m_selected && m_selected->value < m_points.size()) {
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(QColor(0x1f, 0x4e, 0xd8), 2.5 / lod));
        const auto& point = m_points[m_selected->value];
        painter->drawEllipse(point, 3 * side, 3 * side);
    }
    m_labelsDrawn = 0;
    if (visible.size() > kLabelsBelow) {
        return;
    }
    // Names at the screen's own size: drawn untransformed at each point's device position.
    const auto transform = painter->worldTransform();
    painter->save();
    painter->resetTransform();
    painter->setPen(QColor(0x22, 0x22, 0x22));
    for (const auto module : visible) {
        const auto at = transform.map(m_points[module.value]);
        painter->drawText(at + QPointF(kPointPixels, -kPointPixels), shortName(*m_session, module));
        ++m_labelsDrawn;
    }
    painter->restore();
}

} // namespace fanout::ui
