// SPDX-License-Identifier: GPL-3.0-or-later
// The cache's own readers of edges and exports (fixed-size fields read in one pass) against what
// the generic writer wrote.
#include "cache/archive_types.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace fanout::detail {
namespace {

std::vector<ScanEdge> edges() {
    std::vector<ScanEdge> out(4);
    out[0].specifier = "./a";
    out[0].importer = ModuleId{7};
    out[0].target = ModuleId{0xFFFFFFFE};
    out[0].position = {12, 3};
    out[0].namesBegin = 5;
    out[0].namesCount = 2;
    out[1].specifier = "lucide-react/dist/esm/icons/camera.js"; // beyond the short string
    out[1].kind = ImportKind::Export;
    out[1].form = ImportForm::Star;
    out[1].typeOnly = true;
    out[1].resolution = ResolutionKind::File;
    out[1].importer = ModuleId{1};
    out[1].target = ModuleId{0};
    out[2].specifier = "";
    out[2].kind = ImportKind::DynamicImport;
    out[2].resolution = ResolutionKind::Unresolved;
    out[2].position = {0xFFFFFFFF, 0x80000000};
    out[3].specifier = "fs?raw";
    out[3].resolution = ResolutionKind::Builtin;
    out[3].setNotes(sharedNotes({"?raw", "builtin:fs", "a reason", "./A"}));
    return out;
}

void expectSameEdges(const std::vector<ScanEdge>& back, const std::vector<ScanEdge>& edges) {
    ASSERT_EQ(back.size(), edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const auto& a = back[i];
        const auto& b = edges[i];
        EXPECT_EQ(a.specifier, b.specifier) << i;
        EXPECT_EQ(a.kind, b.kind) << i;
        EXPECT_EQ(a.typeOnly, b.typeOnly) << i;
        EXPECT_EQ(a.position, b.position) << i;
        EXPECT_EQ(a.form, b.form) << i;
        EXPECT_EQ(a.namesBegin, b.namesBegin) << i;
        EXPECT_EQ(a.namesCount, b.namesCount) << i;
        EXPECT_EQ(a.resolution, b.resolution) << i;
        EXPECT_EQ(a.importer, b.importer) << i;
        EXPECT_EQ(a.target, b.target) << i;
        EXPECT_EQ(a.notes(), b.notes()) << i;
    }
}

std::vector<ExportEntry> exports() {
    return {
        {1, ExportEntry::kLocal, 0, false}, {0xFFFFFFFF, 3, 9, true}, {42, 0, 0x01020304, false}};
}

// What the generic writer wrote is read back, to the value that follows it.
TEST(CacheArchive, EdgesAndExportsReadBackAsWritten) {
    const std::uint32_t after = 0xA5A5A5A5;
    const auto bytes = encode(edges(), exports(), after);
    std::vector<ScanEdge> edgesBack;
    std::vector<ExportEntry> exportsBack;
    std::uint32_t afterBack = 0;
    decode(bytes, edgesBack, exportsBack, afterBack);
    expectSameEdges(edgesBack, edges());
    EXPECT_EQ(exportsBack, exports());
    EXPECT_EQ(afterBack, after);
}

// Read into values that held others: every field is set, the target and notes taken away.
TEST(CacheArchive, EdgesReadOverOthersHoldOnlyWhatWasWritten) {
    std::vector<ScanEdge> written(1);
    written[0].specifier = "x";
    auto back = edges();
    back.resize(1);
    back[0].setNotes(sharedNotes({"?raw", "", "", ""}));
    decode(encode(written), back);
    expectSameEdges(back, written);
}

TEST(CacheArchive, EdgesAndExportsCutShortAreRefused) {
    const auto bytes = encode(edges(), exports());
    for (std::size_t size = 0; size < bytes.size(); ++size) {
        std::vector<ScanEdge> edgesBack;
        std::vector<ExportEntry> exportsBack;
        EXPECT_THROW(decode(std::string_view(bytes).substr(0, size), edgesBack, exportsBack),
                     cereal::Exception)
            << size << " of " << bytes.size() << " bytes";
    }
}

} // namespace
} // namespace fanout::detail
