/**
 * The built functions bundle, exactly as webpack.config.js's functions compilation writes it
 * (production mode, into a scratch folder): functions.js evaluated in a vm context with nothing
 * but the CustomFunctions and Office globals, called through the associations it registers, on
 * every worked example in both languages; functions.zh-CN.json next to functions.json; and the
 * bundle agreeing with the source module on random inputs.
 */
import "./stubs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import { localizeMetadata, type Metadata } from "../../src/functions/catalog";
import { buildFunctions, distExcel, sourceExcel, type Excel } from "./harness";
import { runCases } from "./run-cases";
import { argumentsFor } from "./arbitraries";

describe("dist/functions.js (production build of the functions compilation)", () => {
  let dir: string;
  let excel: Excel;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "perf-functions-"));
    buildFunctions(dir);
    excel = distExcel(dir);
  }, 120_000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("should register exactly the functions of functions.json", () => {
    expect([...excel.globals.associations.keys()].sort()).toEqual(
      excel.metadata.functions.map((f) => f.id).sort()
    );
  });

  it("should write functions.zh-CN.json with the same ids, derived from functions.json and the catalog", () => {
    const en = JSON.parse(fs.readFileSync(path.join(dir, "functions.json"), "utf8")) as Metadata;
    const zh = JSON.parse(
      fs.readFileSync(path.join(dir, "functions.zh-CN.json"), "utf8")
    ) as Metadata;
    expect(zh.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
    expect(zh).toEqual(localizeMetadata(en, "zh-CN"));
  });

  it("should stay small and free of UI code", () => {
    const code = fs.readFileSync(path.join(dir, "functions.js"), "utf8");
    expect(code.length).toBeLessThan(64 * 1024);
    expect(code).not.toMatch(/react|fluentui|Excel\.run/i);
  });

  describe("worked examples through the bundle's associations", () => {
    runCases(() => excel);
  });

  it("should give the same result as the source module on random arguments", async () => {
    const source = await sourceExcel();
    for (const f of excel.metadata.functions) {
      fc.assert(
        fc.property(argumentsFor(f.id), (args) => {
          expect(excel.call(f.id, ...args)).toEqual(source.call(f.id, ...args));
        }),
        { numRuns: 300, seed: 4 }
      );
    }
  });
});
