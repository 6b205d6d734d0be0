// @ts-check
/**
 * `npm run bench`: bundles each bench/*.bench.ts the way the add-in is bundled (one module
 * scope, no loader in the hot path), runs it in its own Node process, prints its report, and
 * ends with one JSON line merging every bench's figures.
 *
 *   npm run bench                # every bench
 *   npm run bench -- engine      # only bench/engine.bench.ts
 */
const { buildSync } = require("esbuild");
const { spawnSync } = require("child_process");
const { mkdirSync, readdirSync, rmSync } = require("fs");
const { join } = require("path");

const root = join(__dirname, "..");
const only = process.argv.slice(2);
const benches = readdirSync(join(root, "bench"))
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
if (benches.length === 0) {
  console.error(`no bench matches ${only.join(", ")}`);
  process.exit(2);
}
// Bundles go inside the project so that what stays external (playwright-core, hyperformula,
// exceljs) resolves from its node_modules.
// One folder per run: node_modules may be shared by several checkouts benching at once.
const out = join(root, "node_modules", ".cache", `perf-bench-${process.pid}`);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
/** @type {Record<string, unknown>} */
const merged = {};
let failed = false;
try {
  for (const file of benches) {
    const name = file.replace(/\.bench\.ts$/, "");
    const bundle = join(out, `${name}.js`);
    buildSync({
      entryPoints: [join(root, "bench", file)],
      bundle: true,
      platform: "node",
      format: "cjs",
      outfile: bundle,
      logLevel: "warning",
      // jsdom and office.js's client (read from node_modules) run Microsoft's Excel client in
      // the writer bench; they stay outside the bundle like the other test tooling
      external: ["playwright-core", "hyperformula", "exceljs", "jsdom", "@microsoft/office-js/*"],
    });
    console.log(`\n== ${name}`);
    const r = spawnSync(process.execPath, ["--expose-gc", bundle], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 64 * 1024 * 1024,
    });
    process.stdout.write(r.stdout);
    const last = r.stdout.trim().split("\n").pop() ?? "";
    if (r.status !== 0 || !last.startsWith("{")) {
      console.error(`bench ${name} failed (exit ${r.status})`);
      failed = true;
      continue;
    }
    for (const [k, v] of Object.entries(JSON.parse(last))) merged[`${name}.${k}`] = v;
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
console.log(JSON.stringify(merged));
process.exit(failed ? 1 : 0);
