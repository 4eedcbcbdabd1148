// SPDX-License-Identifier: GPL-3.0-or-later
#include "table_model.h"

#include "fanout/base/size_format.h"

#include <algorithm>
#include <numeric>

namespace fanout::ui {

TableModel::TableModel(QObject* parent) : QAbstractTableModel(parent) {}

bool TableModel::setContent(TableContent content) {
    const bool sameShape =
        m_content.rows == content.rows && m_content.rows > 0 &&
        m_content.columns.size() == content.columns.size() &&
        std::equal(m_content.columns.begin(), m_content.columns.end(), content.columns.begin(),
                   [](const auto& a, const auto& b) { return a.title == b.title; });
    if (!sameShape) {
        beginResetModel();
    }
    m_content = std::move(content);
    m_order = std::move(m_content.order);
    m_content.order.clear();
    if (!sameShape) {
        endResetModel();
        return true;
    }
    // The same rows and columns: what each position shows changed, in place. Views keep their
    // scroll position, selection and column widths, and nothing is measured again (a reset of
    // 100,000 rows cost several milliseconds per table on every watch update).
    emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    return false;
}

TableColumn textColumn(const QString& title, std::function<QVariant(int)> text) {
    return {title, std::move(text), {}, false, {}};
}

TableColumn numberColumn(const QString& title, const std::function<QVariant(int)>& value,
                         const QString& toolTip) {
    return {title, value, value, true, toolTip};
}

TableColumn bytesColumn(const QString& title, const std::function<std::uint64_t(int)>& bytes) {
    return {title,
            [bytes](int row) -> QVariant { return QString::fromStdString(formatSize(bytes(row))); },
            [bytes](int row) -> QVariant { return QVariant::fromValue<qulonglong>(bytes(row)); },
            true,
            {}};
}

std::optional<ModuleId> TableModel::moduleAt(const QModelIndex& index) {
    const auto module = index.data(ModuleRole);
    return module.canConvert<ModuleId>() ? std::optional(module.value<ModuleId>()) : std::nullopt;
}

int TableModel::rowOfModule(ModuleId module) const {
    if (!m_content.moduleOfRow) {
        return -1;
    }
    for (int row = 0; row < m_content.rows; ++row) {
        if (m_content.moduleOfRow(contentRow(row)) == module) {
            return row;
        }
    }
    return -1;
}

int TableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_content.rows;
}

int TableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_content.columns.size());
}

QVariant TableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& column = m_content.columns[static_cast<std::size_t>(index.column())];
    const int row = contentRow(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return column.text(row);
    case SortRole:
        return column.sortKey ? column.sortKey(row) : column.text(row);
    case ModuleRole:
        if (const auto module = m_content.moduleOfRow ? m_content.moduleOfRow(row) : std::nullopt) {
            return QVariant::fromValue(*module);
        }
        return {};
    case KeyRole:
        return m_content.keyOfRow ? m_content.keyOfRow(row) : QVariant();
    case ChangeRole:
        return static_cast<int>(m_content.changeOfRow ? m_content.changeOfRow(row)
                                                      : RowChange::None);
    case Qt::TextAlignmentRole:
        return column.numeric ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 ||
        section >= static_cast<int>(m_content.columns.size())) {
        return {};
    }
    const auto& column = m_content.columns[static_cast<std::size_t>(section)];
    if (role == Qt::DisplayRole) {
        return column.title;
    }
    if (role == Qt::ToolTipRole && !column.toolTip.isEmpty()) {
        return column.toolTip;
    }
    return {};
}

std::vector<int> sortedRows(const TableContent& content, int column, Qt::SortOrder order) {
    const auto& spec = content.columns[static_cast<std::size_t>(column)];
    const auto key = spec.sortKey ? spec.sortKey : spec.text;
    std::vector<int> rows(static_cast<std::size_t>(content.rows));
    std::iota(rows.begin(), rows.end(), 0);
    const auto place = [&](auto& keys) {
        std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
            const auto& x = keys[static_cast<std::size_t>(a)];
            const auto& y = keys[static_cast<std::size_t>(b)];
            return order == Qt::AscendingOrder ? x < y : y < x;
        });
    };
    if (spec.numeric) {
        std::vector<double> keys(rows.size());
        for (std::size_t i = 0; i < keys.size(); ++i) {
            keys[i] = key(static_cast<int>(i)).toDouble();
        }
        place(keys);
    } else {
        std::vector<QString> keys(rows.size());
        for (std::size_t i = 0; i < keys.size(); ++i) {
            keys[i] = key(static_cast<int>(i)).toString().toCaseFolded();
        }
        place(keys);
    }
    return rows;
}

void presort(TableContent& content) {
    if (content.defaultSortColumn >= 0 &&
        content.defaultSortColumn < static_cast<int>(content.columns.size())) {
        content.order = sortedRows(content, content.defaultSortColumn, content.defaultSortOrder);
    }
}

void TableModel::sort(int column, Qt::SortOrder order) {
    if (column < 0 || column >= columnCount()) {
        return;
    }
    auto rows = sortedRows(m_content, column, order);
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    // Persistent indexes follow their content row to its new place.
    const auto before = persistentIndexList();
    std::vector<int> contentRows;
    for (const auto& index : before) {
        contentRows.push_back(contentRow(index.row()));
    }
    m_order = std::move(rows);
    std::vector<int> shownAt(m_order.size());
    for (std::size_t i = 0; i < m_order.size(); ++i) {
        shownAt[static_cast<std::size_t>(m_order[i])] = static_cast<int>(i);
    }
    QModelIndexList after;
    for (qsizetype i = 0; i < before.size(); ++i) {
        after.push_back(
            index(shownAt[static_cast<std::size_t>(contentRows[static_cast<std::size_t>(i)])],
                  before[i].column()));
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace fanout::ui
