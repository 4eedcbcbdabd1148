// SPDX-License-Identifier: GPL-3.0-or-later
// Writes a benchmark project shaped like the apps whose directive scans ran out of memory: an
// icon barrel with N icon modules (plus a dynamicIconImports map reaching them all again with
// import()), M "use client" components importing a few icons each, React, npm or pnpm layout.
//
//   fanout_make_corpus DIR [--icons N] [--components M] [--layout npm|pnpm]
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

namespace {

namespace fs = std::filesystem;

class CorpusWriter {
public:
    explicit CorpusWriter(fs::path root) : m_root(std::move(root)) {}

    void file(const fs::path& relative, const std::string& contents) {
        const auto path = m_root / relative;
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << contents;
        ++m_files;
    }
    void link(const fs::path& target, const fs::path& relative) {
        const auto path = m_root / relative;
        fs::create_directories(path.parent_path());
        fs::create_directory_symlink(target, path);
    }
    std::size_t files() const { return m_files; }

private:
    fs::path m_root;
    std::size_t m_files = 0;
};

std::string iconName(std::size_t i) {
    return "Icon" + std::to_string(i);
}
std::string iconFile(std::size_t i) {
    return "icon-" + std::to_string(i);
}

void writeReact(CorpusWriter& out, const fs::path& dir) {
    out.file(dir / "package.json", R"({ "name": "react", "version": "19.2.0", "main": "index.js",
  "exports": { ".": { "react-server": "./react.react-server.js", "default": "./index.js" },
               "./jsx-runtime": "./jsx-runtime.js", "./package.json": "./package.json" } }
)");
    out.file(dir / "index.js", "'use strict';\nmodule.exports = require('./cjs/react.js');\n");
    out.file(dir / "react.react-server.js",
             "'use strict';\nmodule.exports = require('./cjs/react.js');\n");
    out.file(dir / "cjs/react.js", "'use strict';\nexports.createElement = function () {};\n"
                                   "exports.forwardRef = function (f) { return f; };\n");
    out.file(dir / "jsx-runtime.js", "'use strict';\nexports.jsx = function () {};\n");
}

void writeLucide(CorpusWriter& out, const fs::path& dir, std::size_t icons) {
    out.file(dir / "package.json", R"({ "name": "lucide-react", "version": "0.460.0",
  "type": "module", "main": "dist/cjs/lucide-react.js", "module": "dist/esm/lucide-react.js",
  "sideEffects": false,
  "exports": { ".": { "import": "./dist/esm/lucide-react.js", "default": "./dist/esm/lucide-react.js" },
               "./dynamicIconImports": "./dist/esm/dynamicIconImports.js" },
  "peerDependencies": { "react": "^19" } }
)");
    out.file(dir / "dist/esm/createLucideIcon.js",
             "import { forwardRef, createElement } from 'react';\n"
             "import defaultAttributes from './defaultAttributes.js';\n\n"
             "const createLucideIcon = (name, node) => forwardRef((props, ref) =>\n"
             "  createElement('svg', { ref, ...defaultAttributes, ...props }, node));\n\n"
             "export { createLucideIcon as default };\n");
    out.file(dir / "dist/esm/defaultAttributes.js",
             "var defaultAttributes = { xmlns: 'http://www.w3.org/2000/svg', width: 24 };\n"
             "export { defaultAttributes as default };\n");
    std::string barrel = "export { default as createLucideIcon } from './createLucideIcon.js';\n";
    std::string dynamic = "const dynamicIconImports = {\n";
    for (std::size_t i = 0; i < icons; ++i) {
        out.file(dir / ("dist/esm/icons/" + iconFile(i) + ".js"),
                 "/**\n * @license lucide-react v0.460.0 - ISC\n */\n\n"
                 "import createLucideIcon from '../createLucideIcon.js';\n\n"
                 "const " +
                     iconName(i) + " = createLucideIcon('" + iconFile(i) + "', [['path', { d: 'M" +
                     std::to_string(i % 24) + " 12h" + std::to_string(i % 11) + "', key: 'k" +
                     std::to_string(i) +
                     "' }]]);\n\n"
                     "export { " +
                     iconName(i) + " as default };\n");
        barrel +=
            "export { default as " + iconName(i) + " } from './icons/" + iconFile(i) + ".js';\n";
        dynamic += "  '" + iconFile(i) + "': () => import('./icons/" + iconFile(i) + ".js'),\n";
    }
    out.file(dir / "dist/esm/lucide-react.js", barrel);
    out.file(dir / "dist/esm/dynamicIconImports.js",
             dynamic + "};\n\nexport { dynamicIconImports as default };\n");
}

void writeApp(CorpusWriter& out, std::size_t icons, std::size_t components) {
    out.file("package.json", R"({ "name": "corpus-app", "private": true, "type": "module",
  "dependencies": { "lucide-react": "0.460.0", "react": "19.2.0", "rwsdk": "1.7.3" } }
)");
    std::string page = "import dynamicIconImports from 'lucide-react/dynamicIconImports';\n";
    std::string uses;
    for (std::size_t c = 0; c < components; ++c) {
        const auto name = "Component" + std::to_string(c);
        std::string body = "\"use client\";\n\nimport { ";
        for (std::size_t k = 0; k < 3; ++k) {
            body += (k ? ", " : "") + iconName((c * 7 + k * 13) % icons);
        }
        body += " } from 'lucide-react';\nimport { useState } from 'react';\n\nexport function " +
                name + "() {\n  const [open, setOpen] = useState(false);\n  return open;\n}\n";
        out.file("src/app/components/" + name + ".tsx", body);
        page += "import { " + name + " } from './components/" + name + "';\n";
        uses += name + ", ";
    }
    out.file("src/app/Page.tsx", page +
                                     "\nexport function Page() {\n  return [dynamicIconImports, " +
                                     uses + "];\n}\n");
    out.file("src/worker.tsx", "import { Page } from './app/Page';\n\nexport default { fetch() "
                               "{ return Page(); } };\n");
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Write a benchmark corpus: an icon barrel, client components, npm or pnpm"};
    std::string dir;
    std::size_t icons = 2000;
    std::size_t components = 10;
    std::string layout = "npm";
    app.add_option("DIR", dir, "Folder to create (must not exist)")->required();
    app.add_option("--icons", icons, "Icon modules in the barrel")->check(CLI::Range(1, 200000));
    app.add_option("--components", components, "\"use client\" components")
        ->check(CLI::Range(0, 200000));
    app.add_option("--layout", layout, "npm or pnpm")->check(CLI::IsMember({"npm", "pnpm"}));
    CLI11_PARSE(app, argc, argv);
    if (fs::exists(dir)) {
        std::cerr << dir << " exists; choose a new folder\n";
        return 1;
    }
    CorpusWriter out(dir);
    writeApp(out, icons, components);
    if (layout == "npm") {
        writeLucide(out, "node_modules/lucide-react", icons);
        writeReact(out, "node_modules/react");
    } else {
        const fs::path store = "node_modules/.pnpm";
        writeLucide(out, store / "lucide-react@0.460.0/node_modules/lucide-react", icons);
        writeReact(out, store / "react@19.2.0/node_modules/react");
        out.link("../../react@19.2.0/node_modules/react",
                 store / "lucide-react@0.460.0/node_modules/react");
        out.link(".pnpm/lucide-react@0.460.0/node_modules/lucide-react",
                 "node_modules/lucide-react");
        out.link(".pnpm/react@19.2.0/node_modules/react", "node_modules/react");
    }
    std::cout << "wrote " << out.files() << " files (" << icons << " icons, " << components
              << " client components, " << layout << " layout) to " << dir << "\n";
    return 0;
}
