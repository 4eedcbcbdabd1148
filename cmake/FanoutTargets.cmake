# SPDX-License-Identifier: GPL-3.0-or-later
# What every one of Fanout's own targets gets: warnings, and the sanitizers or the fuzzing
# instrumentation the build asks for. Third-party sources (the grammars) are compiled without them.
if(FANOUT_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "FANOUT_FUZZ needs clang (libFuzzer): configure with CXX=clang++ CC=clang")
endif()

# fanout_configure_target(TARGET [UNINSTRUMENTED]): UNINSTRUMENTED keeps the sanitizers away from
# a helper whose own memory is what a test measures (the profiler's fake build).
function(fanout_configure_target target)
    cmake_parse_arguments(PARSE_ARGV 1 arg "UNINSTRUMENTED" "" "")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
        -Wno-sign-conversion)
    if(FANOUT_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    if(FANOUT_SANITIZE AND NOT arg_UNINSTRUMENTED)
        # Stop at the first report, with a usable stack.
        set(flags -fsanitize=${FANOUT_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
        target_compile_options(${target} PRIVATE ${flags})
        target_link_options(${target} PRIVATE ${flags})
        if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
            # GCC 12's flow analysis, confused by the instrumentation, reports libstdc++'s own
            # <regex> and <functional> internals as maybe-uninitialized.
            target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
        endif()
    endif()
    if(FANOUT_FUZZ AND NOT arg_UNINSTRUMENTED)
        target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
    endif()
endfunction()
