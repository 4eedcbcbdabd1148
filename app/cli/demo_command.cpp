// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo_command.h"

#include "fanout/demo/demo_project.h"

#include <iostream>
#include <memory>
#include <string>

namespace fanout::cli {
namespace {

struct DemoOptions {
    std::string dir;
    std::size_t icons = 300;
};

int runDemo(const DemoOptions& options) {
    try {
        const auto info = writeDemoProject(options.dir, options.icons);
        std::cerr << "fanout demo: wrote " << info.files << " files (" << info.bytes / 1024
                  << " KiB, " << info.icons << " icon modules) to " << options.dir << "\n";
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "fanout demo: " << error.what() << "\n";
        return 1;
    }
}

} // namespace

std::function<int()> addDemoCommand(CLI::App& app) {
    auto options = std::make_shared<DemoOptions>();
    auto* command = app.add_subcommand(
        "demo", "Write the demo project (an app importing an icon barrel) into a folder");
    command->add_option("DIR", options->dir, "Folder to create (replaced only if an earlier demo)")
        ->type_name("")
        ->required();
    command->add_option("--icons", options->icons, "Number of icon modules in the barrel")
        ->type_name("N")
        ->check(CLI::Range(1, 100000).description(""));
    return [options, command]() { return command->parsed() ? runDemo(*options) : -1; };
}

} // namespace fanout::cli
