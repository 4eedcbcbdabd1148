// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/analysis/budgets.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace fanout {

// A violation a project has agreed to live with for now (dependency-cruiser's "known
// violations"): `fanout check --baseline FILE` fails only on violations not in FILE.
struct BaselineEntry {
    std::string budget;
    std::string subject; // BudgetViolation::subject
    std::string message; // as it read when the baseline was written, for people
};

class BaselineError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Reads a baseline written by baselineJson; throws BaselineError saying which file and why.
std::vector<BaselineEntry> readBaseline(const std::string& path);

// The baseline of these violations: {"schema": 1, "violations": [{budget, subject, message}]}.
std::string baselineJson(const std::vector<BudgetViolation>& violations);

// Violations sorted against a baseline, matched by budget and subject (figures and line numbers
// may change; a subject listed twice in the baseline covers two violations).
struct BaselineSplit {
    std::vector<const BudgetViolation*> fresh; // not in the baseline: these fail the check
    std::vector<const BudgetViolation*> known; // in the baseline
    std::vector<BaselineEntry> fixed;          // in the baseline, no longer violated
};

BaselineSplit splitByBaseline(const std::vector<BudgetViolation>& violations,
                              const std::vector<BaselineEntry>& baseline);

} // namespace fanout
