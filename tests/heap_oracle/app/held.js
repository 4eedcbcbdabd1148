// SPDX-License-Identifier: GPL-3.0-or-later
// Writes a heap snapshot (to argv[2]) of a process holding known structures: a Map of 100
// distinct flat strings of 10,000 characters held by a global, a closure retaining an array, a
// cycle, and a WeakMap whose key nothing else holds.
const crypto = require('crypto');
const v8 = require('v8');
globalThis.held = new Map();
for (let i = 0; i < 100; i++) {
    globalThis.held.set('k' + i, crypto.randomBytes(5000).toString('hex'));
}
const a = {};
const b = { a };
a.b = b;
globalThis.cycle = a;
globalThis.keep = (() => {
    const kept = new Array(20000).fill(7);
    return () => kept.length;
})();
globalThis.weak = new WeakMap();
globalThis.weak.set({}, new Array(3000).fill('w'));
v8.writeHeapSnapshot(process.argv[2]);
