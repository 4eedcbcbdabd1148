#pragma once

#include <string>
#include <vector>

namespace fanout::testing {

struct ProcessResult {
    int exitCode = -1; // the exit status, or 128 + signal number when killed by a signal
    std::string out;
    std::string err;
};

// Runs a program (no shell; a bare name is found on PATH) and collects its exit code, standard
// output and standard error.
ProcessResult runProcess(const std::vector<std::string>& argv, const std::string& workingDir = {});

} // namespace fanout::testing
