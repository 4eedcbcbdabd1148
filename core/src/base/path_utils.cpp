// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/path_utils.h"

#include <cstring>

namespace fanout::detail {

namespace {

// Calls `visit` with each part of `path` between slashes, empty ones included, until it returns
// false; whether none did.
template <typename Visit> bool everyPart(std::string_view path, Visit&& visit) {
    std::size_t at = 0;
    while (at <= path.size()) {
        auto next = path.find('/', at);
        if (next == std::string_view::npos) {
            next = path.size();
        }
        if (!visit(path.substr(at, next - at))) {
            return false;
        }
        at = next + 1;
    }
    return true;
}

// Appends the components of `path` to `out`, a normalized path whose first component starts at
// `floor`: "." and empty ones are skipped, and ".." takes the last component back off (kept at
// the front of a relative path, dropped at the root of an absolute one).
void appendComponents(std::string& out, std::size_t floor, bool absolute, std::string_view path) {
    everyPart(path, [&](std::string_view part) {
        if (part.empty() || part == ".") {
            return true;
        }
        if (part == "..") {
            const auto slash = out.rfind('/');
            const std::size_t last =
                slash == std::string::npos || slash < floor ? floor : slash + 1;
            if (out.size() > floor && std::string_view(out).substr(last) != "..") {
                out.resize(last == floor ? floor : last - 1);
                return true;
            }
            if (absolute) {
                return true; // above the root is the root
            }
        }
        if (out.size() > floor) {
            out += '/';
        }
        out += part;
        return true;
    });
}

// `first` then `second` as one normalized path, in one pass into a string sized once: called for
// every path a resolution tries, so nothing else is allocated.
std::string normalizeJoined(std::string_view first, std::string_view second) {
    const bool absolute = startsWith(first, "/");
    std::string out;
    out.reserve(first.size() + second.size() + 1);
    if (absolute) {
        out += '/';
    }
    const std::size_t floor = out.size(); // where the first component starts
    appendComponents(out, floor, absolute, first);
    appendComponents(out, floor, absolute, second);
    return out.empty() ? "." : out;
}

// The last '/' of `path`, or npos. memrchr, not string_view's rfind (a byte at a time): the
// resolver asks a path's folder and name for every candidate it probes.
std::size_t lastSlash(std::string_view path) {
    const void* slash = path.empty() ? nullptr : ::memrchr(path.data(), '/', path.size());
    return slash == nullptr
               ? std::string_view::npos
               : static_cast<std::size_t>(static_cast<const char*>(slash) - path.data());
}

} // namespace

std::string normalizePath(std::string_view path) {
    return normalizeJoined(path, {});
}

bool isNormalPath(std::string_view path) {
    if (path == "." || path == "/") {
        return true;
    }
    if (path.empty()) {
        return false;
    }
    // One component at a time, found with memchr: asked of every path a resolution builds.
    const char* text = path.data();
    const std::size_t size = path.size();
    std::size_t at = text[0] == '/' ? 1 : 0;
    bool climbing = at == 0; // ".." may only lead a relative path
    for (;;) {
        const void* slash = ::memchr(text + at, '/', size - at);
        const std::size_t end =
            slash == nullptr ? size
                             : static_cast<std::size_t>(static_cast<const char*>(slash) - text);
        const std::size_t length = end - at;
        if (length == 0) {
            return false; // an empty part: "//" or a trailing slash
        }
        const bool dot = text[at] == '.' && length == 1;
        const bool dots = text[at] == '.' && length == 2 && text[at + 1] == '.';
        if (dot || (dots && !climbing)) {
            return false;
        }
        climbing = climbing && dots;
        if (end == size) {
            return true;
        }
        at = end + 1;
    }
}

std::string joinPath(std::string_view base, std::string_view relative) {
    if (isNormalPath(base)) {
        return joinNormalPath(base, relative);
    }
    if (startsWith(relative, "/")) {
        return normalizePath(relative);
    }
    // base + "/" + relative, normalized: an empty base leaves the slash first.
    return normalizeJoined(base.empty() ? "/" : base, relative);
}

std::string joinNormalPath(std::string_view normalBase, std::string_view relative) {
    if (startsWith(relative, "/")) {
        return normalizePath(relative);
    }
    // A normal base is what normalizeJoined's first pass would make of it: copied as it is
    // ("." is no component), only `relative` is walked.
    const bool absolute = startsWith(normalBase, "/");
    std::string out;
    out.reserve(normalBase.size() + relative.size() + 1);
    out.append(normalBase == "." ? std::string_view() : normalBase);
    appendComponents(out, absolute ? 1 : 0, absolute, relative);
    return out.empty() ? "." : out;
}

std::string_view parentPath(std::string_view path) {
    const auto slash = lastSlash(path);
    if (slash == std::string_view::npos) {
        return ".";
    }
    return slash == 0 ? std::string_view("/") : path.substr(0, slash);
}

std::string_view baseName(std::string_view path) {
    const auto slash = lastSlash(path);
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
