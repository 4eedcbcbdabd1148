// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/demo/demo_project.h"

#include "demo/demo_sources.h"

#include <array>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <vector>

namespace fanout {
namespace {

namespace fs = std::filesystem;

constexpr std::array<std::string_view, 20> kShapes{
    "arrow", "circle", "square", "user",  "file",   "folder", "cloud", "bell", "heart", "star",
    "lock",  "mail",   "map",    "phone", "camera", "chart",  "clock", "code", "copy",  "database"};
constexpr std::array<std::string_view, 16> kModifiers{
    "up",  "down", "left",  "right",  "plus",  "minus", "check", "x",
    "off", "dot",  "alert", "search", "share", "link",  "pen",   "play"};

struct Icon {
    std::string file;      // kebab-case, as lucide names its files
    std::string component; // PascalCase export name
};

std::string pascal(std::string_view word) {
    std::string out(word);
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::vector<Icon> iconNames(std::size_t count) {
    std::vector<Icon> icons;
    for (std::size_t i = 0; icons.size() < count; ++i) {
        const auto shape = kShapes[i % kShapes.size()];
        const auto modifier = kModifiers[(i / kShapes.size()) % kModifiers.size()];
        const auto round = i / (kShapes.size() * kModifiers.size());
        std::string suffix = round == 0 ? "" : std::to_string(round + 1);
        icons.push_back({std::string(shape) + "-" + std::string(modifier) + suffix,
                         pascal(shape) + pascal(modifier) + suffix});
    }
    return icons;
}

class Writer {
public:
    explicit Writer(fs::path root) : m_root(std::move(root)) {}

    void file(const fs::path& relative, std::string_view contents) {
        const fs::path path = m_root / relative;
        fs::create_directories(path.parent_path());
        std::ofstream out(path, std::ios::binary);
        out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
        if (!out) {
            throw std::runtime_error("cannot write " + path.string());
        }
        ++m_info.files;
        m_info.bytes += contents.size();
    }

    void symlink(const fs::path& target, const fs::path& relative) {
        const fs::path path = m_root / relative;
        fs::create_directories(path.parent_path());
        fs::create_directory_symlink(target, path);
    }

    DemoProjectInfo& info() { return m_info; }

private:
    fs::path m_root;
    DemoProjectInfo m_info;
};

void writeIconPackage(Writer& writer, std::size_t count) {
    const fs::path package = "node_modules/lucide-mini";
    const auto icons = iconNames(count);
    writer.file(package / "package.json", R"({
  "name": "lucide-mini",
  "version": "0.460.0",
  "type": "module",
  "main": "dist/esm/lucide-mini.mjs",
  "module": "dist/esm/lucide-mini.mjs",
  "sideEffects": false,
  "exports": {
    ".": { "import": "./dist/esm/lucide-mini.mjs", "default": "./dist/esm/lucide-mini.mjs" },
    "./dynamicIconImports": "./dist/esm/dynamicIconImports.js",
    "./package.json": "./package.json"
  }
}
)");
    writer.file(package / "dist/esm/createIcon.js",
                "import { jsx } from 'react/jsx-runtime';\n\n"
                "export default function createIcon(name, paths) {\n"
                "  return function Icon(props) {\n"
                "    return jsx('svg', { ...props, 'data-icon': name, children: paths });\n"
                "  };\n}\n");
    std::string barrel = "export { default as createIcon } from './createIcon.js';\n";
    std::string dynamic = "const dynamicIconImports = {\n";
    std::minstd_rand random(42);
    for (const auto& icon : icons) {
        std::string body = "import createIcon from '../createIcon.js';\n\nconst " + icon.component +
                           " = createIcon('" + icon.file + "', [\n";
        const int paths = 1 + static_cast<int>(random() % 4);
        for (int p = 0; p < paths; ++p) {
            body += "  ['path', { d: 'M" + std::to_string(random() % 24) + " " +
                    std::to_string(random() % 24) + "h" + std::to_string(random() % 12) + "' }],\n";
        }
        body += "]);\n\nexport { " + icon.component + " as default };\n";
        writer.file(package / "dist/esm/icons" / (icon.file + ".js"), body);
        barrel +=
            "export { default as " + icon.component + " } from './icons/" + icon.file + ".js';\n";
        dynamic += "  '" + icon.file + "': () => import('./icons/" + icon.file + ".js'),\n";
    }
    dynamic += "};\n\nexport { dynamicIconImports as default };\n";
    writer.file(package / "dist/esm/lucide-mini.mjs", barrel);
    writer.file(package / "dist/esm/dynamicIconImports.js", dynamic);
    writer.info().icons = icons.size();
}

bool isReplaceable(const fs::path& dir) {
    std::error_code error;
    if (!fs::exists(dir, error)) {
        return true;
    }
    if (!fs::is_directory(dir, error)) {
        return false;
    }
    return fs::is_empty(dir, error) || fs::exists(dir / kDemoMarker, error);
}

} // namespace

DemoProjectInfo writeDemoProject(const fs::path& dir, std::size_t icons) {
    if (!isReplaceable(dir)) {
        throw std::runtime_error(dir.string() +
                                 " exists and is not an earlier demo project; not touching it");
    }
    const fs::path target = fs::absolute(dir).lexically_normal();
    fs::path staging = target;
    staging += ".partial-" + std::to_string(std::random_device{}());
    fs::remove_all(staging);
    try {
        Writer writer(staging);
        for (const auto& [path, contents] : detail::demoAppFiles()) {
            writer.file(path, contents);
        }
        writeIconPackage(writer, icons);
        // pnpm layout: top-level links into the store, and app-shell's own link to ui-kit, so the
        // ui-kit files are reached under two path strings.
        writer.symlink(".pnpm/ui-kit@2.1.0/node_modules/ui-kit", "node_modules/ui-kit");
        writer.symlink(".pnpm/app-shell@1.0.0/node_modules/app-shell", "node_modules/app-shell");
        writer.symlink("../../ui-kit@2.1.0/node_modules/ui-kit",
                       "node_modules/.pnpm/app-shell@1.0.0/node_modules/ui-kit");
        writer.file(kDemoMarker, "Written by fanout; safe to delete.\n");
        fs::remove_all(target);
        fs::rename(staging, target);
        return writer.info();
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
        throw;
    }
}

} // namespace fanout
