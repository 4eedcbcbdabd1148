// SPDX-License-Identifier: GPL-3.0-or-later
#include "output_target.h"

#include "fanout/io/atomic_file.h"

#include <iostream>

namespace fanout::cli {

bool writeOutput(const std::string& target, const std::string& contents, const char* command,
                 const char* what) {
    if (target == "-") {
        std::cout << contents << std::flush;
        return true;
    }
    if (const auto error = writeFileAtomically(target, contents); !error.empty()) {
        std::cerr << command << ": cannot write the " << what << ": " << error << "\n";
        return false;
    }
    return true;
}

} // namespace fanout::cli
