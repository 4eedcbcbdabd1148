// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <vector>

namespace fanout::detail {

// The scan's queued tasks, taken from either end (one worker takes the oldest, another the
// newest), kept in one vector whose front part is dropped once it is at least half of it. A
// std::deque allocated a block per dozen tasks and freed it in whichever worker took the last of
// them: into the other worker's malloc arena, under its lock (the workers slept on that lock
// ~60 times a scan of the first corpus).
template <typename Item> class TaskQueue {
public:
    bool empty() const { return m_head == m_items.size(); }
    std::size_t size() const { return m_items.size() - m_head; }
    const Item& front() const { return m_items[m_head]; }
    const Item& back() const { return m_items.back(); }

    void push_back(const Item& item) { m_items.push_back(item); }
    void pop_front() {
        ++m_head;
        if (m_head == m_items.size()) {
            clear();
        } else if (m_head >= kCompactAfter && m_head * 2 >= m_items.size()) {
            m_items.erase(m_items.begin(), m_items.begin() + static_cast<std::ptrdiff_t>(m_head));
            m_head = 0;
        }
    }
    void pop_back() {
        m_items.pop_back();
        if (m_head == m_items.size()) {
            clear();
        }
    }
    void clear() {
        m_items.clear(); // the capacity stays for the next tasks
        m_head = 0;
    }

private:
    static constexpr std::size_t kCompactAfter = 1024;
    std::vector<Item> m_items;
    std::size_t m_head = 0; // the first item still queued
};

} // namespace fanout::detail
