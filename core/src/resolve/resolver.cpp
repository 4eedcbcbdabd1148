// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/resolve/resolver.h"

#include "resolve/resolver_engine.h"

namespace fanout {

std::string_view toString(ResolutionKind kind) {
    switch (kind) {
    case ResolutionKind::File:
        return "file";
    case ResolutionKind::Builtin:
        return "builtin";
    case ResolutionKind::External:
        return "external";
    case ResolutionKind::Ignored:
        return "ignored";
    case ResolutionKind::Unresolved:
        return "unresolved";
    }
    return "unresolved";
}

struct Resolver::Impl {
    detail::ResolverEngine engine;
};

Resolver::Resolver(ResolverConfig config, std::shared_ptr<ResolverCache> cache)
    : m_impl(std::make_unique<Impl>(
          Impl{detail::ResolverEngine(std::move(config), std::move(cache))})) {}
Resolver::~Resolver() = default;
Resolver::Resolver(Resolver&&) noexcept = default;
Resolver& Resolver::operator=(Resolver&&) noexcept = default;

Resolution Resolver::resolve(std::string_view importer, std::string_view specifier, ImportKind kind,
                             std::vector<std::string>* trace) const {
    return m_impl->engine.resolve(importer, specifier, kind, trace);
}

const ResolverConfig& Resolver::config() const {
    return m_impl->engine.config();
}

} // namespace fanout
