// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan/resolution_memo.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <thread>
#include <vector>

namespace fanout::detail {
namespace {

// Distinct addresses to stand for files (the memo only keeps and compares them).
FileState* fakeFile(std::size_t index) {
    static std::vector<std::byte> storage(1u << 16);
    return reinterpret_cast<FileState*>(&storage.at(index));
}

ResolutionMemo::Answer fileAnswer(FileState* target) {
    ResolutionMemo::Answer answer;
    answer.kind = ResolutionKind::File;
    answer.target = target;
    answer.notes = sharedNotes(EdgeNotes{"?raw", {}, {}, {}});
    return answer;
}

TEST(ResolutionMemo, AnAnswerIsFoundForTheSameRequestOnly) {
    ResolutionMemo memo;
    auto* target = fakeFile(1);
    EXPECT_EQ(memo.find(0, "/p/icons", "../create.js", false), nullptr);
    memo.store(fileAnswer(target));

    const auto* answer = memo.find(0, "/p/icons", "../create.js", false);
    ASSERT_NE(answer, nullptr);
    EXPECT_EQ(answer->kind, ResolutionKind::File);
    EXPECT_EQ(answer->target, target);
    ASSERT_NE(answer->notes, nullptr);
    EXPECT_EQ(answer->notes->query, "?raw");

    // Another environment, kind, folder or specifier is another request.
    EXPECT_EQ(memo.find(1, "/p/icons", "../create.js", false), nullptr);
    EXPECT_EQ(memo.find(256, "/p/icons", "../create.js", false), nullptr);
    EXPECT_EQ(memo.find(0, "/p/icons", "../create.js", true), nullptr);
    EXPECT_EQ(memo.find(0, "/p/icon", "s../create.js", false), nullptr);
    EXPECT_EQ(memo.find(0, "/p/icons/x", "../create.js", false), nullptr);
    EXPECT_EQ(memo.find(0, "/p/icons", "../create.jsx", false), nullptr);
}

TEST(ResolutionMemo, ASpecifierWithANulIsNotMistakenForAFolder) {
    ResolutionMemo memo;
    memo.find(0, "/p", std::string("\0virtual", 8), false);
    memo.store(fileAnswer(nullptr));
    EXPECT_NE(memo.find(0, "/p", std::string("\0virtual", 8), false), nullptr);
    EXPECT_EQ(memo.find(0, "/p", "virtual", false), nullptr);
}

TEST(ResolutionMemo, ManyRequestsStayBoundedAndNeverAnswerWrongly) {
    ResolutionMemo memo;
    constexpr int kRequests = 20000; // far more than the memo's slots
    for (int i = 0; i < kRequests; ++i) {
        memo.find(0, "/p/src", "./m" + std::to_string(i), false);
        memo.store(fileAnswer(fakeFile(static_cast<std::size_t>(i))));
    }
    int kept = 0;
    for (int i = 0; i < kRequests; ++i) {
        if (const auto* answer = memo.find(0, "/p/src", "./m" + std::to_string(i), false)) {
            EXPECT_EQ(answer->target, fakeFile(static_cast<std::size_t>(i)));
            ++kept;
        }
    }
    EXPECT_GT(kept, 0);
    EXPECT_LT(kept, kRequests); // older keys were replaced: the memo does not grow
}

TEST(ResolutionMemo, EachThreadHasTheOneItInstalled) {
    EXPECT_EQ(ResolutionMemo::current(), nullptr);
    ResolutionMemo outer;
    {
        const ResolutionMemo::Installed installed(outer);
        EXPECT_EQ(ResolutionMemo::current(), &outer);
        std::thread([] { EXPECT_EQ(ResolutionMemo::current(), nullptr); }).join();
        ResolutionMemo inner;
        {
            const ResolutionMemo::Installed nested(inner);
            EXPECT_EQ(ResolutionMemo::current(), &inner);
        }
        EXPECT_EQ(ResolutionMemo::current(), &outer);
    }
    EXPECT_EQ(ResolutionMemo::current(), nullptr);
}

} // namespace
} // namespace fanout::detail
