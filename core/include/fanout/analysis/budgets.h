// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/analysis/analysis.h"
#include "fanout/result/scan_result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fanout {

struct BudgetViolation {
    std::string budget;          // e.g. "max-reach"
    std::string message;         // what exceeded it, by how much
    std::vector<ModuleId> chain; // how the offending module is reached, when there is one
};

std::vector<BudgetViolation> checkBudgets(const ScanResult& result, const ModuleGraph& graph,
                                          const Analysis& analysis, const Budgets& budgets);

} // namespace fanout
