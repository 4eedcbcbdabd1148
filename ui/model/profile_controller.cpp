#include "profile_controller.h"

#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace fanout::ui {
namespace {

constexpr double kMb = 1024.0 * 1024.0;

double megabytes(std::uint64_t bytes) {
    return static_cast<double>(bytes) / kMb;
}

} // namespace

std::vector<int> ProfileSeries::largest(std::size_t count) const {
    std::vector<std::pair<double, int>> peaks;
    for (const auto& [pid, process] : processes) {
        peaks.emplace_back(process.peak, pid);
    }
    std::sort(peaks.begin(), peaks.end(), [](const auto& a, const auto& b) { return a > b; });
    std::vector<int> out;
    for (std::size_t i = 0; i < peaks.size() && i < count; ++i) {
        out.push_back(peaks[i].second);
    }
    return out;
}

ProfileController::ProfileController(QObject* parent) : QObject(parent) {
    m_pool.setMaxThreadCount(1);
    m_outputTimer.setInterval(100);
    connect(&m_outputTimer, &QTimer::timeout, this, &ProfileController::flushOutput);
}

ProfileController::~ProfileController() {
    m_stop.request_stop();
    m_pool.waitForDone();
}

QString ProfileController::start(const QStringList& command, const QString& workingDirectory,
                                 const QStringList& phases, int intervalMs) {
    Q_ASSERT(QThread::currentThread() == thread());
    if (command.isEmpty()) {
        return tr("Type the command to profile, for example: pnpm build");
    }
    ProfileOptions options;
    for (const auto& arg : command) {
        options.command.push_back(arg.toStdString());
    }
    options.workingDirectory = workingDirectory.toStdString();
    options.intervalSeconds = intervalMs / 1000.0;
    for (const auto& phase : phases) {
        const auto equals = phase.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            return tr("A phase is NAME=REGEX, not \"%1\"").arg(phase);
        }
        options.phases.emplace_back(phase.left(equals).trimmed().toStdString(),
                                    phase.mid(equals + 1).toStdString());
    }
    m_stop.request_stop();
    m_stop = std::stop_source();
    options.stop = m_stop.get_token();
    const auto generation = ++m_generation;
    m_running = true;
    m_series.clear();
    m_result.reset();
    {
        std::lock_guard lock(m_outputMutex);
        m_pendingOutput.clear();
    }
    m_outputTimer.start();
    emit started();

    const auto post = [this, generation](auto function) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, function]() {
                if (generation == m_generation) {
                    function();
                }
            },
            Qt::QueuedConnection);
    };
    options.output = [this, generation](std::string_view line, bool) {
        std::lock_guard lock(m_outputMutex);
        if (generation == m_generation) {
            m_pendingOutput << QString::fromUtf8(line.data(), static_cast<qsizetype>(line.size()));
        }
    };
    // Called on the sampling thread: only what the plot needs crosses to the GUI thread.
    options.sampled = [this, post](const ProfileResult& sofar) {
        std::map<int, QString> names;
        for (const auto& process : sofar.processes) {
            names[process.pid] = QString::fromStdString(process.name);
        }
        post([this, sample = sofar.samples.back(), names = std::move(names),
              phases = sofar.phases] { addSample(sample, names, phases); });
    };
    auto future = QtConcurrent::run(&m_pool, [post, options = std::move(options), this]() {
        try {
            auto result = std::make_shared<const ProfileResult>(profileCommand(options));
            post([this, result] {
                flushOutput();
                m_outputTimer.stop();
                m_running = false;
                m_result = result;
                if (!result->started) {
                    emit failed(QString::fromStdString(result->error));
                } else {
                    emit finished(result);
                }
            });
        } catch (const std::exception& error) {
            const auto message = QString::fromStdString(error.what());
            post([this, message] {
                m_outputTimer.stop();
                m_running = false;
                emit failed(message);
            });
        }
    });
    Q_UNUSED(future);
    return {};
}

void ProfileController::stop() {
    if (m_running) {
        m_stop.request_stop();
    }
}

void ProfileController::addSample(const ProfileSample& sample, const std::map<int, QString>& names,
                                  const std::vector<PhaseMark>& phases) {
    const auto index = m_series.seconds.size();
    m_series.seconds.push_back(sample.seconds);
    m_series.treeMegabytes.push_back(megabytes(sample.treeBytes));
    m_series.availableMegabytes.push_back(megabytes(sample.availableBytes));
    for (const auto& [pid, bytes] : sample.processes) {
        auto& process = m_series.processes[pid];
        if (process.name.isEmpty() || names.count(pid)) {
            process.name = names.count(pid) ? names.at(pid) : QString::number(pid);
        }
        process.megabytes.resize(index, 0.0); // absent before it appeared
        process.megabytes.push_back(megabytes(bytes));
        process.peak = std::max(process.peak, megabytes(bytes));
    }
    for (auto& [pid, process] : m_series.processes) {
        process.megabytes.resize(index + 1, 0.0); // gone: nothing resident
    }
    m_series.phases.clear();
    for (const auto& mark : phases) {
        m_series.phases.emplace_back(mark.seconds, QString::fromStdString(mark.name));
    }
    emit sampled();
}

void ProfileController::flushOutput() {
    QStringList lines;
    {
        std::lock_guard lock(m_outputMutex);
        lines.swap(m_pendingOutput);
    }
    if (!lines.isEmpty()) {
        emit outputAvailable(lines);
    }
}

TableContent profileTable(const ProfilePtr& result) {
    auto rows = std::make_shared<std::vector<ProfiledProcess>>(result->processes);
    std::stable_sort(rows->begin(), rows->end(),
                     [](const auto& a, const auto& b) { return a.peakBytes > b.peakBytes; });
    const auto row = [rows](int i) -> const ProfiledProcess& {
        return (*rows)[static_cast<std::size_t>(i)];
    };
    const auto number = [](const QString& title, std::function<QVariant(int)> value) {
        return TableColumn{title, value, value, true, {}};
    };
    const auto text = [](const QString& title, std::function<QVariant(int)> value) {
        return TableColumn{title, std::move(value), {}, false, {}};
    };
    TableContent content;
    content.rows = static_cast<int>(rows->size());
    content.columns = {
        number(QObject::tr("PID"), [row](int i) { return row(i).pid; }),
        text(QObject::tr("Process"), [row](int i) { return QString::fromStdString(row(i).name); }),
        number(QObject::tr("Peak MB"),
               [row](int i) { return std::round(megabytes(row(i).peakBytes) * 10) / 10; }),
        number(QObject::tr("Peak at s"),
               [row](int i) { return std::round(row(i).peakAt * 10) / 10; }),
        text(QObject::tr("Phase"),
             [row](int i) { return QString::fromStdString(row(i).peakPhase); }),
        number(QObject::tr("Alive s"),
               [row](int i) { return std::round((row(i).lastSeen - row(i).firstSeen) * 10) / 10; }),
        text(QObject::tr("Command line"),
             [row](int i) -> QVariant {
                 return QString::fromStdString(row(i).commandLine) +
                        (row(i).runningAtEnd ? QObject::tr("  (still running)") : QString());
             }),
    };
    content.defaultSortColumn = 2;
    content.defaultSortOrder = Qt::DescendingOrder;
    return content;
}

} // namespace fanout::ui
