// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/presets.h"

#include "base/path_utils.h"
#include "fanout/io/file_reader.h"
#include "fanout/project/project_config.h"
#include "io/jsonc.h"
#include "project/next_preset.h"
#include "project/vite_config.h"

#include <algorithm>
#include <filesystem>
#include <regex>

namespace fanout::detail {

namespace fs = std::filesystem;

nlohmann::ordered_json readJsonc(const std::string& path) {
    auto file = readJsonFile(path);
    return file.ok() ? std::move(file.json) : nullptr;
}

bool dependsOn(const nlohmann::ordered_json& package, const std::string& name) {
    for (const char* field : {"dependencies", "devDependencies", "peerDependencies"}) {
        const auto it = package.find(field);
        if (it != package.end() && it->is_object() && it->contains(name)) {
            return true;
        }
    }
    return false;
}

std::string firstExisting(const std::string& root, std::initializer_list<const char*> names) {
    for (const char* name : names) {
        auto path = joinPath(root, name);
        if (fs::is_regular_file(path)) {
            return path;
        }
    }
    return {};
}

namespace {

// wrangler.jsonc / wrangler.json "main", or wrangler.toml's top-level `main = "..."` line.
std::string wranglerMain(const std::string& root) {
    for (const char* name : {"wrangler.jsonc", "wrangler.json"}) {
        const auto json = readJsonc(joinPath(root, name));
        if (json.is_object() && json.contains("main") && json["main"].is_string()) {
            return joinPath(root, json["main"].get<std::string>());
        }
    }
    const auto toml = readFile(joinPath(root, "wrangler.toml"));
    if (toml.ok()) {
        static const std::regex mainLine(R"re(^\s*main\s*=\s*["']([^"']+)["'])re",
                                         std::regex::multiline);
        std::smatch match;
        if (std::regex_search(toml.bytes, match, mainLine)) {
            return joinPath(root, match[1].str());
        }
    }
    return {};
}

// Every script under src/, symlinked folders not followed, in a stable order.
std::vector<std::string> sourceFiles(const std::string& root) {
    static constexpr std::string_view kExtensions[] = {".ts",  ".tsx", ".js",  ".jsx", ".mjs",
                                                       ".mts", ".cjs", ".cts", ".mdx"};
    return filesUnder(
        joinPath(root, "src"), [](const std::string&) { return false; },
        [](const std::string& path) {
            return std::find(std::begin(kExtensions), std::end(kExtensions), extensionOf(path)) !=
                   std::end(kExtensions);
        });
}

// <script type="module" src="/src/main.tsx"> in index.html; src/main.* otherwise.
std::vector<std::string> viteEntries(const std::string& root) {
    std::vector<std::string> entries;
    const auto html = readFile(joinPath(root, "index.html"));
    if (html.ok()) {
        static const std::regex script(R"re(<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["'])re",
                                       std::regex::icase);
        for (auto it = std::sregex_iterator(html.bytes.begin(), html.bytes.end(), script);
             it != std::sregex_iterator(); ++it) {
            const auto src = (*it)[1].str();
            if (src.find("://") == std::string::npos) {
                entries.push_back(joinPath(root, startsWith(src, "/") ? src.substr(1) : src));
            }
        }
    }
    if (entries.empty()) {
        if (auto main =
                firstExisting(root, {"src/main.tsx", "src/main.ts", "src/main.jsx", "src/main.js"});
            !main.empty()) {
            entries.push_back(main);
        }
    }
    return entries;
}

std::vector<std::string> nodeEntries(const std::string& root) {
    const auto package = readJsonc(joinPath(root, "package.json"));
    if (package.is_object() && package.contains("main") && package["main"].is_string()) {
        const auto main = joinPath(root, package["main"].get<std::string>());
        for (const char* suffix : {"", ".js", ".mjs", ".cjs", ".ts", "/index.js"}) {
            if (fs::is_regular_file(main + suffix)) {
                return {main + suffix};
            }
        }
    }
    if (auto index = firstExisting(
            root, {"index.js", "index.mjs", "index.ts", "src/index.ts", "src/index.js"});
        !index.empty()) {
        return {index};
    }
    return {};
}

} // namespace

std::vector<std::string> filesUnder(const std::string& dir,
                                    const std::function<bool(const std::string&)>& skipFolder,
                                    const std::function<bool(const std::string&)>& keep) {
    std::vector<std::string> files;
    std::error_code error;
    if (!fs::is_directory(dir, error)) {
        return files;
    }
    // Symlinked folders are not entered (no follow_directory_symlink).
    for (auto it = fs::recursive_directory_iterator(
             dir, fs::directory_options::skip_permission_denied, error);
         it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (error) {
            break;
        }
        if (it->is_directory(error)) {
            if (skipFolder(it->path().filename().string())) {
                it.disable_recursion_pending();
            }
            continue;
        }
        if (it->is_regular_file(error) && keep(it->path().string())) {
            files.push_back(it->path().string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

Environment environment(std::string name, std::vector<std::string> conditions,
                        std::vector<std::string> mainFields, bool browserField,
                        std::vector<std::string> externalPackages) {
    Environment out;
    out.name = std::move(name);
    out.resolver.conditions = std::move(conditions);
    out.resolver.mainFields = std::move(mainFields);
    out.resolver.browserField = browserField;
    out.resolver.externalPackages = std::move(externalPackages);
    return out;
}

PresetConfig presetConfig(const std::string& name, const std::string& root) {
    PresetConfig out;
    out.config.root = root;
    out.config.preset = name;
    if (name == "rwsdk") {
        out.config.environments = {
            environment("worker", {"workerd", "react-server", "module", "node"},
                        {"module", "jsnext:main", "jsnext", "main"}, false),
            environment("client", {"browser", "module"},
                        {"browser", "module", "jsnext:main", "jsnext", "main"}, true)};
        out.config.switches = {{Directive::Client, "client", ""},
                               {Directive::Server, "worker", ""}};
        out.config.jsx.mode = JsxMode::Automatic; // @vitejs/plugin-react's default
        auto entry = wranglerMain(root);
        if (entry.empty() && fs::is_regular_file(joinPath(root, "src/worker.tsx"))) {
            entry = joinPath(root, "src/worker.tsx");
        }
        if (!entry.empty()) {
            out.config.entries = {entry};
        }
        out.conditionalEntries = sourceFiles(root);
    } else if (name == "vite") {
        // Vite's resolvePackageEntry tries `main` after the main fields, whatever they are.
        out.config.environments = {
            environment("client", {"browser", "module"},
                        {"browser", "module", "jsnext:main", "jsnext", "main"}, true)};
        out.config.jsx.mode = JsxMode::Automatic; // @vitejs/plugin-react's default
        out.config.entries = viteEntries(root);
        applyViteConfig(root, out.config);
    } else if (name == "next") {
        return nextPreset(root);
    } else if (name == "node") {
        out.config.environments = {environment("node", {"node"}, {"main"}, false)};
        out.config.entries = nodeEntries(root);
    } else {
        throw ConfigError("unknown preset \"" + name +
                          "\" (expected auto, rwsdk, next, vite or node)");
    }
    return out;
}

} // namespace fanout::detail
