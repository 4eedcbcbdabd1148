#include "fanout/scanner.h"

#include "scan_state.h"

#include <chrono>

namespace fanout {

std::string_view toString(ModuleKind kind) {
    switch (kind) {
    case ModuleKind::Parsed:
        return "parsed";
    case ModuleKind::Asset:
        return "asset";
    case ModuleKind::Excluded:
        return "excluded";
    case ModuleKind::Unreadable:
        return "unreadable";
    }
    return "parsed";
}

std::string_view toString(DirectiveRule rule) {
    return rule == DirectiveRule::Spec ? "spec" : "rwsdk";
}

std::shared_ptr<const ScanResult> scan(const ScanConfig& config, const ScanOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    detail::ScanState state(config, options);
    state.run();
    const double scanMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return state.collect(scanMs);
}

} // namespace fanout
