// SPDX-License-Identifier: GPL-3.0-or-later
#include "background_priority.h"

#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#endif

namespace fanout::ui {

void lowerThreadPriority() {
#ifdef __linux__
    const auto self = static_cast<id_t>(::gettid());
    if (threadNice() < kBackgroundNice) {
        ::setpriority(PRIO_PROCESS, self, kBackgroundNice); // a refusal leaves it as it was
    }
#endif
}

int threadNice() {
#ifdef __linux__
    errno = 0; // -1 is a valid answer: only errno tells a failure
    const int nice = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()));
    return errno == 0 ? nice : 0;
#else
    return 0;
#endif
}

} // namespace fanout::ui
