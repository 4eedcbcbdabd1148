// SPDX-License-Identifier: GPL-3.0-or-later
// Strongly connected components, reach estimates and exact reach.
#include "analysis/analysis_internal.h"

#include <algorithm>
#include <deque>
#include <functional>
#include <span>

namespace fanout {
namespace detail {
namespace {

constexpr std::size_t kSketchSize = 64;

std::uint64_t mix(std::uint64_t value) {
    // splitmix64: spreads module ids uniformly over 64 bits for the sketch.
    value += 0x9e3779b97f4a7c15ULL;
    value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
    value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
    return value ^ (value >> 31);
}

// Keeps the kSketchSize smallest distinct hashes of the union in `into`; `scratch` is reused
// space (no block allocated per merge: a graph has as many merges as edges).
void mergeInto(std::vector<std::uint64_t>& into, std::span<const std::uint64_t> from,
               std::vector<std::uint64_t>& scratch) {
    if (into.size() == kSketchSize) {
        // Full: a hash not below the largest kept cannot enter (kSketchSize smaller ones are
        // kept, or it is one of them). A barrel's sketch fills up early and most of its
        // thousands of targets' hashes are then skipped here, not merged.
        const auto below = std::lower_bound(from.begin(), from.end(), into.back());
        from = from.first(static_cast<std::size_t>(below - from.begin()));
        if (from.empty()) {
            return;
        }
    }
    scratch.clear();
    std::set_union(into.begin(), into.end(), from.begin(), from.end(), std::back_inserter(scratch));
    if (scratch.size() > kSketchSize) {
        scratch.resize(kSketchSize);
    }
    into.swap(scratch);
}

std::uint64_t estimateCount(const std::vector<std::uint64_t>& sketch) {
    if (sketch.size() < kSketchSize) {
        return sketch.size(); // exact below the sketch size
    }
    const double kth = static_cast<double>(sketch.back()) / 18446744073709551616.0;
    return static_cast<std::uint64_t>(static_cast<double>(kSketchSize - 1) / kth + 0.5);
}

} // namespace

Components stronglyConnected(const ModuleGraph& graph) {
    // Iterative Tarjan: a recursive one overflows the stack on deep import chains.
    const auto n = static_cast<std::uint32_t>(graph.size());
    constexpr std::uint32_t kUnvisited = UINT32_MAX;
    std::vector<std::uint32_t> index(n, kUnvisited), low(n, 0);
    std::vector<bool> onStack(n, false);
    std::vector<std::uint32_t> stack;
    Components out;
    out.componentOf.assign(n, 0);
    std::uint32_t counter = 0;
    struct Frame {
        std::uint32_t node;
        std::size_t next;
    };
    std::vector<Frame> frames;
    for (std::uint32_t root = 0; root < n; ++root) {
        if (index[root] != kUnvisited) {
            continue;
        }
        frames.push_back({root, 0});
        index[root] = low[root] = counter++;
        stack.push_back(root);
        onStack[root] = true;
        while (!frames.empty()) {
            auto& frame = frames.back();
            const auto targets = graph.targets(frame.node);
            if (frame.next < targets.size()) {
                const auto next = targets[frame.next++];
                if (index[next] == kUnvisited) {
                    index[next] = low[next] = counter++;
                    stack.push_back(next);
                    onStack[next] = true;
                    frames.push_back({next, 0});
                } else if (onStack[next]) {
                    low[frame.node] = std::min(low[frame.node], index[next]);
                }
                continue;
            }
            const auto node = frame.node;
            frames.pop_back();
            if (!frames.empty()) {
                low[frames.back().node] = std::min(low[frames.back().node], low[node]);
            }
            if (low[node] == index[node]) {
                std::vector<std::uint32_t> members;
                std::uint32_t member = 0;
                do {
                    member = stack.back();
                    stack.pop_back();
                    onStack[member] = false;
                    out.componentOf[member] = static_cast<std::uint32_t>(out.members.size());
                    members.push_back(member);
                } while (member != node);
                out.members.push_back(std::move(members));
            }
        }
    }
    return out; // components come out in reverse topological order: targets before importers
}

std::vector<std::uint64_t> estimateReach(const ModuleGraph& graph, const Components& components) {
    // Components come targets first: each sketch is finished before an importer reads it. A
    // sketch is kept in `sketches` at `kept[c]`, or, when it equals the sketch of a component it
    // imports (most modules of a large graph reach the same 64 smallest hashes as one of their
    // targets: the thousands of icons of an icon package), as that one's span, not written again.
    const auto count = components.members.size();
    std::vector<std::uint64_t> sketches;
    // Room for every sketch full, reserved once: only what is written is touched (the pages of a
    // large block are faulted in as they are first written), where growing by doubling copied the
    // sketches into fresh memory again and again (a tenth of the analysis of the npm app).
    sketches.reserve(count * kSketchSize);
    struct Span {
        std::size_t begin = 0;
        std::size_t size = 0;
    };
    std::vector<Span> kept(count);
    const auto keptSketch = [&](std::uint32_t component) {
        return std::span<const std::uint64_t>(sketches).subspan(kept[component].begin,
                                                                kept[component].size);
    };
    // The span of a target's sketch equal to `sketch`, if one is (else an empty one: a sketch
    // has a hash at least, its component's own).
    const auto sharedSpan = [&](std::size_t c, const std::vector<std::uint64_t>& sketch) {
        for (const auto member : components.members[c]) {
            for (const auto target : graph.targets(member)) {
                const auto other = components.componentOf[target];
                if (other < c && kept[other].size == sketch.size()) {
                    const auto span = keptSketch(other);
                    if (std::equal(span.begin(), span.end(), sketch.begin())) {
                        return kept[other];
                    }
                }
            }
        }
        return Span{};
    };
    std::vector<std::uint64_t> perComponent(count, 0);
    std::vector<std::uint64_t> sketch;
    std::vector<std::uint64_t> scratch;
    for (std::size_t c = 0; c < count; ++c) {
        sketch.clear();
        for (const auto member : components.members[c]) {
            sketch.push_back(mix(member));
        }
        std::sort(sketch.begin(), sketch.end());
        if (sketch.size() > kSketchSize) {
            sketch.resize(kSketchSize);
        }
        for (const auto member : components.members[c]) {
            for (const auto target : graph.targets(member)) {
                // Another component is one before this (a later one cannot be a target).
                const auto other = components.componentOf[target];
                if (other < c) {
                    mergeInto(sketch, keptSketch(other), scratch);
                }
            }
        }
        perComponent[c] = estimateCount(sketch);
        kept[c] = sharedSpan(c, sketch);
        if (kept[c].size != sketch.size()) {
            kept[c] = {sketches.size(), sketch.size()};
            sketches.insert(sketches.end(), sketch.begin(), sketch.end());
        }
    }
    std::vector<std::uint64_t> out(graph.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i] = perComponent[components.componentOf[i]];
    }
    return out;
}

} // namespace detail

Reach exactReach(const ScanResult& result, const ModuleGraph& graph, ModuleId module) {
    std::vector<bool> seen(graph.size(), false);
    std::vector<std::uint32_t> pending{module.value};
    seen[module.value] = true;
    Reach reach;
    while (!pending.empty()) {
        const auto at = pending.back();
        pending.pop_back();
        ++reach.modules;
        reach.bytes += result.modules[at].bytes;
        for (const auto next : graph.targets(at)) {
            if (!seen[next]) {
                seen[next] = true;
                pending.push_back(next);
            }
        }
    }
    return reach;
}

std::vector<ModuleId> whyReached(const ModuleGraph& graph, ModuleId module) {
    constexpr std::uint32_t kNone = UINT32_MAX;
    std::vector<std::uint32_t> parent(graph.size(), kNone);
    std::vector<bool> seen(graph.size(), false);
    std::deque<std::uint32_t> queue;
    for (const auto entry : graph.entries()) {
        seen[entry] = true;
        queue.push_back(entry);
    }
    while (!queue.empty() && !seen[module.value]) {
        const auto at = queue.front();
        queue.pop_front();
        for (const auto next : graph.targets(at)) {
            if (!seen[next]) {
                seen[next] = true;
                parent[next] = at;
                queue.push_back(next);
            }
        }
    }
    if (!seen[module.value]) {
        return {};
    }
    std::vector<ModuleId> chain;
    for (auto at = module.value; at != kNone; at = parent[at]) {
        chain.push_back(ModuleId{at});
    }
    std::reverse(chain.begin(), chain.end());
    return chain;
}

} // namespace fanout
