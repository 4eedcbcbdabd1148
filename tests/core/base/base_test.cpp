// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/path_utils.h"
#include "base/text.h"
#include "fanout/base/csv.h"
#include "fanout/base/display_path.h"
#include "fanout/base/keep_until_exit.h"
#include "fanout/base/size_format.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace fanout {

TEST(SizeFormat, ReportsPickTheUnitAndProgressLinesStayInMegabytes) {
    EXPECT_EQ(formatSize(512), "512 B");
    EXPECT_EQ(formatSize(3482), "3.4 KB");
    EXPECT_EQ(formatSize(18035507), "17.2 MB");
    EXPECT_EQ(formatSize(2308544921ull), "2.15 GB");
    EXPECT_EQ(formatMegabytes(512), "0.0 MB");
    EXPECT_EQ(formatMegabytes(18035507), "17.2 MB");
    EXPECT_EQ(formatMegabytes(2308544921ull), "2201.6 MB");
    EXPECT_DOUBLE_EQ(toMegabytes(3u << 20), 3.0);
}

// The folder and the name split at the last slash, wherever it is.
TEST(PathUtils, ParentAndBaseNameSplitAtTheLastSlash) {
    using detail::baseName;
    using detail::parentPath;
    EXPECT_EQ(parentPath(""), ".");
    EXPECT_EQ(parentPath("a"), ".");
    EXPECT_EQ(parentPath("/"), "/");
    EXPECT_EQ(parentPath("/a"), "/");
    EXPECT_EQ(parentPath("/a/b"), "/a");
    EXPECT_EQ(parentPath("a/b"), "a");
    EXPECT_EQ(parentPath("a/"), "a");
    EXPECT_EQ(parentPath("/work/node_modules/@mui/material/esm/Button/Button.js"),
              "/work/node_modules/@mui/material/esm/Button");
    EXPECT_EQ(baseName(""), "");
    EXPECT_EQ(baseName("a"), "a");
    EXPECT_EQ(baseName("/"), "");
    EXPECT_EQ(baseName("/a"), "a");
    EXPECT_EQ(baseName("a/"), "");
    EXPECT_EQ(baseName("/work/node_modules/@mui/material/esm/Button/Button.js"), "Button.js");
    EXPECT_EQ(detail::extensionOf("x/y.js"), ".js");
    EXPECT_EQ(detail::extensionOf("x/.hidden"), "");
    EXPECT_EQ(detail::extensionOf("a.b/c"), "");
}

TEST(PathUtils, NormalizePathDropsDotsEmptyPartsAndResolvesParents) {
    using detail::normalizePath;
    EXPECT_EQ(normalizePath("/a/b/c.js"), "/a/b/c.js");
    EXPECT_EQ(normalizePath("/a/./b//c.js"), "/a/b/c.js");
    EXPECT_EQ(normalizePath("/a/b/../c.js"), "/a/c.js");
    EXPECT_EQ(normalizePath("/a/b/"), "/a/b");
    EXPECT_EQ(normalizePath("/a/../../b"), "/b"); // above the root is the root
    EXPECT_EQ(normalizePath("/.."), "/");
    EXPECT_EQ(normalizePath("/"), "/");
    EXPECT_EQ(normalizePath("//"), "/");
    EXPECT_EQ(normalizePath(""), ".");
    EXPECT_EQ(normalizePath("."), ".");
    EXPECT_EQ(normalizePath("./"), ".");
    EXPECT_EQ(normalizePath("a/.."), ".");
    EXPECT_EQ(normalizePath("a/b/../../.."), "..");
    EXPECT_EQ(normalizePath("../a"), "../a");
    EXPECT_EQ(normalizePath("../../a/./b/../c"), "../../a/c");
    EXPECT_EQ(normalizePath("a/../../b"), "../b");
    EXPECT_EQ(normalizePath("..a/b..//...c"), "..a/b../...c"); // only ".." itself climbs
    EXPECT_EQ(detail::joinPath("/p/src", "./icons/../x.js"), "/p/src/x.js");
    EXPECT_EQ(detail::joinPath("/p/src", "../lib"), "/p/lib");
    EXPECT_EQ(detail::joinPath("/p/src", "/abs/./y"), "/abs/y");
}

// Every path of up to five parts drawn from "", ".", "..", "a", "bc", relative and absolute,
// against the definition: the parts kept on a stack, ".." popping one where it can.
TEST(PathUtils, NormalizePathAgreesWithAStackOfPartsOnEveryShortPath) {
    const std::vector<std::string> parts{"", ".", "..", "a", "bc"};
    const auto byStack = [](const std::string& path) {
        const bool absolute = path.starts_with('/');
        std::vector<std::string> kept;
        std::size_t at = 0;
        while (at <= path.size()) {
            auto next = path.find('/', at);
            next = next == std::string::npos ? path.size() : next;
            const auto part = path.substr(at, next - at);
            at = next + 1;
            if (part.empty() || part == ".") {
                continue;
            }
            if (part != "..") {
                kept.push_back(part);
            } else if (!kept.empty() && kept.back() != "..") {
                kept.pop_back();
            } else if (!absolute) {
                kept.push_back(part);
            }
        }
        std::string out = absolute ? "/" : "";
        for (std::size_t i = 0; i < kept.size(); ++i) {
            out += (i > 0 ? "/" : "") + kept[i];
        }
        return out.empty() ? std::string(".") : out;
    };
    std::vector<std::string> paths{""};
    std::size_t checked = 0;
    for (int length = 1; length <= 5; ++length) {
        std::vector<std::string> longer;
        for (const auto& path : paths) {
            for (const auto& part : parts) {
                longer.push_back(path.empty() ? part : path + "/" + part);
            }
        }
        paths = std::move(longer);
        for (const auto& path : paths) {
            for (const auto& candidate : {path, "/" + path}) {
                ASSERT_EQ(detail::normalizePath(candidate), byStack(candidate)) << candidate;
                ASSERT_EQ(detail::isNormalPath(candidate), byStack(candidate) == candidate)
                    << candidate;
                ++checked;
            }
        }
    }
    EXPECT_EQ(checked, 2u * (5 + 25 + 125 + 625 + 3125));
}

// joinPath is the normalized concatenation with a slash between, or the second path alone when it
// is absolute: every pair of paths of up to two parts (as above), empty ones included. A normal
// base (joinNormalPath's case: its components are not walked again) and one that is not alike.
TEST(PathUtils, JoinPathIsTheNormalizedConcatenationOnEveryShortPair) {
    const std::vector<std::string> parts{"", ".", "..", "a", "bc"};
    std::vector<std::string> paths{""};
    for (const auto& first : parts) {
        paths.push_back(first);
        for (const auto& second : parts) {
            paths.push_back(first + "/" + second);
        }
    }
    const auto count = paths.size();
    for (std::size_t i = 0; i < count; ++i) {
        paths.push_back("/" + paths[i]);
    }
    std::size_t normalBases = 0;
    for (const auto& base : paths) {
        for (const auto& relative : paths) {
            const auto expected = relative.starts_with('/')
                                      ? detail::normalizePath(relative)
                                      : detail::normalizePath(base + "/" + relative);
            ASSERT_EQ(detail::joinPath(base, relative), expected) << base << " + " << relative;
            if (detail::isNormalPath(base)) {
                ++normalBases;
                ASSERT_EQ(detail::joinNormalPath(base, relative), expected)
                    << base << " + " << relative;
            }
        }
    }
    EXPECT_GT(normalBases, 0u);
}

TEST(Csv, AFieldIsQuotedWhenItMustBeAndAlwaysWhenAsked) {
    EXPECT_EQ(csvField(""), "");
    EXPECT_EQ(csvQuoted("plain"), "\"plain\"");
    EXPECT_EQ(csvQuoted(""), "\"\"");
    EXPECT_EQ(csvQuoted("say \"hi\""), "\"say \"\"hi\"\"\"");
}

TEST(DisplayPath, RelativeInsideTheRootAbsoluteOutside) {
    EXPECT_EQ(displayPath("/p/src/a.ts", "/p"), "src/a.ts");
    EXPECT_EQ(displayPath("/p", "/p"), "/p");
    EXPECT_EQ(displayPath("/pq/a.ts", "/p"), "/pq/a.ts");
    EXPECT_EQ(displayPath("/other/a.ts", ""), "/other/a.ts");
    EXPECT_EQ(displayPath("/p/", "/p"), "/p/"); // nothing left relative: shown whole
    EXPECT_EQ(displayPath("/p/a.ts", "/"), "p/a.ts");
    EXPECT_EQ(displayPath("/", "/"), "/");
    EXPECT_EQ(displayPath("/a", "/p/longer"), "/a");
}

TEST(DisplayPath, TheViewIsTheSameTextInsideThePath) {
    const std::string path = "/p/src/a.ts";
    const auto view = displayPathView(path, "/p");
    EXPECT_EQ(view, "src/a.ts");
    EXPECT_EQ(view.data(), path.data() + 3); // no copy
    for (const auto& [inside, root] : std::vector<std::pair<std::string, std::string>>{
             {"/p", "/p"}, {"/pq/a.ts", "/p"}, {"/p/", "/p"}, {"/p/a.ts", "/"}, {"/x", ""}}) {
        EXPECT_EQ(displayPathView(inside, root), displayPath(inside, root))
            << inside << " " << root;
    }
}

TEST(KeepUntilExit, TheObjectIsNeverDestroyedUnlessASanitizerChecksLeaks) {
    struct Probe {
        explicit Probe(bool* flag) : destroyed(flag) {}
        Probe(const Probe&) = delete;
        Probe& operator=(const Probe&) = delete;
        ~Probe() { *destroyed = true; }
        bool* destroyed;
    };
    bool destroyed = false;
    keepUntilExit(std::make_unique<Probe>(&destroyed));
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    EXPECT_TRUE(destroyed);
#else
    EXPECT_FALSE(destroyed);
#endif
    destroyed = false;
    auto shared = std::make_shared<Probe>(&destroyed);
    keepUntilExit(shared);
    shared.reset();
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    EXPECT_TRUE(destroyed);
#else
    EXPECT_FALSE(destroyed); // the kept copy still holds it
#endif
}

TEST(Text, PrefixesSuffixesAndAsciiCase) {
    EXPECT_TRUE(detail::startsWith("node:fs", "node:"));
    EXPECT_FALSE(detail::startsWith("no", "node:"));
    EXPECT_TRUE(detail::endsWith("x.d.ts", ".ts"));
    EXPECT_FALSE(detail::endsWith("ts", ".ts"));
    EXPECT_EQ(detail::lower("Src/Button.TSX"), "src/button.tsx");
    EXPECT_TRUE(detail::equalsIgnoringCase("Button.tsx", "button.TSX"));
    EXPECT_FALSE(detail::equalsIgnoringCase("Button.tsx", "Button.ts"));
}

} // namespace fanout
