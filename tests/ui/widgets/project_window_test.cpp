// SPDX-License-Identifier: GPL-3.0-or-later
// The ways a project gets into the window besides the command line: drag and drop, the recent
// projects menu, and the settings dialog that writes its fanout.json.
#include "fanout/project/project_config.h"
#include "main_window.h"
#include "settings_dialog.h"
#include "ui_fixtures.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QFile>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

#include <fstream>

namespace fanout::ui {
namespace {

QString projectRoot(MainWindow& window) {
    const auto session = window.controller().session();
    return session ? QString::fromStdString(session->result->config.root) : QString();
}

void waitSettled(MainWindow& window, const std::function<void()>& action) {
    QSignalSpy settled(&window, &MainWindow::projectSettled);
    action();
    ASSERT_TRUE(settled.wait(60000));
    ASSERT_TRUE(window.errorText().isEmpty()) << window.errorText().toStdString();
}

TEST(ProjectWindow, AFolderDroppedOnTheWindowIsOpenedAFileIsRefused) {
    testing::DemoFolder demo(20);
    MainWindow window;
    window.setInteractive(false);
    window.show();

    QMimeData file;
    file.setUrls({QUrl::fromLocalFile(demo.root + QStringLiteral("/package.json"))});
    QDragEnterEvent refused(QPoint(20, 20), Qt::CopyAction, &file, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &refused);
    EXPECT_FALSE(refused.isAccepted());

    QMimeData folder;
    folder.setUrls({QUrl::fromLocalFile(demo.root)});
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &folder, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &folder, Qt::LeftButton, Qt::NoModifier);
    waitSettled(window, [&] { QApplication::sendEvent(&window, &drop); });
    EXPECT_EQ(projectRoot(window), demo.root);
}

TEST(ProjectWindow, RecentProjectsListTheLastOpenedFirstAndReopen) {
    QSettings().remove(QStringLiteral("recentProjects"));
    testing::DemoFolder first(10);
    testing::DemoFolder second(10);
    MainWindow window;
    window.setInteractive(false);
    window.show();
    waitSettled(window, [&] { window.openProject(first.root); });
    waitSettled(window, [&] { window.openProject(second.root); });
    waitSettled(window, [&] { window.openProject(first.root); }); // listed once, moved up
    // Stored off the GUI thread: read once written.
    const QStringList expected{first.root, second.root};
    const auto stored = [] { return QSettings().value(QStringLiteral("recentProjects")); };
    for (int i = 0; i < 200 && stored().toStringList() != expected; ++i) {
        QTest::qWait(25);
    }
    EXPECT_EQ(stored().toStringList(), expected);

    QMenu* recent = nullptr;
    for (auto* menu : window.findChildren<QMenu*>()) {
        if (menu->title() == MainWindow::tr("Open &recent")) {
            recent = menu;
        }
    }
    ASSERT_NE(recent, nullptr);
    ASSERT_EQ(recent->actions().size(), 2);
    EXPECT_EQ(recent->actions()[1]->text(), second.root);
    waitSettled(window, [&] { recent->actions()[1]->trigger(); });
    EXPECT_EQ(projectRoot(window), second.root);
}

// Answers the question box the dialog opens next with `button`.
void answerNextQuestion(QMessageBox::StandardButton button, bool* asked) {
    QTimer::singleShot(0, [button, asked] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        ASSERT_NE(box, nullptr);
        *asked = true;
        box->button(button)->click();
    });
}

TEST(SettingsDialog, SavesWhatWasEditedAndAsksBeforeDroppingComments) {
    testing::DemoFolder demo(10);
    const auto file = demo.root + QStringLiteral("/fanout.json");
    const std::string original = "{\n  // my budget\n  \"budgets\": {\"maxModules\": 5000}\n}\n";
    std::ofstream(file.toStdString()) << original;
    const auto config = loadScanConfig(demo.root.toStdString(), {});

    SettingsDialog dialog(demo.root, config);
    dialog.show();
    auto* rule = dialog.findChild<QComboBox*>(QStringLiteral("directiveRule"));
    auto* conditions = dialog.findChild<QTableWidget*>(QStringLiteral("conditions"));
    ASSERT_NE(rule, nullptr);
    ASSERT_NE(conditions, nullptr);
    ASSERT_GE(conditions->rowCount(), 1);
    rule->setCurrentIndex(1); // rwsdk's text rule
    conditions->item(0, 1)->setText(conditions->item(0, 1)->text() +
                                    QStringLiteral(", fanout-test"));
    auto* save = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);

    bool asked = false;
    answerNextQuestion(QMessageBox::Cancel, &asked);
    save->click();
    EXPECT_TRUE(asked);
    EXPECT_NE(dialog.result(), QDialog::Accepted);
    QFile unchanged(file);
    ASSERT_TRUE(unchanged.open(QIODevice::ReadOnly));
    EXPECT_EQ(unchanged.readAll().toStdString(), original);
    unchanged.close();

    asked = false;
    answerNextQuestion(QMessageBox::Save, &asked);
    save->click();
    EXPECT_TRUE(asked);
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    const auto after = loadScanConfig(demo.root.toStdString(), {});
    EXPECT_EQ(after.directiveRule, DirectiveRule::Rwsdk);
    EXPECT_EQ(after.environments[0].resolver.conditions.back(), "fanout-test");
    EXPECT_EQ(after.budgets.maxModules, 5000u);
}

} // namespace
} // namespace fanout::ui
