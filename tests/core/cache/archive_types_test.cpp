// SPDX-License-Identifier: GPL-3.0-or-later
// The cache's own readers of modules, edges and exports (fixed-size fields read in one pass)
// against what the generic writer wrote.
#include "cache/archive_types.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

namespace fanout::detail {
namespace {

std::vector<ScanEdge> edges() {
    std::vector<ScanEdge> out(4);
    out[0].specifierId = 3;
    out[0].importer = ModuleId{7};
    out[0].target = ModuleId{0xFFFFFFFE};
    out[0].position = {12, 3};
    out[0].namesBegin = 5;
    out[0].namesCount = 2;
    out[1].specifierId = 0xFFFFFFFF;
    out[1].kind = ImportKind::Export;
    out[1].form = ImportForm::Star;
    out[1].typeOnly = true;
    out[1].resolution = ResolutionKind::File;
    out[1].importer = ModuleId{1};
    out[1].target = ModuleId{0};
    out[2].specifierId = 0;
    out[2].kind = ImportKind::DynamicImport;
    out[2].resolution = ResolutionKind::Unresolved;
    out[2].position = {0xFFFFFFFF, 0x80000000};
    out[3].specifierId = 0x01020304;
    out[3].resolution = ResolutionKind::Builtin;
    out[3].setNotes(sharedNotes({"?raw", "builtin:fs", "a reason", "./A"}));
    return out;
}

std::vector<ExportEntry> exports() {
    return {
        {1, ExportEntry::kLocal, 0, false}, {0xFFFFFFFF, 3, 9, true}, {42, 0, 0x01020304, false}};
}

std::vector<ScanModule> modules() {
    std::vector<ScanModule> out(3);
    out[0].path = "/p/node_modules/lucide-react/dist/esm/icons/camera.js";
    out[0].environment = 0xBEEF;
    out[0].kind = ModuleKind::TooLarge;
    out[0].bytes = 0x0102030405060708;
    out[0].directive = {Directive::Client, true};
    out[0].specDirective = {Directive::Server, false};
    out[0].rwsdkDirective = {Directive::None, true};
    out[0].package = PackageId{0xFFFFFFFE};
    out[0].aliases = {"/p/a.js", "", std::string(40, 'x')};
    out[0].parseErrors = 0x11223344;
    out[0].counts = {5, 0xFFFFFFFF, 7};
    out[0].exports = exports();
    out[0].commonJs = true;
    out[0].error = "could not be read: permission denied";
    out[1].path = "/p/node_modules/lucide-react/dist/esm/icons/cat.js"; // shares a start
    out[2].path = "a"; // shares nothing, a short string
    out[2].package = PackageId{0};
    out[2].error = "e";
    return out;
}

// What the cache stores of a module and of an edge, to compare.
auto fieldsOf(const ScanModule& m) {
    return std::tie(m.path, m.environment, m.kind, m.bytes, m.directive, m.specDirective,
                    m.rwsdkDirective, m.package, m.aliases, m.parseErrors, m.counts, m.exports,
                    m.commonJs, m.error);
}
auto fieldsOf(const ScanEdge& e) {
    return std::tie(e.specifierId, e.kind, e.typeOnly, e.position, e.form, e.namesBegin,
                    e.namesCount, e.resolution, e.importer, e.target, e.notes());
}

template <class T> void expectSame(const std::vector<T>& back, const std::vector<T>& written) {
    ASSERT_EQ(back.size(), written.size());
    for (std::size_t i = 0; i < written.size(); ++i) {
        EXPECT_EQ(fieldsOf(back[i]), fieldsOf(written[i])) << i;
    }
}

// `bytes` cut at each length, read into new `Values`: refused every time.
template <typename... Values> void expectEveryCutRefused(const std::string& bytes) {
    for (std::size_t size = 0; size < bytes.size(); ++size) {
        std::tuple<Values...> back;
        EXPECT_THROW(
            std::apply([&](auto&... values) { decode(bytes.substr(0, size), values...); }, back),
            cereal::Exception)
            << size << " of " << bytes.size() << " bytes";
    }
}

TEST(CacheArchive, ModulesCutShortAreRefused) {
    expectEveryCutRefused<std::vector<ScanModule>>(encode(modules()));
}

// What the generic writer wrote is read back, to the value that follows it.
TEST(CacheArchive, ModulesEdgesAndExportsReadBackAsWritten) {
    const std::uint32_t after = 0xA5A5A5A5;
    const auto bytes = encode(modules(), edges(), exports(), after);
    std::vector<ScanModule> modulesBack;
    std::vector<ScanEdge> edgesBack;
    std::vector<ExportEntry> exportsBack;
    std::uint32_t afterBack = 0;
    decode(bytes, modulesBack, edgesBack, exportsBack, afterBack);
    expectSame(modulesBack, modules());
    expectSame(edgesBack, edges());
    EXPECT_EQ(exportsBack, exports());
    EXPECT_EQ(afterBack, after);
}

// Read into values that held others: every field is set; a module's package, aliases and exports,
// an edge's target and notes taken away.
TEST(CacheArchive, ModulesAndEdgesReadOverOthersHoldOnlyWhatWasWritten) {
    std::vector<ScanModule> writtenModules(1);
    writtenModules[0].path = "/p/x.js";
    std::vector<ScanEdge> writtenEdges(1);
    writtenEdges[0].specifierId = 1;
    auto modulesBack = modules();
    modulesBack.resize(1);
    auto edgesBack = edges();
    edgesBack.resize(1);
    edgesBack[0].setNotes(sharedNotes({"?raw", "", "", ""}));
    decode(encode(writtenModules, writtenEdges), modulesBack, edgesBack);
    expectSame(modulesBack, writtenModules);
    expectSame(edgesBack, writtenEdges);
}

TEST(CacheArchive, EdgesAndExportsCutShortAreRefused) {
    expectEveryCutRefused<std::vector<ScanEdge>, std::vector<ExportEntry>>(
        encode(edges(), exports()));
}

} // namespace
} // namespace fanout::detail
