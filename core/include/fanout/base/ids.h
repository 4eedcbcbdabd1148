// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace fanout {

// A typed index: a module and a package are both a uint32_t underneath, and a ModuleId can never
// be passed where a PackageId is meant. The order operators are spelled out rather than a
// defaulted <=>, which needs <compare>: Qt's moc reads the UI headers that include this one and
// cannot parse that header.
template <typename Tag> struct TypedId {
    std::uint32_t value = 0;
    bool operator==(const TypedId&) const = default;
    bool operator<(const TypedId& other) const { return value < other.value; }
    bool operator>(const TypedId& other) const { return value > other.value; }
    bool operator<=(const TypedId& other) const { return value <= other.value; }
    bool operator>=(const TypedId& other) const { return value >= other.value; }
};

using ModuleId = TypedId<struct ModuleTag>;   // into ScanResult::modules
using PackageId = TypedId<struct PackageTag>; // into ScanResult::packages

} // namespace fanout
