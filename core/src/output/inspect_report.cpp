// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/output/inspect_report.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

namespace fanout {
namespace {

using nlohmann::ordered_json;

ordered_json directiveJson(const DirectiveVerdict& verdict) {
    return {{"directive", toString(verdict.directive)}, {"conflict", verdict.conflict}};
}

ordered_json fileJson(const InspectedFile& file) {
    const Extraction& x = file.extraction;
    ordered_json imports = ordered_json::array();
    for (const auto& record : x.imports) {
        imports.push_back({{"specifier", record.specifier},
                           {"kind", toString(record.kind)},
                           {"typeOnly", record.typeOnly},
                           {"line", record.position.line},
                           {"column", record.position.column}});
    }
    ordered_json nonLiteral = ordered_json::array();
    for (const auto& call : x.nonLiteralImports) {
        nonLiteral.push_back({{"kind", toString(call.kind)},
                              {"expression", call.expression},
                              {"line", call.position.line},
                              {"column", call.position.column}});
    }
    return {
        {"path", file.path},
        {"grammar", toString(x.grammar)},
        {"directives",
         {{"spec", directiveJson(x.specDirective)}, {"rwsdk", directiveJson(x.rwsdkDirective)}}},
        {"imports", std::move(imports)},
        {"nonLiteralImports", std::move(nonLiteral)},
        {"counts",
         {{"topLevelStatements", x.counts.topLevel},
          {"importStatements", x.counts.imports},
          {"reExportStatements", x.counts.reExports}}},
        {"parseErrors", x.parseErrors}};
}

std::string verdictText(const DirectiveVerdict& verdict) {
    std::string text(toString(verdict.directive));
    if (verdict.conflict) {
        text += " (conflict: both \"use client\" and \"use server\")";
    }
    return text;
}

std::string positionText(const SourcePosition& position) {
    return std::to_string(position.line) + ":" + std::to_string(position.column);
}

} // namespace

std::string formatInspectText(const InspectedFile& file) {
    const Extraction& x = file.extraction;
    std::ostringstream out;
    out << file.path << "\n";
    out << "  grammar       " << toString(x.grammar) << "\n";
    out << "  directive     spec: " << verdictText(x.specDirective)
        << "; rwsdk: " << verdictText(x.rwsdkDirective) << "\n";
    out << "  statements    " << x.counts.topLevel << " top-level, " << x.counts.imports
        << " imports, " << x.counts.reExports << " re-exports\n";
    out << "  parse errors  " << x.parseErrors << "\n";
    std::size_t width = 0;
    for (const auto& record : x.imports) {
        width = std::max(width, positionText(record.position).size());
    }
    out << "  imports       " << x.imports.size() << "\n";
    for (const auto& record : x.imports) {
        const auto position = positionText(record.position);
        std::string kind(toString(record.kind));
        if (record.typeOnly) {
            kind += " (type)";
        }
        kind.resize(std::max<std::size_t>(kind.size(), 21), ' ');
        out << "    " << position << std::string(width - position.size() + 2, ' ') << kind
            << record.specifier << "\n";
    }
    if (!x.nonLiteralImports.empty()) {
        out << "  non-literal   " << x.nonLiteralImports.size() << "\n";
        for (const auto& call : x.nonLiteralImports) {
            out << "    " << positionText(call.position) << "  " << toString(call.kind) << "("
                << call.expression << ")\n";
        }
    }
    return out.str();
}

std::string formatInspectJson(const std::vector<InspectedFile>& files,
                              const std::vector<InspectFailure>& failures) {
    ordered_json document;
    document["files"] = ordered_json::array();
    for (const auto& file : files) {
        document["files"].push_back(fileJson(file));
    }
    document["errors"] = ordered_json::array();
    for (const auto& failure : failures) {
        document["errors"].push_back({{"path", failure.path}, {"message", failure.message}});
    }
    // Source text is not guaranteed to be UTF-8; replace rather than throw on a bad byte.
    return document.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

} // namespace fanout
