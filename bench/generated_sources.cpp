// SPDX-License-Identifier: GPL-3.0-or-later
#include "generated_sources.h"

#include <random>

namespace fanout::bench {

std::string iconModule(std::size_t index) {
    std::minstd_rand random(static_cast<unsigned>(index) + 1);
    const std::string name = "icon-" + std::to_string(index);
    std::string out = "/**\n * @license lucide-react v0.460.0 - ISC\n */\n\n"
                      "import createLucideIcon from '../createLucideIcon.js';\n\n"
                      "const __iconNode = [\n";
    const auto paths = 1 + random() % 5;
    for (std::size_t p = 0; p < paths; ++p) {
        out += "  ['path', { d: 'M" + std::to_string(random() % 24) + " " +
               std::to_string(random() % 24) + "v" + std::to_string(random() % 16) + "a2 2 0 0 1 " +
               std::to_string(random() % 9) + "', key: '" + std::to_string(random()) + "' }],\n";
    }
    out += "];\nconst Icon" + std::to_string(index) + " = createLucideIcon('" + name +
           "', __iconNode);\n\nexport { __iconNode, Icon" + std::to_string(index) +
           " as default };\n";
    return out;
}

std::string largeBundle(std::size_t bytes) {
    std::minstd_rand random(7);
    std::string out =
        "'use strict';\nObject.defineProperty(exports, '__esModule', { value: true });\n";
    for (std::size_t i = 0; out.size() < bytes; ++i) {
        const auto id = std::to_string(i);
        switch (i % 4) {
        case 0:
            out += "var dep" + id + " = require('./chunks/dep-" + std::to_string(random() % 500) +
                   ".js');\n";
            break;
        case 1:
            out += "function render" + id + "(props, state) {\n  if (props.count > " +
                   std::to_string(random() % 100) + ") { return `item-${props.id}-" + id +
                   "`; }\n  const list = [1, 2, 3].map((x) => x * state.scale + " + id +
                   ");\n  return { list, label: 'label " + id + "', ok: !!state.ok };\n}\n";
            break;
        case 2:
            out += "class Store" + id +
                   " extends Base {\n  constructor(opts) { super(opts); "
                   "this.items = new Map(); }\n  get(key) { return this.items.get(key) ?? null; "
                   "}\n  async load() { const m = await import('./lazy/mod-" +
                   std::to_string(random() % 200) + ".js'); return m.default(this); }\n}\n";
            break;
        default:
            out += "exports.value" + id + " = /[a-z]+" + id + "/g.test('abc') ? " +
                   std::to_string(random()) + " : dep" + std::to_string(i - 3) + ".x;\n";
        }
    }
    return out;
}

} // namespace fanout::bench
