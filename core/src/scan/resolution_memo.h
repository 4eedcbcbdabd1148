// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/result/scan_result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fanout::detail {

struct FileState;

// What one scan worker's records resolved to lately. While a scan runs, a resolution depends only
// on the environment, the importer's folder, the specifier and whether it is a require(): the file
// system's answers are frozen for the scan. Files of one folder import the same few specifiers
// (every icon of an icon package its "../createLucideIcon.js", every component "react"), so the
// answer is usually here and the resolver is not asked again. Direct-mapped and bounded: a fixed
// number of slots whose keys keep their storage, a newer key replacing an older one; no locks
// (one per worker).
class ResolutionMemo {
public:
    struct Answer {
        ResolutionKind kind = ResolutionKind::Unresolved;
        bool asset = false;
        FileState* target = nullptr;
        std::shared_ptr<const EdgeNotes> notes;
    };

    ResolutionMemo();

    // The answer kept for the request, or nullptr. Makes the request the current one for store().
    const Answer* find(std::uint16_t environment, std::string_view importerDir,
                       std::string_view specifier, bool require);
    // Keeps the answer of the request last passed to find().
    void store(Answer answer);

    // The memo of the calling thread while an Installed is alive on it, else nullptr.
    static ResolutionMemo* current();

    // Makes a memo the calling thread's for the guard's lifetime.
    class Installed {
    public:
        explicit Installed(ResolutionMemo& memo);
        ~Installed();
        Installed(const Installed&) = delete;
        Installed& operator=(const Installed&) = delete;

    private:
        ResolutionMemo* m_previous;
    };

private:
    struct Slot {
        std::string key; // empty: never used (a key holds at least the environment and kind)
        Answer answer;
    };
    std::vector<Slot> m_slots;
    std::string m_key; // the current request
    std::size_t m_slot = 0;
};

} // namespace fanout::detail
