// SPDX-License-Identifier: GPL-3.0-or-later
// Writes a heap snapshot of a process that holds module sources the way a bundler's directive-scan
// plugin did: every JS/TS file under DIR (up to --modules) read into a Map of path -> contents,
// beside a record per module; --repeat K reads the tree K times (as a plugin that keeps each
// environment's copy), for larger snapshots. For fanout_heap_bench and for comparing with memlab.
//   node bench/heap_snapshot_source.mjs DIR OUT.heapsnapshot [--modules N] [--repeat K]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';

const [dir, out, ...rest] = process.argv.slice(2);
if (!dir || !out) {
    console.error('usage: node heap_snapshot_source.mjs DIR OUT.heapsnapshot [--modules N]');
    process.exit(2);
}
const option = (name, fallback) => {
    const at = rest.indexOf(name);
    return at >= 0 ? Number(rest[at + 1]) : fallback;
};
const limit = option('--modules', Infinity);
const repeat = option('--repeat', 1);

const sources = new Map();
const records = [];
for (let copy = 0; copy < repeat; copy++) {
const pending = [dir];
while (pending.length > 0 && sources.size < limit * (copy + 1)) {
    const folder = pending.pop();
    let entries;
    try {
        entries = readdirSync(folder, { withFileTypes: true });
    } catch {
        continue;
    }
    for (const entry of entries) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) {
            pending.push(path);
        } else if (/\.(m?js|cjs|jsx|tsx?)$/.test(entry.name) && sources.size < limit * repeat) {
            const contents = readFileSync(path, 'utf8');
            const key = copy === 0 ? path : `${path}#${copy}`;
            sources.set(key, contents);
            records.push({ path: key, directive: contents.startsWith('"use client"') ? 'client' : null });
        }
    }
}
}
globalThis.directiveScan = { sources, records };
console.log(`${sources.size} module sources held; writing ${writeHeapSnapshot(out)}`);
