// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/demo/demo_project.h"
#include "temp_dir.h"

#include <QString>

#include <filesystem>

namespace fanout::testing {

// A demo project with `icons` icon modules in a fresh temporary folder.
struct DemoFolder {
    TempDir tmp;
    QString root;

    explicit DemoFolder(std::size_t icons = 300) {
        const auto dir = std::filesystem::canonical(tmp.path()) / "demo";
        writeDemoProject(dir, icons);
        root = QString::fromStdString(dir.string());
    }
};

} // namespace fanout::testing
