// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/result/scan_result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace fanout {

// How one imported name reaches the module that defines it.
struct NameTrace {
    NameId name = 0;             // as imported
    NameId local = 0;            // the binding the importer gives it (`as Love`)
    std::vector<ModuleId> chain; // from the imported module to the defining one
    NameId definedAs = 0;        // its name in the defining module
    bool namespaceOf = false;    // the name is the defining module's whole namespace
    bool traced = false;         // false: not found, ambiguous or untraceable; chain says where
};

// What one import needs: the modules defining the names it imports, what those import (by name,
// recursively), and every module on the way that may have side effects.
struct NamedReach {
    std::vector<ModuleId> needed; // sorted
    std::uint64_t bytes = 0;
    // Why whole modules were taken instead of names: "namespace import", "require()",
    // "'X' is not exported by <module>" ... Empty when every name was traced.
    std::vector<std::string> fallbacks;
    std::vector<NameTrace> traces; // one per imported name, in import order
};

// Follows names through re-export chains (`export {a as b} from`, `export *`, `export * as ns`,
// `import {a}; export {a}`, `default`). Remembers where each (module, name) is defined, so that
// asking for many imports of the same barrel costs little. Not thread-safe.
class NamedReachWalker {
public:
    explicit NamedReachWalker(const ScanResult& result);
    ~NamedReachWalker();
    NamedReachWalker(const NamedReachWalker&) = delete;
    NamedReachWalker& operator=(const NamedReachWalker&) = delete;

    // What the import at result.edges[edge] needs. Empty for type-only or unresolved imports.
    NamedReach ofEdge(std::size_t edge);
    // The defining module of `name` as exported by `module`.
    NameTrace trace(ModuleId module, NameId name);
    // By the package's (or the project's) package.json "sideEffects".
    bool mayHaveSideEffects(ModuleId module) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace fanout
