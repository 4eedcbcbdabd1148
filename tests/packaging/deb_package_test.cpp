// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/version.h"

#include "file_text.h"
#include "process.h"
#include "temp_dir.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <filesystem>

namespace fanout {
namespace {

namespace fs = std::filesystem;

const std::string kVersionText(kVersion);

bool onPath(const std::string& program) {
    return testing::runProcess({"sh", "-c", "command -v " + program}).exitCode == 0;
}

// One package per test process: CPack into a temporary folder, then unpacked beside it. Failures
// are kept and reported by each test (an ASSERT in SetUpTestSuite would show as "skipped").
struct BuiltPackage {
    testing::TempDir dir;
    fs::path deb;
    fs::path root;
    std::string error;

    BuiltPackage() : root(dir.path() / "root") {
        const auto built =
            testing::runProcess({FANOUT_CPACK, "-G", "DEB", "-B", (dir.path() / "out").string(),
                                 "--config", std::string(FANOUT_BUILD_DIR) + "/CPackConfig.cmake"});
        deb = dir.path() / "out" / ("fanout_" + kVersionText + "_amd64.deb");
        if (built.exitCode != 0 || !fs::exists(deb)) {
            error = "cpack failed or wrote no " + deb.filename().string() + ":\n" + built.out +
                    built.err;
            return;
        }
        const auto unpacked = testing::runProcess({"dpkg-deb", "-x", deb.string(), root.string()});
        if (unpacked.exitCode != 0) {
            error = "dpkg-deb -x failed: " + unpacked.err;
        }
    }
};

class DebPackage : public ::testing::Test {
protected:
    void SetUp() override {
        static BuiltPackage package;
        ASSERT_TRUE(package.error.empty()) << package.error;
        m_package = &package;
    }
    const fs::path& deb() const { return m_package->deb; }
    const fs::path& root() const { return m_package->root; }
    std::string field(const std::string& name) const {
        auto result = testing::runProcess({"dpkg-deb", "-f", deb().string(), name});
        EXPECT_EQ(result.exitCode, 0) << result.err;
        while (!result.out.empty() && result.out.back() == '\n') {
            result.out.pop_back();
        }
        return result.out;
    }

private:
    const BuiltPackage* m_package = nullptr;
};

TEST_F(DebPackage, ControlFieldsNameTheVersionTheQtRuntimeAndGraphviz) {
    EXPECT_EQ(field("Package"), "fanout");
    EXPECT_EQ(field("Version"), kVersionText);
    EXPECT_EQ(field("Architecture"), "amd64");
    const auto depends = field("Depends");
    for (const char* library : {"libqt6core6", "libqt6gui6", "libqt6widgets6", "libqt6svg6",
                                "libqcustomplot", "libtree-sitter0", "libstdc++6"}) {
        EXPECT_NE(depends.find(library), std::string::npos) << library << " in " << depends;
    }
    EXPECT_EQ(field("Recommends"), "graphviz");
    EXPECT_FALSE(field("Maintainer").empty());
    EXPECT_NE(field("Description").find("fanout-gui"), std::string::npos);
}

TEST_F(DebPackage, HoldsTheProgramsDesktopIntegrationIconsAndManPages) {
    for (const char* file :
         {"usr/bin/fanout", "usr/bin/fanout-gui", "usr/share/man/man1/fanout.1.gz",
          "usr/share/man/man1/fanout-gui.1.gz", "usr/share/doc/fanout/copyright",
          "usr/share/applications/io.github.fanout.Fanout.desktop",
          "usr/share/metainfo/io.github.fanout.Fanout.metainfo.xml",
          "usr/share/icons/hicolor/scalable/apps/fanout.svg"}) {
        EXPECT_TRUE(fs::is_regular_file(root() / file)) << file;
    }
    for (const char* size : {"16x16", "32x32", "48x48", "64x64", "128x128", "256x256"}) {
        const auto png = root() / "usr/share/icons/hicolor" / size / "apps/fanout.png";
        ASSERT_TRUE(fs::is_regular_file(png)) << png;
        EXPECT_EQ(testing::fileText(png).substr(1, 3), "PNG") << png;
    }
    // Nothing outside /usr, no build paths, nothing else.
    for (const auto& entry : fs::directory_iterator(root())) {
        EXPECT_EQ(entry.path().filename(), "usr");
    }
    EXPECT_EQ(fs::status(root() / "usr/bin/fanout").permissions() & fs::perms::owner_exec,
              fs::perms::owner_exec);
}

TEST_F(DebPackage, TheUnpackedProgramsRunAndScanTheDemo) {
    const auto fanout = (root() / "usr/bin/fanout").string();
    const auto version = testing::runProcess({fanout, "--version"});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_EQ(version.out, "fanout " + kVersionText + "\n");
    testing::TempDir work;
    const auto demo = (work.path() / "demo").string();
    ASSERT_EQ(testing::runProcess({fanout, "demo", demo, "--icons", "20"}).exitCode, 0);
    const auto scanned =
        testing::runProcess({fanout, "scan", demo, "--quiet", "--directives", "-"});
    ASSERT_EQ(scanned.exitCode, 0) << scanned.err;
    const auto map = nlohmann::json::parse(scanned.out);
    EXPECT_FALSE(map.at("client").empty());
    EXPECT_FALSE(map.at("server").empty());

    const auto gui = testing::runProcess({(root() / "usr/bin/fanout-gui").string(), "--version"});
    EXPECT_EQ(gui.exitCode, 0) << gui.err;
    EXPECT_EQ(gui.out, "fanout-gui " + kVersionText + "\n");
}

TEST_F(DebPackage, DesktopFileAndMetainfoValidate) {
    const auto desktop = root() / "usr/share/applications/io.github.fanout.Fanout.desktop";
    const auto metainfo = root() / "usr/share/metainfo/io.github.fanout.Fanout.metainfo.xml";
    const auto text = testing::fileText(metainfo);
    EXPECT_NE(text.find("<release version=\"" + kVersionText + "\""), std::string::npos);
    EXPECT_NE(text.find("<caption>"), std::string::npos);
    EXPECT_NE(testing::fileText(desktop).find("Exec=fanout-gui"), std::string::npos);
    if (!onPath("desktop-file-validate") || !onPath("appstreamcli")) {
        GTEST_SKIP() << "desktop-file-validate or appstreamcli is not installed";
    }
    const auto desktopCheck = testing::runProcess({"desktop-file-validate", desktop.string()});
    EXPECT_EQ(desktopCheck.exitCode, 0) << desktopCheck.out << desktopCheck.err;
    const auto metainfoCheck =
        testing::runProcess({"appstreamcli", "validate", "--no-net", metainfo.string()});
    EXPECT_EQ(metainfoCheck.exitCode, 0) << metainfoCheck.out << metainfoCheck.err;
}

} // namespace
} // namespace fanout
