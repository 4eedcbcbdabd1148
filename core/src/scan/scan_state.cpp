// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan/scan_state.h"

#include "base/path_utils.h"
#include "compat/rwsdk_compat.h"
#include "fanout/extract/grammar.h"
#include "fanout/io/utf8.h"
#include "fanout/scan/memory_sampler.h"
#include "resolve/resolver_cache_impl.h"
#include "scan/resolution_memo.h"

#include <algorithm>
#include <fnmatch.h>
#include <optional>
#include <stop_token>
#include <thread>

namespace fanout::detail {
namespace {

// The largest block a worker keeps to read its next file into. A larger one (an icon package's
// 2.3 MB index, a bundle) is freed after its parse, for the allocator to give its pages to what
// comes next rather than fresh ones. With the lexer's scratch kept as small, the npm app took 700
// fewer page faults than with blocks of up to 4 MB and 16 MB of scratch kept.
constexpr std::size_t kMaxKeptReadBuffer = 1u << 20;

bool isScriptPath(std::string_view path) {
    return grammarForPath(path).has_value();
}

// While a worker follows one module's edges, the whole-module tasks it queues collect here.
thread_local std::vector<Task>* t_batch = nullptr;

// The most whole-module tasks an importer's edges collect before they are queued: one lock per
// this many instead of one per import, and the other workers start on a barrel's files while
// its later imports are still being resolved.
constexpr std::size_t kBatchTasks = 256;
// While a worker waits, an importer's tasks are queued as they come, at most once per this time:
// the entry's first package (cold: package.json read, folders listed) takes a millisecond or
// more to resolve, while the other worker has nothing to do; a barrel's imports, a few
// microseconds each, go in batches of a few dozen rather than one lock and wake-up each.
constexpr auto kHandOffInterval = std::chrono::microseconds(50);

// The environments a file's queuedTasks bits cover (4 bits each).
constexpr std::uint16_t kBitEnvironments = 16;

// Collects this thread's whole-module tasks into `batch` while it lives, even if what runs in
// between throws.
class BatchScope {
public:
    explicit BatchScope(std::vector<Task>& batch) { t_batch = &batch; }
    ~BatchScope() { t_batch = nullptr; }
    BatchScope(const BatchScope&) = delete;
    BatchScope& operator=(const BatchScope&) = delete;
};

} // namespace

ScanState::ScanState(const ScanConfig& config, const ScanOptions& options)
    : m_config(config), m_options(options), m_cache(std::make_shared<ResolverCache>()),
      m_switchTo(config.environments.size()), m_serverOf(config.environments.size(), 0) {
    // Every answer of the resolver's is an input only when the scan records its inputs.
    m_cache->impl().recordAnswers = options.inputs != nullptr;
    if (const auto project = m_cache->impl().packageJson(m_config.root)) {
        m_projectSideEffects = project->sideEffects();
    }
    if (options.prior != nullptr) {
        m_prior = std::make_unique<PriorIndex>(*options.prior);
    }
    for (const auto& environment : m_config.environments) {
        m_resolvers.emplace_back(environment.resolver, m_cache);
    }
    const auto& environments = m_config.environments;
    for (const auto& rule : m_config.switches) {
        const auto target = std::find_if(environments.begin(), environments.end(),
                                         [&](const auto& e) { return e.name == rule.environment; });
        if (target == environments.end()) {
            continue;
        }
        for (std::size_t i = 0; i < environments.size(); ++i) {
            if (rule.workspace.empty() || environments[i].workspace == rule.workspace) {
                m_switchTo[i][static_cast<std::size_t>(rule.directive)] =
                    static_cast<std::uint16_t>(target - environments.begin());
            }
        }
    }
    for (std::size_t i = 0; i < environments.size(); ++i) {
        std::size_t first = i;
        while (first > 0 && environments[first - 1].workspace == environments[i].workspace) {
            --first;
        }
        m_serverOf[i] = m_switchTo[i][static_cast<std::size_t>(Directive::Server)].value_or(
            static_cast<std::uint16_t>(first));
    }
}

unsigned ScanState::threadCount() const {
    return m_options.threads == 0 ? std::max(1u, std::thread::hardware_concurrency())
                                  : m_options.threads;
}

void ScanState::run() {
    m_sampler = std::make_unique<MemorySampler>(m_options.memorySampleSeconds);
    for (const auto& entry : m_config.entries) {
        enqueueEntry(entry, false);
    }
    for (const auto& entry : m_config.conditionalEntries) {
        enqueueEntry(entry, true);
    }
    const unsigned threads = threadCount();
    m_threads = threads;
    {
        const std::stop_callback cancelParses(
            m_options.stop, [this] { std::atomic_ref<std::size_t>(m_parseCancelled).store(1); });
        std::vector<std::jthread> pool;
        for (unsigned i = 0; i < threads; ++i) {
            // Every other worker takes the newest task: two workers taking the oldest walk a
            // barrel's files in step when it is reached in two environments, and wait on each
            // other's reads and real paths of the same files.
            pool.emplace_back([this, fromBack = i % 2 == 1] {
                ResolutionMemo memo;
                const ResolutionMemo::Installed installed(memo);
                Extractor extractor(m_names);
                extractor.setCancellationFlag(&m_parseCancelled);
                extractor.setParser(m_options.parser);
                worker(extractor, fromBack);
            });
        }
    }
    m_sampler->stop();
    reportProgress(true);
}

void ScanState::worker(Extractor& extractor, bool fromBack) {
    bool finished = false;  // a task of this worker has just ended
    std::string readBuffer; // the block this worker's files are read into, one after another
    for (;;) {
        Task task;
        {
            std::unique_lock lock(m_queueMutex);
            if (finished) {
                --m_active;
                if (m_cancelled) {
                    m_queue.clear();
                }
                if (m_active == 0 && m_queue.empty()) {
                    m_queueChanged.notify_all(); // the graph is complete: wake the others to end
                    return;
                }
            }
            m_queueChanged.wait(lock, [&] { return !m_queue.empty() || m_active == 0; });
            if (m_queue.empty()) {
                return; // nothing queued and nobody working: the graph is complete
            }
            if (fromBack) {
                task = m_queue.back();
                m_queue.pop_back();
            } else {
                task = m_queue.front();
                m_queue.pop_front();
            }
            ++m_active;
        }
        if (m_options.stop.stop_requested()) {
            m_cancelled = true;
        } else {
            process(task, extractor, readBuffer);
        }
        finished = true;
        reportProgress(false);
    }
}

FileState& ScanState::fileState(const std::string& realPath) {
    const auto& state = m_files.get(realPath, [&] {
        auto file = std::make_shared<FileState>();
        file->path = realPath;
        file->script = isScriptPath(realPath);
        file->excluded = isExcluded(realPath);
        if (const auto* known = m_prior ? m_prior->anyModule(realPath) : nullptr) {
            // What the previous scan's resolutions gave it; this scan's own add to it.
            file->aliases.insert(known->aliases.begin(), known->aliases.end());
            if (known->package) {
                file->package = sharedPackage(m_prior->result().packages[known->package->value]);
            }
        }
        return file;
    });
    return *state;
}

bool ScanState::isExcluded(const std::string& realPath) const {
    std::string relative;
    if (m_config.exclude.empty() || !relativeInside(m_config.root, realPath, relative)) {
        return false;
    }
    for (const auto& pattern : m_config.exclude) {
        // Without FNM_PATHNAME "*" crosses "/", so "**/x" and "dir/*" both behave as people expect.
        if (::fnmatch(pattern.c_str(), relative.c_str(), 0) == 0) {
            return true;
        }
    }
    return false;
}

std::uint16_t ScanState::entryEnvironment(const std::string& path) const {
    std::uint16_t environment = 0;
    if (const auto it = m_config.entryEnvironments.find(path);
        it != m_config.entryEnvironments.end()) {
        for (std::size_t i = 0; i < m_config.environments.size(); ++i) {
            if (m_config.environments[i].name == it->second) {
                environment = static_cast<std::uint16_t>(i);
            }
        }
    }
    return environment;
}

void ScanState::enqueueEntry(const std::string& path, bool conditional) {
    const auto environment = entryEnvironment(path);
    const auto real = m_cache->impl().realPath(path).value_or(normalizePath(path));
    FileState& file = fileState(real);
    {
        std::lock_guard lock(file.aliasMutex);
        if (const auto alias = normalizePath(path); alias != file.path) {
            file.aliases.insert(alias);
            noteFreshAlias(file.path, alias);
        }
    }
    enqueue(file, environment, !file.script, conditional);
}

void ScanState::enqueue(FileState& file, std::uint16_t environment, bool asset, bool conditional) {
    if (t_batch != nullptr) {
        t_batch->push_back({&file, environment, asset, conditional});
        return;
    }
    const Task task{&file, environment, asset, conditional};
    if (!claimTask(task, false)) {
        return;
    }
    {
        std::lock_guard lock(m_queueMutex);
        if (!claimTask(task, true)) {
            return;
        }
        m_queue.push_back(task);
    }
    m_queueChanged.notify_one();
}

bool ScanState::claimTask(const Task& task, bool locked) {
    if (task.environment >= kBitEnvironments) {
        // Past the bits: asked again under the lock, the set decides.
        return !locked ||
               m_seenTasks.insert({task.file, task.environment, task.asset, task.conditional})
                   .second;
    }
    if (locked) {
        return true; // claimed before the lock
    }
    const std::uint64_t bit = std::uint64_t{1} << (task.environment * 4u + (task.asset ? 2u : 0u) +
                                                   (task.conditional ? 1u : 0u));
    return (task.file->queuedTasks.fetch_or(bit, std::memory_order_relaxed) & bit) == 0;
}

// The whole-module tasks an importer's edges lead to, queued under one lock: one lock per batch
// instead of one per import (a barrel of 50,000 imports made the two workers fight for it).
void ScanState::flushBatch(std::vector<Task>& batch) {
    // Tasks queued before are dropped outside the lock (a file's bits say so).
    std::erase_if(batch, [&](const Task& task) { return !claimTask(task, false); });
    std::size_t queued = 0;
    {
        std::lock_guard lock(m_queueMutex);
        for (const Task& task : batch) {
            if (claimTask(task, true)) {
                m_queue.push_back(task);
                ++queued;
            }
        }
    }
    batch.clear();
    if (queued == 1) {
        m_queueChanged.notify_one();
    } else if (queued > 1) {
        m_queueChanged.notify_all();
    }
}

Directive ScanState::directiveOf(const FileState& file) const {
    if (!file.readOk) {
        return Directive::None;
    }
    const bool rwsdk = m_config.compatRwsdk || m_config.directiveRule == DirectiveRule::Rwsdk;
    return (rwsdk ? file.extraction.rwsdkDirective : file.extraction.specDirective).directive;
}

std::uint16_t ScanState::effectiveEnvironment(const FileState& file,
                                              std::uint16_t requested) const {
    const auto target = m_switchTo[requested][static_cast<std::size_t>(directiveOf(file))];
    return target.value_or(requested);
}

void ScanState::parse(FileState& file, Extractor& extractor, std::string* readBuffer) {
    file.parseOnce.call([&] {
        if (m_prior && m_prior->seed(file, *m_names)) {
            ++m_filesParsed;
            m_bytesRead += file.bytes;
            if (file.extraction.lexed) {
                ++m_filesLexed;
                m_bytesLexed += file.bytes;
            }
            return;
        }
        auto contents = m_options.readFile ? m_options.readFile(file.path)
                                           : readFile(file.path, m_config.maxFileBytes,
                                                      readBuffer != nullptr ? std::move(*readBuffer)
                                                                            : std::string());
        parseContents(file, extractor, contents);
        // Only the import records stay; the bytes' block goes back to the worker for its next
        // file, unless a large file made it grow past kMaxKeptReadBuffer.
        if (readBuffer != nullptr && contents.bytes.capacity() <= kMaxKeptReadBuffer) {
            *readBuffer = std::move(contents.bytes);
        }
    });
}

void ScanState::parseContents(FileState& file, Extractor& extractor, const FileContents& contents) {
    if (m_options.inputs != nullptr) {
        file.identity = contents.identity;
        file.hash = contentHash(contents.bytes);
    }
    if (!contents.ok()) {
        file.error = contents.error;
        file.tooLarge = contents.tooLarge;
        file.diagnostic = (contents.tooLarge ? "not parsed: " : "not read: ") + contents.error;
        file.bytes = contents.size;
        return;
    }
    file.bytes = contents.bytes.size();
    m_bytesRead += file.bytes;
    try {
        file.extraction = extractor.extract(contents.bytes, *grammarForPath(file.path));
        file.readOk = true;
        if (file.extraction.lexed) {
            ++m_filesLexed;
            m_bytesLexed += file.bytes;
        }
        addJsxRuntimeImport(file.extraction, m_config.jsx, *m_cache, file.path);
        file.specifierIds.reserve(file.extraction.imports.size());
        for (const auto& record : file.extraction.imports) {
            file.specifierIds.push_back(m_names->intern(record.specifier));
        }
        if (file.extraction.parseErrors > 0) {
            if (const auto problem = utf8::textProblem(contents.bytes); !problem.empty()) {
                file.diagnostic = std::string(problem) + ": parsed with " +
                                  std::to_string(file.extraction.parseErrors) +
                                  " syntax errors, imports in the damaged parts are missed";
            }
        }
    } catch (const std::exception& error) {
        file.error = std::string("not parsed: ") + error.what();
        file.diagnostic = file.error;
    }
    ++m_filesParsed;
}

void ScanState::process(const Task& task, Extractor& extractor, std::string& readBuffer) {
    FileState& file = *task.file;
    if (task.conditional && (!file.script || file.excluded)) {
        return;
    }
    if (task.asset || !file.script || file.excluded) {
        if (task.kind == TaskKind::Probe) {
            return; // an asset provides no name
        }
        std::lock_guard lock(file.modulesMutex);
        auto& module = moduleOf(file, task.environment);
        if (module.file == nullptr) {
            module.file = &file;
            module.environment = task.environment;
            module.kind = file.excluded ? ModuleKind::Excluded : ModuleKind::Asset;
        }
        return;
    }
    parse(file, extractor, &readBuffer);
    if (task.conditional && directiveOf(file) == Directive::None) {
        return;
    }
    const std::uint16_t environment = effectiveEnvironment(file, task.environment);
    if (task.kind != TaskKind::Whole && optimizedBarrel(file)) {
        processName(task, file, environment);
        return;
    }
    if (task.kind == TaskKind::Probe) {
        // Provided here: exported by name, or possibly through its own `export *` or CommonJS.
        const auto& x = file.extraction;
        const bool provides =
            file.readOk &&
            (x.commonJs ||
             std::any_of(x.exports.begin(), x.exports.end(),
                         [&](const ExportEntry& entry) { return entry.name == task.name; }) ||
             std::any_of(x.imports.begin(), x.imports.end(),
                         [](const ImportRecord& r) { return r.form == ImportForm::Star; }));
        if (!provides) {
            return;
        }
        addProbeEdge(task);
    }
    processWhole(file, environment);
}

void ScanState::processWhole(FileState& file, std::uint16_t environment) {
    const auto records = static_cast<std::uint32_t>(file.extraction.imports.size());
    std::vector<std::uint32_t> claimed;
    {
        std::lock_guard lock(file.modulesMutex);
        auto& module = moduleOf(file, environment);
        if (module.file != nullptr && module.kind != ModuleKind::Asset && module.whole) {
            return; // already scanned in this environment
        }
        module.file = &file;
        module.environment = environment;
        module.kind = file.readOk     ? ModuleKind::Parsed
                      : file.tooLarge ? ModuleKind::TooLarge
                                      : ModuleKind::Unreadable;
        module.whole = true;
        if (!file.readOk) {
            return;
        }
        claimed.reserve(records);
        for (std::uint32_t i = 0; i < records; ++i) {
            if (module.followed.empty() || !module.followed[i]) {
                claimed.push_back(i);
            }
        }
        if (!module.followed.empty()) {
            module.followed.assign(records, true);
        }
    }
    std::vector<PendingEdge> edges;
    edges.reserve(claimed.size());
    std::vector<Task> batch;
    batch.reserve(std::min<std::size_t>(claimed.size(), kBatchTasks));
    std::chrono::steady_clock::time_point lastQueued{};
    std::optional<BatchScope> collecting(std::in_place, batch);
    for (const auto i : claimed) {
        // A barrel's 50,000 imports take a worker seconds to resolve: a cancel must not wait.
        if ((edges.size() & 255) == 255 && m_options.stop.stop_requested()) {
            m_cancelled = true;
            break;
        }
        edges.push_back(resolveEdge(file, environment, i));
        follow(edges.back(), file, file.extraction.imports[i]);
        if (batch.size() >= kBatchTasks || (!batch.empty() && handOffEarly(lastQueued))) {
            flushBatch(batch);
        }
    }
    collecting.reset();
    flushBatch(batch);
    appendEdges(file, environment, std::move(edges));
}

bool ScanState::handOffEarly(std::chrono::steady_clock::time_point& lastQueued) const {
    if (m_active.load(std::memory_order_relaxed) >= m_threads) {
        return false;
    }
    const auto now = std::chrono::steady_clock::now();
    if (now - lastQueued < kHandOffInterval) {
        return false;
    }
    lastQueued = now;
    return true;
}

void ScanState::appendEdges(FileState& file, std::uint16_t environment,
                            std::vector<PendingEdge> edges) {
    std::lock_guard lock(file.modulesMutex);
    auto& into = moduleOf(file, environment).edges;
    if (into.empty()) {
        into = std::move(edges);
    } else {
        std::move(edges.begin(), edges.end(), std::back_inserter(into));
    }
}

ModuleState& ScanState::moduleOf(FileState& file, std::uint16_t environment) {
    for (auto& module : file.modules) {
        if (module.environment == environment) {
            return module;
        }
    }
    m_moduleCount.fetch_add(1, std::memory_order_relaxed);
    auto& module = file.modules.emplace_front();
    module.environment = environment; // `file` stays null until the module is filled in
    return module;
}

const ModuleState* ScanState::findModule(const FileState& file, std::uint16_t environment) {
    for (const auto& module : file.modules) {
        if (module.environment == environment) {
            return &module;
        }
    }
    return nullptr;
}

const PackageIdentity* ScanState::sharedPackage(const PackageIdentity& package) {
    std::lock_guard lock(m_packagesMutex);
    return &m_packages.try_emplace(package.root, package).first->second;
}

void ScanState::reportProgress(bool force) {
    if (!m_options.progress) {
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    const auto elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(now - m_start).count();
    auto last = m_lastProgressMs.load();
    // Throttled at the source: at most one report per 50 ms, from whichever thread gets there.
    if (!force &&
        (elapsed - last < 50 || !m_lastProgressMs.compare_exchange_strong(last, elapsed))) {
        return;
    }
    ScanProgress progress;
    progress.modules = m_moduleCount.load(std::memory_order_relaxed);
    {
        std::lock_guard lock(m_queueMutex);
        progress.queued = m_queue.size();
    }
    progress.filesParsed = m_filesParsed;
    progress.bytesRead = m_bytesRead;
    progress.elapsedMs = static_cast<double>(elapsed);
    progress.residentBytes = m_sampler ? m_sampler->latest() : 0;
    progress.readingDone = force;
    m_options.progress(progress);
}

} // namespace fanout::detail
