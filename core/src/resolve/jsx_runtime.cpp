// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/resolve/jsx_runtime.h"

#include "base/path_utils.h"
#include "resolve/resolver_cache_impl.h"
#include "resolve/tsconfig.h"

namespace fanout {

std::string_view toString(JsxMode mode) {
    switch (mode) {
    case JsxMode::Automatic:
        return "automatic";
    case JsxMode::Classic:
        return "classic";
    case JsxMode::Tsconfig:
        return "tsconfig";
    }
    return "tsconfig";
}

std::string jsxRuntimeModule(const JsxConfig& config, const JsxUse& use, ResolverCache& cache,
                             std::string_view file, std::string* why) {
    const auto say = [&](std::string line) {
        if (why != nullptr) {
            *why = std::move(line);
        }
    };
    if (!use.used()) {
        return {};
    }
    if (use.runtime == JsxRuntimePragma::Classic) {
        say("@jsxRuntime classic pragma: no implicit import");
        return {};
    }
    const auto dir = std::string(detail::parentPath(detail::normalizePath(file)));
    const bool inPackage = dir.find("/node_modules/") != std::string::npos;
    const auto tsconfig = inPackage ? nullptr : cache.impl().nearestTsConfig(dir);
    std::string runtime = "/jsx-runtime";
    bool automatic = config.mode == JsxMode::Automatic;
    std::string decided = std::string("the ") + std::string(toString(config.mode)) + " runtime";
    if (config.mode == JsxMode::Tsconfig) {
        const std::string jsx = tsconfig ? tsconfig->jsx : std::string();
        automatic = jsx == "react-jsx" || jsx == "react-jsxdev";
        runtime = jsx == "react-jsxdev" ? "/jsx-dev-runtime" : "/jsx-runtime";
        decided = tsconfig ? "\"jsx\": \"" + jsx + "\" in " + tsconfig->file : "no tsconfig";
    }
    if (use.runtime == JsxRuntimePragma::Automatic) {
        automatic = true;
        decided = "@jsxRuntime automatic pragma";
    }
    if (!automatic) {
        say(decided + ": no implicit import");
        return {};
    }
    std::string source = config.importSource;
    if (!use.importSource.empty()) {
        source = use.importSource;
        decided += ", @jsxImportSource pragma";
    } else if (tsconfig && !tsconfig->jsxImportSource.empty()) {
        source = tsconfig->jsxImportSource;
        decided += ", jsxImportSource of " + tsconfig->file;
    }
    say(decided);
    return source + runtime;
}

void addJsxRuntimeImport(Extraction& extraction, const JsxConfig& config, ResolverCache& cache,
                         std::string_view file) {
    auto module = jsxRuntimeModule(config, extraction.jsx, cache, file);
    if (module.empty()) {
        return;
    }
    ImportRecord record;
    record.specifier = std::move(module);
    record.kind = ImportKind::JsxRuntime;
    record.position = extraction.jsx.first;
    record.form = ImportForm::Namespace;
    extraction.imports.reserve(extraction.imports.size() + 1); // kept exact, as extract() left it
    extraction.imports.push_back(std::move(record));
}

} // namespace fanout
