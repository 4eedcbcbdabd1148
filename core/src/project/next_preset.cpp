// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/next_preset.h"

#include "project/static_config_file.h"

#include "base/path_utils.h"

#include <algorithm>
#include <filesystem>
#include <optional>

namespace fanout::detail {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

constexpr const char* kConfigFiles[] = {"next.config.js", "next.config.mjs", "next.config.ts",
                                        "next.config.cjs", "next.config.mts"};

// Next 15.5.29's own optimizePackageImports list (next/dist/server/config.js), which it adds to
// every project's: kept here with the version it came from, checked against the installed one by
// tests/nextjs.
constexpr const char* kDefaultOptimizePackageImports[] = {"lucide-react",
                                                          "date-fns",
                                                          "lodash-es",
                                                          "ramda",
                                                          "antd",
                                                          "react-bootstrap",
                                                          "ahooks",
                                                          "@ant-design/icons",
                                                          "@headlessui/react",
                                                          "@headlessui-float/react",
                                                          "@heroicons/react/20/solid",
                                                          "@heroicons/react/24/solid",
                                                          "@heroicons/react/24/outline",
                                                          "@visx/visx",
                                                          "@tremor/react",
                                                          "rxjs",
                                                          "@mui/material",
                                                          "@mui/icons-material",
                                                          "recharts",
                                                          "react-use",
                                                          "effect",
                                                          "@effect/schema",
                                                          "@effect/platform",
                                                          "@effect/platform-node",
                                                          "@effect/platform-browser",
                                                          "@effect/platform-bun",
                                                          "@effect/sql",
                                                          "@effect/sql-mssql",
                                                          "@effect/sql-mysql2",
                                                          "@effect/sql-pg",
                                                          "@effect/sql-sqlite-node",
                                                          "@effect/sql-sqlite-bun",
                                                          "@effect/sql-sqlite-wasm",
                                                          "@effect/sql-sqlite-react-native",
                                                          "@effect/rpc",
                                                          "@effect/rpc-http",
                                                          "@effect/typeclass",
                                                          "@effect/experimental",
                                                          "@effect/opentelemetry",
                                                          "@material-ui/core",
                                                          "@material-ui/icons",
                                                          "@tabler/icons-react",
                                                          "mui-core",
                                                          "react-icons/ai",
                                                          "react-icons/bi",
                                                          "react-icons/bs",
                                                          "react-icons/cg",
                                                          "react-icons/ci",
                                                          "react-icons/di",
                                                          "react-icons/fa",
                                                          "react-icons/fa6",
                                                          "react-icons/fc",
                                                          "react-icons/fi",
                                                          "react-icons/gi",
                                                          "react-icons/go",
                                                          "react-icons/gr",
                                                          "react-icons/hi",
                                                          "react-icons/hi2",
                                                          "react-icons/im",
                                                          "react-icons/io",
                                                          "react-icons/io5",
                                                          "react-icons/lia",
                                                          "react-icons/lib",
                                                          "react-icons/lu",
                                                          "react-icons/md",
                                                          "react-icons/pi",
                                                          "react-icons/ri",
                                                          "react-icons/rx",
                                                          "react-icons/si",
                                                          "react-icons/sl",
                                                          "react-icons/tb",
                                                          "react-icons/tfi",
                                                          "react-icons/ti",
                                                          "react-icons/vsc",
                                                          "react-icons/wi"};

// App Router files that are routes or wrap them
// (https://nextjs.org/docs/app/api-reference/file-conventions).
constexpr const char* kAppFiles[] = {
    "page",          "layout",  "template", "loading", "error",      "global-error",
    "not-found",     "default", "route",    "icon",    "apple-icon", "opengraph-image",
    "twitter-image", "sitemap", "robots",   "manifest"};

// What the project's next.config says, read without running it.
struct NextConfig {
    std::vector<std::string> optimizePackageImports;
    std::vector<std::string> serverExternalPackages;
    std::vector<std::string> pageExtensions{"tsx", "ts", "jsx", "js"};
    std::vector<Diagnostic> findings;
};

NextConfig readNextConfig(const std::string& root) {
    NextConfig config;
    const auto read = readStaticConfigFile(root, kConfigFiles, config.findings);
    if (!read) {
        return config;
    }
    // Named references, not a structured binding: clang before 16 cannot capture one in a lambda.
    const std::string& file = read->file;
    const nlohmann::ordered_json& value = read->value;
    const auto append = [&](const nlohmann::ordered_json& list, const std::string& key,
                            std::vector<std::string>& into) {
        for (auto& item : staticStrings(list, file, key, config.findings)) {
            into.push_back(std::move(item));
        }
    };
    const auto experimental = value.find("experimental");
    if (experimental != value.end() && experimental->is_object()) {
        if (const auto it = experimental->find("optimizePackageImports");
            it != experimental->end()) {
            append(*it, "experimental.optimizePackageImports", config.optimizePackageImports);
        }
        if (const auto it = experimental->find("serverComponentsExternalPackages");
            it != experimental->end()) {
            append(*it, "experimental.serverComponentsExternalPackages",
                   config.serverExternalPackages);
        }
    }
    if (const auto it = value.find("serverExternalPackages"); it != value.end()) {
        append(*it, "serverExternalPackages", config.serverExternalPackages);
    }
    if (const auto it = value.find("pageExtensions"); it != value.end()) {
        if (auto list = staticStrings(*it, file, "pageExtensions", config.findings);
            !list.empty()) {
            config.pageExtensions = std::move(list);
        }
    }
    return config;
}

// The installed next package folder, as Node would find it from the root.
std::string nextPackage(const std::string& root) {
    for (std::string dir = root;; dir = std::string(parentPath(dir))) {
        auto candidate = joinPath(dir, "node_modules/next");
        if (fs::is_regular_file(candidate + "/package.json")) {
            return candidate;
        }
        if (dir == "/" || dir.empty()) {
            return {};
        }
    }
}

// next/dist/lib/server-external-packages.json of the installed next: the packages Next never
// bundles on the server.
std::vector<std::string> defaultServerExternals(const std::string& next) {
    std::vector<std::string> out;
    if (next.empty()) {
        return out;
    }
    const auto json = readJsonc(next + "/dist/lib/server-external-packages.json");
    if (json.is_array()) {
        for (const auto& item : json) {
            if (item.is_string()) {
                out.push_back(item.get<std::string>());
            }
        }
    }
    return out;
}

// The name without its page extension ("page.tsx" -> "page"; "index.page.tsx" with the
// extension "page.tsx" -> "index"), or nullopt when it has none of them.
std::optional<std::string> pageStem(const std::string& name,
                                    const std::vector<std::string>& extensions) {
    for (const auto& extension : extensions) {
        if (name.size() > extension.size() + 1 && endsWith(name, "." + extension)) {
            return name.substr(0, name.size() - extension.size() - 1);
        }
    }
    return std::nullopt;
}

// Files under `dir` with a page extension, sorted; private folders (_x) skipped when `app`.
std::vector<std::string> routeFiles(const std::string& dir, const std::vector<std::string>& ext,
                                    bool app) {
    return filesUnder(
        dir,
        [app](const std::string& name) {
            return name == "node_modules" || (app && startsWith(name, "_"));
        },
        [&](const std::string& path) {
            const auto stem = pageStem(std::string(baseName(path)), ext);
            return stem && (!app || std::find_if(std::begin(kAppFiles), std::end(kAppFiles),
                                                 [&](const char* f) { return *stem == f; }) !=
                                        std::end(kAppFiles));
        });
}

// `app/` at the root, else `src/app/` (Next ignores src/ when the root has the folder).
std::string routerDir(const std::string& root, const char* name) {
    const auto top = joinPath(root, name);
    return fs::is_directory(top) ? top : joinPath(root, std::string("src/") + name);
}

} // namespace

bool isNextProject(const std::string& root) {
    const auto package = readJsonc(joinPath(root, "package.json"));
    if (package.is_object() && dependsOn(package, "next")) {
        return true;
    }
    return std::any_of(std::begin(kConfigFiles), std::end(kConfigFiles),
                       [&](const char* name) { return fs::is_regular_file(joinPath(root, name)); });
}

PresetConfig nextPreset(const std::string& root) {
    PresetConfig out;
    auto& config = out.config;
    config.root = root;
    config.preset = "next";
    const auto next = readNextConfig(root);
    auto externals = defaultServerExternals(nextPackage(root));
    externals.insert(externals.end(), next.serverExternalPackages.begin(),
                     next.serverExternalPackages.end());
    // Webpack's default conditions ("...") for Next's targets: node for the servers, web for the
    // browser and the edge. import/require and default are added per import.
    config.environments = {
        environment("server", {"react-server", "node", "module", "webpack", "production"},
                    {"module", "main"}, false, externals),
        environment("client", {"browser", "module", "webpack", "production"},
                    {"browser", "module", "main"}, true),
        environment("ssr", {"node", "module", "webpack", "production"}, {"main", "module"}, false,
                    externals),
        environment("edge", {"edge-light", "browser", "module", "webpack", "production"},
                    {"edge-light", "browser", "module", "main"}, true)};
    config.switches = {{Directive::Client, "client", ""}, {Directive::Server, "server", ""}};
    config.jsx.mode = JsxMode::Automatic; // SWC's automatic runtime, whatever tsconfig's "jsx"
    config.optimizePackages = next.optimizePackageImports;
    for (const char* name : kDefaultOptimizePackageImports) {
        if (std::find(config.optimizePackages.begin(), config.optimizePackages.end(), name) ==
            config.optimizePackages.end()) {
            config.optimizePackages.emplace_back(name);
        }
    }
    config.configFindings = next.findings;

    config.entries = routeFiles(routerDir(root, "app"), next.pageExtensions, true);
    for (auto& page : routeFiles(routerDir(root, "pages"), next.pageExtensions, false)) {
        config.entryEnvironments[page] = "ssr";
        config.entries.push_back(std::move(page));
    }
    for (const char* dir : {"", "src/"}) {
        for (const auto& extension : next.pageExtensions) {
            for (const char* stem : {"middleware", "instrumentation"}) {
                const auto file = joinPath(root, std::string(dir) + stem + "." + extension);
                if (fs::is_regular_file(file)) {
                    config.entryEnvironments[file] =
                        std::string_view(stem) == "middleware" ? "edge" : "ssr";
                    config.entries.push_back(file);
                }
            }
        }
    }
    return out;
}

} // namespace fanout::detail
