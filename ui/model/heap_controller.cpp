// SPDX-License-Identifier: GPL-3.0-or-later
#include "heap_controller.h"

#include <QElapsedTimer>

namespace fanout::ui {
namespace {

// Where each step starts, in percent of the whole opening: reading takes most of it.
constexpr int kReadShare = 70;

struct Stopped {};

} // namespace

HeapController::HeapController(QObject* parent) : QObject(parent) {
    qRegisterMetaType<HeapPtr>();
    qRegisterMetaType<HeldPtr>();
    qRegisterMetaType<DeltaPtr>();
}

void HeapController::open(const QString& file) {
    m_opening = true;
    m_attributeJob.discard();
    m_openJob.start([this, file](const JobPost& post, const std::stop_token& stop) {
        const auto step = [&](const QString& what, int percent) {
            if (stop.stop_requested()) {
                throw Stopped{};
            }
            post([this, what, percent] { emit progress(what, percent); });
        };
        // Empty: cancelled.
        const auto fail = [&](const QString& message) {
            post([this, message] {
                m_opening = false;
                if (message.isEmpty()) {
                    emit cancelled();
                } else {
                    emit failed(message);
                }
            });
        };
        QElapsedTimer timer;
        timer.start();
        try {
            auto data = std::make_shared<HeapData>();
            data->file = file;
            int told = -1;
            step(QObject::tr("Reading"), 0);
            data->snapshot =
                readHeapSnapshot(file.toStdString(), [&](std::uint64_t read, std::uint64_t total) {
                    const int percent =
                        total == 0 ? 0 : static_cast<int>(read * kReadShare / total);
                    if (percent != told && !stop.stop_requested()) {
                        told = percent;
                        post([this, percent] { emit progress(QObject::tr("Reading"), percent); });
                    }
                    return !stop.stop_requested();
                });
            step(QObject::tr("Finding what retains what (dominators)"), kReadShare);
            data->dominators = computeDominators(data->snapshot);
            step(QObject::tr("Summarizing by constructor"), 80);
            data->classes = classifyHeapObjects(data->snapshot, data->dominators);
            data->largestOfClass =
                largestObjectsByClass(data->classes, data->dominators, kObjectsListed);
            step(QObject::tr("Finding the largest objects and their paths"), 85);
            data->shortestEdges = shortestRetainerEdges(data->snapshot);
            data->report = buildHeapReport(data->snapshot, data->dominators, data->classes,
                                           data->shortestEdges, 200);
            step(QObject::tr("Listing retainers"), 95);
            data->retainers = heapRetainers(data->snapshot);
            data->seconds = static_cast<double>(timer.elapsed()) / 1000.0;
            step(QObject::tr("Done"), 100);
            post([this, heap = HeapPtr(std::move(data))] {
                m_opening = false;
                m_heap = heap;
                m_held = nullptr;
                m_delta = nullptr;
                m_compareJob.discard();
                emit opened(heap);
                attribute();
            });
        } catch (const Stopped&) {
            fail({});
        } catch (const HeapReadCancelled&) {
            fail({});
        } catch (const HeapSnapshotError& error) {
            fail(QString::fromStdString(error.what()));
        } catch (const std::bad_alloc&) {
            fail(QObject::tr("%1: not enough memory to open this snapshot").arg(file));
        }
    });
}

void HeapController::cancel() {
    if (m_opening) {
        m_openJob.requestStop(); // its "cancelled" still comes
    }
}

void HeapController::setSession(SessionPtr session) {
    m_session = std::move(session);
    attribute();
}

void HeapController::attribute() {
    if (!m_heap || !m_session) {
        m_attributeJob.discard();
        return;
    }
    m_attributeJob.start(
        [this, heap = m_heap, session = m_session](const JobPost& post, const std::stop_token&) {
            auto held = std::make_shared<HeapHeld>();
            held->attribution = attributeHeap(heap->snapshot, heap->dominators, *session->result);
            held->attribution.barrels =
                heldByBarrel(held->attribution, session->graph, session->analysis);
            held->session = session;
            post([this, held = HeldPtr(std::move(held))] {
                m_held = held;
                emit attributed(held);
            });
        });
}

void HeapController::compareWith(const QString& olderFile) {
    if (!m_heap) {
        emit compareFailed(tr("Open a snapshot first."));
        return;
    }
    m_compareJob.start([this, heap = m_heap, olderFile](const JobPost& post,
                                                        const std::stop_token&) {
        try {
            const auto older = readHeapSnapshot(olderFile.toStdString());
            auto delta = std::make_shared<HeapDelta>();
            delta->olderFile = olderFile;
            delta->comparison = compareHeapSnapshots(older, computeDominators(older),
                                                     heap->snapshot, heap->dominators);
            post([this, delta = DeltaPtr(std::move(delta))] {
                m_delta = delta;
                emit compared(delta);
            });
        } catch (const HeapSnapshotError& error) {
            post([this, message = QString::fromStdString(error.what())] {
                emit compareFailed(message);
            });
        } catch (const std::bad_alloc&) {
            post([this, olderFile] {
                emit compareFailed(
                    tr("%1: not enough memory to read it beside the open snapshot").arg(olderFile));
            });
        }
    });
}

} // namespace fanout::ui
