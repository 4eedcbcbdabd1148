// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "filter_proxy.h"
#include "table_model.h"

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace fanout::ui {

class ModuleSelection;

// One result table: a filter box (debounced) over a sortable view with fixed row heights.
// Selecting a row selects its module everywhere; a module selected elsewhere is shown here.
// The row's key (TableModel::KeyRole) is told when its row becomes current.
class TablePanel : public QWidget {
    Q_OBJECT
public:
    TablePanel(ModuleSelection& selection, const QString& filterHint, QWidget* parent = nullptr);
    // A table whose rows are not modules (the heap's): it follows no selection.
    explicit TablePanel(const QString& filterHint, QWidget* parent = nullptr);

    void setContent(TableContent content);
    TableModel& model() { return m_model; }
    FilterProxy& proxy() { return m_proxy; }
    QTableView& view() { return *m_view; }
    // The module of the row shown first (after sorting and filtering).
    std::optional<ModuleId> topModule() const;

    // Makes the row of `module` current and scrolls to it (what a selection does).
    void showModule(std::optional<ModuleId> module);
    // Makes the first shown row current (nothing when the table is empty).
    void selectFirstRow();
    // Rows of one module shown only when `keep` says so (the workspace picker); empty: all.
    void setWorkspaceFilter(std::function<bool(ModuleId)> keep);
    // Narrower still, said above the table with a button that ends it ("Modules of lucide-react
    // …"); empty `keep`: none.
    void setScope(const QString& label, std::function<bool(ModuleId)> keep);
    QString scope() const;

signals:
    void keyChosen(const QVariant& key);

private:
    TablePanel(ModuleSelection* selection, const QString& filterHint, QWidget* parent);
    void applyModuleFilters();

    ModuleSelection* m_selection; // none: the rows are not modules
    TableModel m_model;
    FilterProxy m_proxy;
    QLineEdit* m_filter;
    QLabel* m_count;
    QLabel* m_scope;
    QPushButton* m_endScope;
    QTableView* m_view;
    std::function<bool(ModuleId)> m_workspaceKeep;
    std::function<bool(ModuleId)> m_scopeKeep;
    bool m_syncing = false;
};

} // namespace fanout::ui
