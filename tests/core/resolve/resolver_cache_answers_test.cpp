// SPDX-License-Identifier: GPL-3.0-or-later
#include "resolve/resolver_cache_impl.h"

#include "temp_dir.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

namespace fanout {
namespace {

namespace fs = std::filesystem;

// Plain files and folders, symbolic links (to a file, to a folder, broken), names that are not
// there, and a folder that is not there.
struct Tree {
    testing::TempDir dir;
    std::string root = fs::canonical(dir.path()).string();

    Tree() {
        dir.write("src/a.js", "");
        dir.write("src/lib/index.ts", "");
        dir.write("store/pkg/main.js", "");
        fs::create_symlink("a.js", root + "/src/link.js");
        fs::create_symlink("missing.js", root + "/src/broken.js");
        fs::create_directory_symlink("../store/pkg", root + "/src/pkg");
    }

    std::vector<std::string> questions() const {
        std::vector<std::string> paths;
        for (const char* relative :
             {"src", "src/a.js", "src/lib", "src/lib/index.ts", "src/link.js", "src/broken.js",
              "src/pkg", "src/pkg/main.js", "src/a.ts", "src/nothing/x.js", "store/pkg/main.js"}) {
            paths.push_back(root + "/" + relative);
        }
        return paths;
    }
};

TEST(ResolverCacheAnswers, AnswersNotKeptAreTheAnswersKept) {
    Tree tree;
    ResolverCache::Impl kept;
    ResolverCache::Impl notKept;
    notKept.recordAnswers = false;
    for (int round = 0; round < 2; ++round) { // asked again: the same answers
        for (const auto& path : tree.questions()) {
            SCOPED_TRACE(path);
            EXPECT_EQ(notKept.type(path), kept.type(path));
            EXPECT_EQ(notKept.realPath(path), kept.realPath(path));
        }
    }
    EXPECT_EQ(kept.type(tree.root + "/src/pkg/main.js"), detail::FileType::File);
    EXPECT_EQ(kept.realPath(tree.root + "/src/pkg/main.js"), tree.root + "/store/pkg/main.js");
    EXPECT_EQ(kept.type(tree.root + "/src/broken.js"), detail::FileType::Missing);
    EXPECT_EQ(kept.realPath(tree.root + "/src/link.js"), tree.root + "/src/a.js");
}

// A scan that does not record its inputs keeps no answer its folders' listings give (one table
// entry and path string per probed candidate, most of them missing extensions): only what a
// system call said, which the listing cannot say again.
TEST(ResolverCacheAnswers, WithoutRecordingOnlyWhatASystemCallSaidIsKept) {
    Tree tree;
    for (const bool record : {true, false}) {
        SCOPED_TRACE(record ? "recording" : "not recording");
        ResolverCache::Impl cache;
        cache.recordAnswers = record;
        const auto file = tree.root + "/src/a.js";
        const auto missing = tree.root + "/src/a.ts";
        const auto link = tree.root + "/src/link.js";
        EXPECT_EQ(cache.type(file), detail::FileType::File);
        EXPECT_EQ(cache.type(missing), detail::FileType::Missing);
        EXPECT_EQ(cache.type(link), detail::FileType::File);
        EXPECT_EQ(cache.realPath(file), file);
        EXPECT_EQ(cache.types.find(file) != nullptr, record);
        EXPECT_EQ(cache.types.find(missing) != nullptr, record);
        EXPECT_EQ(cache.realPaths.find(file) != nullptr, record);
        EXPECT_NE(cache.types.find(link), nullptr);                   // stat()ed
        EXPECT_NE(cache.realPaths.find(tree.root + "/src"), nullptr); // a folder: kept
    }
}

} // namespace
} // namespace fanout
