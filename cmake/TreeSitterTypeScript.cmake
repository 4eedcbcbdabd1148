# SPDX-License-Identifier: GPL-3.0-or-later
# tree-sitter runtime and the TypeScript/TSX grammars.
#
# Runtime: Debian's libtree-sitter-dev (0.20.7, grammar ABI 13-14). Its pkg-config file reports a
# wrong version, so it is located with find_path/find_library instead. The pinned 0.25 runtime can
# be built instead (FANOUT_TREE_SITTER_RUNTIME=bundled, below).
#
# Grammars: tree-sitter-typescript is not packaged by Debian. Its generated C sources are taken from
# the pinned npm tarball (`npm pack`, through whatever registry npm is configured for), checked
# against a pinned SHA-256, and only typescript/src, tsx/src and common/ are extracted. A folder of
# pre-fetched tarballs (FANOUT_TARBALL_DIR) allows offline builds.

set(FANOUT_TS_GRAMMAR_VERSION 0.23.2)
set(FANOUT_TS_GRAMMAR_SHA256 0fdf63c35930a75885145d75ee63cb879da2d49db9bfe454bd8e60b08ba778a1)

function(fanout_fetch_npm_tarball package version sha256 out_var)
    set(file_name "${package}-${version}.tgz")
    set(cache_dir "${CMAKE_BINARY_DIR}/_npm")
    set(candidates "${cache_dir}/${file_name}")
    if(FANOUT_TARBALL_DIR)
        list(PREPEND candidates "${FANOUT_TARBALL_DIR}/${file_name}")
    endif()
    foreach(candidate IN LISTS candidates)
        if(EXISTS "${candidate}")
            file(SHA256 "${candidate}" actual)
            if(actual STREQUAL sha256)
                set(${out_var} "${candidate}" PARENT_SCOPE)
                return()
            endif()
            message(WARNING "${candidate}: SHA-256 ${actual} does not match the pinned ${sha256}; "
                "ignoring it")
        endif()
    endforeach()

    find_program(NPM_EXECUTABLE npm)
    if(NOT NPM_EXECUTABLE)
        message(FATAL_ERROR "npm is needed to fetch ${package}@${version} (or put ${file_name} in "
            "FANOUT_TARBALL_DIR for an offline build)")
    endif()
    file(MAKE_DIRECTORY "${cache_dir}")
    message(STATUS "Fetching ${package}@${version} with npm pack")
    execute_process(
        COMMAND "${NPM_EXECUTABLE}" pack "${package}@${version}" --pack-destination "${cache_dir}"
            --silent
        RESULT_VARIABLE result
        OUTPUT_VARIABLE output
        ERROR_VARIABLE error)
    set(downloaded "${cache_dir}/${file_name}")
    if(NOT result EQUAL 0 OR NOT EXISTS "${downloaded}")
        message(FATAL_ERROR "npm pack ${package}@${version} failed (${result}):\n${output}${error}")
    endif()
    file(SHA256 "${downloaded}" actual)
    if(NOT actual STREQUAL sha256)
        file(REMOVE "${downloaded}")
        message(FATAL_ERROR "${package}@${version}: SHA-256 ${actual} does not match the pinned "
            "${sha256}; refusing to build from it")
    endif()
    set(${out_var} "${downloaded}" PARENT_SCOPE)
endfunction()

# FANOUT_TREE_SITTER_RUNTIME=system (the default) links Debian's runtime; =bundled builds the
# pinned 0.25 runtime from the C sources the npm package `tree-sitter` vendors (SHA-256 checked
# like the grammars), to compare the two on bench/extractor_bench. Why the default is the
# default: see "The tree-sitter runtime" in README.md.
set(FANOUT_TREE_SITTER_RUNTIME "system" CACHE STRING
    "tree-sitter runtime: system (libtree-sitter-dev) or bundled (pinned npm sources)")
set_property(CACHE FANOUT_TREE_SITTER_RUNTIME PROPERTY STRINGS system bundled)
set(FANOUT_TS_RUNTIME_VERSION 0.25.0)
set(FANOUT_TS_RUNTIME_SHA256 016448ee8e2c23aed7e1155c118cd66cd026e6436f7394b3f3606d30bf9aaa4a)

if(FANOUT_TREE_SITTER_RUNTIME STREQUAL "bundled")
    fanout_fetch_npm_tarball(tree-sitter ${FANOUT_TS_RUNTIME_VERSION}
        ${FANOUT_TS_RUNTIME_SHA256} runtime_tarball)
    set(runtime_dir "${CMAKE_BINARY_DIR}/_runtime/tree-sitter-${FANOUT_TS_RUNTIME_VERSION}")
    set(runtime_stamp "${runtime_dir}/.extracted-${FANOUT_TS_RUNTIME_SHA256}")
    if(NOT EXISTS "${runtime_stamp}")
        file(REMOVE_RECURSE "${runtime_dir}")
        file(ARCHIVE_EXTRACT INPUT "${runtime_tarball}" DESTINATION "${runtime_dir}"
            PATTERNS "package/vendor/tree-sitter/lib/*")
        file(TOUCH "${runtime_stamp}")
    endif()
    set(runtime_lib "${runtime_dir}/package/vendor/tree-sitter/lib")
    # lib.c includes every other source file: one translation unit, as upstream builds it.
    add_library(fanout_tree_sitter_runtime STATIC "${runtime_lib}/src/lib.c")
    target_include_directories(fanout_tree_sitter_runtime
        PUBLIC "${runtime_lib}/include" PRIVATE "${runtime_lib}/src")
    target_compile_definitions(fanout_tree_sitter_runtime
        PRIVATE _POSIX_C_SOURCE=200112L _DEFAULT_SOURCE)
    target_compile_options(fanout_tree_sitter_runtime PRIVATE -O2 -g0 -w)
    set_target_properties(fanout_tree_sitter_runtime PROPERTIES
        C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
    add_library(TreeSitter::runtime ALIAS fanout_tree_sitter_runtime)
    message(STATUS "tree-sitter runtime: bundled ${FANOUT_TS_RUNTIME_VERSION} (${runtime_lib})")
elseif(FANOUT_TREE_SITTER_RUNTIME STREQUAL "system")
    find_path(TREE_SITTER_INCLUDE_DIR tree_sitter/api.h)
    find_library(TREE_SITTER_LIBRARY NAMES tree-sitter)
    if(NOT TREE_SITTER_INCLUDE_DIR OR NOT TREE_SITTER_LIBRARY)
        message(FATAL_ERROR "tree-sitter runtime not found: install libtree-sitter-dev "
            "(scripts/setup does this)")
    endif()
    add_library(TreeSitter::runtime UNKNOWN IMPORTED)
    set_target_properties(TreeSitter::runtime PROPERTIES
        IMPORTED_LOCATION "${TREE_SITTER_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${TREE_SITTER_INCLUDE_DIR}")
    message(STATUS "tree-sitter runtime: ${TREE_SITTER_LIBRARY}")
else()
    message(FATAL_ERROR "FANOUT_TREE_SITTER_RUNTIME must be system or bundled, not "
        "${FANOUT_TREE_SITTER_RUNTIME}")
endif()

fanout_fetch_npm_tarball(tree-sitter-typescript ${FANOUT_TS_GRAMMAR_VERSION}
    ${FANOUT_TS_GRAMMAR_SHA256} FANOUT_TS_GRAMMAR_TARBALL)

set(FANOUT_TS_GRAMMAR_DIR "${CMAKE_BINARY_DIR}/_grammar/tree-sitter-typescript-${FANOUT_TS_GRAMMAR_VERSION}")
set(stamp "${FANOUT_TS_GRAMMAR_DIR}/.extracted-${FANOUT_TS_GRAMMAR_SHA256}")
if(NOT EXISTS "${stamp}")
    file(REMOVE_RECURSE "${FANOUT_TS_GRAMMAR_DIR}")
    file(ARCHIVE_EXTRACT INPUT "${FANOUT_TS_GRAMMAR_TARBALL}" DESTINATION "${FANOUT_TS_GRAMMAR_DIR}"
        PATTERNS "package/typescript/src/*" "package/tsx/src/*" "package/common/*")
    file(TOUCH "${stamp}")
endif()
set(FANOUT_TS_GRAMMAR_ROOT "${FANOUT_TS_GRAMMAR_DIR}/package")

# Each grammar is compiled against its own bundled tree_sitter/parser.h (listed BEFORE the system
# include directory, which may hold an older parser.h from libtree-sitter-dev). Generated code is
# always optimised: an unoptimised parser is several times slower and makes debug builds unusable.
function(fanout_add_grammar name)
    set(src "${FANOUT_TS_GRAMMAR_ROOT}/${name}/src")
    add_library(fanout_grammar_${name} STATIC "${src}/parser.c" "${src}/scanner.c")
    target_include_directories(fanout_grammar_${name} BEFORE PRIVATE "${src}")
    target_compile_options(fanout_grammar_${name} PRIVATE -O2 -g0 -w)
    set_target_properties(fanout_grammar_${name} PROPERTIES
        C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
endfunction()

fanout_add_grammar(typescript)
fanout_add_grammar(tsx)
