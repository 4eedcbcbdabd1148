// SPDX-License-Identifier: GPL-3.0-or-later
#include "table_panel.h"

#include "cell_delegate.h"
#include "module_selection.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace fanout::ui {
namespace {

constexpr int kMeasuredRows = 60;
// The narrowest the paths of the first column are made to keep the figures after them in sight.
constexpr int kNarrowestPaths = 180;

} // namespace

TablePanel::TablePanel(ModuleSelection& selection, const QString& filterHint, QWidget* parent)
    : TablePanel(&selection, filterHint, parent) {}

TablePanel::TablePanel(const QString& filterHint, QWidget* parent)
    : TablePanel(nullptr, filterHint, parent) {}

TablePanel::TablePanel(ModuleSelection* selection, const QString& filterHint, QWidget* parent)
    : QWidget(parent), m_selection(selection), m_filter(new QLineEdit(this)),
      m_count(new QLabel(this)), m_scope(new QLabel(this)),
      m_endScope(new QPushButton(tr("Show all"), this)), m_view(new QTableView(this)) {
    m_proxy.setSourceModel(&m_model);
    m_filter->setPlaceholderText(filterHint);
    m_filter->setClearButtonEnabled(true);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_count);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    auto* scopeBar = new QHBoxLayout;
    scopeBar->addWidget(m_scope, 1);
    scopeBar->addWidget(m_endScope);
    layout->addLayout(scopeBar);
    layout->addWidget(m_view, 1);
    m_scope->hide();
    m_endScope->hide();
    connect(m_endScope, &QPushButton::clicked, this, [this] { setScope({}, {}); });

    m_view->setModel(&m_proxy);
    m_view->setItemDelegate(new CellDelegate(m_view));
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    // Fixed heights: the view never measures 100,000 rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Column widths from the first rows only: measuring 1,000 rows of paths took ~20 ms.
    m_view->horizontalHeader()->setResizeContentsPrecision(kMeasuredRows);

    connect(m_filter, &QLineEdit::textChanged, &m_proxy, &FilterProxy::setFilterTextDebounced);
    connect(m_filter, &QLineEdit::returnPressed, &m_proxy, &FilterProxy::applyNow);
    const auto updateCount = [this] {
        m_count->setText(tr("%1 of %2").arg(m_proxy.rowCount()).arg(m_model.rowCount()));
    };
    connect(&m_proxy, &QAbstractItemModel::modelReset, this, updateCount);
    connect(&m_proxy, &QAbstractItemModel::layoutChanged, this, updateCount);
    connect(&m_proxy, &QAbstractItemModel::rowsInserted, this, updateCount);
    connect(&m_proxy, &QAbstractItemModel::rowsRemoved, this, updateCount);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (m_syncing || !current.isValid()) {
                    return;
                }
                if (const auto module = TableModel::moduleAt(current); module && m_selection) {
                    m_selection->select(module);
                }
                if (const auto key = current.data(TableModel::KeyRole); key.isValid()) {
                    emit keyChosen(key);
                }
            });
    if (m_selection) {
        connect(m_selection, &ModuleSelection::selected, this, &TablePanel::showModule);
    }
}

void TablePanel::setWorkspaceFilter(std::function<bool(ModuleId)> keep) {
    m_workspaceKeep = std::move(keep);
    applyModuleFilters();
}

void TablePanel::setScope(const QString& label, std::function<bool(ModuleId)> keep) {
    m_scopeKeep = std::move(keep);
    m_scope->setText(label);
    m_scope->setVisible(bool(m_scopeKeep));
    m_endScope->setVisible(bool(m_scopeKeep));
    applyModuleFilters();
}

QString TablePanel::scope() const {
    return m_scopeKeep ? m_scope->text() : QString();
}

void TablePanel::applyModuleFilters() {
    if (m_workspaceKeep && m_scopeKeep) {
        m_proxy.setModuleFilter([workspace = m_workspaceKeep, scope = m_scopeKeep](ModuleId m) {
            return workspace(m) && scope(m);
        });
    } else {
        m_proxy.setModuleFilter(m_scopeKeep ? m_scopeKeep : m_workspaceKeep);
    }
}

void TablePanel::selectFirstRow() {
    if (m_proxy.rowCount() > 0) {
        m_view->setCurrentIndex(m_proxy.index(0, 0));
    }
}

void TablePanel::setContent(TableContent content) {
    // The user's sort is kept across scans (found by the column's title); the default comes
    // sorted off the GUI thread.
    auto* header = m_view->horizontalHeader();
    const int userColumn = header->sortIndicatorSection();
    const auto userTitle = userColumn >= 0 && userColumn < m_model.columnCount() &&
                                   userColumn != m_model.content().defaultSortColumn
                               ? m_model.headerData(userColumn, Qt::Horizontal).toString()
                               : QString();
    const auto userOrder = header->sortIndicatorOrder();
    const int column = content.defaultSortColumn;
    const auto order = content.defaultSortOrder;
    const bool reset = m_model.setContent(std::move(content));
    {
        // The rows come sorted: the indicator is only shown, the view must not sort again.
        const QSignalBlocker blocker(header);
        header->setSortIndicator(column, order);
    }
    for (int i = 0; i < m_model.columnCount() && !userTitle.isEmpty(); ++i) {
        if (m_model.headerData(i, Qt::Horizontal).toString() == userTitle) {
            m_view->sortByColumn(i, userOrder);
            break;
        }
    }
    if (!reset) {
        return; // updated in place: the user's column widths stay
    }
    m_view->resizeColumnsToContents();
    for (int i = 0; i < m_model.columnCount(); ++i) {
        // Paths are long: cap the first columns so that the figures stay in sight.
        m_view->setColumnWidth(i, std::min(m_view->columnWidth(i), i == 0 ? 300 : 200));
    }
    // The paths narrower still, down to kNarrowestPaths, where the figures right after them
    // would not fit in the view as it is shown (the path is elided in its middle).
    const auto& columns = m_model.content().columns;
    int figures = 0;
    for (std::size_t i = 1; i < columns.size() && columns[i].numeric; ++i) {
        figures += m_view->columnWidth(static_cast<int>(i));
    }
    if (figures > 0 && m_view->isVisible()) {
        // The vertical scroll bar may not be shown yet for the rows just put in.
        const int scrollBar = m_view->verticalScrollBar()->isVisible()
                                  ? 0
                                  : m_view->style()->pixelMetric(QStyle::PM_ScrollBarExtent);
        const int room = m_view->viewport()->width() - scrollBar - figures;
        m_view->setColumnWidth(0,
                               std::min(m_view->columnWidth(0), std::max(kNarrowestPaths, room)));
    }
}

std::optional<ModuleId> TablePanel::topModule() const {
    if (m_proxy.rowCount() == 0) {
        return std::nullopt;
    }
    return TableModel::moduleAt(m_proxy.index(0, 0));
}

void TablePanel::showModule(std::optional<ModuleId> module) {
    const auto current = m_view->currentIndex();
    if (!module || (current.isValid() && TableModel::moduleAt(current) == module)) {
        return;
    }
    const int row = m_model.rowOfModule(*module);
    if (row < 0) {
        m_syncing = true;
        m_view->clearSelection();
        m_syncing = false;
        return;
    }
    const auto index = m_proxy.mapFromSource(m_model.index(row, 0));
    if (index.isValid()) {
        m_syncing = true;
        m_view->setCurrentIndex(index);
        m_view->scrollTo(index);
        m_syncing = false;
    }
}

} // namespace fanout::ui
