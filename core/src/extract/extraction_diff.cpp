// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/extract/extraction_diff.h"

#include <algorithm>
#include <sstream>

namespace fanout {
namespace {

std::string where(const SourcePosition& position) {
    return std::to_string(position.line) + ":" + std::to_string(position.column);
}

std::string describe(const ImportRecord& record, const Extraction& x, const NameTable& names) {
    std::ostringstream out;
    out << toString(record.kind) << " \"" << record.specifier << "\" at " << where(record.position)
        << " form " << toString(record.form) << (record.typeOnly ? " type-only" : "") << " names [";
    const auto imported = x.namesOf(record);
    const auto locals = x.localsOf(record);
    for (std::size_t i = 0; i < imported.size(); ++i) {
        out << (i > 0 ? ", " : "") << names.text(imported[i]) << " as " << names.text(locals[i]);
    }
    out << "]";
    return out.str();
}

std::string describe(const ExportEntry& entry, const NameTable& names) {
    return names.text(entry.name) +
           (entry.record == ExportEntry::kLocal
                ? std::string(" (local)")
                : " from record " + std::to_string(entry.record) +
                      (entry.namespaceOf ? " (namespace)" : " name " + names.text(entry.imported)));
}

std::string describe(const NonLiteralImport& call) {
    return std::string(toString(call.kind)) + "(" + call.expression + ") at " +
           where(call.position);
}

template <typename Item, typename Describe>
std::string listDifference(const char* what, const std::vector<Item>& expected,
                           const std::vector<Item>& actual, Describe&& describeItem) {
    for (std::size_t i = 0; i < std::max(expected.size(), actual.size()); ++i) {
        const std::string a = i < expected.size() ? describeItem(expected[i]) : "nothing";
        const std::string b = i < actual.size() ? describeItem(actual[i]) : "nothing";
        if (a != b) {
            return std::string(what) + " " + std::to_string(i) + ": expected " + a + ", got " + b;
        }
    }
    return {};
}

std::string verdict(const DirectiveVerdict& v) {
    return std::string(toString(v.directive)) + (v.conflict ? " (conflict)" : "");
}

} // namespace

std::string extractionDifference(const Extraction& expected, const Extraction& actual,
                                 const NameTable& names) {
    for (std::size_t i = 0; i < std::max(expected.imports.size(), actual.imports.size()); ++i) {
        const std::string a = i < expected.imports.size()
                                  ? describe(expected.imports[i], expected, names)
                                  : "nothing";
        const std::string b =
            i < actual.imports.size() ? describe(actual.imports[i], actual, names) : "nothing";
        if (a != b) {
            return "import " + std::to_string(i) + ": expected " + a + ", got " + b;
        }
    }
    auto difference = listDifference("export", expected.exports, actual.exports,
                                     [&](const ExportEntry& e) { return describe(e, names); });
    if (!difference.empty()) {
        return difference;
    }
    difference =
        listDifference("non-literal call", expected.nonLiteralImports, actual.nonLiteralImports,
                       [](const NonLiteralImport& c) { return describe(c); });
    if (!difference.empty()) {
        return difference;
    }
    if (expected.commonJs != actual.commonJs) {
        return std::string("CommonJS: expected ") + (expected.commonJs ? "yes" : "no");
    }
    if (expected.jsx.first != actual.jsx.first || expected.jsx.runtime != actual.jsx.runtime ||
        expected.jsx.importSource != actual.jsx.importSource) {
        return "JSX: expected first element at " + where(expected.jsx.first) + " source \"" +
               expected.jsx.importSource + "\", got " + where(actual.jsx.first) + " source \"" +
               actual.jsx.importSource + "\"";
    }
    if (expected.counts != actual.counts) {
        const auto counts = [](const StatementCounts& c) {
            return std::to_string(c.topLevel) + "/" + std::to_string(c.imports) + "/" +
                   std::to_string(c.reExports);
        };
        return "statements/imports/re-exports: expected " + counts(expected.counts) + ", got " +
               counts(actual.counts);
    }
    if (expected.specDirective != actual.specDirective) {
        return "directive: expected " + verdict(expected.specDirective) + ", got " +
               verdict(actual.specDirective);
    }
    if (expected.rwsdkDirective != actual.rwsdkDirective) {
        return "rwsdk directive: expected " + verdict(expected.rwsdkDirective) + ", got " +
               verdict(actual.rwsdkDirective);
    }
    return {};
}

} // namespace fanout
