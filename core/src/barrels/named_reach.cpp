// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/barrels/named_reach.h"

#include "fanout/base/display_path.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace fanout {
namespace {

constexpr std::uint32_t kNone = UINT32_MAX;
constexpr std::size_t kMaxChain = 1024;

std::uint64_t keyOf(std::uint32_t module, NameId name) {
    return (static_cast<std::uint64_t>(module) << 32) | name;
}

// Where a (module, name) is defined, and the first hop towards it.
struct Definer {
    enum class Kind : unsigned char { Found, NotFound, Ambiguous };
    Kind kind = Kind::NotFound;
    std::uint32_t module = kNone; // Found: the defining module
    NameId name = 0;              // its name there
    bool namespaceOf = false;
    std::uint32_t via = kNone; // the star edge that provides it, when found through `export *`

    bool sameDefinition(const Definer& other) const {
        return module == other.module && name == other.name && namespaceOf == other.namespaceOf;
    }
};

enum class Op : unsigned char { Touch, Need, Whole, Name };

struct Step {
    Op op;
    std::uint32_t module;
    NameId name;
    // On the way from the import to the modules defining its names (not what those import):
    // only there does taking a whole module say something about this import.
    bool direct;
};

} // namespace

struct NamedReachWalker::Impl {
    const ScanResult& result;
    std::vector<std::uint32_t> firstEdge; // by module, into result.edges (size modules + 1)
    std::vector<std::vector<std::pair<NameId, std::uint32_t>>> exportIndex; // lazily, by module
    std::unordered_map<std::uint64_t, Definer> definers;
    std::unordered_set<std::uint64_t> resolving;
    bool hitCycle = false;

    // Per query: a module is marked when its stamp equals the query number.
    std::uint32_t query = 0;
    std::vector<std::uint32_t> touched, needed, whole;
    std::unordered_set<std::uint64_t> namesSeen;
    std::vector<Step> work;
    NamedReach* current = nullptr; // the query being answered

    explicit Impl(const ScanResult& scanResult)
        : result(scanResult), firstEdge(scanResult.modules.size() + 1, 0),
          exportIndex(scanResult.modules.size()), touched(scanResult.modules.size(), 0),
          needed(scanResult.modules.size(), 0), whole(scanResult.modules.size(), 0) {
        for (const auto& edge : result.edges) {
            ++firstEdge[edge.importer.value + 1];
        }
        for (std::size_t i = 1; i < firstEdge.size(); ++i) {
            firstEdge[i] += firstEdge[i - 1];
        }
    }

    std::string where(std::uint32_t module) const {
        return displayPath(result.modules[module].path, result.config.root);
    }

    // The module's own entry for `name`, or null.
    const ExportEntry* findExport(std::uint32_t module, NameId name) {
        const auto& exports = result.modules[module].exports;
        if (exports.size() <= 8) {
            for (const auto& entry : exports) {
                if (entry.name == name) {
                    return &entry;
                }
            }
            return nullptr;
        }
        auto& index = exportIndex[module];
        if (index.empty()) {
            for (std::uint32_t i = 0; i < exports.size(); ++i) {
                index.emplace_back(exports[i].name, i);
            }
            // The first entry of a name wins, as in the source (a duplicate is a syntax error).
            std::stable_sort(index.begin(), index.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
        }
        const auto it =
            std::lower_bound(index.begin(), index.end(), name,
                             [](const auto& entry, NameId n) { return entry.first < n; });
        return it == index.end() || it->first != name ? nullptr : &exports[it->second];
    }

    // The module a re-export passes a name on from; nullopt for the module's own definitions
    // (and for re-exports of what is not in the graph, which end here too).
    std::optional<std::uint32_t> targetOf(const ExportEntry& entry) const {
        if (entry.record == ExportEntry::kLocal || !result.edges[entry.record].target) {
            return std::nullopt;
        }
        return result.edges[entry.record].target->value;
    }

    bool traceable(std::uint32_t module) const {
        const auto& m = result.modules[module];
        return m.kind == ModuleKind::Parsed && !m.commonJs;
    }

    // What `export *` of `module` provides for `name`: one definition, none, or two that differ.
    Definer resolveStars(std::uint32_t module, NameId name) {
        Definer found;
        for (std::uint32_t e = firstEdge[module]; e < firstEdge[module + 1]; ++e) {
            const auto& edge = result.edges[e];
            if (edge.form != ImportForm::Star || edge.typeOnly || !edge.target) {
                continue;
            }
            Definer candidate = resolve(edge.target->value, name);
            if (candidate.kind == Definer::Kind::Ambiguous) {
                return candidate;
            }
            if (candidate.kind != Definer::Kind::Found) {
                continue;
            }
            if (found.kind == Definer::Kind::NotFound) {
                found = candidate;
                found.via = e;
            } else if (!found.sameDefinition(candidate)) {
                found.kind = Definer::Kind::Ambiguous;
                return found;
            }
        }
        return found;
    }

    Definer resolve(std::uint32_t module, NameId name) {
        const auto key = keyOf(module, name);
        if (const auto it = definers.find(key); it != definers.end()) {
            return it->second;
        }
        if (!resolving.insert(key).second) {
            hitCycle = true; // a circular re-export provides nothing (the specification's null)
            return {};
        }
        const bool cycleBefore = hitCycle;
        hitCycle = false;
        Definer definer;
        if (!traceable(module)) {
            definer = {Definer::Kind::Found, module, name, true, kNone}; // the whole module
        } else if (const auto* entry = findExport(module, name)) {
            const auto target = targetOf(*entry);
            if (!target) {
                definer = {Definer::Kind::Found, module, name, false, kNone};
            } else if (entry->namespaceOf) {
                definer = {Definer::Kind::Found, *target, 0, true, kNone};
            } else {
                definer = resolve(*target, entry->imported);
                definer.via = kNone;
            }
        } else if (name != NameTable::kDefault) { // export * never passes on default
            definer = resolveStars(module, name);
        }
        resolving.erase(key);
        if (!hitCycle) {
            definers.emplace(key, definer);
        }
        hitCycle = hitCycle || cycleBefore;
        return definer;
    }

    bool mayHaveSideEffects(std::uint32_t module) const {
        const auto& m = result.modules[module];
        return fanout::mayHaveSideEffects(m.path, result.packageOf(m), result.projectSideEffects,
                                          result.config.root);
    }

    void push(Op op, std::uint32_t module, NameId name = 0, bool direct = false) {
        work.push_back({op, module, name, direct});
    }

    void fallback(std::string reason, bool direct = true) {
        if (direct && std::find(current->fallbacks.begin(), current->fallbacks.end(), reason) ==
                          current->fallbacks.end()) {
            current->fallbacks.push_back(std::move(reason));
        }
    }

    void touch(std::uint32_t module) {
        if (touched[module] != query) {
            touched[module] = query;
            if (mayHaveSideEffects(module)) {
                push(Op::Need, module);
            }
        }
    }

    // A needed module is evaluated: everything it imports is evaluated too, by name where it
    // names what it takes; its re-exports are only evaluated (their names are asked for apart).
    void need(std::uint32_t module) {
        if (needed[module] == query) {
            return;
        }
        needed[module] = query;
        current->needed.push_back(ModuleId{module});
        current->bytes += result.modules[module].bytes;
        for (std::uint32_t e = firstEdge[module]; e < firstEdge[module + 1]; ++e) {
            const auto& edge = result.edges[e];
            if (edge.typeOnly || !edge.target) {
                continue;
            }
            const auto target = edge.target->value;
            if (edge.kind == ImportKind::Export || edge.form == ImportForm::Star) {
                push(Op::Touch, target);
            } else if (edge.form == ImportForm::Namespace) {
                push(Op::Whole, target);
            } else {
                push(Op::Touch, target);
                for (const auto name : result.namesOf(edge)) {
                    push(Op::Name, target, name);
                }
            }
        }
    }

    // Every export of the module is used: its re-exports are followed in full.
    void wholeModule(std::uint32_t module) {
        if (whole[module] == query) {
            return;
        }
        whole[module] = query;
        push(Op::Need, module);
        for (std::uint32_t e = firstEdge[module]; e < firstEdge[module + 1]; ++e) {
            const auto& edge = result.edges[e];
            if (edge.typeOnly || !edge.target || edge.kind != ImportKind::Export) {
                continue;
            }
            if (edge.form == ImportForm::Names) {
                for (const auto name : result.namesOf(edge)) {
                    push(Op::Name, edge.target->value, name);
                }
            } else {
                push(Op::Whole, edge.target->value);
            }
        }
    }

    void nameOf(std::uint32_t module, NameId name, bool direct) {
        if (!namesSeen.insert(keyOf(module, name)).second) {
            return;
        }
        touch(module);
        const auto& m = result.modules[module];
        if (!traceable(module)) {
            if (m.kind == ModuleKind::Parsed) {
                fallback("CommonJS module " + where(module), direct);
            }
            push(Op::Whole, module);
            return;
        }
        if (const auto* entry = findExport(module, name)) {
            const auto target = targetOf(*entry);
            if (!target) {
                push(Op::Need, module);
            } else if (entry->namespaceOf) {
                push(Op::Whole, *target);
            } else {
                push(Op::Name, *target, entry->imported, direct);
            }
            return;
        }
        const Definer definer =
            name == NameTable::kDefault ? Definer{} : resolveStars(module, name);
        if (definer.kind == Definer::Kind::Found) {
            push(Op::Name, result.edges[definer.via].target->value, name, direct);
            return;
        }
        const auto& text = result.name(name);
        fallback(definer.kind == Definer::Kind::Ambiguous
                     ? "'" + text + "' is ambiguous: two export * of " + where(module) +
                           " provide it"
                     : "'" + text + "' is not exported by " + where(module),
                 direct);
        push(Op::Whole, module);
    }

    void run() {
        while (!work.empty()) {
            const Step step = work.back();
            work.pop_back();
            switch (step.op) {
            case Op::Touch:
                touch(step.module);
                break;
            case Op::Need:
                need(step.module);
                break;
            case Op::Whole:
                wholeModule(step.module);
                break;
            case Op::Name:
                nameOf(step.module, step.name, step.direct);
                break;
            }
        }
    }

    NameTrace trace(std::uint32_t module, NameId name) {
        NameTrace out{name, name, {}, name, false, false};
        for (std::size_t step = 0; step < kMaxChain; ++step) {
            out.chain.push_back(ModuleId{module});
            if (!traceable(module)) {
                return out;
            }
            const auto* entry = findExport(module, name);
            if (entry != nullptr) {
                const auto target = targetOf(*entry);
                if (!target) {
                    out.definedAs = name;
                    out.traced = true;
                    return out;
                }
                module = *target;
                if (entry->namespaceOf) {
                    out.chain.push_back(ModuleId{module});
                    out.namespaceOf = out.traced = true;
                    return out;
                }
                name = entry->imported;
                continue;
            }
            const Definer definer =
                name == NameTable::kDefault ? Definer{} : resolveStars(module, name);
            if (definer.kind != Definer::Kind::Found) {
                return out;
            }
            module = result.edges[definer.via].target->value;
        }
        return out;
    }
};

NamedReachWalker::NamedReachWalker(const ScanResult& result)
    : m_impl(std::make_unique<Impl>(result)) {}
NamedReachWalker::~NamedReachWalker() = default;

bool NamedReachWalker::mayHaveSideEffects(ModuleId module) const {
    return m_impl->mayHaveSideEffects(module.value);
}

NameTrace NamedReachWalker::trace(ModuleId module, NameId name) {
    return m_impl->trace(module.value, name);
}

NamedReach NamedReachWalker::ofEdge(std::size_t edgeIndex) {
    NamedReach out;
    const auto& edge = m_impl->result.edges[edgeIndex];
    if (edge.typeOnly || !edge.target) {
        return out;
    }
    auto& impl = *m_impl;
    ++impl.query;
    impl.namesSeen.clear();
    impl.current = &out;
    const auto target = edge.target->value;
    if (edge.form == ImportForm::Names) {
        impl.push(Op::Touch, target);
        const auto names = impl.result.namesOf(edge);
        const auto locals = impl.result.localsOf(edge);
        for (std::size_t i = 0; i < names.size(); ++i) {
            impl.push(Op::Name, target, names[i], true);
            out.traces.push_back(impl.trace(target, names[i]));
            out.traces.back().local = locals[i];
        }
    } else {
        switch (edge.kind) {
        case ImportKind::DynamicImport:
            impl.fallback("dynamic import()");
            break;
        case ImportKind::Require:
            impl.fallback("require()");
            break;
        case ImportKind::JsxRuntime:
            impl.fallback("JSX runtime");
            break;
        case ImportKind::Export:
            impl.fallback(edge.form == ImportForm::Star ? "export * from" : "export * as");
            break;
        case ImportKind::Import:
            impl.fallback("namespace import");
            break;
        }
        impl.push(Op::Whole, target);
    }
    impl.run();
    impl.current = nullptr;
    std::sort(out.needed.begin(), out.needed.end());
    return out;
}

} // namespace fanout
