// SPDX-License-Identifier: GPL-3.0-or-later
// The "Profile a command" panel on the fake build: live samples reach the plot on the GUI
// thread, the peaks table is filled when it ends, and the exports are written.
#include "main_window.h"
#include "profile_panel.h"
#include "profile_plot.h"
#include "temp_dir.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QThread>

#include <gtest/gtest.h>

namespace fanout::ui {
namespace {

TEST(ProfilePanel, ProfilesTheFakeBuildLiveAndListsEachProcesssPeak) {
    MainWindow window;
    window.show();
    window.showPanel(Panel::Profile);
    auto& panel = window.profile();
    QAbstractItemModelTester tester(&panel.peaks(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    panel.setCommand(QStringLiteral("\"%1\" 3").arg(QStringLiteral(FANOUT_FAKE_BUILD)));
    panel.setPhases({QStringLiteral("bundle=bundling"), QStringLiteral("write=writing output")});
    QSignalSpy sampled(&panel.controller(), &ProfileController::sampled);
    QSignalSpy output(&panel.controller(), &ProfileController::outputAvailable);
    QSignalSpy finished(&panel.controller(), &ProfileController::finished);
    QThread* deliveredOn = nullptr;
    QObject::connect(&panel.controller(), &ProfileController::sampled, &panel,
                     [&] { deliveredOn = QThread::currentThread(); });
    ASSERT_EQ(panel.startProfile(), QString());
    EXPECT_TRUE(panel.controller().isRunning());
    ASSERT_TRUE(finished.wait(30000));
    EXPECT_EQ(deliveredOn, QThread::currentThread());
    EXPECT_GT(sampled.count(), 10);
    EXPECT_GE(output.count(), 1);

    const auto& series = panel.controller().series();
    EXPECT_EQ(series.phases.size(), 2u);
    EXPECT_GE(series.processes.size(), 3u);
    const auto largest = series.largest(1);
    ASSERT_EQ(largest.size(), 1u);
    EXPECT_NEAR(series.processes.at(largest[0]).peak, 122, 12);
    panel.plot().refresh();
    // Three stacked processes, the tree and the available memory.
    EXPECT_GE(panel.plot().graphCount(), 5);
    EXPECT_GT(panel.plot().plottedSamples(), 10);

    ASSERT_GE(panel.peaks().rowCount(), 3);
    EXPECT_NEAR(panel.peaks().index(0, 2).data(TableModel::SortRole).toDouble(), 122, 12);
    EXPECT_EQ(panel.peaks().index(0, 4).data().toString(), QStringLiteral("bundle"));
    EXPECT_TRUE(panel.status().startsWith(QStringLiteral("Exited with 3")))
        << panel.status().toStdString();

    testing::TempDir out;
    for (const auto what : {ProfileExport::Png, ProfileExport::Csv, ProfileExport::Json}) {
        const auto file =
            QString::fromStdString((out.path() / "profile.").string()) + suffixOf(what);
        EXPECT_EQ(panel.exportTo(what, file), QString()) << suffixOf(what).toStdString();
        EXPECT_GT(QFile(file).size(), 100) << suffixOf(what).toStdString();
    }
}

TEST(ProfilePanel, ACommandThatCannotStartOrABadPhaseSaysWhy) {
    ProfilePanel panel;
    panel.setCommand(QStringLiteral("/no/such/build --prod"));
    QSignalSpy failed(&panel.controller(), &ProfileController::failed);
    ASSERT_EQ(panel.startProfile(), QString());
    ASSERT_TRUE(failed.wait(10000));
    EXPECT_EQ(failed.takeFirst().at(0).toString(),
              QStringLiteral("cannot start /no/such/build: No such file or directory"));
    panel.setPhases({QStringLiteral("no equals sign")});
    EXPECT_FALSE(panel.startProfile().isEmpty());
    panel.setCommand(QString());
    panel.setPhases({});
    EXPECT_FALSE(panel.startProfile().isEmpty());
}

} // namespace
} // namespace fanout::ui
