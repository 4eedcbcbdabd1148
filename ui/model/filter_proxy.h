// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "module_id.h"

#include <QSortFilterProxyModel>
#include <QTimer>

#include <functional>

namespace fanout::ui {

// Sorts through the source model and filters every column by a case-insensitive substring,
// applied ~300 ms after the last keystroke so typing stays fluid on 100,000 rows.
class FilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit FilterProxy(QObject* parent = nullptr);

    void setFilterTextDebounced(const QString& text);
    void applyNow(); // applies a pending filter at once (tests, Enter key)

    // Sorting is the source model's (it reads each sort key once); the proxy keeps its order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Rows of one module are shown only when `keep` says so (the workspace picker); rows that
    // are not one module always pass. Empty: every row.
    void setModuleFilter(std::function<bool(ModuleId)> keep);

    // Also filters again, whenever the source's rows change in place, while a filter is on.
    void setSourceModel(QAbstractItemModel* model) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool filtering() const;
    void filterChangedRows();

    std::function<bool(ModuleId)> m_keep;
    QTimer m_debounce;
    QString m_pending;
};

} // namespace fanout::ui
