#pragma once

#include "fanout/directive.h"
#include "fanout/resolver_config.h"

#include <string>
#include <vector>

namespace fanout {

enum class DirectiveRule : unsigned char {
    Spec,  // the ECMAScript directive prologue
    Rwsdk, // the RedwoodJS SDK's text rule, quirks included
};

std::string_view toString(DirectiveRule rule);

struct Environment {
    std::string name;
    ResolverConfig resolver;
};

// "use client" -> client: a module with that directive, and everything it imports, is scanned in
// the named environment.
struct EnvironmentSwitch {
    Directive directive = Directive::Client;
    std::string environment;
};

// Everything a scan needs, with absolute paths. Built from flags, fanout.json and presets.
struct ScanConfig {
    std::string root;
    std::vector<std::string> entries; // absolute paths; start in environments.front()
    // Entries only when they carry a "use client"/"use server" directive (rwsdk's src/ files).
    // Read once like any file; without a directive they do not become modules.
    std::vector<std::string> conditionalEntries;
    std::vector<Environment> environments{Environment{"default", {}}};
    std::vector<EnvironmentSwitch> switches;
    DirectiveRule directiveRule = DirectiveRule::Spec;
    // Glob patterns relative to the root (`*` and `**` match across folders): files matching
    // are recorded as edges' targets but never read.
    std::vector<std::string> exclude;
    // rwsdk 1.7.3's scan quirks: its directive rule, and specifiers whose last segment has a
    // non-script extension (./Button.client, lodash.debounce) are external before resolution.
    bool compatRwsdk = false;
    std::string preset; // the preset it came from, for the record
};

} // namespace fanout
