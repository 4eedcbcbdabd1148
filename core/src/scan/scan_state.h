// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/base/adaptive_mutex.h"
#include "fanout/extract/extractor.h"
#include "fanout/resolve/resolver.h"
#include "fanout/scan/memory_sampler.h"
#include "fanout/scan/scanner.h"
#include "io/once.h"
#include "io/once_map.h"
#include "scan/scan_prior.h"
#include "scan/task_queue.h"

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <forward_list>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace fanout::detail {

struct FileState;

// How one record of a module resolved. The rest of its edge (specifier, kind, position, names)
// is the record's, copied when the result is built.
struct PendingEdge {
    std::uint32_t record = 0; // index in the importer's extraction.imports
    ResolutionKind resolution = ResolutionKind::Unresolved;
    bool asset = false;
    std::uint16_t targetEnvironment = 0; // the importer's; a directive may switch it
    FileState* target = nullptr;
    std::shared_ptr<const EdgeNotes> notes;
};

struct ModuleState {
    FileState* file = nullptr;
    std::uint16_t environment = 0;
    ModuleKind kind = ModuleKind::Asset;
    std::vector<PendingEdge> edges;
    bool whole = false; // every import followed
    // An optimized barrel walked by names: which of its records have an edge (by record index).
    std::vector<bool> followed;
    std::uint32_t id = 0; // its ModuleId, once the result is collected
};

// One real file. Read and parsed at most once (parseOnce), whatever reaches it.
struct FileState {
    std::string path;
    bool script = false;
    bool excluded = false;
    bool seeded = false; // taken from a previous scan (ScanOptions::prior), not read
    Once parseOnce;
    bool readOk = false;
    bool tooLarge = false;
    std::uint64_t bytes = 0;
    // As it was read, when the scan records its inputs (ScanOptions::inputs).
    FileIdentity identity;
    std::uint64_t hash = 0;
    Extraction extraction;
    // Each import record's specifier in the scan's names table, interned by the worker that read
    // the file (in parallel, rather than one by one when the result is built); empty for a file
    // seeded from a previous scan.
    std::vector<NameId> specifierIds;
    std::string error;
    // What the scan's diagnostics say of it: why it was not read or parsed, or why its parse is
    // doubtful (binary, not UTF-8). Empty when all went well.
    std::string diagnostic;
    const PackageIdentity* package = nullptr; // one of ScanState's, shared by its files

    std::mutex aliasMutex;
    std::set<std::string> aliases; // the other path strings that reached it (symlinks, case)

    // Its modules, one per environment it was reached in (ScanState::moduleOf). A lock per file
    // rather than one for the scan: two workers rarely touch one file's modules at once.
    std::mutex modulesMutex;
    std::forward_list<ModuleState> modules; // nodes: never moved

    // The whole-module tasks queued for it, one bit per environment (the first 16) and kind
    // (asset or not, conditional or not): ScanState::claimTask.
    std::atomic<std::uint64_t> queuedTasks{0};
};

enum class TaskKind : unsigned char {
    Whole, // the module and everything it imports
    Name,  // one name of it (an optimized barrel follows only that name; others are whole)
    Probe, // one name, asked of an `export *` target: included only if it provides the name
};

struct Task {
    FileState* file = nullptr;
    std::uint16_t environment = 0;
    bool asset = false;
    bool conditional = false; // a conditional entry: a module only if it has a directive
    TaskKind kind = TaskKind::Whole;
    NameId name = 0;
    // A probe's barrel and the record of its `export *`, which gets an edge if the probe succeeds.
    FileState* origin = nullptr;
    std::uint32_t originRecord = 0;
};

// The finding of a call to import() or require() that cannot be followed.
Finding nonLiteralFinding(const std::string& path, const NonLiteralImport& call);

// Hashes a pair or tuple of hashable values, for the scan's sets and maps keyed by them.
struct TupleHash {
    template <typename Tuple> std::size_t operator()(const Tuple& tuple) const {
        return std::apply(
            [](const auto&... values) {
                std::size_t seed = 0;
                ((seed = seed * 0x9e3779b97f4a7c15ULL +
                         std::hash<std::decay_t<decltype(values)>>{}(values)),
                 ...);
                return seed ^ (seed >> 29);
            },
            tuple);
    }
};

class PriorSplice;

class ScanState {
    friend class PriorSplice; // the previous scan updated in place (scan_splice.cpp)

public:
    ScanState(const ScanConfig& config, const ScanOptions& options);

    void run();
    // With a previous scan (ScanOptions::prior), after run(): the path strings only the gone
    // imports of edited files gave files are taken back, as a full scan would not have them.
    void settlePriorAliases();
    // With a previous scan: the previous path strings of files `reached` now that only imports
    // that are gone gave them (by real path).
    std::unordered_map<std::string, std::set<std::string>>
    staleAliases(const std::function<bool(std::string_view)>& reached);
    // With a previous scan whose edited files changed only edges between modules it has (no
    // module new, no directive changed): that scan updated in place. Null, with `why`, otherwise.
    std::shared_ptr<ScanResult> splicePrior(std::string& why);
    // What the result depends on (files read, folders listed, answers): after run(), before
    // collect().
    void recordInputs(ScanInputs& inputs) const;
    // `releaseRecords`: each file's import records are freed once its edges are built (not when
    // the state is likely kept until the process exits: ScanOptions::keepStateUntilExit).
    std::shared_ptr<ScanResult> collect(double scanMs, bool releaseRecords);
    // The parts of collect(), over the modules in result order; they consume the scan state.
    void collectDiagnostics(const std::vector<ModuleState*>& order, ScanResult& result) const;
    void collectModules(const std::vector<ModuleState*>& order, ScanResult& result) const;
    // `releaseRecords`: each file's import records are freed once its edges are built. The
    // modules' exports are returned (by module, in `order`), not put in result.modules: the
    // modules may be being built at the same time.
    std::vector<std::vector<ExportEntry>> collectEdges(const std::vector<ModuleState*>& order,
                                                       ScanResult& result,
                                                       bool releaseRecords) const;
    // The threads the scan was asked for (a count of 0: one per core).
    unsigned threadCount() const;
    ScanEdge edgeOf(PendingEdge& pending, const FileState& file, ScanResult& result) const;
    // The edge of a record of `file`, its target aside (names appended to
    // result.edgeNames/edgeLocals).
    ScanEdge edgeFacts(PendingEdge& pending, const FileState& file, ScanResult& result) const;
    // The configuration's findings added to those of the files, sorted, then rwsdk's.
    void finishFindings(ScanResult& result) const;
    // The client boundaries and server actions of a collected result.
    void addDirectiveBoundaries(ScanResult& result) const;
    void fillStats(ScanResult& result, double scanMs,
                   std::chrono::steady_clock::time_point collectStart) const;

private:
    // Takes tasks from the front of the queue, or from the back (fromBack), until none is left.
    void worker(Extractor& extractor, bool fromBack);
    // `readBuffer`: the worker's, for readFile().
    void process(const Task& task, Extractor& extractor, std::string& readBuffer);
    // Reads and parses the file, once. `readBuffer`, if given, is a block to read it into, and
    // gets the block back afterwards (the worker's, kept from one file to the next).
    void parse(FileState& file, Extractor& extractor, std::string* readBuffer = nullptr);
    // What parse() does with the file once read (or refused): its extraction, or why none.
    void parseContents(FileState& file, Extractor& extractor, const FileContents& contents);
    // The module with every import followed (the records not followed yet, for a barrel walked
    // by names before).
    void processWhole(FileState& file, std::uint16_t environment);
    // Whether a worker waits for tasks and the last batch was queued long enough ago: the tasks
    // collected so far are queued now rather than at kBatchTasks or the importer's end.
    bool handOffEarly(std::chrono::steady_clock::time_point& lastQueued) const;
    // An optimized barrel asked for one name: only the records that lead to it are followed.
    void processName(const Task& task, FileState& file, std::uint16_t environment);
    // A successful probe: the barrel's `export *` record gets its edge.
    void addProbeEdge(const Task& task);
    void appendEdges(FileState& file, std::uint16_t environment, std::vector<PendingEdge> edges);
    // What one record resolves to; nothing is queued.
    PendingEdge resolveEdge(const FileState& file, std::uint16_t environment,
                            std::uint32_t recordIndex);
    // What the resolver says of a record, into the edge (its record and environment set).
    void resolveRecord(const FileState& file, std::uint16_t environment, const ImportRecord& record,
                       PendingEdge& edge);
    // The edge the previous scan found for the record, when it scanned the module.
    std::optional<PendingEdge> priorEdge(const FileState& file, std::uint16_t environment,
                                         std::uint32_t recordIndex);
    // Queues what an edge leads to: its target whole, or the names it imports when optimizing.
    void follow(const PendingEdge& edge, const FileState& file, const ImportRecord& record);
    bool optimizedBarrel(const FileState& file) const;
    void enqueueName(FileState& file, std::uint16_t environment, NameId name, TaskKind kind,
                     FileState* origin = nullptr, std::uint32_t originRecord = 0);
    FileState& fileState(const std::string& realPath);
    // The file's module in the environment, made when new; the file's modulesMutex held.
    ModuleState& moduleOf(FileState& file, std::uint16_t environment);
    // The file's module in the environment, if any (once the scan has ended).
    static const ModuleState* findModule(const FileState& file, std::uint16_t environment);
    const PackageIdentity* sharedPackage(const PackageIdentity& package);
    void enqueue(FileState& file, std::uint16_t environment, bool asset, bool conditional = false);
    void flushBatch(std::vector<Task>& batch);
    // Whether `task` is queued for the first time, marking it queued: a bit of its file for the
    // first 16 environments (no lock), else m_seenTasks (m_queueMutex held: `locked`).
    bool claimTask(const Task& task, bool locked);
    void enqueueEntry(const std::string& path, bool conditional);
    // The environment an entry starts in (the first, unless the configuration names one).
    std::uint16_t entryEnvironment(const std::string& path) const;
    std::uint16_t effectiveEnvironment(const FileState& file, std::uint16_t requested) const;
    Directive directiveOf(const FileState& file) const;
    bool isExcluded(const std::string& realPath) const;
    void reportProgress(bool force);

    const ScanConfig& m_config;
    const ScanOptions& m_options;
    std::shared_ptr<ResolverCache> m_cache;
    std::shared_ptr<NameTable> m_names = std::make_shared<NameTable>();
    std::vector<Resolver> m_resolvers;
    // By environment, then Directive value: where a module with that directive goes.
    std::vector<std::array<std::optional<std::uint16_t>, 3>> m_switchTo;
    // By environment: the server environment of its workspace (the "use server" target, else
    // the workspace's first environment).
    std::vector<std::uint16_t> m_serverOf;

    OnceMap<std::shared_ptr<FileState>> m_files;
    std::unique_ptr<PriorIndex> m_prior;
    // With a previous scan: the path strings this scan's own resolutions gave files, as
    // "real path\npath string".
    std::mutex m_freshAliasesMutex;
    std::unordered_set<std::string> m_freshAliases;
    // With a previous scan: notes that this scan gave `file` the path string `alias` (any
    // thread), and asks whether it did.
    void noteFreshAlias(const std::string& file, const std::string& alias);
    bool freshAlias(const std::string& file, const std::string& alias) const;

    AdaptiveMutex m_queueMutex;
    std::condition_variable_any m_queueChanged;
    TaskQueue<Task> m_queue;
    // Workers on a task (changed under m_queueMutex; read without it to see whether one waits).
    std::atomic<unsigned> m_active{0};
    unsigned m_threads = 1;
    // The tasks claimed in environments past the 16 a file's bits cover.
    std::unordered_set<std::tuple<FileState*, std::uint16_t, bool, bool>, TupleHash> m_seenTasks;
    std::unordered_set<
        std::tuple<FileState*, std::uint16_t, NameId, TaskKind, FileState*, std::uint32_t>,
        TupleHash>
        m_seenNames;
    SideEffects m_projectSideEffects;

    // The modules made so far (in the files' lists; unordered: sorted when collected).
    std::atomic<std::size_t> m_moduleCount{0};

    // Every package a file belongs to, once (by real root): its files point here.
    std::mutex m_packagesMutex;
    std::unordered_map<std::string, PackageIdentity> m_packages;

    std::atomic<std::uint64_t> m_filesParsed{0};
    std::atomic<std::uint64_t> m_bytesRead{0};
    std::atomic<std::uint64_t> m_filesLexed{0};
    std::atomic<std::uint64_t> m_bytesLexed{0};
    std::atomic<std::int64_t> m_lastProgressMs{-1000};
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
    std::int64_t m_startedNs = wallClockNs();
    std::unique_ptr<MemorySampler> m_sampler;
    std::atomic<bool> m_cancelled{false};
    // Tree-sitter's cancellation flag, shared by every worker's parsers; set when stop is asked.
    std::size_t m_parseCancelled = 0;
};

} // namespace fanout::detail
