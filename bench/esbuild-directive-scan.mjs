// SPDX-License-Identifier: GPL-3.0-or-later
// The directive-scan style that ran out of memory: bundle every entry with esbuild, and have a
// plugin read every file into a Map (the way rwsdk's scanner keeps contents), with a metafile.
//   node esbuild-directive-scan.mjs CACHE_DIR PROJECT ENTRY...
import { createRequire } from "node:module";
import { readFile } from "node:fs/promises";
import path from "node:path";

const [cacheDir, project, ...entries] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(cacheDir), "noop.js"));
const esbuild = require("esbuild");

const contents = new Map();
const loaders = { ".ts": "ts", ".tsx": "tsx", ".js": "js", ".jsx": "jsx", ".mjs": "js", ".cjs": "js",
                  ".mts": "ts", ".cts": "ts" };
const result = await esbuild.build({
  absWorkingDir: project,
  entryPoints: entries,
  bundle: true,
  write: false,
  metafile: true,
  splitting: true,
  format: "esm",
  outdir: "out",
  platform: "neutral",
  conditions: ["workerd", "react-server", "module"],
  mainFields: ["module", "main"],
  logLevel: "silent",
  plugins: [{
    name: "read-every-file",
    setup(build) {
      build.onLoad({ filter: /\.(m|c)?[jt]sx?$/ }, async (args) => {
        const text = await readFile(args.path, "utf8");
        contents.set(args.path, text);
        return { contents: text, loader: loaders[path.extname(args.path)] ?? "js" };
      });
    },
  }],
});
const inputs = Object.keys(result.metafile.inputs).length;
process.stderr.write(`esbuild: ${inputs} inputs, ${contents.size} files kept in memory\n`);
