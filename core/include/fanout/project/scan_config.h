// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/base/diagnostic.h"
#include "fanout/extract/directive.h"
#include "fanout/io/file_reader.h"
#include "fanout/resolve/jsx_runtime.h"
#include "fanout/resolve/resolver_config.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fanout {

enum class DirectiveRule : unsigned char {
    Spec,  // the ECMAScript directive prologue
    Rwsdk, // the RedwoodJS SDK's text rule, quirks included
};

std::string_view toString(DirectiveRule rule);

// What --max-reach counts: every module an import walks, or only those its names need.
enum class ReachMeasure : unsigned char { Walked, Needed };

// Limits a CI job holds a project to (`fanout check`), from flags or fanout.json's "budgets".
struct Budgets {
    std::optional<std::uint64_t> maxModules;
    // The most modules any single import in first-party code may drag in.
    std::optional<std::uint64_t> maxReach;
    ReachMeasure reach = ReachMeasure::Walked;
    std::map<std::string, std::uint64_t> maxPackageModules; // package name -> modules
    // Glob patterns (fnmatch, "*" crosses "/") matched against what first-party code imports:
    // the specifier, and the resolved path relative to the root.
    std::vector<std::string> forbidImport;
    std::optional<std::uint64_t> maxDuplicatePaths;
    std::optional<std::uint64_t> maxRssMb;

    bool empty() const {
        return !maxModules && !maxReach && maxPackageModules.empty() && forbidImport.empty() &&
               !maxDuplicatePaths && !maxRssMb;
    }
};

struct Environment {
    std::string name;
    ResolverConfig resolver;
    std::string workspace; // the workspace whose app it belongs to; "" outside a monorepo scan
};

// "use client" -> client: a module with that directive, and everything it imports, is scanned in
// the named environment.
struct EnvironmentSwitch {
    Directive directive = Directive::Client;
    std::string environment;
    // Applies to modules in that workspace's environments ("" = everywhere, outside monorepos).
    std::string workspace;
};

// One package of a monorepo (npm/yarn "workspaces", pnpm-workspace.yaml).
struct Workspace {
    std::string name; // its package.json name, else its folder relative to the root
    std::string dir;  // absolute, real
    std::string preset;
};

// Everything a scan needs, with absolute paths. Built from flags, fanout.json and presets.
struct ScanConfig {
    std::string root;
    std::vector<std::string> entries; // absolute paths; start in environments.front()
    // Entries that start in another environment (Next.js middleware on the edge): path -> name.
    std::map<std::string, std::string> entryEnvironments;
    // Entries only when they carry a "use client"/"use server" directive (rwsdk's src/ files).
    // Read once like any file; without a directive they do not become modules.
    std::vector<std::string> conditionalEntries;
    std::vector<Environment> environments{Environment{"default", {}, ""}};
    std::vector<EnvironmentSwitch> switches;
    // A monorepo scanned from its root: every workspace (apps and packages), and, in
    // `scannedWorkspaces`, the names of the apps whose entries and environments this scan has.
    std::vector<Workspace> workspaces;
    std::vector<std::string> scannedWorkspaces;
    DirectiveRule directiveRule = DirectiveRule::Spec;
    // Glob patterns relative to the root (`*` and `**` match across folders): files matching
    // are recorded as edges' targets but never read.
    std::vector<std::string> exclude;
    // rwsdk 1.7.3's scan quirks: its directive rule, and specifiers whose last segment has a
    // non-script extension (./Button.client, lodash.debounce) are external before resolution.
    bool compatRwsdk = false;
    // Files larger than this are not read: they become too-large modules with a diagnostic.
    std::uint64_t maxFileBytes = kDefaultMaxFileBytes;
    // The optimized graph: through these barrels only the modules the imported names need are
    // walked (and read), as Next.js's optimizePackageImports rewrites barrel imports. By package
    // name, side effects or not; with optimizeBarrels, every barrel that has no side effects
    // by its package.json (or the project's).
    std::vector<std::string> optimizePackages;
    bool optimizeBarrels = false;
    bool optimizing() const { return optimizeBarrels || !optimizePackages.empty(); }
    // A file with JSX imports its automatic runtime: an edge of kind jsx-runtime.
    JsxConfig jsx;
    // What the preset could not read (a next.config value that is not a literal): findings.
    std::vector<Diagnostic> configFindings;
    std::string preset; // the preset it came from, for the record
    Budgets budgets;    // fanout.json's "budgets", for `fanout check`
};

// The workspace holding `path` (the deepest whose folder contains it), or nullptr.
const Workspace* workspaceOf(const ScanConfig& config, std::string_view path);

} // namespace fanout
