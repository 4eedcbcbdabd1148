// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "background_job.h"
#include "fanout/cache/scan_cache.h"
#include "fanout/compare/scan_document.h"
#include "fanout/project/project_config.h"
#include "memory_series.h"
#include "result_tables.h"
#include "scan_session.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace fanout::ui {

// Runs scans off the GUI thread, one at a time, and reports on the GUI thread: throttled
// progress, resident memory (every 10 ms in the first second, then every 100 ms), scan phases,
// then the result, a failure or the cancellation. A newer scan makes everything an older one still
// reports stale: it is dropped.
class ScanController : public QObject {
    Q_OBJECT
public:
    explicit ScanController(QObject* parent = nullptr);
    ~ScanController() override = default; // m_job cancels a running scan and waits for it

    // Loads the configuration for `root` (fanout.json, preset) and scans it.
    void start(const QString& root, const ScanOverrides& overrides = {});
    void cancel();
    bool isRunning() const { return m_running; }
    const MemorySeries& memory() const { return m_memory; }
    // The memory of the scan before the current one when it scanned the same project and gave a
    // result (empty otherwise): the memory plot overlays it.
    const MemorySeries& previousMemory() const { return m_previousMemory; }
    SessionPtr session() const { return m_session; }
    // The tables of session(), prepared with it on the scan thread.
    const ResultTables& tables() const { return *m_tables; }
    // The scan documents (what `fanout diff` compares) of session() and of the scan before it in
    // this window (null before the second scan), prepared on the scan thread.
    std::shared_ptr<const ScanDocument> document() const { return m_document; }
    std::shared_ptr<const ScanDocument> previousDocument() const { return m_previousDocument; }
    // What changed in each module since the scan compared with: the saved scan set with
    // compareWith, else the previous scan of this project in the window (null before it).
    std::shared_ptr<const ModuleChanges> changes() const { return m_tables->changes; }
    // Compares session() and every later scan with `saved` (a saved scan document); null goes
    // back to the previous scan. The tables are marked again off the GUI thread: tablesChanged.
    void compareWith(std::shared_ptr<const ScanDocument> saved);
    // Scans go through the persistent cache in `settings.dir` (off by default; the window turns it
    // on). Takes effect at the next start().
    void setCache(bool enabled, const ScanCacheSettings& settings = {});
    bool cacheEnabled() const { return m_cacheEnabled; }
    // What the cache did for session() (a hit, or why the project was scanned); empty without it.
    const QString& cacheNote() const { return m_cacheNote; }
    bool fromCache() const { return m_session && m_session->result->stats.fromCache; }
    // The folders session()'s result depends on and their parents up to the root (what to watch
    // for changes); empty without the cache.
    const std::vector<std::string>& foldersToWatch() const { return m_foldersToWatch; }

signals:
    void started();
    void progressChanged(const fanout::ScanProgress& progress);
    void phaseChanged(const QString& phase);
    void memorySampled(double seconds, double residentMegabytes);
    void resultAvailable(fanout::ui::SessionPtr session);
    // tables() were marked again for session() (compareWith).
    void tablesChanged();
    void failed(const QString& message);
    void cancelled();

private:
    void sampleMemory();
    void markPhase(const QString& phase);
    void finish();

    QTimer m_sampleTimer;
    QElapsedTimer m_clock;
    MemorySeries m_memory;
    MemorySeries m_previousMemory;
    std::string m_resultRoot; // the root of the last scan that gave a result, until the next start
    bool m_running = false;
    SessionPtr m_session;
    std::shared_ptr<const ResultTables> m_tables = std::make_shared<const ResultTables>();
    std::shared_ptr<const ScanDocument> m_document;
    std::shared_ptr<const ScanDocument> m_previousDocument;
    std::shared_ptr<const ScanDocument> m_saved; // compareWith
    bool m_cacheEnabled = false;
    ScanCacheSettings m_cacheSettings;
    QString m_cacheNote;
    std::vector<std::string> m_foldersToWatch;
    BackgroundJob m_markJob{this}; // compareWith's marking of the tables
    BackgroundJob m_job{this};     // last: destroyed (and waited for) first
};

} // namespace fanout::ui
