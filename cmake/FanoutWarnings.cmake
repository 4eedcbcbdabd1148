# Warnings for Fanout's own targets; third-party sources (the grammars) are compiled without them.
function(fanout_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
        -Wno-sign-conversion)
    if(FANOUT_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
