// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_scene.h"

#include "change_color.h"

#include "result_tables.h"

#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QLocale>
#include <QPainterPath>
#include <QPen>

#include <algorithm>
#include <cmath>
#include <set>

namespace fanout::ui {
namespace {

constexpr double kPointsPerInch = 72.0;

QString bundleText(const ViewNode& node, ImportKind kind) {
    const auto count = QLocale().toString(static_cast<qulonglong>(node.modules));
    if (node.side == ViewSide::Importers) {
        return QObject::tr("+%1 importers").arg(count);
    }
    return kind == ImportKind::Export ? QObject::tr("+%1 re-exports").arg(count)
                                      : QObject::tr("+%1 imports").arg(count);
}

QPen edgePen(ImportKind kind) {
    QPen pen(QColor(0x55, 0x5f, 0x6b), 1.2);
    switch (kind) {
    case ImportKind::Export:
        pen.setWidthF(2.4); // re-exports: what makes a barrel
        break;
    case ImportKind::DynamicImport:
        pen.setStyle(Qt::DashLine);
        break;
    case ImportKind::Require:
        pen.setStyle(Qt::DotLine);
        break;
    case ImportKind::JsxRuntime:
        pen.setStyle(Qt::DashDotLine);
        break;
    case ImportKind::Import:
        break;
    }
    return pen;
}

} // namespace

QPointF scenePoint(const LayoutPoint& point, const Layout& layout) {
    return {point.x * kPointsPerInch, (layout.height - point.y) * kPointsPerInch};
}

QString shortName(const ScanSession& s, ModuleId module) {
    const auto path = modulePath(s, module);
    const auto slash = path.lastIndexOf(QLatin1Char('/'));
    const auto& m = s.result->module(module);
    if (m.package) {
        return packageName(s, *m.package).section(QLatin1Char('@'), 0, -2) + QStringLiteral(" › ") +
               path.mid(slash + 1);
    }
    return path.length() > 48 ? QStringLiteral("…") + path.right(47) : path;
}

QColor heatColor(double heat) {
    const auto h = static_cast<float>(std::clamp(heat, 0.0, 1.0));
    return QColor::fromHsvF(0.45f * (1.0f - h), 0.18f + 0.45f * h, 1.0f);
}

ViewContent buildViewContent(const ScanSession& s, std::optional<ModuleId> center,
                             const FocusOptions& options) {
    if (!center) {
        return {buildPackageOverview(*s.result), 0};
    }
    return {buildFocusGraph(*s.result, s.graph, center->value, options),
            exactReach(*s.result, s.graph, *center).modules};
}

std::vector<NodeLabel> labelNodes(const ScanSession& s, const ViewGraph& view,
                                  std::uint64_t centerReach, const QFont& font) {
    const QFontMetricsF metrics(font);
    std::vector<NodeLabel> labels(view.nodes.size());
    double hottest = 1;
    std::vector<double> weight(view.nodes.size(), 0);
    for (std::size_t i = 0; i < view.nodes.size(); ++i) {
        const auto& node = view.nodes[i];
        auto& label = labels[i];
        switch (node.kind) {
        case ViewNodeKind::Module: {
            const ModuleId id{node.id};
            const auto& metricsOf = s.analysis.modules[id.value];
            label.lines << shortName(s, id);
            // The centre gets its exact reach; the others show the estimate, marked as such once
            // it is beyond what the sketch counts exactly.
            const auto reach =
                node.side == ViewSide::Center ? centerReach : metricsOf.reachEstimate;
            const bool estimated = node.side != ViewSide::Center && reach > 64;
            QString detail = QObject::tr("[%1] reach %2%3")
                                 .arg(moduleEnvironment(s, id))
                                 .arg(estimated ? QStringLiteral("≈") : QString())
                                 .arg(QLocale().toString(static_cast<qulonglong>(reach)));
            if (metricsOf.barrel) {
                detail += QObject::tr(" · barrel");
            }
            const auto directive = s.result->module(id).directive.directive;
            if (directive != Directive::None) {
                detail += directive == Directive::Client ? QStringLiteral(" · \"use client\"")
                                                         : QStringLiteral(" · \"use server\"");
            }
            label.lines << detail;
            weight[i] = static_cast<double>(reach);
            break;
        }
        case ViewNodeKind::Bundle: {
            ImportKind kind = ImportKind::Import;
            for (const auto& edge : view.edges) {
                if (edge.to == i || edge.from == i) {
                    kind = edge.kind;
                }
            }
            label.lines << bundleText(node, kind)
                        << QObject::tr("%1 · click to expand").arg(sizeText(node.bytes));
            // What the names imported from this barrel need: the modules defining them.
            std::set<ModuleId> definers;
            bool imported = false;
            for (const auto& row : s.barrelImports) {
                if (row.barrel.value != node.id) {
                    continue;
                }
                imported = true;
                for (const auto& trace : row.traces) {
                    if (trace.traced) {
                        definers.insert(trace.chain.back());
                    }
                }
            }
            if (imported) {
                label.lines << QObject::tr("%1 of %2 needed")
                                   .arg(
                                       QLocale().toString(static_cast<qulonglong>(definers.size())))
                                   .arg(QLocale().toString(static_cast<qulonglong>(node.modules)));
            }
            weight[i] = static_cast<double>(node.modules);
            break;
        }
        case ViewNodeKind::Package:
        case ViewNodeKind::Project:
            label.lines << (node.kind == ViewNodeKind::Project ? QObject::tr("(your project)")
                                                               : packageName(s, PackageId{node.id}))
                        << QObject::tr("%1 modules · %2")
                               .arg(QLocale().toString(static_cast<qulonglong>(node.modules)))
                               .arg(sizeText(node.bytes));
            weight[i] = static_cast<double>(node.modules);
            break;
        }
        hottest = std::max(hottest, weight[i]);
        double width = 0;
        for (const auto& line : label.lines) {
            width = std::max(width, metrics.horizontalAdvance(line));
        }
        label.size = {width + 18, metrics.height() * static_cast<double>(label.lines.size()) + 12};
        if (node.kind == ViewNodeKind::Package || node.kind == ViewNodeKind::Project) {
            // Packages grow with their share of the modules so the big ones stand out.
            const double grow = 1.0 + 1.5 * std::sqrt(weight[i] / std::max(1.0, hottest));
            label.size = {label.size.width() * std::min(grow, 2.0), label.size.height() * grow};
        }
    }
    for (std::size_t i = 0; i < labels.size(); ++i) {
        labels[i].heat = std::log1p(weight[i]) / std::log1p(hottest);
    }
    return labels;
}

LayoutRequest layoutRequest(const ViewGraph& view, const std::vector<NodeLabel>& labels) {
    LayoutRequest request;
    for (const auto& label : labels) {
        request.sizes.emplace_back(label.size.width() / kPointsPerInch,
                                   label.size.height() / kPointsPerInch);
    }
    for (const auto& edge : view.edges) {
        request.edges.emplace_back(edge.from, edge.to);
    }
    return request;
}

void drawViewGraph(QGraphicsScene& scene, const ScanSession& s, const ViewGraph& view,
                   const std::vector<NodeLabel>& labels, const Layout& layout, const QFont& font,
                   const ModuleChanges* changes) {
    scene.clear();
    for (std::size_t i = 0; i < view.edges.size() && i < layout.edges.size(); ++i) {
        const auto& points = layout.edges[i];
        if (points.size() < 4) {
            continue;
        }
        QPainterPath path(scenePoint(points[0], layout));
        for (std::size_t p = 1; p + 2 < points.size(); p += 3) {
            path.cubicTo(scenePoint(points[p], layout), scenePoint(points[p + 1], layout),
                         scenePoint(points[p + 2], layout));
        }
        const auto pen = edgePen(view.edges[i].kind);
        auto* item = scene.addPath(path, pen);
        item->setZValue(0);
        // The arrowhead points from the spline's end into the target box.
        const QPointF tip = path.pointAtPercent(1.0);
        const QPointF before = path.pointAtPercent(0.95);
        const double angle = std::atan2(tip.y() - before.y(), tip.x() - before.x());
        QPolygonF head;
        head << tip + QPointF(std::cos(angle) * 2, std::sin(angle) * 2)
             << tip - QPointF(std::cos(angle - 0.4) * 9, std::sin(angle - 0.4) * 9)
             << tip - QPointF(std::cos(angle + 0.4) * 9, std::sin(angle + 0.4) * 9);
        scene.addPolygon(head, QPen(pen.color()), QBrush(pen.color()))->setZValue(0);
    }
    const QFontMetricsF metrics(font);
    for (std::size_t i = 0; i < view.nodes.size(); ++i) {
        const auto& node = view.nodes[i];
        const auto& label = labels[i];
        const auto center = scenePoint(layout.centers[i], layout);
        const QRectF box(center - QPointF(label.size.width() / 2, label.size.height() / 2),
                         label.size);
        // Hot (red) drags in more; cold (blue-green) drags in little.
        QColor fill = heatColor(label.heat);
        QPen border(QColor(0x33, 0x33, 0x33), 1);
        if (node.kind == ViewNodeKind::Bundle) {
            fill = QColor(0xf3, 0xf3, 0xf3);
            border.setStyle(Qt::DashLine);
        }
        if (node.kind == ViewNodeKind::Module) {
            if (s.analysis.modules[node.id].barrel) {
                border.setWidthF(3);
            }
            if (node.side == ViewSide::Center) {
                border.setColor(QColor(0x1f, 0x4e, 0xd8));
                border.setWidthF(3);
            }
        }
        const auto mark = node.kind == ViewNodeKind::Module && changes != nullptr
                              ? changes->mark(ModuleId{node.id})
                              : RowChange::None;
        if (mark != RowChange::None) {
            auto halo = changeColor(mark);
            halo.setAlpha(255);
            auto* item = scene.addRect(box.adjusted(-5, -5, 5, 5), Qt::NoPen, halo);
            item->setZValue(0.5);
            item->setData(0, static_cast<int>(i));
            item->setToolTip(changes->text(ModuleId{node.id}));
        }
        auto* rect = scene.addRect(box, border, fill);
        rect->setData(0, static_cast<int>(i));
        rect->setZValue(1);
        rect->setToolTip(label.lines.join(QLatin1Char('\n')));
        if (node.kind == ViewNodeKind::Module &&
            s.result->modules[node.id].directive.directive != Directive::None) {
            // A directive module gets a coloured band on its left edge.
            const bool client = s.result->modules[node.id].directive.directive == Directive::Client;
            auto* band =
                scene.addRect(QRectF(box.topLeft(), QSizeF(6, box.height())), Qt::NoPen,
                              client ? QColor(0x21, 0x96, 0xf3) : QColor(0xe6, 0x7e, 0x22));
            band->setZValue(2);
            band->setData(0, static_cast<int>(i));
        }
        double y = box.top() + 6;
        for (const auto& line : label.lines) {
            auto* text = scene.addSimpleText(line, font);
            text->setPos(box.left() + 10, y);
            text->setZValue(3);
            text->setData(0, static_cast<int>(i));
            y += metrics.height();
        }
    }
    scene.setSceneRect(scene.itemsBoundingRect().adjusted(-20, -20, 20, 20));
}

} // namespace fanout::ui
