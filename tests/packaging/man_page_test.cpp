// SPDX-License-Identifier: GPL-3.0-or-later
// The man pages are written by hand; these tests keep them in step with the programs' --help:
// every option a program takes is documented, and the pages document no option it lacks.
#include "fanout/version.h"

#include "process.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace fanout {
namespace {

std::set<std::string> longOptions(const std::string& text) {
    std::set<std::string> options;
    const std::regex option(R"(--[a-z][a-z-]*[a-z])");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), option);
         it != std::sregex_iterator(); ++it) {
        options.insert(it->str());
    }
    return options;
}

// The page as text: troff's escaped minus `\-` read as `-`. (Another program's options, such as
// Node's, are written `\-\&\-name`: shown as --name, not read as one of ours.)
std::string manPage(const std::string& name) {
    std::ifstream in(std::string(FANOUT_MAN_DIR) + "/" + name);
    std::stringstream text;
    text << in.rdbuf();
    auto page = text.str();
    EXPECT_FALSE(page.empty()) << name;
    for (std::size_t at = 0; (at = page.find("\\-", at)) != std::string::npos;) {
        page.erase(at, 1);
    }
    return page;
}

std::string help(const std::vector<std::string>& command) {
    const auto result = testing::runProcess(command);
    EXPECT_EQ(result.exitCode, 0) << result.err;
    return result.out;
}

void expectInStep(const std::string& page, const std::set<std::string>& helpOptions) {
    const auto documented = longOptions(page);
    for (const auto& option : helpOptions) {
        EXPECT_TRUE(documented.contains(option)) << option << " is not in the man page";
    }
    for (const auto& option : documented) {
        EXPECT_TRUE(helpOptions.contains(option)) << option << " is documented but not taken";
    }
    EXPECT_NE(page.find("\"fanout " + std::string(kVersion) + "\""), std::string::npos)
        << "the page's header names another version";
}

TEST(ManPage, FanoutDocumentsEveryOptionOfEveryCommand) {
    std::set<std::string> options = longOptions(help({FANOUT_EXECUTABLE, "--help"}));
    for (const char* command : {"scan", "report", "why", "check", "inspect", "resolve", "demo",
                                "profile", "diff", "heap"}) {
        const auto text = help({FANOUT_EXECUTABLE, command, "--help"});
        options.merge(longOptions(text));
        EXPECT_NE(manPage("fanout.1").find(".B " + std::string(command)), std::string::npos)
            << command;
    }
    expectInStep(manPage("fanout.1"), options);
}

TEST(ManPage, FanoutGuiDocumentsEveryOption) {
    expectInStep(manPage("fanout-gui.1"), longOptions(help({FANOUT_GUI_EXECUTABLE, "--help"})));
}

} // namespace
} // namespace fanout
