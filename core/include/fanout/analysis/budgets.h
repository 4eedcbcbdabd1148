// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/analysis/analysis.h"
#include "fanout/result/scan_result.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace fanout {

struct BudgetViolation {
    std::string budget;          // e.g. "max-reach"
    std::string message;         // what exceeded it, by how much
    std::vector<ModuleId> chain; // how the offending module is reached, when there is one
    // What is over the budget, without figures or line numbers, so that the same violation is
    // recognised in a later scan (a baseline): "src/a.tsx -> lucide-react", a package name, or
    // empty for budgets of the whole graph.
    std::string subject;
};

// What one import (an index into ScanResult::edges) reaches, when --max-reach counts something
// other than every module walked (the modules its names need: the barrels area knows them).
using ImportReach = std::function<Reach(std::size_t edge)>;

std::vector<BudgetViolation> checkBudgets(const ScanResult& result, const ModuleGraph& graph,
                                          const Analysis& analysis, const Budgets& budgets,
                                          const ImportReach& importReach = {});

} // namespace fanout
