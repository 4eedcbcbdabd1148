// SPDX-License-Identifier: GPL-3.0-or-later
#include "resolve/node_builtins.h"

#include <algorithm>
#include <array>

namespace fanout::detail {

bool isNodeBuiltin(std::string_view specifier) {
    // Node 22's module.builtinModules without the underscore-prefixed internals; sorted.
    static constexpr std::array<std::string_view, 54> kBuiltins{
        "assert",
        "assert/strict",
        "async_hooks",
        "buffer",
        "child_process",
        "cluster",
        "console",
        "constants",
        "crypto",
        "dgram",
        "diagnostics_channel",
        "dns",
        "dns/promises",
        "domain",
        "events",
        "fs",
        "fs/promises",
        "http",
        "http2",
        "https",
        "inspector",
        "inspector/promises",
        "module",
        "net",
        "os",
        "path",
        "path/posix",
        "path/win32",
        "perf_hooks",
        "process",
        "punycode",
        "querystring",
        "readline",
        "readline/promises",
        "repl",
        "stream",
        "stream/consumers",
        "stream/promises",
        "stream/web",
        "string_decoder",
        "sys",
        "timers",
        "timers/promises",
        "tls",
        "trace_events",
        "tty",
        "url",
        "util",
        "util/types",
        "v8",
        "vm",
        "wasi",
        "worker_threads",
        "zlib",
    };
    return std::find(kBuiltins.begin(), kBuiltins.end(), specifier) != kBuiltins.end();
}

} // namespace fanout::detail
