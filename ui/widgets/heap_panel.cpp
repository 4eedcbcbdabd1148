// SPDX-License-Identifier: GPL-3.0-or-later
#include "heap_panel.h"

#include "heap_tables.h"
#include "result_tables.h"
#include "table_panel.h"
#include "treemap_view.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace fanout::ui {
namespace {

constexpr int kPathSteps = 12; // retainers opened along the shortest path from the root

QWidget* titled(QLabel* title, QWidget* body) {
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    title->setWordWrap(true); // a long title wraps rather than widening the page
    layout->addWidget(title);
    layout->addWidget(body, 1);
    return box;
}

std::vector<std::uint32_t> nodesOf(const std::vector<HeapObjectRow>& rows) {
    std::vector<std::uint32_t> nodes;
    nodes.reserve(rows.size());
    for (const auto& row : rows) {
        nodes.push_back(row.node);
    }
    return nodes;
}

} // namespace

HeapPanel::HeapPanel(QWidget* parent)
    : QWidget(parent), m_open(new QPushButton(tr("Open heap snapshot…"))),
      m_cancel(new QPushButton(tr("Cancel"))), m_progress(new QProgressBar), m_status(new QLabel),
      m_tabs(new QTabWidget), m_classes(new TablePanel(tr("Filter constructors…"))),
      m_objectsTitle(new QLabel), m_objects(new TablePanel(tr("Filter objects…"))),
      m_largest(new TablePanel(tr("Filter objects…"))),
      m_strings(new TablePanel(tr("Filter strings…"))), m_projectHint(new QLabel),
      m_heldBy(new QComboBox), m_held(new TablePanel(tr("Filter…"))), m_treemap(new TreemapView),
      m_retainerView(new QTreeView), m_projectTab(new QWidget), m_compareTab(new QWidget),
      m_compare(new QPushButton(tr("Compare with an older snapshot…"))),
      m_compareStatus(new QLabel), m_classChanges(new TablePanel(tr("Filter constructors…"))),
      m_pathChanges(new TablePanel(tr("Filter paths…"))) {
    m_status->setWordWrap(true);
    m_status->setText(tr("Open a .heapsnapshot (Node: v8.writeHeapSnapshot(), "
                         "--heapsnapshot-signal, --heapsnapshot-near-heap-limit; Chrome DevTools' "
                         "Memory panel) to see what holds the memory."));
    m_progress->setRange(0, 100);
    m_progress->hide();
    m_cancel->hide();
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_open);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_progress);
    bar->addWidget(m_cancel);

    auto* summary = new QSplitter(Qt::Horizontal);
    summary->addWidget(m_classes);
    summary->addWidget(titled(m_objectsTitle, m_objects));
    summary->setStretchFactor(0, 1);
    summary->setStretchFactor(1, 1);
    m_tabs->setDocumentMode(true); // as the window's: no frame drawn on Qt's global pool
    m_tabs->addTab(summary, tr("Summary"));
    m_tabs->addTab(m_largest, tr("Largest objects"));
    m_tabs->addTab(m_strings, tr("Duplicated strings"));
    m_tabs->addTab(buildProjectTab(), tr("Held of the project"));
    m_tabs->addTab(buildCompareTab(), tr("Comparison"));
    m_treemap->setNouns(tr("packages"), tr("Packages whose module sources the heap holds show "
                                           "here once a project is scanned."));

    m_retainerView->setModel(&m_retainers);
    m_retainerView->setUniformRowHeights(true);
    m_retainerView->setAlternatingRowColors(true);
    m_retainerView->header()->setStretchLastSection(false);
    m_retainerView->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto* retainerTitle = new QLabel(tr("Retainers of the chosen object (what holds it, and what "
                                        "holds that), opened along its shortest path from the "
                                        "root"));
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_tabs);
    split->addWidget(titled(retainerTitle, m_retainerView));
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    connect(m_open, &QPushButton::clicked, this, &HeapPanel::chooseFile);
    connect(m_cancel, &QPushButton::clicked, &m_controller, &HeapController::cancel);
    connect(&m_controller, &HeapController::progress, this,
            [this](const QString& step, int percent) {
                m_progress->setValue(percent);
                m_progress->setFormat(step + QStringLiteral(" %p%"));
            });
    const auto settle = [this](const QString& message) {
        m_progress->hide();
        m_cancel->hide();
        m_open->setEnabled(true);
        m_status->setText(message);
    };
    connect(&m_controller, &HeapController::failed, this,
            [settle](const QString& message) { settle(tr("Cannot open: %1").arg(message)); });
    connect(&m_controller, &HeapController::cancelled, this, [this, settle] {
        settle(m_controller.heap() ? status() : tr("Opening was cancelled."));
    });
    connect(&m_controller, &HeapController::opened, this, [this, settle](const HeapPtr& heap) {
        settle(QString());
        showHeap(heap);
    });
    connect(&m_controller, &HeapController::attributed, this, &HeapPanel::showHeld);
    connect(&m_controller, &HeapController::compared, this, &HeapPanel::showDelta);
    connect(&m_controller, &HeapController::compareFailed, this, [this](const QString& message) {
        m_compare->setEnabled(bool(m_controller.heap()));
        m_compareStatus->setText(tr("Cannot compare: %1").arg(message));
    });
    connect(m_compare, &QPushButton::clicked, this, [this] {
        const auto file =
            QFileDialog::getOpenFileName(this, tr("Compare with an older snapshot"), QString(),
                                         tr("V8 heap snapshots (*.heapsnapshot);;All files (*)"));
        if (!file.isEmpty()) {
            compareWith(file);
        }
    });
    connect(m_classes, &TablePanel::keyChosen, this,
            [this](const QVariant& key) { showObjectsOfClass(key.toInt()); });
    const auto objectChosen = [this](const QVariant& key) {
        showRetainers(key.value<std::uint32_t>());
    };
    connect(m_objects, &TablePanel::keyChosen, this, objectChosen);
    connect(m_largest, &TablePanel::keyChosen, this, objectChosen);
    connect(m_held, &TablePanel::keyChosen, this, &HeapPanel::chooseHeld);
    connect(m_heldBy, &QComboBox::currentIndexChanged, this,
            [this](int index) { groupHeldBy(static_cast<HeldBy>(index)); });
    connect(m_treemap, &TreemapView::cellClicked, this,
            [this](std::uint32_t row) { choosePackage(static_cast<int>(row)); });
    showHeld(nullptr);
}

QWidget* HeapPanel::buildProjectTab() {
    m_projectHint->setWordWrap(true);
    auto* projectSplit = new QSplitter(Qt::Vertical);
    auto* heldTable = new QWidget;
    auto* heldLayout = new QVBoxLayout(heldTable);
    heldLayout->setContentsMargins(0, 0, 0, 0);
    m_heldBy->addItems(
        {tr("By package"), tr("By barrel (what each barrel's reach holds)"), tr("By module")});
    heldLayout->addWidget(m_heldBy, 0, Qt::AlignLeft);
    heldLayout->addWidget(m_held, 1);
    projectSplit->addWidget(heldTable);
    projectSplit->addWidget(m_treemap);
    projectSplit->setStretchFactor(0, 3);
    projectSplit->setStretchFactor(1, 2);
    auto* projectLayout = new QVBoxLayout(m_projectTab);
    projectLayout->setContentsMargins(2, 2, 2, 2);
    projectLayout->addWidget(m_projectHint);
    projectLayout->addWidget(projectSplit, 1);
    return m_projectTab;
}

QWidget* HeapPanel::buildCompareTab() {
    auto* compareBar = new QHBoxLayout;
    compareBar->addWidget(m_compare);
    compareBar->addWidget(m_compareStatus, 1);
    m_compareStatus->setWordWrap(true);
    m_compareStatus->setText(tr("An older snapshot of the same process (V8 keeps an object's id "
                                "across its snapshots): what is new and gone, by constructor "
                                "and by retainer path."));
    m_compare->setEnabled(false);
    auto* changes = new QSplitter(Qt::Vertical);
    changes->addWidget(m_classChanges);
    changes->addWidget(m_pathChanges);
    auto* compareLayout = new QVBoxLayout(m_compareTab);
    compareLayout->setContentsMargins(2, 2, 2, 2);
    compareLayout->addLayout(compareBar);
    compareLayout->addWidget(changes, 1);
    return m_compareTab;
}

void HeapPanel::chooseFile() {
    const auto file =
        QFileDialog::getOpenFileName(this, tr("Open heap snapshot"), QString(),
                                     tr("V8 heap snapshots (*.heapsnapshot);;All files (*)"));
    if (!file.isEmpty()) {
        openSnapshot(file);
    }
}

void HeapPanel::openSnapshot(const QString& file) {
    m_open->setEnabled(false);
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    m_status->setText(QFileInfo(file).fileName());
    m_controller.open(file);
}

void HeapPanel::setSession(SessionPtr session) {
    m_controller.setSession(std::move(session));
}

QString HeapPanel::status() const {
    const auto heap = m_controller.heap();
    if (!heap) {
        return m_status->text();
    }
    const auto& report = heap->report;
    const QLocale locale;
    return tr("%1: %2 objects, %3 references; live %4, unreachable %5; %6 constructors; opened "
              "in %7 s")
        .arg(QFileInfo(heap->file).fileName(), locale.toString(qulonglong(report.nodes)),
             locale.toString(qulonglong(report.edges)), sizeText(report.reachableBytes),
             sizeText(report.unreachableBytes), locale.toString(qulonglong(report.classCount)))
        .arg(heap->seconds, 0, 'f', 2);
}

void HeapPanel::showHeap(const HeapPtr& heap) {
    m_status->setText(status());
    // Nothing of the previous snapshot stays shown (or alive), whatever the new one holds.
    m_retainers.setObject(nullptr, std::nullopt);
    m_objects->setContent({});
    m_objectsTitle->clear();
    m_classes->setContent(heapClassTable(heap));
    m_largest->setContent(heapObjectTable(heap, nodesOf(heap->report.largest)));
    m_strings->setContent(heapStringTable(heap));
    m_compare->setEnabled(true);
    m_classChanges->setContent({});
    m_pathChanges->setContent({});
    m_classes->selectFirstRow(); // its objects, and the largest one's retainers
    m_showHeldFirst = m_tabs->currentIndex() == 0;
    emit shown();
}

void HeapPanel::compareWith(const QString& olderFile) {
    m_compare->setEnabled(false);
    m_compareStatus->setText(tr("Reading %1 and comparing…").arg(QFileInfo(olderFile).fileName()));
    m_tabs->setCurrentWidget(m_compareTab);
    m_showHeldFirst = false; // asked for: the comparison stays in front
    m_controller.compareWith(olderFile);
}

void HeapPanel::showDelta(const DeltaPtr& delta) {
    const auto& c = delta->comparison;
    const auto grown =
        static_cast<std::int64_t>(c.liveAfter) - static_cast<std::int64_t>(c.liveBefore);
    m_compare->setEnabled(true);
    m_compareStatus->setText(
        tr("Since %1: live heap %2 → %3 (%4%5), %6 → %7 objects")
            .arg(QFileInfo(delta->olderFile).fileName(), sizeText(c.liveBefore),
                 sizeText(c.liveAfter), grown < 0 ? QStringLiteral("-") : QStringLiteral("+"),
                 sizeText(static_cast<std::uint64_t>(grown < 0 ? -grown : grown)))
            .arg(c.objectsBefore)
            .arg(c.objectsAfter));
    m_classChanges->setContent(heapClassChangeTable(delta));
    m_pathChanges->setContent(heapPathChangeTable(delta));
}

void HeapPanel::showObjectsOfClass(int row) {
    const auto heap = m_controller.heap();
    if (!heap || row < 0 || static_cast<std::size_t>(row) >= heap->classes.rows.size()) {
        return;
    }
    const auto& cls = heap->classes.rows[static_cast<std::size_t>(row)];
    const auto& nodes = heap->largestOfClass[static_cast<std::size_t>(row)];
    m_objectsTitle->setText(tr("The largest %1 of %2 %3 objects, by retained size")
                                .arg(nodes.size())
                                .arg(cls.count)
                                .arg(QString::fromStdString(cls.name)));
    m_objects->setContent(heapObjectTable(heap, nodes));
    m_objects->selectFirstRow();
}

void HeapPanel::showRetainers(std::optional<std::uint32_t> node) {
    m_retainers.setObject(m_controller.heap(), node);
    // Opened along the shortest path from the root, as far as kPathSteps.
    auto at = m_retainers.index(0, 0);
    for (int step = 0; step < kPathSteps && at.isValid(); ++step) {
        m_retainerView->expand(at);
        at = m_retainers.shortestPathChild(at);
    }
}

void HeapPanel::showHeld(const HeldPtr& held) {
    const auto heap = m_controller.heap();
    if (!held) {
        m_projectHint->setText(
            heap ? tr("Scanning the project to match the heap's strings to its modules…")
                 : tr("Open a snapshot and a project: the heap's strings that are a module's "
                      "source or path are counted here by package."));
        m_held->setContent({});
        m_treemap->setItems({}, {}, {});
        return;
    }
    const auto& attribution = held->attribution;
    m_projectHint->setText(
        tr("Held of the project (%1 modules scanned): %2 module sources, %3; %4 module paths, "
           "%5. A string counts as a module's source when its text is the file's. Choose a "
           "package to show its modules in the Hotspots table, a barrel or a module to select "
           "it in the window.")
            .arg(attribution.modulesScanned)
            .arg(attribution.sources)
            .arg(sizeText(attribution.sourceBytes))
            .arg(attribution.paths)
            .arg(sizeText(attribution.pathBytes)));
    groupHeldBy(static_cast<HeldBy>(m_heldBy->currentIndex()));
    // What Fanout adds to a heap view: shown first when the snapshot was just opened.
    if (m_showHeldFirst && !attribution.packages.empty()) {
        m_tabs->setCurrentWidget(m_projectTab);
    }
    m_showHeldFirst = false;
    std::vector<TreemapView::Item> items;
    for (std::uint32_t i = 0; i < attribution.packages.size(); ++i) {
        const auto& p = attribution.packages[i];
        items.push_back({i, static_cast<double>(p.sourceBytes + p.pathBytes),
                         static_cast<double>(p.modules), RowChange::None});
    }
    m_treemap->setItems(tr("Bytes held by package"), std::move(items), [held](std::uint32_t row) {
        return QString::fromStdString(held->attribution.packages[row].name);
    });
}

void HeapPanel::groupHeldBy(HeldBy by) {
    if (m_heldBy->currentIndex() != static_cast<int>(by)) {
        m_heldBy->setCurrentIndex(static_cast<int>(by)); // comes back here
        return;
    }
    const auto held = m_controller.held();
    if (!held) {
        return;
    }
    switch (by) {
    case HeldBy::Package:
        m_held->setContent(heapPackageTable(held));
        return;
    case HeldBy::Barrel:
        m_held->setContent(heapBarrelTable(held));
        return;
    case HeldBy::Module:
        m_held->setContent(heapModuleTable(held));
        return;
    }
}

void HeapPanel::chooseHeld(const QVariant& key) {
    if (static_cast<HeldBy>(m_heldBy->currentIndex()) == HeldBy::Package) {
        choosePackage(key.toInt());
    } else {
        emit moduleChosen(ModuleId{key.value<std::uint32_t>()});
    }
}

void HeapPanel::choosePackage(int row) {
    const auto held = m_controller.held();
    if (!held || row < 0 || static_cast<std::size_t>(row) >= held->attribution.packages.size()) {
        return;
    }
    const auto& package = held->attribution.packages[static_cast<std::size_t>(row)];
    m_treemap->setSelectedKey(static_cast<std::uint32_t>(row));
    if (package.largestSource != kNoHeapNode) {
        showRetainers(package.largestSource);
    }
    emit packageChosen(package.package, QString::fromStdString(package.name));
}

void HeapPanel::showProjectTab() {
    m_tabs->setCurrentWidget(m_projectTab);
}

} // namespace fanout::ui
