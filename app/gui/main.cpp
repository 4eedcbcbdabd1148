// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/cache/scan_cache.h"
#include "fanout/demo/demo_project.h"
#include "fanout/io/atomic_file.h"
#include "fanout/scan/allocator_arenas.h"
#include "fanout/scan/huge_page_heaps.h"
#include "fanout/version.h"
#include "graph_panel.h"
#include "heap_panel.h"
#include "main_window.h"
#include "profile_panel.h"

#include <CLI/CLI.hpp>

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QIcon>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string_view>

namespace {

// The embedded demo lives in the user's cache folder, never in a project.
QString demoProject() {
    auto dir =
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/demo");
    const std::filesystem::path path = dir.toStdString();
    if (!std::filesystem::exists(path / fanout::kDemoMarker)) {
        fanout::writeDemoProject(path);
    }
    return dir;
}

// Grabs the window into `file` as PNG, atomically. Empty, or what went wrong.
std::string saveScreenshot(QWidget& window, const std::string& file) {
    const auto image = window.grab().toImage();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (image.isNull() || !image.save(&buffer, "PNG")) {
        return "could not render the window";
    }
    return fanout::writeFileAtomically(file, std::string_view(bytes.data(), bytes.size()));
}

bool asksOnlyForText(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view word = argv[i];
        if (word == "--help" || word == "-h" || word == "--version") {
            return true;
        }
    }
    return false;
}

bool hasDisplay() {
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

} // namespace

int main(int argc, char** argv) {
    fanout::restartWithHugePageHeaps(argv); // first: it may run the program again
    fanout::limitAllocatorArenas();         // before any thread starts
    fanout::padAllocatorHeaps();
    fanout::keepLargeBlocksInHeaps();
    CLI::App cli("Fanout: explore the import graph of a JavaScript/TypeScript project",
                 "fanout-gui");
    cli.set_version_flag("--version", "fanout-gui " + std::string(fanout::kVersion));
    cli.footer("Qt's own options (-platform NAME, -style NAME, ...) are accepted too.");
    std::string project;
    std::string screenshot;
    std::string panel = "graph";
    cli.add_option("PROJECT_DIR", project, "Project folder (default: the embedded demo project)")
        ->type_name("");
    cli.add_option("--screenshot", screenshot,
                   "Scan, show --panel, save a PNG of the window to FILE and exit (without a "
                   "display it renders offscreen)")
        ->type_name("FILE");
    std::string profile;
    cli.add_option("--profile", profile,
                   "Profile COMMAND (a build, run in the current folder) in the Profile panel")
        ->type_name("COMMAND");
    std::string heapSnapshot;
    auto* heapOption =
        cli.add_option("--heap-snapshot", heapSnapshot,
                       "Open a V8 heap snapshot in the Heap panel, matched to the project's "
                       "modules once it is scanned")
            ->type_name("FILE");
    std::string heapOlder;
    bool heapCompared = false; // the comparison --heap-compare asked for is done (or failed)
    cli.add_option("--heap-compare", heapOlder,
                   "Compare the --heap-snapshot with OLDER, an older snapshot of the same process "
                   "(the Heap panel's Comparison tab)")
        ->type_name("OLDER")
        ->needs(heapOption);
    cli.add_option("--panel", panel, "Panel to show")->type_name("NAME")->check(CLI::IsMember([] {
        std::vector<std::string> names;
        for (const auto& name : fanout::ui::MainWindow::panelNames()) {
            names.push_back(name.toStdString());
        }
        return names;
    }()));
    // --help and --version print text: they must work where no display is, as over ssh.
    if (asksOnlyForText(argc, argv)) {
        try {
            cli.parse(argc, argv);
        } catch (const CLI::ParseError& error) {
            return cli.exit(error);
        }
    }
    const bool wantsScreenshot = std::any_of(argv + 1, argv + argc, [](const char* word) {
        return std::string_view(word).starts_with("--screenshot");
    });
    if (wantsScreenshot && !hasDisplay() && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv); // takes Qt's own options (-platform ...) out of argv
    QApplication::setApplicationName(QStringLiteral("fanout-gui"));
    QApplication::setOrganizationName(QStringLiteral("Fanout"));
    QApplication::setApplicationVersion(
        QString::fromUtf8(fanout::kVersion.data(), fanout::kVersion.size()));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/fanout.svg")));
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        return cli.exit(error);
    }

    fanout::ui::MainWindow window;
    QString dir = QString::fromStdString(project);
    if (dir.isEmpty()) {
        try {
            dir = demoProject();
        } catch (const std::exception& error) {
            std::cerr << "fanout-gui: cannot write the demo project: " << error.what() << "\n";
            return 1;
        }
    }
    window.show();
    if (!screenshot.empty()) {
        window.setInteractive(false);
        int status = 0;
        const auto grab = [&] {
            // Let the panel paint once before grabbing it.
            QTimer::singleShot(400, &window, [&] {
                const auto error = saveScreenshot(window, screenshot);
                if (!error.empty()) {
                    std::cerr << "fanout-gui: " << error << "\n";
                    status = 1;
                } else if (!window.errorText().isEmpty()) {
                    std::cerr << "fanout-gui: " << window.errorText().toStdString() << "\n";
                    status = 1;
                }
                QApplication::exit(status);
            });
        };
        QObject::connect(&window, &fanout::ui::MainWindow::projectSettled, &window, [&, grab] {
            // A map is laid out, and a profile runs, only once asked for: wait for them.
            if (panel == "map") {
                QObject::connect(&window.graph(), &fanout::ui::GraphPanel::settled, &window, grab,
                                 Qt::SingleShotConnection);
            }
            // A snapshot is matched to the scan after both are in, and compared when asked:
            // wait (polling, as either may have come already) until that is done or failed.
            const bool waitsForHeap = !heapSnapshot.empty() && panel == "heap";
            if (waitsForHeap) {
                auto* poll = new QTimer(&window);
                QObject::connect(poll, &QTimer::timeout, &window, [&, poll, grab] {
                    const auto& heap = window.heap().controller();
                    const bool settled =
                        !heap.isOpening() &&
                        (!heap.heap() || (heapOlder.empty() ? bool(heap.held()) : heapCompared));
                    if (settled) {
                        poll->stop();
                        grab();
                    }
                });
                poll->start(100);
            }
            const bool profiling = !profile.empty() && panel == "profile";
            if (profiling) {
                auto& controller = window.profile().controller();
                QObject::connect(&controller, &fanout::ui::ProfileController::finished, &window,
                                 grab, Qt::SingleShotConnection);
                QObject::connect(&controller, &fanout::ui::ProfileController::failed, &window, grab,
                                 Qt::SingleShotConnection);
            }
            window.showPanel(*fanout::ui::panelNamed(QString::fromStdString(panel)));
            if (panel != "map" && !profiling && !waitsForHeap) {
                grab();
            }
        });
        QTimer::singleShot(300000, &window, [] {
            std::cerr << "fanout-gui: the scan did not finish within 5 minutes\n";
            QApplication::exit(3);
        });
    }
    if (!profile.empty()) {
        window.showPanel(fanout::ui::Panel::Profile);
        window.profile().setCommand(QString::fromStdString(profile));
        if (const auto error = window.profile().startProfile(); !error.isEmpty()) {
            std::cerr << "fanout-gui: " << error.toStdString() << "\n";
            return 2;
        }
    }
    if (!heapSnapshot.empty()) {
        window.showPanel(fanout::ui::Panel::Heap);
        window.heap().openSnapshot(QString::fromStdString(heapSnapshot));
        if (!heapOlder.empty()) {
            auto& heap = window.heap().controller();
            QObject::connect(
                &heap, &fanout::ui::HeapController::opened, &window,
                [&] { window.heap().compareWith(QString::fromStdString(heapOlder)); },
                Qt::SingleShotConnection);
            QObject::connect(&heap, &fanout::ui::HeapController::compared, &window,
                             [&] { heapCompared = true; });
            QObject::connect(&heap, &fanout::ui::HeapController::compareFailed, &window,
                             [&] { heapCompared = true; });
        }
    }
    window.openProject(dir);
    const int code = QApplication::exec();
    fanout::finishCacheWrites(); // an update of the scan cache still being stored
    return code;
}
