// SPDX-License-Identifier: GPL-3.0-or-later
// How the `fanout` program is linked (cmake/StaticRuntime.cmake).
#include "process.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace fanout {
namespace {

// The shared libraries the program asks the dynamic loader for (its NEEDED entries).
std::vector<std::string> neededLibraries(const std::string& program) {
    const auto result = testing::runProcess({"readelf", "--dynamic", "--wide", program});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    std::vector<std::string> needed;
    std::istringstream lines(result.out);
    for (std::string line; std::getline(lines, line);) {
        if (line.find("(NEEDED)") == std::string::npos) {
            continue;
        }
        const auto open = line.find('[');
        const auto close = line.find(']', open);
        if (open != std::string::npos && close != std::string::npos) {
            needed.push_back(line.substr(open + 1, close - open - 1));
        }
    }
    return needed;
}

TEST(CliLinking, TheProgramCarriesItsCxxRuntimeAndCxxLibrariesWhenBuiltSo) {
    if (!FANOUT_STATIC_CLI) {
        GTEST_SKIP() << "this build links the command-line program's C++ runtime as a shared "
                        "library (a sanitizer build, or a static archive missing)";
    }
    const auto needed = neededLibraries(FANOUT_EXECUTABLE);
    ASSERT_FALSE(needed.empty()) << "a dynamically linked program names at least the C library";
    for (const auto& library : needed) {
        // One shared C++ library would bring the shared C++ runtime in beside the static one.
        for (const char* cxx : {"libstdc++", "libgcc_s", "libyaml-cpp", "libtree-sitter"}) {
            EXPECT_EQ(library.find(cxx), std::string::npos) << library;
        }
    }
    const auto version = testing::runProcess({FANOUT_EXECUTABLE, "--version"});
    EXPECT_EQ(version.exitCode, 0) << version.err;
    EXPECT_NE(version.out.find("fanout "), std::string::npos) << version.out;
}

} // namespace
} // namespace fanout
