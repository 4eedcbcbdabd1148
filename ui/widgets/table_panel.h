// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "filter_proxy.h"
#include "table_model.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QTableView;

namespace fanout::ui {

class ModuleSelection;

// One result table: a filter box (debounced) over a sortable view with fixed row heights.
// Selecting a row selects its module everywhere; a module selected elsewhere is shown here.
class TablePanel : public QWidget {
    Q_OBJECT
public:
    TablePanel(ModuleSelection& selection, const QString& filterHint, QWidget* parent = nullptr);

    void setContent(TableContent content);
    TableModel& model() { return m_model; }
    FilterProxy& proxy() { return m_proxy; }
    QTableView& view() { return *m_view; }
    // The module of the row shown first (after sorting and filtering).
    std::optional<ModuleId> topModule() const;

    // Makes the row of `module` current and scrolls to it (what a selection does).
    void showModule(std::optional<ModuleId> module);

private:
    ModuleSelection& m_selection;
    TableModel m_model;
    FilterProxy m_proxy;
    QLineEdit* m_filter;
    QLabel* m_count;
    QTableView* m_view;
    bool m_syncing = false;
};

} // namespace fanout::ui
