// SPDX-License-Identifier: GPL-3.0-or-later
// Prints the 50 nodes memlab finds retaining most in the snapshot argv[2], as JSON:
// [[id, retainedSize], ...], largest first.
const { getFullHeapFromFile } = require('@memlab/heap-analysis');

(async () => {
    const heap = await getFullHeapFromFile(process.argv[2]);
    const rows = [];
    heap.nodes.forEach((node) => {
        rows.push([node.id, node.retainedSize]);
    });
    rows.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    process.stdout.write(JSON.stringify(rows.slice(0, 50)));
})();
