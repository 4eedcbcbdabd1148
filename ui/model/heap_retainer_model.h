// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "heap_controller.h"

#include <QAbstractItemModel>

#include <cstdint>
#include <vector>

namespace fanout::ui {

// The retainers of one heap object as a tree (DevTools' Retainers view): under an object, what
// holds it ("table in Map @12"), each expandable into what holds that. The tree is endless (it
// follows cycles): an item's children are found the first time they are asked for, inside the
// model, which looks to its views as if they had always been there.
// Strong references come first, the one on the shortest path from the root first of all; weak
// ones last. A holder already above in the branch is a cycle and is not expanded again.
class HeapRetainerModel : public QAbstractItemModel {
    Q_OBJECT
public:
    static constexpr int NodeRole = Qt::UserRole + 1; // the item's node (quint32), none for "more"
    // Retainers listed under one item; the rest are counted in a last row.
    static constexpr std::size_t kListed = 100;

    explicit HeapRetainerModel(QObject* parent = nullptr);

    // Shows the retainers of `node` (none: an empty tree).
    void setObject(HeapPtr heap, std::optional<std::uint32_t> node);
    // The child of `parent` through which the shortest path from the root reaches it (invalid:
    // none listed), for opening that path.
    QModelIndex shortestPathChild(const QModelIndex& parent) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    static constexpr std::uint32_t kNone = kNoHeapNode;
    struct Item {
        std::uint32_t parent = kNone; // item index
        std::uint32_t node = kNone;   // kNone: the "… more" row
        std::uint32_t edge = kNone;   // the edge from `node` to the parent's node
        int row = 0;
        std::uint64_t more = 0; // the "… more" row: how many are not listed
        bool cycle = false;     // `node` is already above
        bool found = false;     // its children
        std::vector<std::uint32_t> children;
    };
    const Item* itemOf(const QModelIndex& index) const;
    bool expandable(const Item& item) const;
    // The children of item `at`, found now if not yet.
    const std::vector<std::uint32_t>& childrenOf(std::uint32_t at) const;

    HeapPtr m_heap;
    // Item 0 is the object itself, when one is shown; the others are added as they are found.
    mutable std::vector<Item> m_items;
};

} // namespace fanout::ui
