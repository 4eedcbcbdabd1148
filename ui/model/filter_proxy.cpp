// SPDX-License-Identifier: GPL-3.0-or-later
#include "filter_proxy.h"

#include "table_model.h"

namespace fanout::ui {

FilterProxy::FilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    // Rows whose contents change are filtered again only while a filter is on (see
    // setSourceModel): with none, every row passes whatever it shows, and the proxy need not ask
    // each of 100,000 rows updated in place (a watch update: 1.5 ms on the GUI thread). Sorting
    // is the source model's.
    setDynamicSortFilter(false);
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

void FilterProxy::setSourceModel(QAbstractItemModel* model) {
    if (sourceModel() != nullptr) {
        disconnect(sourceModel(), &QAbstractItemModel::dataChanged, this,
                   &FilterProxy::filterChangedRows);
    }
    QSortFilterProxyModel::setSourceModel(model);
    if (model != nullptr) {
        // After the proxy's own handler, which tells the views of the rows it shows.
        connect(model, &QAbstractItemModel::dataChanged, this, &FilterProxy::filterChangedRows);
    }
}

bool FilterProxy::filtering() const {
    return m_keep || !filterRegularExpression().pattern().isEmpty();
}

void FilterProxy::filterChangedRows() {
    if (filtering()) {
        invalidateFilter();
    }
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
