// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <future>
#include <string>

namespace fanout::testing {

// A file's bytes, whole (empty when it cannot be read).
std::string fileText(const std::filesystem::path& path);

// A named pipe's bytes once its writer closes it, read on a thread of its own. The thread is left
// behind when nothing ever opens the pipe for writing: wait on the future with a timeout.
std::future<std::string> readPipeInBackground(const std::filesystem::path& pipe);

} // namespace fanout::testing
