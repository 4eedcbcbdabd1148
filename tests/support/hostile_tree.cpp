// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostile_tree.h"

#include <fstream>
#include <stdexcept>

#include <sys/stat.h>

namespace fanout::testing {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& path, const std::string& contents) {
    if (std::error_code error; !fs::is_directory(path.parent_path(), error)) {
        fs::create_directories(path.parent_path());
    }
    std::ofstream out(path, std::ios::binary);
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    if (!out) {
        throw std::runtime_error("cannot write " + path.string());
    }
}

// A package in node_modules whose package.json is `manifest` (any text) and whose index.js exists.
void package(const fs::path& root, const std::string& name, const std::string& manifest) {
    const auto dir = root / "node_modules" / name;
    write(dir / "package.json", manifest);
    write(dir / "index.js", "export default 1;\n");
}

std::string nested(const std::string& key, int depth, const std::string& leaf) {
    std::string out;
    for (int i = 0; i < depth; ++i) {
        out += "{\"" + key + "\":";
    }
    out += leaf;
    out.append(static_cast<std::size_t>(depth), '}');
    return out;
}

} // namespace

std::vector<HostileCase> writeHostileTree(const fs::path& root, const HostileTreeOptions& options) {
    std::vector<HostileCase> cases;
    std::string imports;
    const auto src = root / "src";
    const auto add = [&](const std::string& what, const std::string& specifier,
                         const fs::path& named) {
        imports += "import " + std::string("\"") + specifier + "\";\n";
        cases.push_back({what, named.empty() ? std::string() : named.string()});
    };
    write(root / "package.json", R"({"name": "hostile-app", "private": true})");
    write(root / "fanout.json", R"({"preset": "node", "entries": ["src/index.js"],
                                    "tsconfig": "tsconfig.json"})");
    write(src / "ok.js", "export const ok = 1;\n");

    fs::create_symlink("loop-b.js", src / "loop-a.js");
    fs::create_symlink("loop-a.js", src / "loop-b.js");
    add("file symlink loop", "./loop-a.js", src / "loop-a.js");
    fs::create_symlink("cycle-b", src / "cycle-a");
    fs::create_symlink("cycle-a", src / "cycle-b");
    add("folder symlink loop", "./cycle-a/ok.js", src / "cycle-a/ok.js");
    fs::create_symlink(".", src / "self");
    add("folder linked to itself", "./self/self/self/self/ok.js", "");
    fs::create_symlink("nowhere.js", src / "broken.js");
    add("broken symlink", "./broken.js", src / "broken.js");

    write(src / "unreadable.js", "export {};\n");
    fs::permissions(src / "unreadable.js", fs::perms::none);
    add("unreadable file", "./unreadable.js", src / "unreadable.js");
    write(src / "locked/inner.js", "export {};\n");
    fs::permissions(src / "locked", fs::perms::none);
    add("unreadable folder", "./locked/inner.js", src / "locked/inner.js");

    if (options.hugeFile) {
        std::ofstream huge(src / "huge.min.js", std::ios::binary);
        const std::string chunk = "var a=function(b){return b+1},c=[1,2,3].map(a);";
        for (std::size_t written = 0; written < (100u << 20); written += chunk.size()) {
            huge << chunk;
        }
        add("100 MB minified file", "./huge.min.js", src / "huge.min.js");
    }
    std::string binary;
    for (int i = 0; i < 4096; ++i) {
        binary += static_cast<char>((i * 7919) % 256);
    }
    write(src / "binary.js", binary);
    add("binary file named .js", "./binary.js", src / "binary.js");
    write(src / "latin1.js", "import './ok.js';\nconst s = \"caf\xe9 \xff\xfe\";\nfoo(\n");
    add("invalid UTF-8", "./latin1.js", src / "latin1.js");
    write(src / "nul.js", std::string("import './ok.js';\n\0\0\0 import './after-nul.js';\n", 46));
    add("NUL bytes", "./nul.js", src / "nul.js");

    // One mkdir at a time: libstdc++'s create_directories gives up with ENAMETOOLONG on a
    // 2,000-byte path that the kernel accepts.
    std::string deep = (src / "deep").string();
    std::string deepSpecifier = "./deep";
    ::mkdir(deep.c_str(), 0755);
    for (int i = 0; i < 1000; ++i) {
        deep += "/d";
        deepSpecifier += "/d";
        if (::mkdir(deep.c_str(), 0755) != 0) {
            throw std::runtime_error("cannot create the deep folders");
        }
    }
    write(fs::path(deep) / "index.js", "import '../../../../ok.js';\n");
    add("1,000-deep folders", deepSpecifier + "/index.js", "");
    const std::string longName(250, 'n');
    write(src / (longName + ".js"), "export {};\n");
    add("255-byte file name", "./" + longName + ".js", "");
    std::string tooLong = ".";
    for (int i = 0; i < 1200; ++i) {
        tooLong += "/abcdefgh";
    }
    imports += "import \"" + tooLong + "\";\n"; // longer than PATH_MAX: unresolved, no crash
    cases.push_back({"specifier longer than PATH_MAX", ""});

    // Pathological exports and imports.
    package(root, "deep-conditions",
            R"({"name": "deep-conditions", "exports": )" +
                nested("import", 5000, "\"./index.js\"") + "}");
    add("5,000-deep export conditions", "deep-conditions", "");
    std::string patterns = R"({"name": "many-patterns", "exports": {)";
    for (int i = 0; i < 3000; ++i) {
        patterns += "\"./p" + std::to_string(i) + "/*/*/*\": \"./*/*/*/*.js\",";
    }
    patterns += R"("./x/*": "./*/../../../../escape.js"}})";
    package(root, "many-patterns", patterns);
    add("3,000 patterns with several stars", "many-patterns/p1234/a/b/c", "");
    add("pattern target escaping the package", "many-patterns/x/y", "");
    package(root, "self-ref",
            R"({"name": "self-ref", "exports": {".": "./index.js", "./again": "./again.js"},
                "imports": {"#a": "#b", "#b": "self-ref/again", "#loop": "#loop"}})");
    write(root / "node_modules/self-ref/again.js", "import 'self-ref';\nimport '#a';\n");
    add("package importing itself through exports and imports", "self-ref/again", "");
    package(
        root, "array-fallbacks",
        R"({"name": "array-fallbacks", "exports": {".": [[[[null]]], {}, "bad", 7, "./index.js"]}})");
    add("nested fallback arrays", "array-fallbacks", "");

    // Malformed manifests: each must be named.
    using namespace std::string_literals;
    const std::pair<std::string, std::string> manifests[] = {
        {"json-empty", ""},
        {"json-truncated", "{\"name\": \"json-truncated\", \"main\": "},
        {"json-array", "[1, 2, 3]"},
        {"json-null", "null"},
        {"json-string", "\"just a string\""},
        {"json-garbage", "{\"name\": \"json-garbage\"} trailing garbage"},
        {"json-bad-utf8", "{\"name\": \"json-bad-\xff\xfe\"}"},
        {"json-nul", "{\"name\": \"json-nul\"\0}"s},
        {"json-comments", "// not allowed in package.json\n{\"name\": \"json-comments\"}"},
    };
    for (const auto& [name, manifest] : manifests) {
        package(root, name, manifest);
        add("malformed package.json: " + name, name, root / "node_modules" / name / "package.json");
    }
    const std::pair<std::string, std::string> wrongTypes[] = {
        {"main-number", R"({"name": "main-number", "main": 42})"},
        {"exports-number", R"({"name": "exports-number", "exports": 17})"},
        {"browser-number", R"({"name": "browser-number", "browser": 3, "main": "./index.js"})"},
        {"huge-number", R"({"name": "huge-number", "version": 1e999999, "main": "index.js"})"},
        {"deep-array", R"({"name": "deep-array", "x": )" + std::string(20000, '[') +
                           std::string(20000, ']') + "}"},
    };
    for (const auto& [name, manifest] : wrongTypes) {
        package(root, name, manifest);
        add("strange package.json: " + name, name, "");
    }
    fs::create_directories(root / "node_modules/manifest-dir/package.json");
    write(root / "node_modules/manifest-dir/index.js", "export {};\n");
    add("package.json that is a folder", "manifest-dir", "");

    // tsconfig.json extends itself through another file, and a base that does not exist.
    write(root / "tsconfig.json",
          R"({"extends": "./configs/a.json", "compilerOptions": {"baseUrl": "."}})");
    write(root / "configs/a.json", R"({"extends": "../tsconfig.json"})");
    cases.push_back({"tsconfig extends cycle", (root / "tsconfig.json").string()});
    add("import through tsconfig paths during the cycle", "src/ok.js", "");

    write(src / "index.js", imports);
    return cases;
}

} // namespace fanout::testing
