// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>
#include <QTimer>

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

private:
    QTimer m_debounce;
    QString m_pending;
};

} // namespace fanout::ui
