// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/base/adaptive_mutex.h"

#include <system_error>

namespace fanout {

AdaptiveMutex::AdaptiveMutex() noexcept {
    pthread_mutexattr_t attributes;
    ::pthread_mutexattr_init(&attributes);
#ifdef PTHREAD_ADAPTIVE_MUTEX_INITIALIZER_NP
    ::pthread_mutexattr_settype(&attributes, PTHREAD_MUTEX_ADAPTIVE_NP);
#endif
    ::pthread_mutex_init(&m_mutex, &attributes);
    ::pthread_mutexattr_destroy(&attributes);
}

AdaptiveMutex::~AdaptiveMutex() {
    ::pthread_mutex_destroy(&m_mutex);
}

void AdaptiveMutex::lock() {
    if (const int error = ::pthread_mutex_lock(&m_mutex); error != 0) {
        throw std::system_error(error, std::generic_category(), "mutex lock");
    }
}

} // namespace fanout
