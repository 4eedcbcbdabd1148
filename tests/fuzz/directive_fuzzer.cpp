// SPDX-License-Identifier: GPL-3.0-or-later
// Both directive rules on arbitrary bytes: rwsdk's text rule directly, the spec rule through the
// extractor's prologue reading. They must agree when the file is a lone directive.
#include "fanout/extract/directive.h"
#include "fanout/extract/extractor.h"
#include "fuzz_target.h"

#include <stdexcept>

FANOUT_FUZZ_TARGET(directive) {
    const auto source = fanout::fuzz::bytes(data, size);
    const auto rwsdk = fanout::rwsdkDirective(source);
    static fanout::Extractor extractor;
    fanout::DirectiveVerdict spec;
    try {
        spec = extractor.extract(source, fanout::Grammar::Tsx).specDirective;
    } catch (const std::runtime_error&) {
        return 0; // tree-sitter gave up within its deadline
    }
    if (source == "\"use client\";" &&
        (rwsdk.directive != fanout::Directive::Client || spec.directive != rwsdk.directive)) {
        __builtin_trap();
    }
    if (rwsdk.conflict && rwsdk.directive != fanout::Directive::Client) {
        __builtin_trap(); // a conflict is reported as client
    }
    return 0;
}
