// SPDX-License-Identifier: GPL-3.0-or-later
// The Compare panel: a rescan after replacing an icon-barrel import shows what the change did;
// a saved scan can be compared with the current one.
#include "compare_panel.h"
#include "fixture_project.h"
#include "main_window.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include <fstream>

namespace fanout::ui {
namespace {

class ComparePanelTest : public ::testing::Test {
protected:
    void SetUp() override {
        root = testing::fixtureProject(std::string(FANOUT_TEST_DATA) + "/diff/before");
        window.setInteractive(false);
        window.show();
    }
    void scan(bool rescan) {
        QSignalSpy shown(&window.compare(), &ComparePanel::reportShown);
        rescan ? window.rescan() : window.openProject(QString::fromStdString(root));
        ASSERT_TRUE(shown.wait(60000));
    }

    std::string root;
    MainWindow window;
};

TEST_F(ComparePanelTest, ARescanShowsWhatTheChangeDid) {
    scan(false);
    EXPECT_TRUE(window.compare().reportText().contains("first scan of the session"))
        << window.compare().reportText().toStdString();
    std::ofstream(root + "/src/worker.tsx")
        << "import { Page } from \"./app/Page\";\n"
           "import Camera from \"icons/camera.js\";\n"
           "import { flag } from \"shared\";\n"
           "export default { fetch() { return [Page, Camera, flag]; } };\n";
    scan(true);
    const auto text = window.compare().reportText();
    EXPECT_TRUE(text.contains("Modules removed (3, ")) << text.toStdString();
    EXPECT_TRUE(text.contains("node_modules/icons/index.js [worker]: no longer a hotspot"))
        << text.toStdString();
    EXPECT_TRUE(text.contains("icons: 3 modules")) << text.toStdString();
}

TEST_F(ComparePanelTest, ASavedScanThatCannotBeReadSaysWhy) {
    scan(false);
    QSignalSpy shown(&window.compare(), &ComparePanel::reportShown);
    window.compare().compareWithFile(QString::fromStdString(root + "/no-such-scan.json"));
    ASSERT_TRUE(shown.wait(10000));
    EXPECT_TRUE(window.compare().reportText().contains("Cannot compare: "))
        << window.compare().reportText().toStdString();
    EXPECT_TRUE(window.compare().reportText().contains("cannot be read"));
}

} // namespace
} // namespace fanout::ui
