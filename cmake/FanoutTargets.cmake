# What every one of Fanout's own targets gets: warnings, and the sanitizers or the fuzzing
# instrumentation the build asks for. Third-party sources (the grammars) are compiled without them.
if(FANOUT_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "FANOUT_FUZZ needs clang (libFuzzer): configure with CXX=clang++ CC=clang")
endif()

function(fanout_configure_target target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
        -Wno-sign-conversion)
    if(FANOUT_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    if(FANOUT_SANITIZE)
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
    if(FANOUT_FUZZ)
        target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
    endif()
endfunction()
