// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "heap_controller.h"
#include "table_model.h"

namespace fanout::ui {

// The tables of the Heap panel, each keeping what it shows alive. A row's key (KeyRole) is what
// selecting it opens: a class's row in the Summary, an object's node, a package's row.

// The Summary: constructors by retained size (DevTools' class names).
TableContent heapClassTable(const HeapPtr& heap);
// Objects (nodes), as listed: "Class @id", their name, shallow and retained size, and the path
// that first reaches them.
TableContent heapObjectTable(const HeapPtr& heap, std::vector<std::uint32_t> nodes);
// Strings stored more than once, most bytes wasted first.
TableContent heapStringTable(const HeapPtr& heap);
// The project's packages whose sources and paths the heap holds, most bytes first.
TableContent heapPackageTable(const HeldPtr& held);
// The barrels whose reach the heap holds something of, and the modules it holds: a row's key is
// its module's index.
TableContent heapBarrelTable(const HeldPtr& held);
TableContent heapModuleTable(const HeldPtr& held);

// The comparison with an older snapshot: constructors that changed (most grown first), and new
// and gone objects by retainer path (most grown first).
TableContent heapClassChangeTable(const DeltaPtr& delta);
TableContent heapPathChangeTable(const DeltaPtr& delta);

// How an object reads: "Map @1234", "(string) @88".
QString heapObjectLabel(const HeapData& heap, std::uint32_t node);
// An object's name, one line: a string's first characters, a closure's function name.
QString heapObjectName(const HeapData& heap, std::uint32_t node);

} // namespace fanout::ui
