// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "background_job.h"
#include "fanout/attribution/heap_attribution.h"
#include "fanout/heap/heap_analysis.h"
#include "fanout/heap/heap_compare.h"
#include "fanout/heap/heap_report.h"
#include "scan_session.h"

#include <QObject>
#include <QString>

#include <memory>

namespace fanout::ui {

// A heap snapshot opened in the window and what every view of it reads, computed once off the
// GUI thread and never changed after.
struct HeapData {
    QString file;
    HeapSnapshot snapshot;
    HeapDominators dominators;
    HeapClasses classes;
    std::vector<std::vector<std::uint32_t>> largestOfClass; // per Summary row, kObjectsListed
    HeapReport report;                        // the largest objects and duplicated strings
    std::vector<std::uint32_t> shortestEdges; // shortestRetainerEdges: the paths from the root
    HeapRetainers retainers;                  // every node's incoming edges: the retainer tree
    double seconds = 0;                       // to open it, read and analysed
};
using HeapPtr = std::shared_ptr<const HeapData>;

// The snapshot's strings matched to a scan of the project (attributeHeap).
struct HeapHeld {
    HeapAttribution attribution;
    SessionPtr session; // the scan matched against
};
using HeldPtr = std::shared_ptr<const HeapHeld>;

// The open snapshot compared with an older one of the same process.
struct HeapDelta {
    QString olderFile;
    HeapComparison comparison;
};
using DeltaPtr = std::shared_ptr<const HeapDelta>;

// Opens heap snapshots without blocking the window: reading (with its progress by bytes),
// dominators, the summary, the retainers, each step told and each a point where Cancel stops it.
// With a scan shown, the snapshot is matched to its modules, again for every new scan.
class HeapController : public QObject {
    Q_OBJECT
public:
    explicit HeapController(QObject* parent = nullptr);
    ~HeapController() override = default; // the jobs stop and are waited for

    // Opens `file`; one opening a file before stops and is forgotten.
    void open(const QString& file);
    void cancel();
    bool isOpening() const { return m_opening; }
    // Compares the open snapshot with an older one of the same process, off the GUI thread.
    void compareWith(const QString& olderFile);
    DeltaPtr delta() const { return m_delta; }
    // The scan to match the snapshot to (null: none); matched now when a snapshot is open.
    void setSession(SessionPtr session);

    HeapPtr heap() const { return m_heap; }
    HeldPtr held() const { return m_held; }

    // Objects of a class listed, most retained first.
    static constexpr std::size_t kObjectsListed = 500;

signals:
    void progress(const QString& step, int percent);
    void opened(fanout::ui::HeapPtr heap);
    void failed(const QString& message);
    void cancelled();
    void attributed(fanout::ui::HeldPtr held);
    void compared(fanout::ui::DeltaPtr delta);
    void compareFailed(const QString& message);

private:
    void attribute();

    HeapPtr m_heap;
    HeldPtr m_held;
    DeltaPtr m_delta;
    SessionPtr m_session;
    bool m_opening = false;
    BackgroundJob m_attributeJob{this};
    BackgroundJob m_compareJob{this};
    BackgroundJob m_openJob{this}; // last: destroyed (and waited for) first
};

} // namespace fanout::ui

Q_DECLARE_METATYPE(fanout::ui::HeapPtr)
Q_DECLARE_METATYPE(fanout::ui::HeldPtr)
Q_DECLARE_METATYPE(fanout::ui::DeltaPtr)
