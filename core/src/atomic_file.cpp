#include "fanout/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace fanout {

std::string writeFileAtomically(const std::string& path,
                                const std::function<bool(std::ostream&)>& write) {
    std::string temporary = path + ".tmp-XXXXXX";
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0) {
        return "cannot create a temporary file beside " + path + ": " + std::strerror(errno);
    }
    ::close(fd);
    bool produced = false;
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        produced = write(out);
        out.flush();
        if (!out || !produced) {
            ::unlink(temporary.c_str());
            return produced ? "cannot write " + temporary : "the contents could not be produced";
        }
    }
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(temporary.c_str(), 0666 & ~mask);
    const int sync = ::open(temporary.c_str(), O_RDONLY | O_CLOEXEC);
    if (sync < 0 || ::fsync(sync) != 0) {
        const std::string error = std::strerror(errno);
        if (sync >= 0) {
            ::close(sync);
        }
        ::unlink(temporary.c_str());
        return "cannot flush " + temporary + ": " + error;
    }
    ::close(sync);
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const std::string error = std::strerror(errno);
        ::unlink(temporary.c_str());
        return "cannot rename " + temporary + " to " + path + ": " + error;
    }
    return {};
}

std::string writeFileAtomically(const std::string& path, std::string_view contents) {
    return writeFileAtomically(path, [&](std::ostream& out) {
        out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
        return true;
    });
}

} // namespace fanout
