// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan_controller.h"
#include "fanout/base/size_format.h"

#include "fanout/io/process_memory.h"
#include "fanout/scan/memory_sampler.h"

#include <QFileInfo>
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

using DocumentPtr = std::shared_ptr<const ScanDocument>;

// The changes of `after` since `before`: a saved scan, or the previous scan of the same project.
std::shared_ptr<const ModuleChanges> changesSince(const DocumentPtr& before, bool saved,
                                                  const ScanDocument& after) {
    if (!before || (!saved && before->root != after.root)) {
        return nullptr;
    }
    const auto name = saved ? QObject::tr("the saved scan %1")
                                  .arg(QFileInfo(QString::fromStdString(before->file)).fileName())
                            : QObject::tr("the previous scan");
    return std::make_shared<const ModuleChanges>(*before, after, name);
}

} // namespace

ScanController::ScanController(QObject* parent) : QObject(parent) {
    connect(&m_sampleTimer, &QTimer::timeout, this, &ScanController::sampleMemory);
}

void ScanController::start(const QString& root, const ScanOverrides& overrides) {
    Q_ASSERT(QThread::currentThread() == thread());
    m_running = true;
    const auto rootPath = root.toStdString();
    if (m_resultRoot == rootPath && !m_memory.empty()) {
        m_previousMemory = m_memory;
    } else {
        m_previousMemory.clear();
    }
    m_resultRoot.clear();
    m_memory.clear();
    m_clock.start();
    m_sampleTimer.start(sampleIntervalMs(0));
    emit started();
    markPhase(tr("reading"));
    sampleMemory();

    const auto cache = m_cacheEnabled ? std::optional(m_cacheSettings) : std::nullopt;
    m_markJob.discard(); // a marking of the shown tables would come too late
    const auto before = m_saved ? m_saved : m_document;
    const bool saved = m_saved != nullptr;
    m_job.start([this, rootPath, overrides, cache, before, saved](const JobPost& post,
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
            auto session = makeSession(std::move(result));
            auto document =
                std::make_shared<ScanDocument>(documentOf(*session->result, session->analysis));
            document->file =
                tr("scan at %1").arg(QTime::currentTime().toString(Qt::ISODate)).toStdString();
            auto tables = std::make_shared<const ResultTables>(
                resultTables(session, changesSince(before, saved, *document)));
            post([this, session, tables, cacheNote, watched = std::move(watched), before, saved,
                  rootPath, document = std::shared_ptr<const ScanDocument>(document)] {
                m_cacheNote = cacheNote;
                m_resultRoot = rootPath;
                m_foldersToWatch = watched;
                // Compared with the scan before it only when both are of the same project.
                auto previousDocument = std::exchange(m_document, document);
                const bool sameProject =
                    previousDocument && previousDocument->root == document->root;
                // The document two scans back, and the previous one of another project, go
                // with the old session, off the GUI thread.
                std::vector<std::shared_ptr<const ScanDocument>> droppedDocuments{
                    std::exchange(m_previousDocument, nullptr)};
                if (sameProject) {
                    m_previousDocument = std::move(previousDocument);
                } else {
                    droppedDocuments.push_back(std::move(previousDocument));
                }
                auto previous = std::exchange(m_session, session);
                auto previousTables = std::exchange(m_tables, tables);
                finish();
                emit resultAvailable(session);
                if (m_saved != (saved ? before : nullptr)) {
                    compareWith(m_saved); // compareWith was called during the scan
                }
                // Every view holds the new session now: the old one is freed on the pool, as
                // freeing 100,000 modules on the GUI thread stalled it ~20 ms.
                m_job.runAfter([previous = std::move(previous),
                                previousTables = std::move(previousTables),
                                droppedDocuments = std::move(droppedDocuments)]() mutable {
                    previousTables.reset();
                    previous.reset();
                    droppedDocuments.clear();
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

void ScanController::compareWith(std::shared_ptr<const ScanDocument> saved) {
    m_saved = std::move(saved);
    const auto session = m_session;
    const auto document = m_document;
    if (!session || !document || m_running) {
        return; // the running scan is compared when it ends
    }
    const auto before = m_saved ? m_saved : m_previousDocument;
    m_markJob.start([this, session, document, before,
                     saved = m_saved != nullptr](const JobPost& post, const std::stop_token&) {
        auto tables = std::make_shared<const ResultTables>(
            resultTables(session, changesSince(before, saved, *document)));
        post([this, session, tables] {
            if (m_session != session) {
                return;
            }
            auto old = std::exchange(m_tables, tables);
            emit tablesChanged();
            m_markJob.runAfter([old = std::move(old)]() mutable { old.reset(); });
        });
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
