#include "fanout/profiler.h"

#include "fanout/process_tree.h"
#include "fanout/report_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <optional>
#include <poll.h>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fanout {
namespace {

using Clock = std::chrono::steady_clock;

struct Pipe {
    std::array<int, 2> fd{-1, -1};
    Pipe() {
        if (::pipe2(fd.data(), O_CLOEXEC) != 0) {
            throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
        }
    }
    ~Pipe() {
        closeRead();
        closeWrite();
    }
    void closeRead() { closeOne(fd[0]); }
    void closeWrite() { closeOne(fd[1]); }

private:
    static void closeOne(int& f) {
        if (f >= 0) {
            ::close(f);
            f = -1;
        }
    }
};

void writeAll(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t wrote = ::write(fd, text.data(), text.size());
        if (wrote < 0 && errno == EINTR) {
            continue;
        }
        if (wrote <= 0) {
            return;
        }
        text.remove_prefix(static_cast<std::size_t>(wrote));
    }
}

// The phase patterns, compiled once; a line starts the first phase whose pattern it matches.
struct PhaseRules {
    std::vector<std::pair<std::string, std::regex>> rules;

    explicit PhaseRules(const std::vector<std::pair<std::string, std::string>>& phases) {
        for (const auto& [name, pattern] : phases) {
            try {
                rules.emplace_back(name, std::regex(pattern, std::regex::ECMAScript));
            } catch (const std::regex_error& error) {
                throw std::invalid_argument("phase " + name + ": the pattern " + pattern +
                                            " is not a valid regular expression (" + error.what() +
                                            ")");
            }
        }
    }
    const std::string* match(const std::string& line) const {
        for (const auto& [name, pattern] : rules) {
            if (std::regex_search(line, pattern)) {
                return &name;
            }
        }
        return nullptr;
    }
};

// Everything the sampling thread and the output loop share.
class Session {
public:
    Session(const ProfileOptions& options, int root)
        : m_options(options), m_rules(options.phases), m_tracker(root), m_start(Clock::now()),
          m_root(root) {
        m_result.command = options.command;
        m_result.workingDirectory = options.workingDirectory;
        m_result.intervalSeconds = options.intervalSeconds;
        m_result.started = true;
        m_result.minAvailableBytes = UINT64_MAX;
    }

    double now() const { return std::chrono::duration<double>(Clock::now() - m_start).count(); }

    void sample() {
        const auto processes = listProcesses();
        const auto available = availableMemoryBytes();
        std::lock_guard lock(m_mutex);
        const auto members = m_tracker.members(processes);
        ProfileSample sample;
        sample.seconds = now();
        sample.availableBytes = available;
        const auto phase = m_result.phaseAt(sample.seconds);
        for (const auto& process : members) {
            sample.treeBytes += process.residentBytes;
            sample.processes.emplace_back(process.pid, process.residentBytes);
            const auto key = std::make_pair(process.pid, process.startTicks);
            auto it = m_index.find(key);
            if (it == m_index.end()) {
                ProfiledProcess seen;
                seen.pid = process.pid;
                seen.ppid = process.ppid;
                seen.name = process.name;
                seen.commandLine = processCommandLine(process.pid);
                seen.firstSeen = sample.seconds;
                it = m_index.emplace(key, m_result.processes.size()).first;
                m_result.processes.push_back(std::move(seen));
            }
            auto& profiled = m_result.processes[it->second];
            profiled.lastSeen = sample.seconds;
            if (profiled.name != process.name) { // it exec'd another program (a shim's target)
                profiled.name = process.name;
                profiled.commandLine = processCommandLine(process.pid);
            }
            if (process.residentBytes > profiled.peakBytes) {
                profiled.peakBytes = process.residentBytes;
                profiled.peakAt = sample.seconds;
                profiled.peakPhase = phase;
            }
        }
        if (sample.treeBytes > m_result.treePeakBytes) {
            m_result.treePeakBytes = sample.treeBytes;
            m_result.treePeakAt = sample.seconds;
            m_result.treePeakPhase = phase;
        }
        if (available > 0) {
            m_result.minAvailableBytes = std::min(m_result.minAvailableBytes, available);
        }
        m_lastMembers.clear();
        m_adopted.clear();
        for (const auto& process : members) {
            m_lastMembers.emplace_back(process.pid, process.startTicks);
            if (process.ppid == m_self && process.pid != m_root) {
                m_adopted.push_back(process.pid);
            }
        }
        m_result.samples.push_back(std::move(sample));
        if (m_options.sampled) {
            m_options.sampled(m_result);
        }
    }

    void line(const std::string& text, bool error) {
        if (m_options.output) {
            m_options.output(text, error);
        } else {
            writeAll(error ? STDERR_FILENO : STDOUT_FILENO, text + "\n");
        }
        if (const auto* name = m_rules.match(text)) {
            std::lock_guard lock(m_mutex);
            if (m_result.phases.empty() || m_result.phases.back().name != *name) {
                m_result.phases.push_back({now(), *name, text});
            }
        }
    }

    // Orphans of the tree that this process adopted (it is their subreaper) and that have
    // exited are reaped, by pid: children of ours outside the tree are never touched.
    void reapAdopted() {
        std::vector<int> adopted;
        {
            std::lock_guard lock(m_mutex);
            adopted = m_adopted;
        }
        for (const int pid : adopted) {
            int status = 0;
            ::waitpid(pid, &status, WNOHANG);
        }
    }

    ProfileResult finish(int exitCode) {
        std::lock_guard lock(m_mutex);
        m_result.exitCode = exitCode;
        m_result.wallSeconds = now();
        if (m_result.minAvailableBytes == UINT64_MAX) {
            m_result.minAvailableBytes = 0;
        }
        // Processes of the last sample that outlived the command (daemons, stray workers).
        const auto alive = listProcesses();
        for (const auto& member : m_lastMembers) {
            const bool stillThere = std::any_of(alive.begin(), alive.end(), [&](const auto& p) {
                return p.pid == member.first && p.startTicks == member.second;
            });
            if (const auto it = m_index.find(member); stillThere && it != m_index.end()) {
                m_result.processes[it->second].runningAtEnd = true;
            }
        }
        return m_result;
    }

private:
    const ProfileOptions& m_options;
    PhaseRules m_rules;
    ProcessTreeTracker m_tracker;
    Clock::time_point m_start;
    std::mutex m_mutex;
    ProfileResult m_result;
    std::map<std::pair<int, std::uint64_t>, std::size_t> m_index;
    std::vector<std::pair<int, std::uint64_t>> m_lastMembers;
    std::vector<int> m_adopted;
    int m_root;
    int m_self = ::getpid();
};

// Splits a stream into lines as it arrives.
struct LineBuffer {
    std::string pending;
    template <typename Emit> void feed(std::string_view chunk, Emit emit) {
        pending.append(chunk);
        std::size_t start = 0;
        for (std::size_t newline; (newline = pending.find('\n', start)) != std::string::npos;) {
            emit(pending.substr(start, newline - start));
            start = newline + 1;
        }
        pending.erase(0, start);
    }
    template <typename Emit> void flush(Emit emit) {
        if (!pending.empty()) {
            emit(pending);
            pending.clear();
        }
    }
};

int exitStatus(int status) {
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

} // namespace

std::string ProfileResult::phaseAt(double seconds) const {
    std::string phase;
    for (const auto& mark : phases) {
        if (mark.seconds <= seconds) {
            phase = mark.name;
        }
    }
    return phase;
}

ProfileResult profileCommand(const ProfileOptions& options) {
    if (options.command.empty()) {
        throw std::invalid_argument("no command to profile");
    }
    const PhaseRules check(options.phases); // throws on a bad pattern before anything starts
    // Orphans of the command's tree are re-parented to this process instead of init, so that
    // they can be followed and reaped here (init may not reap them in a container).
    int wasSubreaper = 0;
    ::prctl(PR_GET_CHILD_SUBREAPER, &wasSubreaper);
    ::prctl(PR_SET_CHILD_SUBREAPER, 1);
    struct RestoreSubreaper {
        int was;
        ~RestoreSubreaper() { ::prctl(PR_SET_CHILD_SUBREAPER, was); }
    } restore{wasSubreaper};
    Pipe out;
    Pipe err;
    Pipe status; // exec's failure travels back through it; a successful exec closes it
    std::vector<char*> argv;
    for (const auto& arg : options.command) {
        argv.push_back(const_cast<char*>(arg.c_str()));
    }
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) {
        throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    }
    if (pid == 0) {
        ::setpgid(0, 0); // its own process group: a stop reaches its whole tree
        ::dup2(out.fd[1], STDOUT_FILENO);
        ::dup2(err.fd[1], STDERR_FILENO);
        int failure = 0;
        if (!options.workingDirectory.empty() && ::chdir(options.workingDirectory.c_str()) != 0) {
            failure = errno;
        } else {
            ::execvp(argv[0], argv.data());
            failure = errno;
        }
        const char stage = options.workingDirectory.empty() || failure == 0 ? 'x' : 'd';
        char message[1 + sizeof failure];
        message[0] = stage;
        std::memcpy(message + 1, &failure, sizeof failure);
        (void)!::write(status.fd[1], message, sizeof message);
        ::_exit(127);
    }
    out.closeWrite();
    err.closeWrite();
    status.closeWrite();
    char message[1 + sizeof(int)] = {};
    ssize_t got;
    while ((got = ::read(status.fd[0], message, sizeof message)) < 0 && errno == EINTR) {
    }
    if (got == static_cast<ssize_t>(sizeof message)) {
        int failure = 0;
        std::memcpy(&failure, message + 1, sizeof failure);
        int ignored = 0;
        ::waitpid(pid, &ignored, 0);
        ProfileResult result;
        result.command = options.command;
        result.workingDirectory = options.workingDirectory;
        result.error = (message[0] == 'd' ? "cannot enter " + options.workingDirectory
                                          : "cannot start " + options.command.front()) +
                       ": " + std::strerror(failure);
        return result;
    }

    Session session(options, pid);
    session.sample();
    std::jthread sampler([&](std::stop_token stop) {
        std::mutex waitMutex;
        std::condition_variable_any wake;
        std::unique_lock lock(waitMutex);
        const auto interval = std::chrono::duration<double>(options.intervalSeconds);
        while (!stop.stop_requested()) {
            wake.wait_for(lock, stop, interval, [] { return false; });
            if (!stop.stop_requested()) {
                session.sample();
            }
        }
    });

    std::array<LineBuffer, 2> buffers;
    std::array<pollfd, 2> fds{{{out.fd[0], POLLIN, 0}, {err.fd[0], POLLIN, 0}}};
    int open = 2;
    int exitCode = -1;
    std::optional<Clock::time_point> exitedAt;
    std::optional<Clock::time_point> termSentAt;
    const auto emit = [&](std::size_t stream) {
        return [&, stream](const std::string& text) { session.line(text, stream == 1); };
    };
    while (open > 0) {
        // After the command exits, descendants that keep its pipes open get one second more.
        if (exitedAt && Clock::now() - *exitedAt > std::chrono::seconds(1)) {
            break;
        }
        if (options.stop.stop_requested() && !exitedAt) {
            if (!termSentAt) {
                ::kill(-pid, SIGTERM);
                termSentAt = Clock::now();
            } else if (Clock::now() - *termSentAt > std::chrono::seconds(3)) {
                ::kill(-pid, SIGKILL);
            }
        }
        if (::poll(fds.data(), fds.size(), 100) < 0 && errno != EINTR) {
            break;
        }
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) {
                continue;
            }
            std::array<char, 65536> chunk{};
            const ssize_t read = ::read(fds[i].fd, chunk.data(), chunk.size());
            if (read > 0) {
                buffers[i].feed(std::string_view(chunk.data(), static_cast<std::size_t>(read)),
                                emit(i));
            } else if (read == 0 || errno != EINTR) {
                fds[i].fd = -1;
                --open;
            }
        }
        session.reapAdopted();
        int waitStatus = 0;
        if (!exitedAt && ::waitpid(pid, &waitStatus, WNOHANG) == pid) {
            exitCode = exitStatus(waitStatus);
            exitedAt = Clock::now();
        }
    }
    for (std::size_t i = 0; i < buffers.size(); ++i) {
        buffers[i].flush(emit(i));
    }
    if (!exitedAt) {
        int waitStatus = 0;
        while (::waitpid(pid, &waitStatus, 0) < 0 && errno == EINTR) {
        }
        exitCode = exitStatus(waitStatus);
    }
    sampler.request_stop();
    sampler.join();
    session.sample(); // the state right after the exit: what outlived it
    session.reapAdopted();
    return session.finish(exitCode);
}

std::string profileJson(const ProfileResult& result) {
    nlohmann::ordered_json json;
    json["schema"] = 1;
    json["command"] = result.command;
    json["workingDirectory"] = result.workingDirectory;
    json["intervalMs"] = result.intervalSeconds * 1000;
    json["started"] = result.started;
    if (!result.error.empty()) {
        json["error"] = result.error;
    }
    json["exitCode"] = result.exitCode;
    json["wallSeconds"] = result.wallSeconds;
    json["tree"] = {{"peakBytes", result.treePeakBytes},
                    {"peakAt", result.treePeakAt},
                    {"peakPhase", result.treePeakPhase}};
    json["system"] = {{"minAvailableBytes", result.minAvailableBytes}};
    auto phases = nlohmann::ordered_json::array();
    for (const auto& mark : result.phases) {
        phases.push_back({{"seconds", mark.seconds}, {"name", mark.name}, {"line", mark.line}});
    }
    json["phases"] = std::move(phases);
    auto processes = nlohmann::ordered_json::array();
    for (const auto& process : result.processes) {
        processes.push_back({{"pid", process.pid},
                             {"ppid", process.ppid},
                             {"name", process.name},
                             {"commandLine", process.commandLine},
                             {"firstSeen", process.firstSeen},
                             {"lastSeen", process.lastSeen},
                             {"peakBytes", process.peakBytes},
                             {"peakAt", process.peakAt},
                             {"peakPhase", process.peakPhase},
                             {"runningAtEnd", process.runningAtEnd}});
    }
    json["processes"] = std::move(processes);
    auto timeline = nlohmann::ordered_json::array();
    for (const auto& sample : result.samples) {
        auto rss = nlohmann::ordered_json::object();
        for (const auto& [pid, bytes] : sample.processes) {
            rss[std::to_string(pid)] = bytes;
        }
        timeline.push_back({{"seconds", sample.seconds},
                            {"phase", result.phaseAt(sample.seconds)},
                            {"treeBytes", sample.treeBytes},
                            {"availableBytes", sample.availableBytes},
                            {"processes", std::move(rss)}});
    }
    json["timeline"] = std::move(timeline);
    return json.dump(2) + "\n";
}

std::string profileCsv(const ProfileResult& result) {
    std::ostringstream out;
    const auto quoted = [](const std::string& text) {
        std::string escaped = "\"";
        for (const char c : text) {
            escaped += c == '"' ? std::string("\"\"") : std::string(1, c);
        }
        return escaped + "\"";
    };
    out << "seconds,phase,tree_bytes,available_bytes";
    std::map<int, std::size_t> column; // pid -> column (a reused pid shares it)
    std::vector<int> pids;
    for (const auto& process : result.processes) {
        if (column.emplace(process.pid, pids.size()).second) {
            pids.push_back(process.pid);
            out << "," << quoted(std::to_string(process.pid) + " " + process.name);
        }
    }
    out << "\n";
    for (const auto& sample : result.samples) {
        std::vector<std::string> cells(pids.size());
        for (const auto& [pid, bytes] : sample.processes) {
            cells[column.at(pid)] = std::to_string(bytes);
        }
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.3f", sample.seconds);
        out << seconds << "," << quoted(result.phaseAt(sample.seconds)) << "," << sample.treeBytes
            << "," << sample.availableBytes;
        for (const auto& cell : cells) {
            out << "," << cell;
        }
        out << "\n";
    }
    return out.str();
}

std::string profileSummary(const ProfileResult& result) {
    std::ostringstream out;
    std::string command;
    for (const auto& arg : result.command) {
        command += (command.empty() ? "" : " ") + arg;
    }
    if (!result.started) {
        out << "fanout profile: " << result.error << "\n";
        return out.str();
    }
    char line[512];
    std::snprintf(line, sizeof line, "fanout profile: `%s` exited with %d after %.1f s\n",
                  command.c_str(), result.exitCode, result.wallSeconds);
    out << line;
    const auto phase = [](const std::string& name) { return name.empty() ? "-" : name; };
    std::snprintf(line, sizeof line, "  tree peak %s at %.1f s (phase %s)",
                  formatSize(result.treePeakBytes).c_str(), result.treePeakAt,
                  phase(result.treePeakPhase).c_str());
    out << line;
    if (result.minAvailableBytes > 0) {
        out << "; system memory available fell to " << formatSize(result.minAvailableBytes);
    }
    out << "\n";
    if (!result.phases.empty()) {
        out << "  phases:";
        for (const auto& mark : result.phases) {
            std::snprintf(line, sizeof line, " %s at %.1f s;", mark.name.c_str(), mark.seconds);
            out << line;
        }
        out << "\n";
    }
    auto processes = result.processes;
    std::stable_sort(processes.begin(), processes.end(),
                     [](const auto& a, const auto& b) { return a.peakBytes > b.peakBytes; });
    out << "  PID       PEAK      AT  PHASE         PROCESS\n";
    constexpr std::size_t kShown = 15;
    for (std::size_t i = 0; i < processes.size() && i < kShown; ++i) {
        const auto& process = processes[i];
        const auto shown = process.commandLine.empty() ? process.name : process.commandLine;
        std::snprintf(line, sizeof line, "  %-7d %9s %6.1fs  %-12s  %.80s%s\n", process.pid,
                      formatSize(process.peakBytes).c_str(), process.peakAt,
                      phase(process.peakPhase).c_str(), shown.c_str(),
                      process.runningAtEnd ? "  (still running)" : "");
        out << line;
    }
    if (processes.size() > kShown) {
        out << "  ... and " << processes.size() - kShown << " smaller processes\n";
    }
    return out.str();
}

} // namespace fanout
