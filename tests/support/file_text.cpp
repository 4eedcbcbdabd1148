// SPDX-License-Identifier: GPL-3.0-or-later
#include "file_text.h"

#include <fstream>
#include <memory>
#include <sstream>
#include <thread>

namespace fanout::testing {

std::string fileText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::future<std::string> readPipeInBackground(const std::filesystem::path& pipe) {
    auto reading = std::make_shared<std::promise<std::string>>();
    auto read = reading->get_future();
    std::thread([pipe, reading] { reading->set_value(fileText(pipe)); }).detach();
    return read;
}

} // namespace fanout::testing
