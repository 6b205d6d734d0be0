/**
 * The metadata Excel sees, in both languages: the en-US metadata generated from the JSDoc equals
 * the catalog (one source of truth), the zh-CN metadata derived from it is complete and valid per
 * Excel's naming rules, the webpack plugin produces exactly that, and the manifest serves it to
 * zh-CN users through a locale override of the metadata URL.
 */
import * as fs from "fs";
import * as path from "path";
import { DOMParser } from "@xmldom/xmldom";
import {
  CATALOG,
  compareWithCatalog,
  isValidFunctionName,
  localizeMetadata,
  NAMESPACE,
  type Metadata,
} from "../../src/functions/catalog";
import { TERMS } from "../../src/engine/messages";
import { runtimeMetadata } from "../support/runtime-metadata";
import { generateSourceMetadata, ROOT } from "./harness";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugin = require("../../scripts/localized-metadata-plugin") as {
  localizedMetadata(json: string): { files: Record<string, string>; dependencies: string[] };
};

const CJK = /[\u4e00-\u9fff]/;

describe("functions metadata", () => {
  let en: Metadata;
  let zh: Metadata;

  beforeAll(async () => {
    en = (await generateSourceMetadata()).metadata;
    zh = localizeMetadata(en, "zh-CN");
  });

  describe("en-US (generated from the JSDoc in functions.ts)", () => {
    it("should equal the catalog: names, descriptions, parameters, help, optional flags, ranges", () => {
      expect(compareWithCatalog(en)).toEqual([]);
    });

    it("should declare every scalar argument as any, so Excel passes text, blanks and booleans through", () => {
      for (const f of en.functions) for (const p of f.parameters) expect(p.type).toBe("any");
    });

    it("should make no function volatile, streaming or repeating", () => {
      for (const f of en.functions) {
        expect(f.options).toBeUndefined();
        for (const p of f.parameters) expect(p.repeating).toBeUndefined();
      }
    });

    it("should let DISTRIBUTE spill and every other function return one value", () => {
      for (const f of en.functions)
        expect(f.result.dimensionality).toBe(f.id === "DISTRIBUTE" ? "matrix" : undefined);
    });

    it("should declare the contract's argument order, names and optional arguments", () => {
      const signature = (id: string) =>
        en.functions
          .find((f) => f.id === id)!
          .parameters.map((p) => (p.optional ? `[${p.name}]` : p.name))
          .join(", ");
      expect(signature("ATTAINMENT")).toBe("actual, target, [direction]");
      expect(signature("GROWTH")).toBe("current, prior");
      expect(signature("KPISCORE")).toBe(
        "actual, target, [floor], [cap], [direction], [full_score]"
      );
      expect(signature("CURVE")).toBe("value, points, [mode]");
      expect(signature("WEIGHTED")).toBe("scores, weights, [missing]");
      expect(signature("GRADE")).toBe("score, [bands]");
      expect(signature("DISTRIBUTE")).toBe("scores, [quotas]");
      expect(signature("COEFFICIENT")).toBe("grade, [table]");
      expect(signature("MATRIX")).toBe("row_value, column_value, table");
      expect(signature("COMMISSION")).toBe("amount, tiers, [method], [target], [cap]");
      expect(signature("FEEDBACK")).toBe("superior, peers, customers, [weights]");
      expect(signature("PRORATE")).toBe("amount, days_worked, days_in_period");
      expect(signature("PAY")).toBe("base, performance_pay, coefficient, [commission], [bonus]");
    });

    it("should report a drift between the JSDoc and the catalog", () => {
      const drifted = JSON.parse(JSON.stringify(en)) as Metadata;
      drifted.functions[0].description = "Something else.";
      drifted.functions[1].parameters[0].name = "now";
      const problems = compareWithCatalog(drifted);
      expect(problems).toHaveLength(2);
      expect(() => localizeMetadata(drifted, "zh-CN")).toThrow(/disagree/);
    });
  });

  describe("zh-CN (derived from the en-US metadata and the catalog)", () => {
    it("should hold every id of the en-US metadata, in the same order, and nothing else", () => {
      expect(zh.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
      expect(zh.functions).toHaveLength(13);
    });

    it("should change only names and descriptions", () => {
      const strip = (m: Metadata) =>
        m.functions.map((f) => ({
          ...f,
          name: "",
          description: "",
          parameters: f.parameters.map((p) => ({ ...p, name: "", description: "" })),
        }));
      expect(strip(zh)).toEqual(strip(en));
      expect({ ...zh, functions: [] }).toEqual({ ...en, functions: [] });
    });

    it("should give every function a valid, unique Chinese name", () => {
      const names = zh.functions.map((f) => f.name);
      for (const name of names) {
        expect(isValidFunctionName(name)).toBe(true);
        expect(name).toMatch(CJK);
      }
      expect(new Set(names).size).toBe(names.length);
      expect(zh.functions.find((f) => f.id === "COMMISSION")!.name).toBe("阶梯提成");
      expect(zh.functions.find((f) => f.id === "KPISCORE")!.name).toBe("指标得分");
    });

    it("should translate every description and every parameter", () => {
      for (const f of zh.functions) {
        expect(f.description).toMatch(CJK);
        for (const p of f.parameters) {
          expect(p.name).toMatch(CJK);
          expect(p.description).toMatch(CJK);
        }
        expect(new Set(f.parameters.map((p) => p.name)).size).toBe(f.parameters.length);
      }
    });

    it("should use the same parameter names as the zh-CN error messages", () => {
      for (const spec of CATALOG) {
        const f = zh.functions.find((g) => g.id === spec.id)!;
        expect(f.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => TERMS[p.name].zh));
      }
    });

    it("should be what the webpack plugin writes as functions.zh-CN.json", () => {
      const { files, dependencies } = plugin.localizedMetadata(JSON.stringify(en));
      expect(Object.keys(files)).toEqual(["functions.zh-CN.json"]);
      // the plugin also keeps it within the manifest's CustomFunctionsRuntime
      expect(JSON.parse(files["functions.zh-CN.json"])).toEqual(
        runtimeMetadata.withinRuntime(zh as unknown as Record<string, unknown>)
      );
      expect(dependencies).toEqual(
        expect.arrayContaining([
          path.join(ROOT, "src", "functions", "catalog.ts"),
          path.join(ROOT, "src", "engine", "messages.ts"),
        ])
      );
    });
  });

  describe("Excel's naming rules", () => {
    it("should accept letters (CJK included), digits after the first letter, periods and underscores, at least 3 characters", () => {
      for (const ok of ["PAY", "KPISCORE", "完成率", "阶梯提成", "绩效_系数", "A.B1"])
        expect(isValidFunctionName(ok)).toBe(true);
      for (const bad of [
        "360度评价",
        "PA",
        "等级",
        "完成-率",
        "完成 率",
        "_PAY",
        "",
        "A".repeat(129),
      ])
        expect(isValidFunctionName(bad)).toBe(false);
    });

    it("should hold for every en-US name and id", () => {
      for (const f of en.functions) {
        expect(isValidFunctionName(f.name)).toBe(true);
        expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
      }
    });
  });

  describe("manifest.xml", () => {
    const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const doc = new DOMParser().parseFromString(xml, "text/xml");
    const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
    const all = (ns: string, tag: string) => Array.from(doc.getElementsByTagNameNS(ns, tag));
    const byId = (tag: string, id: string) => all(BT, tag).find((e) => e.getAttribute("id") === id);
    const extension = Array.from(doc.getElementsByTagName("ExtensionPoint")).find(
      (e) => e.getAttribute("xsi:type") === "CustomFunctions"
    );
    const resid = (tag: string) =>
      Array.from(extension!.getElementsByTagName(tag))[0]
        ?.getElementsByTagName("SourceLocation")[0]
        ?.getAttribute("resid") ??
      Array.from(extension!.getElementsByTagName(tag))[0]?.getAttribute("resid");

    it("should serve functions.zh-CN.json to zh-CN through an override of the metadata URL", () => {
      expect(extension).toBeDefined();
      const url = byId("Url", resid("Metadata")!);
      expect(url).toBeDefined();
      expect(url!.getAttribute("DefaultValue")).toMatch(/\/functions\.json$/);
      const overrides = Array.from(url!.getElementsByTagNameNS(BT, "Override"));
      const zhOverride = overrides.find((o) => o.getAttribute("Locale") === "zh-CN");
      expect(zhOverride).toBeDefined();
      const expectedFile = Object.keys(plugin.localizedMetadata(JSON.stringify(en)).files)[0];
      expect(zhOverride!.getAttribute("Value")).toBe(
        url!.getAttribute("DefaultValue")!.replace(/functions\.json$/, expectedFile)
      );
    });

    it("should name the namespace PERF, and 绩效 for zh-CN", () => {
      const ns = byId("String", resid("Namespace")!);
      expect(ns!.getAttribute("DefaultValue")).toBe(NAMESPACE.en);
      const zhOverride = Array.from(ns!.getElementsByTagNameNS(BT, "Override")).find(
        (o) => o.getAttribute("Locale") === "zh-CN"
      );
      expect(zhOverride!.getAttribute("Value")).toBe(NAMESPACE.zh);
    });

    it("should load the functions script from functions.js", () => {
      expect(byId("Url", resid("Script")!)!.getAttribute("DefaultValue")).toMatch(
        /\/functions\.js$/
      );
    });
  });
});
