// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdlib> // defines __GLIBC__ where the C library is glibc

#ifdef __GLIBC__
#include <malloc.h>
#endif

// FANOUT_GLIBC_MALLOC: 1 where the allocator is glibc's own malloc, not a sanitizer's (which
// replaces it and has none of its settings).
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#define FANOUT_GLIBC_MALLOC 1
#else
#define FANOUT_GLIBC_MALLOC 0
#endif
