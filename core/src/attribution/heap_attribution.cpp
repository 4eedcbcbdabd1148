// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/attribution/heap_attribution.h"

#include "fanout/base/display_path.h"
#include "fanout/base/size_format.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <functional>
#include <iomanip>
#include <optional>
#include <unordered_map>

namespace fanout {
namespace {

constexpr std::size_t kNameUnits = 1024; // V8 names a string by this many UTF-16 units at most
constexpr std::size_t kHeldThroughSteps = 4;

// The first `kNameUnits` UTF-16 units of UTF-8 text, as V8 would name a string of it (invalid
// UTF-8 ends the prefix: such a file cannot be matched reliably).
std::string_view namePrefix(std::string_view text) {
    std::size_t units = 0;
    std::size_t at = 0;
    while (at < text.size() && units < kNameUnits) {
        const auto lead = static_cast<unsigned char>(text[at]);
        const std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        const std::size_t weight = length == 4 ? 2 : 1;
        if (units + weight > kNameUnits || at + length > text.size()) {
            break;
        }
        units += weight;
        at += length;
    }
    return text.substr(0, at);
}

struct Candidate {
    std::uint32_t module;
    std::uint64_t bytes; // the file's size
};

// The modules by the hash of the name V8 would give a string of their whole contents.
std::unordered_map<std::size_t, std::vector<Candidate>> indexSources(const ScanResult& result) {
    std::unordered_map<std::size_t, std::vector<Candidate>> index;
    std::string buffer;
    for (std::uint32_t m = 0; m < result.modules.size(); ++m) {
        const auto& module = result.modules[m];
        std::ifstream in(module.path, std::ios::binary);
        buffer.assign(kNameUnits * 4, '\0');
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        buffer.resize(static_cast<std::size_t>(in.gcount()));
        if (buffer.empty()) {
            continue;
        }
        index[std::hash<std::string_view>{}(namePrefix(buffer))].push_back({m, module.bytes});
    }
    return index;
}

// The size V8 gives a flat string of a file's text: its UTF-16 units, one byte each when every
// character is Latin-1, else two; plus a 12- or 16-byte header (with or without pointer
// compression), rounded up to 8. Measured with Node 20: 5,007 ASCII characters take 5,024
// bytes, 3,010 units with a CJK character 6,040. Read from the file the first time a string's
// name matches it.
class StringSizes {
public:
    // Whether a string of `selfSize` bytes can be the whole text of `candidate`.
    bool fits(const ScanResult& result, const Candidate& candidate, std::uint64_t selfSize) {
        auto [it, added] = m_payload.try_emplace(candidate.module, 0);
        if (added) {
            it->second = payloadOf(result.modules[candidate.module].path);
        }
        if (!it->second) {
            return looseFit(selfSize, candidate.bytes);
        }
        const auto payload = *it->second;
        return selfSize >= payload + 12 && selfSize <= payload + 16 + 7;
    }

private:
    // Bytes of characters, or nothing when the file cannot be read again.
    static std::optional<std::uint64_t> payloadOf(const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            return std::nullopt;
        }
        std::uint64_t units = 0;
        bool twoByte = false;
        std::array<char, 1 << 16> buffer{};
        while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0) {
            for (std::streamsize i = 0; i < in.gcount(); ++i) {
                const auto byte = static_cast<unsigned char>(buffer[static_cast<std::size_t>(i)]);
                if (byte < 0x80 || byte >= 0xC0) {     // a character starts (continuations do not)
                    units += byte >= 0xF0 ? 2 : 1;     // beyond the BMP: a surrogate pair
                    twoByte = twoByte || byte >= 0xC4; // U+0100 and above
                }
            }
        }
        return twoByte ? 2 * units : units;
    }

    // A file that is gone: a one-byte string takes its length plus a header, a two-byte string
    // up to twice its length.
    static bool looseFit(std::uint64_t selfSize, std::uint64_t bytes) {
        constexpr std::uint64_t kHeader = 32;
        return selfSize + kHeader >= bytes / 3 && selfSize <= 2 * bytes + kHeader;
    }

    std::unordered_map<std::uint32_t, std::optional<std::uint64_t>> m_payload;
};

// Slot 0 is the project's own files; package p is slot p + 1.
std::size_t slotOf(const ScanModule& module) {
    return module.package ? module.package->value + 1 : 0;
}

std::string slotLabel(const ScanResult& result, std::size_t slot) {
    if (slot == 0) {
        return "(project)";
    }
    const auto& package = result.packages[slot - 1];
    return package.version.empty() ? package.name : package.name + "@" + package.version;
}

struct PackageTally {
    HeldPackage row;
    std::uint32_t largest = kNoHeapNode; // its largest source string
};

} // namespace

HeapAttribution attributeHeap(const HeapSnapshot& snapshot, const HeapDominators& dominators,
                              const ScanResult& result, std::uint64_t minimumBytes) {
    HeapAttribution out;
    out.modulesScanned = result.modules.size();
    const auto sources = indexSources(result);
    StringSizes sizes;
    std::unordered_map<std::string_view, std::uint32_t> byPath;
    for (std::uint32_t m = 0; m < result.modules.size(); ++m) {
        byPath.emplace(result.modules[m].path, m);
        for (const auto& alias : result.modules[m].aliases) {
            byPath.emplace(alias, m);
        }
    }
    const auto stringType =
        std::find(snapshot.nodeTypes.begin(), snapshot.nodeTypes.end(), "string");
    if (stringType == snapshot.nodeTypes.end()) {
        return out;
    }
    const auto type = static_cast<std::uint8_t>(stringType - snapshot.nodeTypes.begin());
    std::vector<PackageTally> tallies(result.packages.size() + 1);
    const auto tally = [&](std::uint32_t module) -> PackageTally& {
        return tallies[slotOf(result.modules[module])];
    };
    std::vector<HeldModule> perModule(result.modules.size()); // per module
    std::vector<bool> counted(result.modules.size()); // modules with a source already counted
    for (const auto node : dominators.reachable) {
        if (snapshot.nodeType[node] != type) {
            continue;
        }
        const auto name = snapshot.string(snapshot.nodeName[node]);
        const auto bytes = snapshot.selfSize[node];
        if (const auto path = byPath.find(name); path != byPath.end()) {
            auto& t = tally(path->second);
            ++t.row.paths;
            t.row.pathBytes += bytes;
            ++perModule[path->second].paths;
            perModule[path->second].pathBytes += bytes;
            ++out.paths;
            out.pathBytes += bytes;
            continue;
        }
        if (bytes < minimumBytes) {
            continue;
        }
        const auto found = sources.find(std::hash<std::string_view>{}(name));
        if (found == sources.end()) {
            continue;
        }
        // Files sharing their first 1,024 units: the one whose size is nearest the string's.
        const Candidate* best = nullptr;
        for (const auto& candidate : found->second) {
            const auto distance = [&](const Candidate& c) {
                return c.bytes > bytes ? c.bytes - bytes : bytes - c.bytes;
            };
            if (sizes.fits(result, candidate, bytes) &&
                (!best || distance(candidate) < distance(*best))) {
                best = &candidate;
            }
        }
        if (best == nullptr) {
            continue;
        }
        auto& t = tally(best->module);
        t.row.modules += counted[best->module] ? 0 : 1;
        counted[best->module] = true;
        ++t.row.sources;
        t.row.sourceBytes += bytes;
        ++perModule[best->module].sources;
        perModule[best->module].sourceBytes += bytes;
        if (t.largest == kNoHeapNode || bytes > snapshot.selfSize[t.largest]) {
            t.largest = node;
        }
        ++out.sources;
        out.sourceBytes += bytes;
    }
    const auto retainers = shortestRetainerEdges(snapshot);
    for (std::size_t slot = 0; slot < tallies.size(); ++slot) {
        auto& t = tallies[slot];
        if (t.row.sources == 0 && t.row.paths == 0) {
            continue;
        }
        t.row.name = slotLabel(result, slot);
        if (slot > 0) {
            t.row.package = PackageId{static_cast<std::uint32_t>(slot - 1)};
        }
        t.row.largestSource = t.largest;
        if (t.largest != kNoHeapNode) {
            const auto path = heapRetainerPath(snapshot, retainers, t.largest);
            const auto from = path.size() > kHeldThroughSteps ? path.size() - kHeldThroughSteps : 0;
            t.row.heldThrough.assign(path.begin() + static_cast<std::ptrdiff_t>(from), path.end());
        }
        out.packages.push_back(std::move(t.row));
    }
    std::sort(
        out.packages.begin(), out.packages.end(), [](const HeldPackage& a, const HeldPackage& b) {
            const auto held = [](const HeldPackage& p) { return p.sourceBytes + p.pathBytes; };
            return held(a) != held(b) ? held(a) > held(b) : a.name < b.name;
        });
    for (std::uint32_t m = 0; m < perModule.size(); ++m) {
        if (perModule[m].bytes() > 0) {
            perModule[m].module = ModuleId{m};
            out.modules.push_back(perModule[m]);
        }
    }
    std::sort(out.modules.begin(), out.modules.end(), [](const HeldModule& a, const HeldModule& b) {
        return a.bytes() != b.bytes() ? a.bytes() > b.bytes() : a.module < b.module;
    });
    return out;
}

void writeHeapAttributionText(std::ostream& out, const HeapAttribution& attribution,
                              const ScanResult& result, std::size_t top) {
    out << "\nHeld by the project (" << attribution.modulesScanned
        << " modules scanned): " << attribution.sources << " module sources, "
        << formatSize(attribution.sourceBytes) << "; " << attribution.paths << " module paths, "
        << formatSize(attribution.pathBytes) << "\n";
    if (attribution.packages.empty()) {
        out << "  no string of the heap is a module's source or path\n";
        return;
    }
    for (std::size_t i = 0; i < attribution.packages.size() && i < top; ++i) {
        const auto& p = attribution.packages[i];
        out << std::setw(12) << formatSize(p.sourceBytes) << "  " << p.name << ": " << p.sources
            << " sources of " << p.modules << " modules, " << p.paths << " paths ("
            << formatSize(p.pathBytes) << ")\n";
        if (!p.heldThrough.empty()) {
            out << std::string(14, ' ') << "held through …";
            for (const auto& step : p.heldThrough) {
                out << " → " << step;
            }
            out << "\n";
        }
    }
    const auto& root = result.config.root;
    if (!attribution.barrels.empty()) {
        out << "\nBy barrel (what the heap holds of the modules each barrel reaches)\n";
        for (std::size_t i = 0; i < attribution.barrels.size() && i < top; ++i) {
            const auto& b = attribution.barrels[i];
            out << std::setw(12) << formatSize(b.sourceBytes + b.pathBytes) << "  "
                << displayPath(result.module(b.barrel).path, root) << ": " << b.heldModules
                << " of the " << b.reach << " modules it reaches\n";
        }
    }
    out << "\nBy module\n";
    for (std::size_t i = 0; i < attribution.modules.size() && i < top; ++i) {
        const auto& m = attribution.modules[i];
        out << std::setw(12) << formatSize(m.bytes()) << "  "
            << displayPath(result.module(m.module).path, root) << " (sources " << m.sources
            << ", paths " << m.paths << ")\n";
    }
}

nlohmann::json heapAttributionJson(const HeapAttribution& attribution, const ScanResult& result) {
    auto modules = nlohmann::json::array();
    for (const auto& m : attribution.modules) {
        modules.push_back({{"path", result.module(m.module).path},
                           {"sources", m.sources},
                           {"sourceBytes", m.sourceBytes},
                           {"paths", m.paths},
                           {"pathBytes", m.pathBytes}});
    }
    auto barrels = nlohmann::json::array();
    for (const auto& b : attribution.barrels) {
        barrels.push_back({{"path", result.module(b.barrel).path},
                           {"reach", b.reach},
                           {"heldModules", b.heldModules},
                           {"sourceBytes", b.sourceBytes},
                           {"pathBytes", b.pathBytes}});
    }
    auto packages = nlohmann::json::array();
    for (const auto& p : attribution.packages) {
        packages.push_back({{"name", p.name},
                            {"modules", p.modules},
                            {"sources", p.sources},
                            {"sourceBytes", p.sourceBytes},
                            {"paths", p.paths},
                            {"pathBytes", p.pathBytes},
                            {"heldThrough", p.heldThrough}});
    }
    return {{"modulesScanned", attribution.modulesScanned},
            {"sources", attribution.sources},
            {"sourceBytes", attribution.sourceBytes},
            {"paths", attribution.paths},
            {"pathBytes", attribution.pathBytes},
            {"packages", packages},
            {"modules", modules},
            {"barrels", barrels}};
}

} // namespace fanout
