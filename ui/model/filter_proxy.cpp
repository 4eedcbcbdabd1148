// SPDX-License-Identifier: GPL-3.0-or-later
#include "filter_proxy.h"

#include "table_model.h"

namespace fanout::ui {

FilterProxy::FilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connect(&m_debounce, &QTimer::timeout, this, &FilterProxy::applyNow);
}

void FilterProxy::setFilterTextDebounced(const QString& text) {
    m_pending = text;
    m_debounce.start();
}

void FilterProxy::applyNow() {
    m_debounce.stop();
    setFilterFixedString(m_pending);
}

void FilterProxy::setModuleFilter(std::function<bool(ModuleId)> keep) {
    // No filter before or after: nothing to filter again (each scan's result cleared the
    // filters of every table: a millisecond a table at 100,000 modules).
    if (!m_keep && !keep) {
        return;
    }
    m_keep = std::move(keep);
    invalidateFilter();
}

bool FilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (m_keep) {
        const auto module = TableModel::moduleAt(sourceModel()->index(sourceRow, 0, sourceParent));
        if (module && !m_keep(*module)) {
            return false;
        }
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

void FilterProxy::sort(int column, Qt::SortOrder order) {
    if (sourceModel() != nullptr) {
        sourceModel()->sort(column, order);
    }
}

} // namespace fanout::ui
