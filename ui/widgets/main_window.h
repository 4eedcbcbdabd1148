// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "module_selection.h"
#include "project_watcher.h"
#include "result_tables.h"
#include "scan_controller.h"
#include "settings_writer.h"
#include "window_names.h"

#include <QLabel>
#include <QMainWindow>
#include <QThreadPool>

#include <deque>
#include <functional>
#include <map>

class QComboBox;
class QTabWidget;
class QMenu;

namespace fanout::ui {

class GraphPanel;
class HeapPanel;
class InspectorPanel;
class MemoryPlot;
class ComparePanel;
class ProfilePanel;
class TablePanel;
class TreemapView;

// The explorer window: result tables on the left, graph / treemap / memory in the middle, the
// inspector on the right, the scan's figures in the status bar. Every panel follows one
// ModuleSelection.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void openProject(const QString& dir);
    void rescan();
    // Map lays the graph panel's full module map out anew.
    void showPanel(Panel panel);
    // The names --panel takes (window_names.h).
    static QStringList panelNames();
    // The About box's text: version, licence, what Fanout is built with.
    static QString aboutText();

    ScanController& controller() { return m_controller; }
    ModuleSelection& selection() { return m_selection; }
    TablePanel& table(Panel panel) { return *m_tables.at(panel); }
    GraphPanel& graph() { return *m_graph; }
    TreemapView& treemap() { return *m_treemap; }
    MemoryPlot& memoryPlot() { return *m_memoryPlot; }
    ProfilePanel& profile() { return *m_profile; }
    ComparePanel& compare() { return *m_compare; }
    HeapPanel& heap() { return *m_heap; }
    InspectorPanel& inspector() { return *m_inspector; }
    QString errorText() const { return m_error->isHidden() ? QString() : m_error->text(); }
    QAction& optimizeAction() { return *m_optimizeAction; }
    QAction& watchAction() { return *m_watchAction; } // Project → Watch for changes
    // A monorepo's workspaces, each with its module count; picking one filters every table.
    QComboBox& workspacePicker() { return *m_workspacePicker; }
    // The status bar's plain and optimized figures side by side.
    QString comparisonText() const { return m_statusCompare->text(); }
    void setInteractive(bool interactive);
    // Writes an export without asking and waits for it. Empty, or what went wrong.
    QString exportTo(Export what, const QString& file);
    // The same without waiting: the scan's own exports (JSON, directive map, DOT, CSV: hundreds
    // of megabytes at 100,000 modules) are written on a worker, one after another, while the
    // window goes on; the status bar says where, a warning what went wrong. exportFinished
    // follows in either case. The window waits for them as it closes.
    void exportInBackground(Export what, const QString& file);

signals:
    // The scan ended (result, failure or cancellation) and the graph shows what it can.
    void projectSettled();
    // An export of exportInBackground is written (error empty) or failed.
    void exportFinished(const QString& file, const QString& error);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildMenus();
    void buildExportMenu(QMenu* menu);
    // The scan cache's switch (saved, on by default), its clearing, and watching for changes.
    void buildCacheMenu(QMenu* menu);
    QAction* m_watchAction = nullptr;
    // Watches the folders of the shown result (on), or nothing.
    void watchProject(bool on);
    void showResult(const SessionPtr& session);
    // Every table shows the controller's tables().
    void setTables();
    // projectSettled, once the focus graph is laid out and every view of the result is filled.
    void settleWhenShown();
    // Runs each step on a turn of the event loop of its own, while `session` is still shown.
    void showInTurns(const SessionPtr& session, std::deque<std::function<void()>> steps);
    // The treemap of what `module` imports.
    void showTreemapOfImports(const ScanSession& session, ModuleId module);
    void showError(const QString& message);
    void updateRecent();
    void showTreemap(const QString& title, const std::vector<ModuleId>& modules);
    void fillWorkspacePicker(const SessionPtr& session);
    void pickWorkspace(int index);
    void exportFile(Export what);
    // An export of the scan itself as a job that needs nothing of the window, so that it can run
    // on another thread; empty for the exports drawn from widgets (graph, memory plot).
    std::function<QString()> scanExport(Export what, const QString& file) const;
    void reportExport(const QString& file, const QString& error);
    // A package the Heap panel chose: its modules in the hotspot table.
    void showHeldPackage(std::optional<PackageId> package, const QString& name);

    ScanController m_controller;
    ProjectWatcher m_watcher;      // while "Watch for changes" is on: the last result's folders
    bool m_rescanWhenDone = false; // a change came during a scan
    ModuleSelection m_selection;
    ModuleKey m_selectedKey; // the selected module, found again in the next scan
    QString m_projectDir;
    std::map<Panel, TablePanel*> m_tables;
    QTabWidget* m_tableTabs;
    QTabWidget* m_viewTabs;
    GraphPanel* m_graph;
    TreemapView* m_treemap;
    MemoryPlot* m_memoryPlot;
    MemoryPlot* m_scanMemoryBeside; // the same series again, next to a profile
    ProfilePanel* m_profile;
    ComparePanel* m_compare;
    HeapPanel* m_heap;
    InspectorPanel* m_inspector;
    QLabel* m_error;
    QLabel* m_statusModules;
    QLabel* m_statusFiles;
    QLabel* m_statusBytes;
    QLabel* m_statusTime;
    QLabel* m_statusMemory;
    QMenu* m_recentMenu = nullptr;
    QStringList m_recentProjects; // the last opened first, as stored
    SettingsWriter m_settingsWriter;
    QThreadPool m_exports; // one worker: exportInBackground's jobs, in order
    QAction* m_scanAction = nullptr;
    // "Optimized graph": scan with every side-effect-free barrel walked by the names imported.
    QAction* m_optimizeAction = nullptr;
    QLabel* m_statusCompare = nullptr;
    QComboBox* m_workspacePicker = nullptr;
    QAction* m_workspacePickerAction = nullptr; // shown only for a monorepo
    // The last plain and optimized figures ("21,012 modules · 75.1 MB"), shown side by side.
    QString m_plainFigures;
    QString m_optimizedFigures;
    QAction* m_cancelAction = nullptr;
    bool m_waitingForGraph = false;
    bool m_waitingForTurns = false; // the views filled in turns after a result (showInTurns)
};

} // namespace fanout::ui
