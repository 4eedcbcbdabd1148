#include "table_model.h"

namespace fanout::ui {

TableModel::TableModel(QObject* parent) : QAbstractTableModel(parent) {}

void TableModel::setContent(TableContent content) {
    beginResetModel();
    m_content = std::move(content);
    endResetModel();
}

int TableModel::rowOfModule(int module) const {
    if (!m_content.moduleOfRow) {
        return -1;
    }
    for (int row = 0; row < m_content.rows; ++row) {
        if (m_content.moduleOfRow(row) == module) {
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
    switch (role) {
    case Qt::DisplayRole:
        return column.text(index.row());
    case SortRole:
        return column.sortKey ? column.sortKey(index.row()) : column.text(index.row());
    case ModuleRole:
        return m_content.moduleOfRow ? m_content.moduleOfRow(index.row()) : -1;
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

} // namespace fanout::ui
