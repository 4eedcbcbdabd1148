// SPDX-License-Identifier: GPL-3.0-or-later
// How responsive fanout-gui stays while it scans: the longest gap between ticks of a 5 ms timer
// on the GUI thread, from the start of the scan until the window shows the result and its graph;
// once for the first scan, once for a rescan, which also replaces the previous result, and once
// for a watch update: with Watch for changes on, a comment is appended to one first-party module
// (put back afterwards) and the window is updated through the scan cache (a cache folder of its
// own, removed at the end). The window is shown and painted before the first scan starts (that
// first paint is printed apart). With --heap, a fourth run opens a V8 heap snapshot in the Heap
// panel, until it is shown and matched to the scan (the peak is sampled on the same timer).
//   fanout_gui_stall_bench PROJECT_DIR [--heap SNAPSHOT]
#include "fanout/io/process_memory.h"
#include "heap_panel.h"
#include "main_window.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

namespace {

// The first module of the project's own (not under node_modules), where an edit is made.
std::string firstPartyModule(const fanout::ScanResult& result) {
    for (const auto& module : result.modules) {
        if (!module.package && module.path.find("/node_modules/") == std::string::npos) {
            return module.path;
        }
    }
    return result.modules.front().path;
}

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    const bool withHeap = argc == 4 && std::string(argv[2]) == "--heap";
    if (argc != 2 && !withHeap) {
        std::fprintf(stderr, "usage: fanout_gui_stall_bench PROJECT_DIR [--heap SNAPSHOT]\n");
        return 2;
    }
    // The scan cache (on by default in the app) in a folder of the bench's own.
    const auto cacheHome = std::filesystem::temp_directory_path() /
                           ("fanout-stall-bench-" + std::to_string(::getpid()));
    qputenv("XDG_CACHE_HOME", QByteArray::fromStdString(cacheHome.string()));
    std::pair<std::string, std::string> edited; // the file the watch run edits, and its contents
    fanout::ui::MainWindow window;
    window.setInteractive(false);
    // The edited file put back as soon as the watch update is measured (with watching off, so
    // that a run after it sees no change), not only at the end: a bench stopped later leaves the
    // project as it was.
    const auto putBack = [&] {
        if (!edited.first.empty()) {
            window.watchAction().setChecked(false);
            std::ofstream(edited.first, std::ios::trunc | std::ios::binary) << edited.second;
            edited.first.clear();
        }
    };
    // The window's first paint (fonts, every widget laid out) is its own cost, measured apart:
    // the scans below start on a window already on screen.
    QElapsedTimer firstPaint;
    firstPaint.start();
    window.show();
    window.repaint();
    QApplication::processEvents();
    std::printf("window first shown and painted in %.1f ms (before the scans)\n",
                static_cast<double>(firstPaint.nsecsElapsed()) / 1e6);

    // The first scan fills an empty window; the rescan also replaces (and frees) a whole result.
    const char* runs[] = {"first scan", "rescan", "watch update (one file edited)"};
    std::size_t run = 0;
    QElapsedTimer clock;
    std::vector<double> gaps;
    double last = 0;
    double worst = 0;
    double worstEnd = 0;
    double resultAt = 0;
    std::uint64_t peakBytes = 0; // sampled on the timer (the heap run)
    const auto begin = [&] {
        gaps.clear();
        last = worst = worstEnd = resultAt = 0;
        peakBytes = 0;
        clock.start();
    };
    const auto printStalls = [&] {
        std::sort(gaps.begin(), gaps.end());
        const auto percentile = [&](double p) {
            return gaps.empty()
                       ? 0.0
                       : gaps[static_cast<std::size_t>(p * static_cast<double>(gaps.size() - 1))];
        };
        std::printf("  event-loop ticks        %zu (5 ms timer)\n", gaps.size());
        std::printf("  longest stall           %.1f ms (ending %.0f ms after the start)\n", worst,
                    worstEnd);
        std::printf("  99th percentile gap     %.1f ms\n", percentile(0.99));
    };
    QTimer ticker;
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const double now = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        gaps.push_back(now - last);
        if (now - last > worst) {
            worst = now - last;
            worstEnd = now;
        }
        last = now;
        peakBytes = std::max(peakBytes, fanout::residentBytes());
    });
    QObject::connect(&window.controller(), &fanout::ui::ScanController::resultAvailable,
                     [&] { resultAt = static_cast<double>(clock.nsecsElapsed()) / 1e6; });
    QObject::connect(&window, &fanout::ui::MainWindow::projectSettled, [&] {
        const double end = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        const auto session = window.controller().session();
        std::printf("%s\n", runs[run]);
        std::printf("  modules                 %zu\n",
                    session ? session->result->modules.size() : 0);
        std::printf("  scan until result       %.0f ms\n", resultAt);
        std::printf("  result until settled    %.0f ms (tables, inspector, graph layout)\n",
                    end - resultAt);
        printStalls();
        std::printf("  peak resident memory    %.1f MB\n",
                    window.controller().memory().peakMegabytes());
        if (++run == std::size(runs)) {
            putBack();
            if (withHeap) {
                QTimer::singleShot(300, &window, [&] {
                    begin();
                    window.showPanel(fanout::ui::Panel::Heap);
                    window.heap().openSnapshot(QString::fromLocal8Bit(argv[3]));
                });
                return;
            }
            ticker.stop();
            QApplication::quit();
            return;
        }
        if (run == 2 && (!session || session->result->modules.empty())) {
            std::printf("watch update: skipped (no module to edit: %s)\n",
                        window.errorText().toStdString().c_str());
            ticker.stop();
            QApplication::quit();
            return;
        }
        if (run == 2) {
            // Watching starts from the rescan's result; the edit comes from outside, as an
            // editor's save would.
            window.watchAction().setChecked(true);
            QTimer::singleShot(300, &window, [&, session] {
                const auto first = firstPartyModule(*session->result);
                edited = {first, readAll(first)};
                begin();
                std::ofstream(first, std::ios::app) << "\n// edited by fanout_gui_stall_bench\n";
            });
            return;
        }
        // Queued: the rescan starts from the event loop, as a click on Rescan would.
        QTimer::singleShot(0, &window, [&] {
            begin();
            window.rescan();
        });
    });
    const auto heapDone = [&](const QString& failure) {
        std::printf("heap snapshot opened and matched to the scan\n");
        if (!failure.isEmpty()) {
            std::printf("  failed: %s\n", failure.toStdString().c_str());
        }
        std::printf("  opened and matched in   %.0f ms (%s)\n",
                    static_cast<double>(clock.nsecsElapsed()) / 1e6,
                    window.heap().status().toStdString().c_str());
        printStalls();
        std::printf("  peak resident memory    %.1f MB (sampled every 5 ms)\n",
                    static_cast<double>(peakBytes) / 1e6);
        ticker.stop();
        QApplication::quit();
    };
    QObject::connect(&window.heap().controller(), &fanout::ui::HeapController::attributed,
                     [&] { heapDone({}); });
    QObject::connect(&window.heap().controller(), &fanout::ui::HeapController::failed, heapDone);
    begin();
    ticker.start();
    window.openProject(QString::fromLocal8Bit(argv[1]));
    const int status = QApplication::exec();
    putBack();
    std::filesystem::remove_all(cacheHome);
    return status;
}
