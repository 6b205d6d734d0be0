/**
 * Calls the PERF.* functions the way Excel does: looks each one up by its metadata id through
 * the associations (CustomFunctions.associate), passes null for every omitted optional argument
 * and an Invocation object last, and records what comes back: a value, or the thrown
 * CustomFunctions.Error (code and message). Anything else thrown fails the test.
 *
 * Two sources of associations:
 * - the source module: the ids and function names come from custom-functions-metadata run on
 *   src/functions/functions.ts, exactly what the webpack plugin injects as associate calls;
 * - the built bundle functions.js (webpack.config.js's functions compilation), evaluated in a vm
 *   context holding nothing but the CustomFunctions and Office globals.
 */
import {
  globals,
  makeGlobals,
  StubError,
  type ErrorCodeText,
  type Globals,
  type Registered,
} from "./stubs";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as functionsModule from "../../src/functions/functions";
import type { Metadata } from "../../src/functions/catalog";

export const ROOT = path.resolve(__dirname, "..", "..");
export const SOURCE = path.join(ROOT, "src", "functions", "functions.ts");

export interface ErrorOutcome {
  error: ErrorCodeText;
  message?: string;
}
export type Outcome = { value: unknown } | ErrorOutcome;

export interface Excel {
  metadata: Metadata;
  /** Calls a function by id with the given arguments (omitted trailing arguments become null). */
  call(id: string, ...args: unknown[]): Outcome;
  /** The globals the functions see (to switch the display language). */
  globals: Globals;
}

function toErrorOutcome(e: StubError): ErrorOutcome {
  return e.message === undefined ? { error: e.code } : { error: e.code, message: e.message };
}

/** Returned values, with CustomFunctions.Error cells of a spilled array made comparable. */
export function describeValue(v: unknown): unknown {
  if (v instanceof StubError) return toErrorOutcome(v);
  if (Array.isArray(v)) return v.map(describeValue);
  return v;
}

export function makeExcel(
  metadata: Metadata,
  resolve: (id: string) => Registered | undefined,
  g: Globals
): Excel {
  const byId = new Map(metadata.functions.map((f) => [f.id, f]));
  return {
    metadata,
    globals: g,
    call(id: string, ...args: unknown[]): Outcome {
      const meta = byId.get(id);
      const fn = resolve(id);
      if (!meta || !fn) throw new Error(`no function registered for ${id}`);
      if (args.length > meta.parameters.length)
        throw new Error(`${id} takes ${meta.parameters.length} arguments`);
      // Excel passes null for an omitted optional argument; given arguments go through as they are
      // (undefined included, which a direct JavaScript caller may pass).
      const full = [...args, ...new Array(meta.parameters.length - args.length).fill(null)];
      const invocation = { functionName: `PERF.${id}`, address: "Sheet1!A1" };
      try {
        return { value: describeValue(fn(...full, invocation)) };
      } catch (e) {
        if (e instanceof StubError) return toErrorOutcome(e);
        throw e;
      }
    },
  };
}

let sourceMetadata: Promise<{
  metadata: Metadata;
  associate: { id: string; functionName: string }[];
}> | null = null;

/** The metadata and associations the build would generate from the source. */
export function generateSourceMetadata(): Promise<{
  metadata: Metadata;
  associate: { id: string; functionName: string }[];
}> {
  sourceMetadata ??= generateCustomFunctionsMetadata([SOURCE]).then((r) => {
    if (r.errors.length > 0) throw new Error(r.errors.join("\n"));
    return { metadata: JSON.parse(r.metadataJson) as Metadata, associate: r.associate };
  });
  return sourceMetadata;
}

/** Excel over the source module, through the associations the metadata plugin would inject. */
export async function sourceExcel(): Promise<Excel> {
  const { metadata, associate } = await generateSourceMetadata();
  const exported = functionsModule as unknown as Record<string, Registered>;
  for (const a of associate) {
    if (!globals.associations.has(a.id))
      globals.CustomFunctions.associate(a.id, exported[a.functionName]);
  }
  return makeExcel(metadata, (id) => globals.associations.get(id), globals);
}

/**
 * Builds only the functions compilation of webpack.config.js (production) into `outDir`:
 * functions.js, functions.json and functions.zh-CN.json, exactly as `npm run build` writes them.
 */
export function buildFunctions(outDir: string): void {
  const cli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const run = spawnSync(
    process.execPath,
    [cli, "--mode", "production", "--config-name", "functions"],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, ADDIN_DIST_DIR: outDir },
    }
  );
  if (run.status !== 0) throw new Error(`webpack (functions) failed:\n${run.stdout}${run.stderr}`);
}

/** Excel over a built bundle: functions.js evaluated in a vm context with only CustomFunctions and Office. */
export function distExcel(dir: string): Excel {
  const g = makeGlobals();
  const context = vm.createContext({ CustomFunctions: g.CustomFunctions, Office: g.Office });
  const code = fs.readFileSync(path.join(dir, "functions.js"), "utf8");
  vm.runInContext(code, context, { filename: "functions.js" });
  const metadata = JSON.parse(
    fs.readFileSync(path.join(dir, "functions.json"), "utf8")
  ) as Metadata;
  return makeExcel(metadata, (id) => g.associations.get(id), g);
}
