// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/attribution/heap_attribution.h"

#include <algorithm>

namespace fanout {

std::vector<HeldBarrel> heldByBarrel(const HeapAttribution& attribution, const ModuleGraph& graph,
                                     const Analysis& analysis) {
    const auto modules = graph.size();
    std::vector<const HeldModule*> heldOf(modules, nullptr);
    for (const auto& held : attribution.modules) {
        if (held.module.value < modules) {
            heldOf[held.module.value] = &held;
        }
    }
    std::vector<HeldBarrel> out;
    std::vector<std::uint32_t> seen(modules, 0); // the barrel (plus one) that last reached it
    std::vector<std::uint32_t> queue;
    for (std::uint32_t barrel = 0; barrel < modules && barrel < analysis.modules.size(); ++barrel) {
        if (!analysis.modules[barrel].barrel) {
            continue;
        }
        HeldBarrel row;
        row.barrel = ModuleId{barrel};
        queue.assign(1, barrel);
        seen[barrel] = barrel + 1;
        for (std::size_t head = 0; head < queue.size(); ++head) {
            const auto module = queue[head];
            if (const auto* held = heldOf[module]) {
                ++row.heldModules;
                row.sourceBytes += held->sourceBytes;
                row.pathBytes += held->pathBytes;
            }
            for (const auto target : graph.targets(module)) {
                if (seen[target] != barrel + 1) {
                    seen[target] = barrel + 1;
                    queue.push_back(target);
                }
            }
        }
        row.reach = queue.size();
        if (row.heldModules > 0) {
            out.push_back(row);
        }
    }
    std::sort(out.begin(), out.end(), [](const HeldBarrel& a, const HeldBarrel& b) {
        const auto held = [](const HeldBarrel& r) { return r.sourceBytes + r.pathBytes; };
        return held(a) != held(b) ? held(a) > held(b) : a.barrel < b.barrel;
    });
    return out;
}

} // namespace fanout
