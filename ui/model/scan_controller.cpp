// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan_controller.h"
#include "fanout/base/size_format.h"

#include "fanout/io/process_memory.h"
#include "fanout/scan/memory_sampler.h"

#include <QThread>
#include <QTime>

#include <optional>
#include <utility>

namespace fanout::ui {

namespace {

constexpr double kSampleSeconds = 0.1; // after the first second, sampled ten times as often

int sampleIntervalMs(double elapsedSeconds) {
    return static_cast<int>(MemorySampler::intervalAt(elapsedSeconds, kSampleSeconds) * 1000);
}

} // namespace

ScanController::ScanController(QObject* parent) : QObject(parent) {
    connect(&m_sampleTimer, &QTimer::timeout, this, &ScanController::sampleMemory);
}

void ScanController::start(const QString& root, const ScanOverrides& overrides) {
    Q_ASSERT(QThread::currentThread() == thread());
    m_running = true;
    m_memory.clear();
    m_clock.start();
    m_sampleTimer.start(sampleIntervalMs(0));
    emit started();
    markPhase(tr("reading"));
    sampleMemory();

    const auto rootPath = root.toStdString();
    const auto cache = m_cacheEnabled ? std::optional(m_cacheSettings) : std::nullopt;
    m_job.start([this, rootPath, overrides, cache](const JobPost& post,
                                                   const std::stop_token& token) {
        try {
            ScanOptions options;
            options.stop = token;
            options.progress = [this, post](const ScanProgress& progress) {
                post([this, progress] {
                    if (progress.readingDone) {
                        markPhase(tr("building result"));
                    }
                    emit progressChanged(progress);
                });
            };
            const auto config = loadScanConfig(rootPath, overrides);
            ScanCacheReport cacheReport;
            auto result =
                cache ? cachedScan(config, options, *cache, &cacheReport) : scan(config, options);
            const auto cacheNote = QString::fromStdString(cacheReport.note);
            auto watched = fanout::foldersToWatch(cacheReport.folders, config.root);
            if (token.stop_requested() || result->stats.cancelled) {
                post([this] {
                    finish();
                    emit cancelled();
                });
                return;
            }
            post([this] { markPhase(tr("analysing")); });
            auto session = std::make_shared<const ScanSession>(std::move(result));
            auto tables = std::make_shared<const ResultTables>(resultTables(session));
            auto document =
                std::make_shared<ScanDocument>(documentOf(*session->result, session->analysis));
            document->file =
                tr("scan at %1").arg(QTime::currentTime().toString(Qt::ISODate)).toStdString();
            post([this, session, tables, cacheNote, watched = std::move(watched),
                  document = std::shared_ptr<const ScanDocument>(document)] {
                m_cacheNote = cacheNote;
                m_foldersToWatch = watched;
                // Compared with the scan before it only when both are of the same project.
                auto previousDocument = std::exchange(m_document, document);
                m_previousDocument = previousDocument && previousDocument->root == document->root
                                         ? std::move(previousDocument)
                                         : nullptr;
                auto previous = std::exchange(m_session, session);
                auto previousTables = std::exchange(m_tables, tables);
                finish();
                emit resultAvailable(session);
                // Every view holds the new session now: the old one is freed on the pool, as
                // freeing 100,000 modules on the GUI thread stalled it ~20 ms.
                m_job.runAfter([previous = std::move(previous),
                                previousTables = std::move(previousTables)]() mutable {
                    previousTables.reset();
                    previous.reset();
                });
            });
        } catch (const std::exception& error) {
            const auto message = QString::fromStdString(error.what());
            post([this, message] {
                finish();
                emit failed(message);
            });
        }
    });
}

void ScanController::setCache(bool enabled, const ScanCacheSettings& settings) {
    m_cacheEnabled = enabled;
    m_cacheSettings = settings;
}

void ScanController::cancel() {
    if (m_running) {
        m_job.requestStop();
    }
}

void ScanController::sampleMemory() {
    const double seconds = static_cast<double>(m_clock.elapsed()) / 1000.0;
    const auto bytes = residentBytes();
    m_memory.add(seconds, bytes);
    emit memorySampled(seconds, toMegabytes(bytes));
    if (m_sampleTimer.isActive() && m_sampleTimer.interval() != sampleIntervalMs(seconds)) {
        m_sampleTimer.setInterval(sampleIntervalMs(seconds));
    }
}

void ScanController::markPhase(const QString& phase) {
    m_memory.markPhase(static_cast<double>(m_clock.elapsed()) / 1000.0, phase);
    emit phaseChanged(phase);
}

void ScanController::finish() {
    sampleMemory();
    markPhase(tr("done"));
    m_sampleTimer.stop();
    m_running = false;
}

} // namespace fanout::ui
