// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/import_lexer_reader.h"

#include <algorithm>

namespace fanout::detail::lexer {

// A `{...}` list of `a`, `a as b`, `type a`, `"a" as b`; returns the token after `}`.
std::size_t ImportLexer::specifierList(std::size_t open, std::vector<Specifier>& into) const {
    const std::size_t close = m_tokens[open].match;
    std::size_t k = open + 1;
    const auto isName = [&](std::size_t at) {
        return at < close && (m_tokens[at].kind == TokenKind::Identifier ||
                              m_tokens[at].kind == TokenKind::String);
    };
    while (k < close) {
        Specifier specifier;
        if (isWord(k, "type") && isName(k + 1) && !isWord(k + 1, "as")) {
            specifier.typeOnly = true;
            ++k;
        } else if (isWord(k, "type") && isWord(k + 1, "as")) {
            handOff(); // `type as x`: a name or a modifier
        }
        if (!isName(k)) {
            handOff();
        }
        specifier.name = static_cast<std::uint32_t>(k++);
        if (isWord(k, "as")) {
            if (!isName(k + 1)) {
                handOff();
            }
            specifier.alias = static_cast<std::uint32_t>(k + 1);
            k += 2;
        }
        into.push_back(specifier);
        if (k < close) {
            expectPunct(k, ',');
            ++k;
        }
    }
    return close + 1;
}

// After a module specifier: import attributes, then the statement's end.
std::size_t ImportLexer::afterSource(std::size_t k) const {
    // `assert` only on the source's line (ECMAScript and tree-sitter: on the next, a name).
    const bool assertion = isWord(k, "assert") && !m_tokens[k].newlineBefore;
    if ((isWord(k, "with") || assertion) && isPunct(k + 1, '{')) {
        k = m_tokens[k + 1].match + 1;
    }
    return finishStatement(k);
}

std::size_t ImportLexer::importStatement(std::size_t k) {
    std::size_t at = k + 1;
    bool typeOnly = false;
    if (isWord(at, "type")) {
        if (isWord(at + 1, "from") || isPunct(at + 1, ',')) {
            handOff(); // `import type from "x"`: a default import named `type`
        }
        typeOnly = true;
        ++at;
    }
    if (has(at) && m_tokens[at].kind == TokenKind::String) { // import "x"
        record(at, ImportKind::Import, typeOnly, ImportForm::Names);
        return afterSource(at + 1);
    }
    std::optional<std::size_t> defaultName;
    std::optional<std::size_t> namespaceName;
    std::vector<Specifier> specifiers;
    bool list = false;
    if (has(at) && m_tokens[at].kind == TokenKind::Identifier && !isWord(at, "from")) {
        if (isPunct(at + 1, '=')) { // import x = require("y")
            if (!isWord(at + 2, "require") || !isPunct(at + 3, '(') ||
                m_tokens[at + 3].match != at + 5 || m_tokens[at + 4].kind != TokenKind::String) {
                handOff(); // import x = Namespace.y
            }
            record(at + 4, ImportKind::Require, typeOnly, ImportForm::Namespace);
            return finishStatement(at + 6);
        }
        defaultName = at++;
        if (isPunct(at, ',')) {
            ++at;
            if (!isPunct(at, '{') && !isPunct(at, '*')) {
                handOff();
            }
        }
    }
    if (isPunct(at, '*')) {
        if (!isWord(at + 1, "as") || !has(at + 2) ||
            m_tokens[at + 2].kind != TokenKind::Identifier) {
            handOff();
        }
        namespaceName = at + 2;
        at += 3;
    } else if (isPunct(at, '{')) {
        at = specifierList(at, specifiers);
        list = true;
    }
    if (!isWord(at, "from") || (!defaultName && !namespaceName && !list)) {
        handOff();
    }
    const bool listOnly = list && !defaultName && !namespaceName;
    const bool allTyped =
        !specifiers.empty() && std::all_of(specifiers.begin(), specifiers.end(),
                                           [](const Specifier& s) { return s.typeOnly; });
    typeOnly = typeOnly || (listOnly && allTyped);
    const std::uint32_t index = record(at + 1, ImportKind::Import, typeOnly, ImportForm::Names);
    if (defaultName) {
        addName(index, NameTable::kDefault, nameOf(*defaultName));
        m_bindings[textOf(m_tokens[*defaultName])] = {NameTable::kDefault, index,
                                                      NameTable::kDefault};
    }
    if (namespaceName) {
        m_out.imports[index].form = ImportForm::Namespace;
        m_bindings[textOf(m_tokens[*namespaceName])] = {0, index, 0, true};
    }
    for (const auto& specifier : specifiers) {
        if (specifier.typeOnly) {
            continue;
        }
        const NameId imported = nameOf(specifier.name);
        const std::size_t local = specifier.alias.value_or(specifier.name);
        addName(index, imported, specifier.alias ? nameOf(*specifier.alias) : imported);
        m_bindings[textOf(m_tokens[local])] = {imported, index, imported};
    }
    return afterSource(at + 2);
}

std::size_t ImportLexer::exportStatement(std::size_t k) {
    std::size_t at = k + 1;
    if (has(at) && m_tokens[at].newlineBefore) {
        handOff(); // `export` then a line break: tree-sitter reads the name `export` there
    }
    if (isPunct(at, '*')) { // export * from "x", export * as ns from "x"
        std::optional<std::size_t> alias;
        if (isWord(at + 1, "as")) {
            alias = at + 2;
            at += 3;
        } else {
            ++at;
        }
        if (!isWord(at, "from")) {
            handOff();
        }
        ++m_out.counts.reExports;
        const auto index = record(at + 1, ImportKind::Export, false,
                                  alias ? ImportForm::Namespace : ImportForm::Star);
        if (alias) {
            m_out.exports.push_back({nameOf(*alias), index, 0, true});
        }
        return afterSource(at + 2);
    }
    bool typeOnly = false;
    if (isWord(at, "type") && isPunct(at + 1, '{')) {
        typeOnly = true;
        ++at;
    }
    if (isPunct(at, '{')) {
        std::vector<Specifier> specifiers;
        at = specifierList(at, specifiers);
        if (isWord(at, "from") && m_tokens[at].newlineBefore) {
            handOff(); // `export {a}` then `from "x"` on the next line: two statements to it
        }
        if (isWord(at, "from")) {
            ++m_out.counts.reExports;
            typeOnly = typeOnly || (!specifiers.empty() &&
                                    std::all_of(specifiers.begin(), specifiers.end(),
                                                [](const Specifier& s) { return s.typeOnly; }));
            const auto index = record(at + 1, ImportKind::Export, typeOnly, ImportForm::Names);
            for (const auto& specifier : specifiers) {
                if (specifier.typeOnly) {
                    continue;
                }
                const NameId exported = nameOf(specifier.alias.value_or(specifier.name));
                const NameId imported = nameOf(specifier.name);
                addName(index, imported, exported);
                if (!typeOnly) {
                    m_out.exports.push_back({exported, index, imported, false});
                }
            }
            return afterSource(at + 2);
        }
        if (!typeOnly) {
            for (const auto& specifier : specifiers) {
                if (!specifier.typeOnly) {
                    const NameId exported = nameOf(specifier.alias.value_or(specifier.name));
                    m_own.push_back({{exported, ExportEntry::kLocal, exported, false},
                                     textOf(m_tokens[specifier.name])});
                }
            }
        }
        return finishStatement(at);
    }
    if (isWord(at, "default")) {
        m_own.push_back({{NameTable::kDefault, ExportEntry::kLocal, 0, false}, {}});
        const std::size_t body = at + 1;
        if (isPunct(body, '<')) {
            handOff(); // a generic arrow function, a type assertion or JSX: tree-sitter's
        }
        // Without a name, a function or class is an expression to tree-sitter, which goes on
        // after its body (`export default class {}` then `[a]`).
        const bool block =
            !isUnnamed(body) &&
            (isWord(body, "function") || isWord(body, "class") || isWord(body, "interface") ||
             (isWord(body, "abstract") && isWord(body + 1, "class")) ||
             (isWord(body, "async") && isWord(body + 1, "function")));
        const std::size_t end = block ? blockStatementEnd(body) : expressionStatementEnd(body);
        scanCalls(body, end);
        return end;
    }
    if (isPunct(at, '=')) { // export = x
        if (isPunct(at + 1, '=') && m_tokens[at + 1].begin == m_tokens[at].end) {
            handOff(); // `export == x`: tree-sitter reads `export` as a name there
        }
        m_out.commonJs = true;
        const std::size_t end = expressionStatementEnd(at + 1);
        for (std::size_t i = at + 1; i < end; i = nextInExpression(i)) {
            if (m_tokens[i].is(',')) {
                handOff(); // `export = a, b`: to tree-sitter `(export = a), b`, no export (fuzzer)
            }
        }
        scanCalls(at + 1, end);
        return end;
    }
    return exportDeclaration(at);
}

// `export <declaration>`: what it defines, and the calls it holds.
std::size_t ImportLexer::exportDeclaration(std::size_t k) {
    if (!has(k) || m_tokens[k].kind != TokenKind::Identifier) {
        handOff();
    }
    const auto word = textOf(m_tokens[k]);
    const auto own = [&](std::size_t name) {
        m_own.push_back({{nameOf(name), ExportEntry::kLocal, 0, false}, {}});
    };
    if (word == "function" || (word == "async" && isWord(k + 1, "function"))) {
        const std::size_t keyword = word == "async" ? k + 1 : k;
        const std::size_t name = isPunct(keyword + 1, '*') ? keyword + 2 : keyword + 1;
        bool hasBody = false;
        const std::size_t end = functionEnd(keyword, &hasBody);
        if (hasBody) { // a signature (overload) declares no value
            own(name);
        }
        scanCalls(k, end);
        return end;
    }
    if (word == "class" || word == "enum" || (word == "abstract" && isWord(k + 1, "class"))) {
        own(word == "abstract" ? k + 2 : k + 1);
        const std::size_t end = afterBody(k + 1);
        scanCalls(k, end);
        return end;
    }
    if (word == "interface") {
        return afterBody(k + 1);
    }
    if (word == "type" && has(k + 1) && m_tokens[k + 1].kind == TokenKind::Identifier) {
        if (m_tokens[k + 1].newlineBefore) {
            handOff(); // `export type` then the alias's name on the next line: one to tree-sitter
        }
        return expressionStatementEnd(k, true);
    }
    if (word != "const" && word != "let" && word != "var") {
        handOff(); // declare, namespace, import x = ..., as namespace, ...
    }
    if (isWord(k + 1, "enum")) {
        handOff();
    }
    std::size_t at = k + 1;
    for (;;) {
        at = pattern(at);
        // `let a!: T`; a `!` on the next line starts a new statement.
        if (isPunct(at, '!') && !m_tokens[at].newlineBefore) {
            ++at;
        }
        // The type annotation (read as a type) and the initializer, up to the comma before the
        // next declarator.
        bool angle = false;
        bool typePart = true;
        int conditionals = 0;
        while (has(at) && !m_tokens[at].is(',') && !m_tokens[at].is(';') &&
               !(at > k + 1 && conditionals == 0 && endsBefore(at, typePart))) {
            const Token& t = m_tokens[at];
            angle = angle || t.is('<');
            typePart = typePart && !t.is('=');
            countConditional(at, conditionals);
            at = nextInExpression(at);
        }
        if (!isPunct(at, ',')) {
            break;
        }
        if (angle) {
            handOff(); // `f<A, B>()` or `Map<K, V>`: the comma may not end the declarator
        }
        ++at;
    }
    const std::size_t end = isPunct(at, ';') ? at + 1 : at;
    scanCalls(k, end);
    return end;
}

// A binding pattern at k (a name, `{...}` or `[...]`); its names are own exports.
std::size_t ImportLexer::pattern(std::size_t k) {
    const Token& t = token(k);
    if (t.kind == TokenKind::Identifier) {
        m_own.push_back({{nameOf(k), ExportEntry::kLocal, 0, false}, {}});
        return k + 1;
    }
    if (t.is('{') || t.is('[')) {
        collectBindings(k);
        return t.match + 1;
    }
    handOff();
}

void ImportLexer::collectBindings(std::size_t open) {
    const DepthGuard guard(m_depth);
    const std::size_t close = m_tokens[open].match;
    const bool object = m_tokens[open].is('{');
    std::size_t k = open + 1;
    while (k < close) {
        if (m_tokens[k].is(',')) { // an array hole
            ++k;
            continue;
        }
        if (m_tokens[k].punct == kSpread && m_tokens[k].kind == TokenKind::Punct) {
            k = pattern(k + 1);
        } else if (object) {
            const Token& key = m_tokens[k];
            if (isPunct(k + 1, ':')) { // key: pattern
                k = pattern(k + 2);
            } else if (key.is('[') && isPunct(key.match + 1, ':')) { // [computed]: pattern
                k = pattern(key.match + 2);
            } else if (key.kind == TokenKind::Identifier) { // shorthand
                k = pattern(k);
            } else {
                handOff();
            }
        } else {
            k = pattern(k);
        }
        k = bindingElement(k, close);
    }
}

// After a pattern element: its default value, up to the comma that ends it.
std::size_t ImportLexer::bindingElement(std::size_t k, std::size_t close) {
    if (isPunct(k, '=')) {
        while (k < close && !m_tokens[k].is(',')) {
            k = isOpener(m_tokens[k]) ? m_tokens[k].match + 1 : k + 1;
        }
    }
    if (k < close) {
        expectPunct(k, ',');
        ++k;
    }
    return k;
}

} // namespace fanout::detail::lexer
