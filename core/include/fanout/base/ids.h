// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <compare>
#include <cstdint>

namespace fanout {

// Typed indices: a module and a package are both a uint32_t underneath, and a ModuleId can
// never be passed where a PackageId is meant.
struct ModuleId {
    std::uint32_t value = 0;
    bool operator==(const ModuleId&) const = default;
    auto operator<=>(const ModuleId&) const = default;
};

// Into ScanResult::packages.
struct PackageId {
    std::uint32_t value = 0;
    bool operator==(const PackageId&) const = default;
    auto operator<=>(const PackageId&) const = default;
};

} // namespace fanout
