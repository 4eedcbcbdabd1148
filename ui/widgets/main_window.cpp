// SPDX-License-Identifier: GPL-3.0-or-later
#include "main_window.h"
#include "fanout/base/size_format.h"

#include "compare_panel.h"
#include "graph_panel.h"
#include "heap_panel.h"
#include "inspector_panel.h"
#include "memory_plot.h"
#include "profile_panel.h"
#include "result_tables.h"
#include "settings_dialog.h"
#include "table_panel.h"
#include "treemap_view.h"

#include "fanout/project/project_config.h"
#include "fanout/version.h"

#include <QApplication>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace fanout::ui {
namespace {

constexpr int kRecentProjects = 8;
const QString kRecentKey = QStringLiteral("recentProjects");

QLabel* statusLabel(QStatusBar* bar) {
    auto* label = new QLabel(bar);
    label->setMinimumWidth(90);
    bar->addPermanentWidget(label);
    return label;
}

// A page that scrolls when its pane is narrower than its controls need, rather than widening the
// pane: the profile and heap pages need 630-680 px, and kept the tables beside them so narrow at
// the default window size that their figures were out of sight.
QWidget* scrolling(QWidget* page) {
    auto* area = new QScrollArea;
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidget(page);
    return area;
}

// Shows the page of `tabs` that is or holds `content`.
void showPage(QTabWidget& tabs, const QWidget* content) {
    for (int i = 0; i < tabs.count(); ++i) {
        if (tabs.widget(i) == content || tabs.widget(i)->isAncestorOf(content)) {
            tabs.setCurrentIndex(i);
            return;
        }
    }
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_tableTabs(new QTabWidget), m_viewTabs(new QTabWidget),
      m_graph(new GraphPanel(m_selection)), m_treemap(new TreemapView),
      m_memoryPlot(new MemoryPlot(m_controller.memory(), &m_controller.previousMemory())),
      m_scanMemoryBeside(new MemoryPlot(m_controller.memory())),
      m_profile(new ProfilePanel(m_scanMemoryBeside)), m_compare(new ComparePanel),
      m_heap(new HeapPanel), m_inspector(new InspectorPanel(m_selection)), m_error(new QLabel) {
    m_exports.setMaxThreadCount(1);
    setWindowTitle(tr("Fanout"));
    setAcceptDrops(true);
    for (const auto& table : panels()) {
        if (!isTable(table.panel)) {
            continue;
        }
        const auto title = tr(table.title);
        auto* panel = new TablePanel(m_selection, tr("Filter %1…").arg(title.toLower()));
        m_tables[table.panel] = panel;
        m_tableTabs->addTab(panel, title);
    }
    auto* treemapPage = new QWidget;
    auto* treemapLayout = new QVBoxLayout(treemapPage);
    auto* sizeBy = new QComboBox;
    sizeBy->addItems({tr("Area by bytes"), tr("Area by reach")});
    treemapLayout->addWidget(sizeBy, 0, Qt::AlignLeft);
    treemapLayout->addWidget(m_treemap, 1);
    connect(sizeBy, &QComboBox::currentIndexChanged, m_treemap,
            [this](int index) { m_treemap->setSizeByReach(index == 1); });
    m_viewTabs->addTab(m_graph, tr(info(Panel::Graph).title));
    m_viewTabs->addTab(treemapPage, tr(info(Panel::Treemap).title));
    m_viewTabs->addTab(m_memoryPlot, tr(info(Panel::Memory).title));
    m_viewTabs->addTab(scrolling(m_profile), tr(info(Panel::Profile).title));
    m_viewTabs->addTab(scrolling(m_compare), tr(info(Panel::Compare).title));
    m_viewTabs->addTab(scrolling(m_heap), tr(info(Panel::Heap).title));
    connect(m_heap, &HeapPanel::packageChosen, this, &MainWindow::showHeldPackage);
    connect(m_heap, &HeapPanel::moduleChosen, this, [this](ModuleId module) {
        const auto held = m_heap->controller().held();
        if (held && held->session == m_controller.session()) {
            m_selection.select(module); // the graph, the inspector and the tables follow
        }
    });

    // No frame of their own around the pages (which have theirs): Qt 6.4 draws a large frame in
    // parts on its global thread pool and waits for them, which held up every repaint of a page
    // (7-8 ms of a watch update's at 101k modules on two busy cores).
    m_tableTabs->setDocumentMode(true);
    m_viewTabs->setDocumentMode(true);
    auto* splitter = new QSplitter;
    splitter->addWidget(m_tableTabs);
    splitter->addWidget(m_viewTabs);
    splitter->addWidget(m_inspector);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 4);
    splitter->setStretchFactor(2, 2);
    splitter->setSizes({560, 560, 320});
    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #8a1c12; "
                                          "border: 1px solid #f5c2bd; padding: 6px; }"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_statusModules = statusLabel(statusBar());
    m_statusFiles = statusLabel(statusBar());
    m_statusBytes = statusLabel(statusBar());
    m_statusTime = statusLabel(statusBar());
    m_statusMemory = statusLabel(statusBar());
    m_statusCompare = statusLabel(statusBar());
    buildMenus();

    connect(&m_controller, &ScanController::started, this, [this] {
        m_error->hide();
        m_memoryPlot->setRunning(true);
        m_scanMemoryBeside->setRunning(true);
        m_scanAction->setEnabled(false);
        m_cancelAction->setEnabled(true);
        statusBar()->showMessage(tr("Scanning %1…").arg(m_projectDir));
    });
    connect(
        &m_controller, &ScanController::progressChanged, this,
        [this](const ScanProgress& progress) {
            const QLocale locale;
            m_statusModules->setText(
                tr("%1 modules").arg(locale.toString(static_cast<qulonglong>(progress.modules))));
            m_statusFiles->setText(
                tr("%1 files parsed")
                    .arg(locale.toString(static_cast<qulonglong>(progress.filesParsed))));
            m_statusBytes->setText(
                tr("%1 MB read").arg(toMegabytes(progress.bytesRead), 0, 'f', 1));
            m_statusTime->setText(tr("%1 s").arg(progress.elapsedMs / 1000.0, 0, 'f', 2));
        });
    connect(&m_controller, &ScanController::memorySampled, this, [this](double, double megabytes) {
        m_statusMemory->setText(tr("RSS %1 MB").arg(megabytes, 0, 'f', 1));
        m_memoryPlot->markDirty();
        m_scanMemoryBeside->markDirty();
    });
    const auto ended = [this] {
        m_memoryPlot->setRunning(false);
        m_scanMemoryBeside->setRunning(false);
        m_scanAction->setEnabled(true);
        m_cancelAction->setEnabled(false);
    };
    connect(&m_controller, &ScanController::resultAvailable, this,
            [this, ended](const SessionPtr& session) {
                ended();
                showResult(session);
            });
    connect(&m_controller, &ScanController::failed, this, [this, ended](const QString& message) {
        ended();
        showError(tr("The scan could not run: %1").arg(message));
        emit projectSettled();
    });
    connect(&m_controller, &ScanController::cancelled, this, [this, ended] {
        ended();
        statusBar()->showMessage(tr("Scan cancelled."), 5000);
        emit projectSettled();
    });
    connect(m_graph, &GraphPanel::settled, this, [this] {
        if (m_waitingForGraph) {
            m_waitingForGraph = false;
            settleWhenShown();
        }
    });
    connect(m_graph, &GraphPanel::treemapRequested, this,
            [this](const QString& title, const std::vector<ModuleId>& modules) {
                showTreemap(title, modules);
                showPanel(Panel::Treemap);
            });
    connect(m_treemap, &TreemapView::cellClicked, &m_selection,
            [this](std::uint32_t key) { m_selection.select(ModuleId{key}); });
    connect(m_compare, &ComparePanel::savedScanChosen, &m_controller, &ScanController::compareWith);
    connect(&m_controller, &ScanController::tablesChanged, this, [this] {
        // Marked again against another scan: the tables and the treemap show the new marks.
        setTables();
        m_graph->setChanges(m_controller.changes());
        if (const auto module = m_selection.current(); module && m_controller.session()) {
            m_selection.clear();
            m_selection.select(module);
            showTreemapOfImports(*m_controller.session(), *module);
            m_graph->setSession(m_controller.session(), module, true);
        }
        if (const auto changes = m_controller.changes()) {
            statusBar()->showMessage(changes->summary(), 8000);
        }
    });
    connect(&m_selection, &ModuleSelection::selected, this, [this](std::optional<ModuleId> module) {
        const auto session = m_controller.session();
        if (module && session) {
            m_selectedKey = keyOf(*session->result, *module);
        }
    });
    connect(&m_selection, &ModuleSelection::selected, m_treemap,
            [this](std::optional<ModuleId> module) {
                m_treemap->setSelectedKey(module ? std::optional(module->value) : std::nullopt);
            });
    resize(1440, 900);
}

MainWindow::~MainWindow() {
    m_exports.waitForDone(); // an export under way is finished, not cut off
}

QStringList MainWindow::panelNames() {
    QStringList names;
    for (const auto& panel : panels()) {
        names << QString::fromLatin1(panel.name);
    }
    return names;
}

void MainWindow::showPanel(Panel panel) {
    switch (panel) {
    case Panel::Graph:
        showPage(*m_viewTabs, m_graph);
        return;
    case Panel::Map:
        showPage(*m_viewTabs, m_graph);
        m_graph->setMode(GraphPanel::Mode::Map);
        return;
    case Panel::Treemap:
        showPage(*m_viewTabs, m_treemap); // its page, with the size box
        return;
    case Panel::Memory:
        showPage(*m_viewTabs, m_memoryPlot);
        return;
    case Panel::Profile:
        showPage(*m_viewTabs, m_profile);
        return;
    case Panel::Compare:
        showPage(*m_viewTabs, m_compare);
        return;
    case Panel::Heap:
        showPage(*m_viewTabs, m_heap);
        return;
    case Panel::Hotspots:
    case Panel::Directives:
    case Panel::Packages:
    case Panel::Duplicates:
    case Panel::Unresolved:
    case Panel::BarrelImports:
        m_tableTabs->setCurrentWidget(m_tables.at(panel));
        return;
    }
}

void MainWindow::setInteractive(bool interactive) {
    m_graph->setInteractive(interactive);
}

void MainWindow::buildMenus() {
    auto* file = menuBar()->addMenu(tr("&Project"));
    auto* toolbar = addToolBar(tr("Scan"));
    toolbar->setMovable(false);
    auto* open = file->addAction(tr("&Open folder…"), this, [this] {
        const auto dir =
            QFileDialog::getExistingDirectory(this, tr("Open a project folder"), m_projectDir);
        if (!dir.isEmpty()) {
            openProject(dir);
        }
    });
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    m_recentProjects = QSettings().value(kRecentKey).toStringList();
    file->addAction(tr("Open &heap snapshot…"), this, [this] {
        showPanel(Panel::Heap);
        m_heap->chooseFile();
    });
    file->addSeparator();
    m_scanAction = file->addAction(tr("&Rescan"), this, &MainWindow::rescan);
    m_scanAction->setShortcut(QKeySequence::Refresh);
    m_cancelAction = file->addAction(tr("&Cancel scan"), this, [this] { m_controller.cancel(); });
    m_cancelAction->setEnabled(false);
    auto* settings = file->addAction(tr("Project &settings…"), this, [this] {
        try {
            const auto config = m_controller.session()
                                    ? m_controller.session()->result->config
                                    : loadScanConfig(m_projectDir.toStdString(), {});
            SettingsDialog dialog(m_projectDir, config, this);
            if (dialog.exec() == QDialog::Accepted) {
                rescan();
            }
        } catch (const std::exception& error) {
            showError(tr("The project's settings cannot be read: %1").arg(error.what()));
        }
    });
    file->addSeparator();
    buildCacheMenu(file);
    file->addSeparator();
    file->addAction(tr("&Quit"), qApp, &QApplication::quit)->setShortcut(QKeySequence::Quit);
    toolbar->addAction(open);
    toolbar->addAction(m_scanAction);
    toolbar->addAction(m_cancelAction);
    toolbar->addAction(settings);
    toolbar->addSeparator();
    m_optimizeAction = toolbar->addAction(tr("Optimized graph"), this, &MainWindow::rescan);
    m_optimizeAction->setCheckable(true);
    m_optimizeAction->setToolTip(
        tr("Rescan walking only what the imported names need through every barrel without side "
           "effects (what a tree-shaking, barrel-optimizing bundler walks), and compare"));
    toolbar->addSeparator();
    m_workspacePicker = new QComboBox(toolbar);
    m_workspacePicker->setToolTip(tr("Show the modules of one workspace in every table"));
    m_workspacePickerAction = toolbar->addWidget(m_workspacePicker);
    m_workspacePickerAction->setVisible(false);
    connect(m_workspacePicker, &QComboBox::activated, this, &MainWindow::pickWorkspace);
    auto* exports = menuBar()->addMenu(tr("&Export"));
    buildExportMenu(exports);
    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Fanout"), this,
                    [this] { QMessageBox::about(this, tr("About Fanout"), aboutText()); });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    updateRecent();
}

QString MainWindow::aboutText() {
    return tr("<h3>Fanout %1</h3>"
              "<p>Explore the import graph of JavaScript and TypeScript projects: barrels that "
              "fan out, <code>\"use client\"</code>/<code>\"use server\"</code> modules, files "
              "reached under several paths, and the memory a scan takes.</p>"
              "<p>Licensed under the GNU General Public License, version 3 or later. Built with "
              "Qt %2, tree-sitter and QCustomPlot (GPL-3+). Graphs are laid out by Graphviz, run "
              "as a separate program.</p>")
        .arg(QString::fromUtf8(kVersion.data(), static_cast<qsizetype>(kVersion.size())),
             QString::fromLatin1(qVersion()));
}

void MainWindow::updateRecent() {
    m_recentMenu->clear();
    for (const auto& dir : m_recentProjects) {
        m_recentMenu->addAction(dir, this, [this, dir] { openProject(dir); });
    }
    m_recentMenu->setEnabled(!m_recentProjects.isEmpty());
}

void MainWindow::openProject(const QString& dir) {
    const QFileInfo info(dir);
    if (!info.isDir()) {
        showError(tr("%1 is not a folder.").arg(dir));
        emit projectSettled();
        return;
    }
    m_projectDir = info.canonicalFilePath();
    setWindowTitle(tr("Fanout — %1").arg(m_projectDir));
    m_recentProjects.removeAll(m_projectDir);
    m_plainFigures.clear(); // another project: nothing to compare with yet
    m_optimizedFigures.clear();
    m_recentProjects.prepend(m_projectDir);
    m_recentProjects = m_recentProjects.mid(0, kRecentProjects);
    m_settingsWriter.setValue(kRecentKey, m_recentProjects);
    updateRecent();
    rescan();
}

void MainWindow::rescan() {
    if (!m_projectDir.isEmpty()) {
        ScanOverrides overrides;
        overrides.optimizeBarrels = m_optimizeAction->isChecked();
        m_controller.start(m_projectDir, overrides);
    }
}

void MainWindow::showError(const QString& message) {
    m_error->setText(message);
    m_error->show();
    statusBar()->showMessage(message, 8000);
}

namespace {

constexpr int kNextTurnMs = 1;

} // namespace

void MainWindow::showResult(const SessionPtr& session) {
    const auto& stats = session->result->stats;
    // A rescan of the same project keeps the selected module (found again by its path). Its id
    // in the new result is usually the old one (an edit keeps the module list): the selection
    // then stays as it is; otherwise it is cleared first, as the inspector would explain the old
    // id in the new result.
    const auto kept = moduleByKey(*session->result, m_selectedKey);
    if (!kept || kept != m_selection.current()) {
        m_selection.clear();
    }
    setTables();
    table(Panel::Hotspots).setScope({}, {}); // a package the Heap panel chose, of the last scan
    m_heap->setSession(session);
    for (auto& [panel, table] : m_tables) {
        table->showModule(m_selection.current()); // a kept selection, in tables that were reset
    }
    fillWorkspacePicker(session);
    const auto changes = m_controller.changes();
    statusBar()->showMessage(
        tr("%1 %2 modules in %3 ms; peak resident memory %4 MB.")
            .arg(stats.fromCache ? tr("Loaded from the cache:") : tr("Scanned"))
            .arg(session->result->modules.size())
            .arg(stats.wallMs, 0, 'f', 0)
            .arg(m_controller.memory().peakMegabytes(), 0, 'f', 1) +
        (changes ? QLatin1Char(' ') + changes->summary() : QString()));
    m_statusModules->setText(tr("%1 modules").arg(session->result->modules.size()));
    const auto figures =
        tr("%1 modules · %2")
            .arg(QLocale().toString(static_cast<qulonglong>(session->result->modules.size())))
            .arg(sizeText(stats.peakResidentBytes));
    (session->result->config.optimizeBarrels ? m_optimizedFigures : m_plainFigures) = figures;
    m_statusCompare->setText(tr("plain: %1 | optimized: %2")
                                 .arg(m_plainFigures.isEmpty() ? tr("—") : m_plainFigures,
                                      m_optimizedFigures.isEmpty() ? tr("—") : m_optimizedFigures));
    m_waitingForGraph = true;
    m_waitingForTurns = true;
    // The views that follow the selection are filled on later turns of the event loop, one
    // each, so that no single turn stalls the window (a 100,000-module result took 70 ms at once).
    // Without a kept module, start where the trouble usually is: the largest fan-out.
    auto top = std::make_shared<std::optional<ModuleId>>(kept);
    // The inspector explains the selected module in the new result (its exact reach) in a turn
    // of its own; until then it shows the old result, which it keeps alive.
    showInTurns(session, {[this, session] { m_inspector->setSession(session); },
                          [this, session, top, keepView = kept.has_value()] {
                              if (!*top) {
                                  *top = m_tables.at(Panel::Hotspots)->topModule();
                              }
                              m_graph->setChanges(m_controller.changes());
                              m_graph->setSession(session, *top, keepView);
                          },
                          [this, top] { m_selection.select(*top); },
                          [this, session, top] {
                              if (*top) {
                                  showTreemapOfImports(*session, **top);
                              }
                          },
                          // Last: comparing two large scans keeps a core busy for a moment.
                          [this] {
                              m_compare->setScans(m_controller.previousDocument(),
                                                  m_controller.document());
                          }});
}

void MainWindow::setTables() {
    const auto& tables = m_controller.tables();
    m_tables.at(Panel::Hotspots)->setContent(tables.hotspots);
    m_tables.at(Panel::Directives)->setContent(tables.directives);
    m_tables.at(Panel::Packages)->setContent(tables.packages);
    m_tables.at(Panel::Duplicates)->setContent(tables.duplicates);
    m_tables.at(Panel::Unresolved)->setContent(tables.unresolved);
    m_tables.at(Panel::BarrelImports)->setContent(tables.barrelImports);
}

void MainWindow::settleWhenShown() {
    if (!m_waitingForGraph && !m_waitingForTurns) {
        emit projectSettled();
    }
}

void MainWindow::showInTurns(const SessionPtr& session, std::deque<std::function<void()>> steps) {
    if (steps.empty()) {
        m_waitingForTurns = false;
        settleWhenShown();
        return;
    }
    // 1 ms, not 0: Qt runs a 0 ms single shot as a posted event, and posted events queued while
    // posted events are delivered are delivered in the same turn.
    QTimer::singleShot(kNextTurnMs, this, [this, session, steps = std::move(steps)]() mutable {
        if (m_controller.session() != session) {
            return; // a newer result is shown
        }
        steps.front()();
        steps.pop_front();
        showInTurns(session, std::move(steps));
    });
}

void MainWindow::showTreemapOfImports(const ScanSession& session, ModuleId module) {
    std::vector<ModuleId> targets;
    for (const auto target : session.graph.targets(module.value)) {
        targets.push_back(ModuleId{target});
    }
    showTreemap(modulePath(session, module), targets);
}

void MainWindow::fillWorkspacePicker(const SessionPtr& session) {
    const auto& result = *session->result;
    const auto& workspaces = result.config.workspaces;
    m_workspacePicker->clear();
    m_workspacePickerAction->setVisible(!workspaces.empty());
    pickWorkspace(-1);
    if (workspaces.empty()) {
        return;
    }
    // Per workspace: its modules and client boundaries, the report's summary in short.
    std::vector<std::size_t> modules(workspaces.size());
    std::vector<std::size_t> boundaries(workspaces.size());
    const auto count = [&](const std::string& path, std::vector<std::size_t>& into) {
        if (const auto* workspace = workspaceOf(result.config, path)) {
            ++into[static_cast<std::size_t>(workspace - workspaces.data())];
        }
    };
    for (const auto& module : result.modules) {
        count(module.path, modules);
    }
    for (const auto& path : result.clientBoundaries) {
        count(path, boundaries);
    }
    m_workspacePicker->addItem(tr("All workspaces (%1 modules)")
                                   .arg(QLocale().toString(qulonglong(result.modules.size()))),
                               -1);
    for (std::size_t i = 0; i < workspaces.size(); ++i) {
        m_workspacePicker->addItem(tr("%1 (%2): %3 modules, %4 client boundaries")
                                       .arg(QString::fromStdString(workspaces[i].name),
                                            QString::fromStdString(workspaces[i].preset))
                                       .arg(QLocale().toString(qulonglong(modules[i])))
                                       .arg(boundaries[i]),
                                   static_cast<int>(i));
    }
}

void MainWindow::pickWorkspace(int index) {
    const auto session = m_controller.session();
    const int workspace = index < 0 ? -1 : m_workspacePicker->itemData(index).toInt();
    std::function<bool(ModuleId)> keep;
    if (session && workspace >= 0) {
        const auto& config = session->result->config;
        const auto* picked = &config.workspaces[static_cast<std::size_t>(workspace)];
        keep = [session, picked](ModuleId module) {
            return workspaceOf(session->result->config, session->result->module(module).path) ==
                   picked;
        };
    }
    for (auto& [panel, table] : m_tables) {
        table->setWorkspaceFilter(keep);
    }
}

void MainWindow::showTreemap(const QString& title, const std::vector<ModuleId>& modules) {
    const auto session = m_controller.session();
    if (!session) {
        return;
    }
    const auto changes = m_controller.changes();
    // Made off the GUI thread when there are many (the session and the marks are immutable).
    auto make = [session, changes, modules] {
        std::vector<TreemapView::Item> items;
        items.reserve(modules.size());
        for (const auto module : modules) {
            items.push_back(
                {module.value, static_cast<double>(session->result->module(module).bytes),
                 static_cast<double>(session->analysis.modules[module.value].reachEstimate),
                 changes ? changes->mark(module) : RowChange::None});
        }
        return items;
    };
    m_treemap->setItems(title, modules.size(), std::move(make), [session](std::uint32_t module) {
        return modulePath(*session, ModuleId{module}).section(QLatin1Char('/'), -1);
    });
    m_treemap->setGone(changes ? changes->goneLabel() : QString(),
                       changes ? changes->goneList() : QString());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const auto urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.front().isLocalFile()) {
        return;
    }
    const QFileInfo dropped(urls.front().toLocalFile());
    if (dropped.isDir() || dropped.suffix() == QLatin1String("heapsnapshot")) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event) {
    const auto file = event->mimeData()->urls().front().toLocalFile();
    if (QFileInfo(file).isDir()) {
        openProject(file);
    } else {
        showPanel(Panel::Heap);
        m_heap->openSnapshot(file);
    }
}

void MainWindow::showHeldPackage(std::optional<PackageId> package, const QString& name) {
    const auto held = m_heap->controller().held();
    const auto session = m_controller.session();
    if (!held || held->session != session) {
        return; // matched to a scan no longer shown: its package ids are not this one's
    }
    table(Panel::Hotspots)
        .setScope(tr("The modules of %1, chosen in the Heap panel").arg(name),
                  [session, package](ModuleId module) {
                      return session->result->module(module).package == package;
                  });
    showPanel(Panel::Hotspots);
}

} // namespace fanout::ui
