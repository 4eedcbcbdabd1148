// SPDX-License-Identifier: GPL-3.0-or-later
#include "treemap_view.h"

#include "change_color.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace fanout::ui {

TreemapView::TreemapView(QWidget* parent)
    : QWidget(parent), m_noun(tr("modules")),
      m_emptyHint(tr("Select a barrel's bundle or a package to see its modules here.")) {
    setMinimumSize(200, 150);
    setMouseTracking(false);
}

void TreemapView::setItems(const QString& title, std::vector<Item> items, Labeler labeler) {
    m_title = title;
    m_cells.clear(); // they index the old items
    m_items = std::move(items);
    m_make = nullptr;
    m_labeler = std::move(labeler);
    relayout();
}

void TreemapView::setItems(const QString& title, std::size_t count, ItemMaker make,
                           Labeler labeler) {
    if (count <= kLaidOutAtOnce) {
        setItems(title, make(), std::move(labeler));
        return;
    }
    m_title = title;
    m_cells.clear();
    m_items.clear();
    m_make = std::move(make);
    m_madeCount = count;
    m_labeler = std::move(labeler);
    relayout();
}

namespace {

std::vector<double> weightsOf(const std::vector<TreemapView::Item>& items, bool byReach) {
    std::vector<double> weights;
    weights.reserve(items.size());
    for (const auto& item : items) {
        weights.push_back(std::max(byReach ? item.reach : item.bytes, 1.0));
    }
    return weights;
}

} // namespace

void TreemapView::setSizeByReach(bool byReach) {
    m_byReach = byReach;
    relayout();
}

void TreemapView::setSelectedKey(std::optional<std::uint32_t> key) {
    m_selected = key;
    update();
}

void TreemapView::setNouns(const QString& cells, const QString& emptyHint) {
    m_noun = cells;
    m_emptyHint = emptyHint;
    update();
}

QRectF TreemapView::area() const {
    return QRectF(rect()).adjusted(2, 24, -2, -2);
}

void TreemapView::relayout() {
    const auto box = area();
    if (m_make) { // the items are still being made: made again, for this box
        m_layoutJob.start([this, make = m_make, byReach = m_byReach, box](const JobPost& post,
                                                                          const std::stop_token&) {
            auto items = make();
            auto cells =
                squarify(weightsOf(items, byReach), box.x(), box.y(), box.width(), box.height());
            post([this, items = std::move(items), cells = std::move(cells)]() mutable {
                m_items = std::move(items);
                m_cells = std::move(cells);
                m_make = nullptr;
                update();
            });
        });
        update(); // the heading
        return;
    }
    auto weights = weightsOf(m_items, m_byReach);
    if (weights.size() <= kLaidOutAtOnce) {
        m_layoutJob.discard(); // a large layout still running is stale
        m_cells = squarify(weights, box.x(), box.y(), box.width(), box.height());
        update();
        return;
    }
    m_layoutJob.start(
        [this, weights = std::move(weights), box](const JobPost& post, const std::stop_token&) {
            auto cells = squarify(weights, box.x(), box.y(), box.width(), box.height());
            post([this, cells = std::move(cells)]() mutable {
                m_cells = std::move(cells);
                update();
            });
        });
}

void TreemapView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    relayout();
}

QString TreemapView::heading() const {
    QString heading = itemCount() == 0 ? m_emptyHint
                                       : tr("%1 — %2 %3, area by %4")
                                             .arg(m_title)
                                             .arg(itemCount())
                                             .arg(m_noun, m_byReach ? tr("reach") : tr("bytes"));
    const auto marked = [this](RowChange change) {
        return std::count_if(m_items.begin(), m_items.end(),
                             [change](const Item& item) { return item.change == change; });
    };
    if (const auto added = marked(RowChange::Added), changed = marked(RowChange::Changed);
        added + changed > 0) {
        heading += tr(" · %1 new (green), %2 changed (amber)").arg(added).arg(changed);
    }
    if (!m_goneLabel.isEmpty()) {
        heading += tr(" · %1 from the scan (hover here for the list)").arg(m_goneLabel);
    }
    return heading;
}

void TreemapView::setGone(const QString& label, const QString& list) {
    m_goneLabel = label;
    m_goneList = list;
    update();
}

bool TreemapView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        if (help->pos().y() < 22 && !m_goneList.isEmpty()) {
            QToolTip::showText(help->globalPos(), m_goneList, this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

void TreemapView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    painter.setPen(palette().windowText().color());
    painter.drawText(QRectF(4, 2, width() - 8, 20), Qt::AlignLeft | Qt::AlignVCenter, heading());
    double largest = 1;
    for (const auto& item : m_items) {
        largest = std::max(largest, m_byReach ? item.reach : item.bytes);
    }
    const auto metrics = painter.fontMetrics();
    for (const auto& cell : m_cells) {
        const auto& item = m_items[cell.index];
        const QRectF box(cell.x, cell.y, cell.width, cell.height);
        // Warmer for heavier cells, on a log scale so that one giant does not wash out the rest.
        const double weight = m_byReach ? item.reach : item.bytes;
        const auto heat =
            static_cast<float>(std::log1p(std::max(weight, 0.0)) / std::log1p(largest));
        QColor fill = QColor::fromHsvF(0.58f - 0.58f * heat, 0.35f + 0.3f * heat, 0.95f);
        if (item.key == m_selected) {
            fill = QColor(0xff, 0xd7, 0x4a);
        }
        painter.fillRect(box, fill);
        painter.setPen(QPen(QColor(0x40, 0x40, 0x40), item.key == m_selected ? 2 : 0.6));
        painter.drawRect(box);
        if (item.change != RowChange::None) {
            auto outline = changeColor(item.change);
            outline.setAlpha(255);
            painter.setPen(QPen(outline, 3));
            painter.drawRect(box.adjusted(1.5, 1.5, -1.5, -1.5));
        }
        if (box.width() > 40 && box.height() > metrics.height() + 2) {
            painter.setPen(Qt::black);
            painter.drawText(box.adjusted(3, 1, -3, -1), Qt::AlignLeft | Qt::AlignTop,
                             metrics.elidedText(m_labeler(item.key), Qt::ElideMiddle,
                                                static_cast<int>(box.width()) - 6));
        }
    }
}

void TreemapView::mousePressEvent(QMouseEvent* event) {
    const auto point = event->position();
    for (const auto& cell : m_cells) {
        if (QRectF(cell.x, cell.y, cell.width, cell.height).contains(point)) {
            emit cellClicked(m_items[cell.index].key);
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

} // namespace fanout::ui
