// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/path_utils.h"

namespace fanout::detail {

// One pass into a string sized once: a component is appended, "." and empty ones are skipped, and
// ".." takes the last component back off (kept at the front of a relative path, dropped at the
// root of an absolute one). Called for every path a resolution tries, so nothing else is allocated.
std::string normalizePath(std::string_view path) {
    const bool absolute = startsWith(path, "/");
    std::string out;
    out.reserve(path.size() + 1);
    if (absolute) {
        out += '/';
    }
    const std::size_t floor = out.size(); // where the first component starts
    std::size_t at = 0;
    while (at <= path.size()) {
        auto next = path.find('/', at);
        if (next == std::string_view::npos) {
            next = path.size();
        }
        const auto part = path.substr(at, next - at);
        at = next + 1;
        if (part.empty() || part == ".") {
            continue;
        }
        if (part == "..") {
            const auto slash = out.rfind('/');
            const std::size_t last =
                slash == std::string::npos || slash < floor ? floor : slash + 1;
            if (out.size() > floor && std::string_view(out).substr(last) != "..") {
                out.resize(last == floor ? floor : last - 1);
                continue;
            }
            if (absolute) {
                continue; // above the root is the root
            }
        }
        if (out.size() > floor) {
            out += '/';
        }
        out += part;
    }
    return out.empty() ? "." : out;
}

std::string joinPath(std::string_view base, std::string_view relative) {
    if (startsWith(relative, "/")) {
        return normalizePath(relative);
    }
    std::string joined(base);
    joined += '/';
    joined += relative;
    return normalizePath(joined);
}

std::string_view parentPath(std::string_view path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string_view::npos) {
        return ".";
    }
    return slash == 0 ? std::string_view("/") : path.substr(0, slash);
}

std::string_view baseName(std::string_view path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view extensionOf(std::string_view path) {
    const auto name = baseName(path);
    const auto dot = name.find_last_of('.');
    if (dot == std::string_view::npos || dot == 0) {
        return {};
    }
    return name.substr(dot);
}

std::optional<std::string_view> relativeView(std::string_view base, std::string_view path) {
    if (path == base) {
        return std::string_view();
    }
    if (!startsWith(path, base) ||
        (base != "/" && path.size() > base.size() && path[base.size()] != '/')) {
        return std::nullopt;
    }
    return path.substr(base == "/" ? 1 : base.size() + 1);
}

bool relativeInside(std::string_view base, std::string_view path, std::string& out) {
    const auto relative = relativeView(base, path);
    if (!relative) {
        return false;
    }
    out = std::string(*relative);
    return true;
}

std::string substituteStars(std::string_view pattern, std::string_view match) {
    std::string out;
    for (const char c : pattern) {
        if (c == '*') {
            out += match;
        } else {
            out += c;
        }
    }
    return out;
}

bool isRelativeSpecifier(std::string_view specifier) {
    return specifier == "." || specifier == ".." || startsWith(specifier, "./") ||
           startsWith(specifier, "../");
}

} // namespace fanout::detail
