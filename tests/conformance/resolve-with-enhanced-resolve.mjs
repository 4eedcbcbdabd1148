// SPDX-License-Identifier: GPL-3.0-or-later
// Resolves every case of cases.json with enhanced-resolve, configured like Fanout's default
// environment, and prints the answers as JSON. Run by the conformance test, never by Fanout.
//   node resolve-with-enhanced-resolve.mjs MODULES_DIR FIXTURE_ROOT CASES_JSON
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";

const [modulesDir, root, casesFile] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(modulesDir), "noop.js"));
const { ResolverFactory, CachedInputFileSystem } = require("enhanced-resolve");
const fileSystem = new CachedInputFileSystem(require("node:fs"), 4000);

const resolvers = new Map();
function resolverFor(conditions) {
  const key = conditions.join(",");
  if (!resolvers.has(key)) {
    resolvers.set(key, ResolverFactory.createResolver({
      fileSystem,
      useSyncFileSystemCalls: true,
      conditionNames: conditions,
      mainFields: ["module", "main"],
      extensions: [".mjs", ".js", ".mts", ".ts", ".jsx", ".tsx", ".json"],
      extensionAlias: { ".js": [".js", ".ts", ".tsx"], ".jsx": [".jsx", ".tsx"],
                        ".mjs": [".mjs", ".mts"], ".cjs": [".cjs", ".cts"] },
      exportsFields: ["exports"],
      importsFields: ["imports"],
      aliasFields: [],
      symlinks: true,
    }));
  }
  return resolvers.get(key);
}

const cases = JSON.parse(readFileSync(casesFile, "utf8"));
const answers = cases.map(({ from, specifier, kind = "import", conditions = [] }) => {
  const importer = path.join(root, from);
  const resolver = resolverFor([...conditions, kind === "require" ? "require" : "import"]);
  try {
    const result = resolver.resolveSync({}, path.dirname(importer), specifier);
    return { path: result === false ? null : result };
  } catch (error) {
    return { path: null, error: String(error.message).split("\n")[0] };
  }
});
process.stdout.write(JSON.stringify(answers));
