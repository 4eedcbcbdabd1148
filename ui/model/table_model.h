// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "module_changes.h"

#include "module_id.h"

#include <QAbstractTableModel>

#include <functional>
#include <optional>
#include <vector>

namespace fanout::ui {

// One column of a result table: what it shows and the key it sorts by (numbers sort as
// numbers). Cells are computed on demand from the immutable result: no row is copied.
struct TableColumn {
    QString title;
    std::function<QVariant(int row)> text;
    std::function<QVariant(int row)> sortKey; // empty: sort by `text`
    bool numeric = false;
    QString toolTip;
};

// A column shown as text and sorted as text.
TableColumn textColumn(const QString& title, std::function<QVariant(int row)> text);
// A column of numbers, sorted as numbers.
TableColumn numberColumn(const QString& title, const std::function<QVariant(int row)>& value,
                         const QString& toolTip = {});
// A column of sizes, shown as every report says them (formatSize), sorted as numbers.
TableColumn bytesColumn(const QString& title, const std::function<std::uint64_t(int row)>& bytes);

struct TableContent {
    int rows = 0;
    std::vector<TableColumn> columns;
    std::function<std::optional<ModuleId>(int row)> moduleOfRow; // nullopt: not one module
    // What else the row stands for (TableModel::KeyRole): a heap object's node, a class row.
    std::function<QVariant(int row)> keyOfRow;
    // How the row changed since the scan compared with (TableModel::ChangeRole); empty: rows
    // are never marked.
    std::function<RowChange(int row)> changeOfRow;
    int defaultSortColumn = 0;
    Qt::SortOrder defaultSortOrder = Qt::AscendingOrder;
    // Shown row -> content row in the default sort, computed with the content off the GUI thread
    // (see presort): sorting 100,000 rows on the GUI thread stalled it. Empty: content order.
    std::vector<int> order;
};

// The content rows in the order `column` sorts them, read once per row; stable.
std::vector<int> sortedRows(const TableContent& content, int column, Qt::SortOrder order);
// Fills content.order with the default sort.
void presort(TableContent& content);

class TableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int SortRole = Qt::UserRole + 1;
    // The row's ModuleId (no value when the row is not one module); read it with moduleAt.
    static constexpr int ModuleRole = Qt::UserRole + 2;
    // The row's RowChange, as an int (None when the content marks no rows).
    static constexpr int ChangeRole = Qt::UserRole + 3;
    // The content's keyOfRow, when it has one.
    static constexpr int KeyRole = Qt::UserRole + 4;
    static std::optional<ModuleId> moduleAt(const QModelIndex& index);

    explicit TableModel(QObject* parent = nullptr);

    // Swaps the content (a new scan); rows come in content.order. With the same number of rows
    // and the same columns (a rescan after an edit that kept the module list) the rows are
    // updated in place (dataChanged); otherwise the model is reset. Returns whether it was reset.
    bool setContent(TableContent content);
    const TableContent& content() const { return m_content; }
    // The first row showing `module`, or -1.
    int rowOfModule(ModuleId module) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // Sorts by the column's sort keys, read once each: a proxy comparing QVariants through
    // data() took ~250 ms on 100,000 rows, this takes a few tens.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    int contentRow(int row) const {
        return m_order.empty() ? row : m_order[static_cast<std::size_t>(row)];
    }

    TableContent m_content;
    std::vector<int> m_order; // shown row -> content row
};

} // namespace fanout::ui
