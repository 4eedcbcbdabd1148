# SPDX-License-Identifier: GPL-3.0-or-later
# The command-line program with the C++ runtime, yaml-cpp and the tree-sitter runtime linked in.
#
# `fanout` starts twice per run (the restart onto huge-page heaps, allocator_arenas.cpp), and each
# start mapped and faulted in five shared libraries: `fanout --version` took 11-13 ms, 8-9 ms
# linked this way (`perf stat -r 40`; 15 ms off a 21,012-module `scan --json` in 30 alternating
# runs). Done only where every C++ library the program links has a static archive (one linked
# shared would bring the shared C++ runtime in beside the static one), and not in the sanitizer
# builds, whose runtimes expect the shared one. The GUI and the tests keep the shared libraries
# (Qt brings the shared C++ runtime anyway).
#
# Include after the libraries are found; core links the switches below in place of the libraries.

# fanout_static_switch(NAME SHARED ARCHIVE): an interface target that links the target SHARED, or
# the static archive ARCHIVE (when found) into a program that links its runtime statically.
function(fanout_static_switch name shared archive)
    add_library(${name} INTERFACE)
    if(archive)
        target_link_libraries(${name} INTERFACE
            "$<IF:$<BOOL:$<TARGET_PROPERTY:FANOUT_STATIC_RUNTIME>>,${archive},${shared}>")
    else()
        target_link_libraries(${name} INTERFACE ${shared})
    endif()
endfunction()

find_library(FANOUT_YAML_CPP_ARCHIVE NAMES libyaml-cpp.a)
fanout_static_switch(fanout_yaml_cpp yaml-cpp "${FANOUT_YAML_CPP_ARCHIVE}")

set(tree_sitter_archive "") # the bundled runtime is a static library already
if(NOT FANOUT_TREE_SITTER_RUNTIME STREQUAL "bundled")
    find_library(FANOUT_TREE_SITTER_ARCHIVE NAMES libtree-sitter.a)
    set(tree_sitter_archive "${FANOUT_TREE_SITTER_ARCHIVE}")
endif()
fanout_static_switch(fanout_tree_sitter TreeSitter::runtime "${tree_sitter_archive}")

if(NOT FANOUT_SANITIZE AND FANOUT_YAML_CPP_ARCHIVE
   AND (FANOUT_TREE_SITTER_RUNTIME STREQUAL "bundled" OR tree_sitter_archive)
   AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    set(FANOUT_STATIC_CLI ON)
else()
    set(FANOUT_STATIC_CLI OFF)
endif()
add_feature_info(StaticCli FANOUT_STATIC_CLI
    "the command-line program links the C++ runtime, yaml-cpp and tree-sitter statically")

# fanout_link_runtime_statically(TARGET): the program links the C++ runtime and the libraries
# above statically, when this build can.
function(fanout_link_runtime_statically target)
    if(FANOUT_STATIC_CLI)
        set_target_properties(${target} PROPERTIES FANOUT_STATIC_RUNTIME ON)
        target_link_options(${target} PRIVATE -static-libstdc++ -static-libgcc)
    endif()
endfunction()
