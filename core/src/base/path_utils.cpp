// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/path_utils.h"

#include <vector>

namespace fanout::detail {

std::string normalizePath(std::string_view path) {
    const bool absolute = startsWith(path, "/");
    std::vector<std::string_view> parts;
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
            if (!parts.empty() && parts.back() != "..") {
                parts.pop_back();
            } else if (!absolute) {
                parts.push_back(part);
            }
            continue;
        }
        parts.push_back(part);
    }
    std::string out = absolute ? "/" : "";
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            out += '/';
        }
        out += parts[i];
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

bool relativeInside(std::string_view base, std::string_view path, std::string& out) {
    if (path == base) {
        out.clear();
        return true;
    }
    if (!startsWith(path, base) ||
        (base != "/" && path.size() > base.size() && path[base.size()] != '/')) {
        return false;
    }
    out = std::string(path.substr(base == "/" ? 1 : base.size() + 1));
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
