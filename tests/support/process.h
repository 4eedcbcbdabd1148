// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace fanout::testing {

struct ProcessResult {
    int exitCode = -1; // the exit status, or 128 + signal number when killed by a signal
    std::string out;
    std::string err;
};

// Runs a program (no shell; a bare name is found on PATH) and collects its exit code, standard
// output and standard error; `onOutput`, when given, gets each piece of standard output as it
// arrives (on the calling thread), e.g. for a test that waits for a long-running program's lines.
ProcessResult runProcess(const std::vector<std::string>& argv, const std::string& workingDir = {},
                         const std::function<void(std::string_view)>& onOutput = {});

// Starts a program (no shell) with its output discarded and returns its pid without waiting.
int startProcess(const std::vector<std::string>& argv);
// Waits for a started program: its exit status, or 128 + the signal that ended it.
int waitProcess(int pid);

} // namespace fanout::testing
