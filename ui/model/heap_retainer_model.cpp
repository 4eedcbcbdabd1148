// SPDX-License-Identifier: GPL-3.0-or-later
#include "heap_retainer_model.h"

#include "heap_tables.h"
#include "result_tables.h"

#include <algorithm>

namespace fanout::ui {

HeapRetainerModel::HeapRetainerModel(QObject* parent) : QAbstractItemModel(parent) {}

void HeapRetainerModel::setObject(HeapPtr heap, std::optional<std::uint32_t> node) {
    beginResetModel();
    m_heap = std::move(heap);
    m_items.clear();
    if (m_heap && node && *node < m_heap->snapshot.nodeCount()) {
        Item top;
        top.node = *node;
        m_items.push_back(std::move(top));
    }
    endResetModel();
}

const HeapRetainerModel::Item* HeapRetainerModel::itemOf(const QModelIndex& index) const {
    return index.isValid() ? &m_items[static_cast<std::size_t>(index.internalId())] : nullptr;
}

bool HeapRetainerModel::expandable(const Item& item) const {
    return item.node != kNone && !item.cycle && !m_heap->retainers.of(item.node).empty();
}

QModelIndex HeapRetainerModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent)) {
        return {};
    }
    const auto at = parent.isValid() ? childrenOf(static_cast<std::uint32_t>(
                                           parent.internalId()))[static_cast<std::size_t>(row)]
                                     : 0U;
    return createIndex(row, column, static_cast<quintptr>(at));
}

QModelIndex HeapRetainerModel::parent(const QModelIndex& child) const {
    const auto* item = itemOf(child);
    if (!item || item->parent == kNone) {
        return {};
    }
    return createIndex(m_items[item->parent].row, 0, static_cast<quintptr>(item->parent));
}

int HeapRetainerModel::rowCount(const QModelIndex& parent) const {
    if (parent.column() > 0) {
        return 0;
    }
    if (!parent.isValid()) {
        return m_items.empty() ? 0 : 1;
    }
    return static_cast<int>(childrenOf(static_cast<std::uint32_t>(parent.internalId())).size());
}

int HeapRetainerModel::columnCount(const QModelIndex&) const {
    return 3;
}

bool HeapRetainerModel::hasChildren(const QModelIndex& parent) const {
    if (parent.column() > 0) {
        return false;
    }
    const auto* item = itemOf(parent);
    return item ? expandable(*item) : !m_items.empty();
}

const std::vector<std::uint32_t>& HeapRetainerModel::childrenOf(std::uint32_t at) const {
    if (m_items[at].found || !expandable(m_items[at])) {
        return m_items[at].children;
    }
    const auto& heap = *m_heap;
    const auto node = m_items[at].node;
    const auto all = heap.retainers.of(node);
    std::vector<std::uint32_t> edges(all.begin(), all.end());
    // Strong before weak, the shortest path's edge first, then the holders retaining most.
    const auto rank = [&](std::uint32_t edge) {
        const auto weak = heap.snapshot.edgeTypeName(edge) == "weak";
        const auto onPath = heap.shortestEdges[node] == edge;
        return std::make_tuple(
            weak, !onPath, ~heap.dominators.retained[heapEdgeSource(heap.snapshot, edge)], edge);
    };
    const auto listed = std::min(edges.size(), kListed);
    std::partial_sort(edges.begin(), edges.begin() + static_cast<std::ptrdiff_t>(listed),
                      edges.end(),
                      [&](std::uint32_t a, std::uint32_t b) { return rank(a) < rank(b); });
    const auto rows = listed + (edges.size() > listed ? 1 : 0);
    std::vector<std::uint32_t> children;
    for (std::size_t i = 0; i < rows; ++i) {
        Item child;
        child.parent = at;
        child.row = static_cast<int>(i);
        if (i < listed) {
            child.edge = edges[i];
            child.node = heapEdgeSource(heap.snapshot, edges[i]);
            for (auto above = at; above != kNone; above = m_items[above].parent) {
                child.cycle = child.cycle || m_items[above].node == child.node;
            }
        } else {
            child.more = edges.size() - listed;
        }
        children.push_back(static_cast<std::uint32_t>(m_items.size()));
        m_items.push_back(std::move(child));
    }
    m_items[at].found = true;
    m_items[at].children = std::move(children);
    return m_items[at].children;
}

QModelIndex HeapRetainerModel::shortestPathChild(const QModelIndex& parent) const {
    const auto* item = itemOf(parent);
    if (!item || item->node == kNone) {
        return {};
    }
    const auto edge = m_heap->shortestEdges[item->node];
    for (const auto child : childrenOf(static_cast<std::uint32_t>(parent.internalId()))) {
        if (m_items[child].edge == edge && edge != kNone) {
            return index(m_items[child].row, 0, parent);
        }
    }
    return {};
}

QVariant HeapRetainerModel::data(const QModelIndex& index, int role) const {
    const auto* item = itemOf(index);
    if (!item || !checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const auto& heap = *m_heap;
    if (role == NodeRole) {
        return item->node == kNone ? QVariant() : QVariant::fromValue<quint32>(item->node);
    }
    if (role == Qt::TextAlignmentRole && index.column() > 0) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    if (item->node == kNone) {
        return index.column() == 0 ? tr("… %1 more retainers").arg(item->more) : QVariant();
    }
    switch (index.column()) {
    case 0: {
        auto text = heapObjectLabel(heap, item->node);
        if (item->edge != kNone) {
            text = tr("%1 in %2")
                       .arg(QString::fromStdString(heapEdgeLabel(heap.snapshot, item->edge)), text);
        } else if (const auto name = heapObjectName(heap, item->node); !name.isEmpty()) {
            text += QStringLiteral("  ") + name;
        }
        return item->cycle ? tr("%1 (cycle)").arg(text) : text;
    }
    case 1:
        return sizeText(heap.snapshot.selfSize[item->node]);
    default:
        return sizeText(heap.dominators.retained[item->node]);
    }
}

QVariant HeapRetainerModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case 0:
        return tr("Retainer");
    case 1:
        return tr("Shallow size");
    case 2:
        return tr("Retained size");
    default:
        return {};
    }
}

} // namespace fanout::ui
