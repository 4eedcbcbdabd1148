// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "heap_controller.h"
#include "heap_retainer_model.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTreeView;

namespace fanout::ui {

class TablePanel;
class TreemapView;

// "Heap": a V8 heap snapshot (Node's v8.writeHeapSnapshot(), --heapsnapshot-near-heap-limit)
// opened without blocking the window. The Summary by constructor and a class's largest objects,
// the largest objects overall, duplicated strings, and what the heap holds of the scanned
// project by package (a table and a treemap of bytes held); below, the retainers of the chosen
// object, opened along its shortest path from the root. Choosing a package shows its modules in
// the window's tables (packageChosen).
class HeapPanel : public QWidget {
    Q_OBJECT
public:
    explicit HeapPanel(QWidget* parent = nullptr);

    // Opens a snapshot (the file dialog's choice, --heap-snapshot, a drop).
    void openSnapshot(const QString& file);
    // Asks for a snapshot file and opens it.
    void chooseFile();
    // The scan to match the snapshot's strings to.
    void setSession(SessionPtr session);

    HeapController& controller() { return m_controller; }
    TablePanel& classes() { return *m_classes; }
    TablePanel& objects() { return *m_objects; }
    TablePanel& largest() { return *m_largest; }
    TablePanel& strings() { return *m_strings; }
    // What the heap holds of the project, by package, barrel or module (groupHeldBy).
    TablePanel& held() { return *m_held; }
    enum class HeldBy { Package, Barrel, Module };
    void groupHeldBy(HeldBy by);
    TreemapView& treemap() { return *m_treemap; }
    HeapRetainerModel& retainers() { return m_retainers; }
    QTreeView& retainerView() { return *m_retainerView; }
    QString status() const;
    // Compares the open snapshot with an older one (the Comparison tab shows it).
    void compareWith(const QString& olderFile);
    TablePanel& classChanges() { return *m_classChanges; }
    TablePanel& pathChanges() { return *m_pathChanges; }
    // Shows the tab of what the project holds (the tables and the treemap by package).
    void showProjectTab();

signals:
    // A package of the scan (none: the project's own files) was chosen in the table or treemap.
    void packageChosen(std::optional<fanout::PackageId> package, const QString& name);
    // A barrel or a module of the scan was chosen in the table of what the heap holds.
    void moduleChosen(fanout::ModuleId module);
    // A snapshot was opened and every table shows it.
    void shown();

private:
    QWidget* buildProjectTab();
    QWidget* buildCompareTab();
    void showHeap(const HeapPtr& heap);
    void showHeld(const HeldPtr& held);
    void showObjectsOfClass(int row);
    void showRetainers(std::optional<std::uint32_t> node);
    void choosePackage(int row);
    void chooseHeld(const QVariant& key);
    void showDelta(const DeltaPtr& delta);

    HeapController m_controller;
    HeapRetainerModel m_retainers;
    QPushButton* m_open;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_status;
    QTabWidget* m_tabs;
    TablePanel* m_classes;
    QLabel* m_objectsTitle;
    TablePanel* m_objects;
    TablePanel* m_largest;
    TablePanel* m_strings;
    QLabel* m_projectHint;
    QComboBox* m_heldBy;
    TablePanel* m_held;
    TreemapView* m_treemap;
    QTreeView* m_retainerView;
    QWidget* m_projectTab;
    QWidget* m_compareTab;
    QPushButton* m_compare;
    QLabel* m_compareStatus;
    TablePanel* m_classChanges;
    TablePanel* m_pathChanges;
    bool m_showHeldFirst = false; // the snapshot was just opened: the project's tab comes first
};

} // namespace fanout::ui
