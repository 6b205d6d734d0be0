import * as fs from "fs";
import * as path from "path";
import { detectCompatibility, requirementChecker } from "../../src/compat/detect";
import {
  assessCompatibility,
  compareVersions,
  compatibilityNotices,
  EXCEL_API,
  FEATURES,
  MANIFEST_REQUIREMENTS,
  type FeatureId,
  type IsSetSupported,
} from "../../src/compat/requirements";
import { excelClassSets } from "../../scripts/api-sets";
import { ROOT } from "../support/paths";

/**
 * src/compat: the requirement sets the add-in declares and checks, the decisions for real hosts
 * (their requirement sets from Microsoft's tables, see README "Compatibility"), the notices the pane
 * shows, and the run-time check through Office.context.requirements.
 */

/** A host that supports each listed set up to the given version. */
function host(sets: Record<string, string>): IsSetSupported {
  return (set, version) => sets[set] !== undefined && compareVersions(version, sets[set]) <= 0;
}

/** Requirement-set levels of real hosts (learn.microsoft.com requirement set tables). */
const HOSTS = {
  "Microsoft 365 on Windows, Version 2002": host({
    ExcelApi: "1.11",
    SharedRuntime: "1.1",
    CustomFunctionsRuntime: "1.2",
  }),
  "Excel 2021 LTSC": host({
    ExcelApi: "1.14",
    SharedRuntime: "1.1",
    CustomFunctionsRuntime: "1.3",
  }),
  "Excel on the web": host({
    ExcelApi: "1.20",
    SharedRuntime: "1.2",
    CustomFunctionsRuntime: "1.4",
  }),
  "Mac 16.35": host({ ExcelApi: "1.11", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.2" }),
  "Excel 2019 volume-licensed": host({ ExcelApi: "1.7" }),
  "Excel 2016 MSI": host({ ExcelApi: "1.1" }),
  "iPad (ExcelApi only)": host({ ExcelApi: "1.20" }),
} as const;

const ALL: FeatureId[] = FEATURES.map((f) => f.id);

describe("the manifest's <Requirements>", () => {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const block = xml.match(/<Requirements>([\s\S]*?)<\/Requirements>/)?.[1] ?? "";
  const declared = [...block.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)].map((m) => ({
    set: m[1],
    version: m[2],
  }));

  it("should declare exactly the sets of the essential features, at the versions they need", () => {
    expect(declared).toHaveLength(MANIFEST_REQUIREMENTS.length);
    expect(declared).toEqual(expect.arrayContaining([...MANIFEST_REQUIREMENTS]));
    expect(MANIFEST_REQUIREMENTS).toEqual(
      expect.arrayContaining([
        { set: "SharedRuntime", version: "1.1" },
        { set: "CustomFunctionsRuntime", version: "1.2" },
        { set: "ExcelApi", version: EXCEL_API.writeWorkbook },
      ])
    );
  });

  it("should declare no set that a non-essential feature alone needs", () => {
    for (const f of FEATURES.filter((x) => !x.essential)) {
      for (const r of f.needs) {
        const d = declared.find((x) => x.set === r.set);
        if (d) expect(compareVersions(d.version, r.version)).toBeLessThanOrEqual(0);
      }
    }
    // drop-downs, range copies and print setup are checked at run time, not required
    expect(compareVersions(EXCEL_API.dropDowns, EXCEL_API.writeWorkbook)).toBeGreaterThan(0);
  });
});

describe("EXCEL_API against the API set of every Office.js member the features call", () => {
  // the same reading of @types/office-js as the CI check and the Excel double's table
  const sets = excelClassSets([
    "Worksheet",
    "Application",
    "NamedItemCollection",
    "NamedItem",
    "ChartCollection",
    "ChartSeriesCollection",
    "ChartSeries",
    "Chart",
    "Range",
    "PageLayout",
  ]);
  /** The ExcelApi version @types/office-js gives `Class.member` (its `[Api set: ExcelApi x]`). */
  function apiSet(className: string, member: string): string {
    const version = sets[className]?.[member];
    if (!version) throw new Error(`Excel.${className}.${member} has no ExcelApi set`);
    return version;
  }
  const highest = (calls: [string, string][]) =>
    calls.map(([c, m]) => apiSet(c, m)).reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b));

  it.each([
    [
      "writeWorkbook",
      [
        ["Worksheet", "getRangeByIndexes"],
        ["Worksheet", "freezePanes"],
        ["Worksheet", "tabColor"],
        ["Worksheet", "getUsedRangeOrNullObject"],
        ["Application", "suspendApiCalculationUntilNextSync"],
        ["NamedItemCollection", "add"],
        ["NamedItem", "comment"],
      ] as [string, string][],
    ],
    [
      "nativeCharts",
      [
        ["ChartCollection", "add"],
        ["ChartSeriesCollection", "add"],
        ["ChartSeries", "setValues"],
        ["ChartSeries", "setXAxisValues"],
        ["Chart", "setPosition"],
      ] as [string, string][],
    ],
    ["dropDowns", [["Range", "dataValidation"]] as [string, string][]],
    ["replaceInPlace", [["Range", "copyFrom"]] as [string, string][]],
    [
      "printSetup",
      [
        ["Worksheet", "pageLayout"],
        ["Worksheet", "horizontalPageBreaks"],
        ["PageLayout", "setPrintArea"],
        ["PageLayout", "setPrintTitleRows"],
      ] as [string, string][],
    ],
  ] as const)("should give %s the highest ExcelApi set of its calls", (feature, calls) => {
    expect(EXCEL_API[feature as keyof typeof EXCEL_API]).toBe(highest([...calls]));
  });
});

describe("assessCompatibility", () => {
  it.each([
    "Microsoft 365 on Windows, Version 2002",
    "Excel 2021 LTSC",
    "Excel on the web",
    "Mac 16.35",
  ] as const)("should find everything on %s, with no notice", (name) => {
    const report = assessCompatibility(HOSTS[name]);
    expect(report.inOffice).toBe(true);
    expect(report.missing).toEqual([]);
    expect(report.missingSets).toEqual([]);
    expect(report.formulaStyles).toEqual(["native", "perf", "values"]);
    expect(compatibilityNotices(report, "en-US")).toEqual([]);
  });

  it("should let Excel 2019 (volume) write sheets with charts, without PERF, drop-downs, copies or print setup", () => {
    const report = assessCompatibility(HOSTS["Excel 2019 volume-licensed"]);
    expect(report.features).toEqual({
      customFunctions: false,
      writeWorkbook: true,
      nativeCharts: true,
      dropDowns: false,
      replaceInPlace: false,
      printSetup: false,
    });
    expect(report.formulaStyles).toEqual(["native", "values"]);
    expect(report.missingSets).toEqual([
      "SharedRuntime 1.1",
      "CustomFunctionsRuntime 1.2",
      "ExcelApi 1.8",
      "ExcelApi 1.9",
    ]);
    const notices = compatibilityNotices(report, "en-US");
    expect(notices.map((n) => n.feature)).toEqual([
      "customFunctions",
      "dropDowns",
      "replaceInPlace",
      "printSetup",
    ]);
    expect(notices.every((n) => n.severity === "degraded")).toBe(true);
    expect(notices[1].message).toBe(
      "This version of Excel cannot add drop-down lists (ExcelApi 1.8); type the values instead."
    );
    expect(notices[3].message).toContain("print with Excel's default settings");
  });

  it("should leave out only the 1.9 features on an ExcelApi 1.8 host", () => {
    const report = assessCompatibility(
      host({ ExcelApi: "1.8", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.2" })
    );
    expect(report.missing).toEqual(["replaceInPlace", "printSetup"]);
    expect(report.formulaStyles).toContain("perf");
  });

  it("should say first and plainly that Excel 2016 (MSI) cannot write workbooks, without the details", () => {
    const report = assessCompatibility(HOSTS["Excel 2016 MSI"]);
    expect(report.features.writeWorkbook).toBe(false);
    expect(report.missing).toEqual(ALL);
    const en = compatibilityNotices(report, "en-US");
    expect(en.map((n) => [n.feature, n.severity])).toEqual([
      ["writeWorkbook", "blocking"],
      ["customFunctions", "degraded"],
    ]);
    expect(en[0].message).toBe(
      "This version of Excel cannot create or update the plan workbook and scorecards (it needs ExcelApi 1.7: Excel 2019 or later, Microsoft 365, Excel on the web or on Mac). Workbooks made elsewhere still open and calculate here."
    );
    const zh = compatibilityNotices(report, "zh-CN");
    expect(zh[0].message).toBe(
      "此版本的 Excel 无法创建或更新方案工作簿和计分卡（需要 ExcelApi 1.7：Excel 2019 或更高版本、Microsoft 365、网页版或 Mac 版 Excel）。在其他地方生成的工作簿仍可在此打开并计算。"
    );
  });

  it("should tell a host without the shared runtime that PERF formulas are written as plain Excel", () => {
    const report = assessCompatibility(HOSTS["iPad (ExcelApi only)"]);
    expect(report.missing).toEqual(["customFunctions"]);
    expect(report.formulaStyles).not.toContain("perf");
    const [notice] = compatibilityNotices(report, "zh-CN");
    expect(notice.feature).toBe("customFunctions");
    expect(notice.message).toContain("PERF 函数");
    expect(notice.message).toContain("普通 Excel 公式");
  });

  it("should write every notice in both languages, with the ExcelApi version filled in", () => {
    const report = assessCompatibility(() => false);
    report.features.writeWorkbook = true; // so every detail notice is produced
    const en = compatibilityNotices(report, "en-US");
    const zh = compatibilityNotices(report, "zh-CN");
    expect(en.map((n) => n.feature).sort()).toEqual(
      ALL.filter((f) => f !== "writeWorkbook").sort()
    );
    for (const [i, n] of en.entries()) {
      expect(n.message).not.toMatch(/[{}]/);
      expect(zh[i].message).not.toMatch(/[{}]/);
      expect(zh[i].message).toMatch(/[\u4e00-\u9fff]/);
      expect(zh[i].message).not.toBe(n.message);
      const version = FEATURES.find((f) => f.id === n.feature)?.needs.find(
        (r) => r.set === "ExcelApi"
      )?.version;
      if (version) {
        expect(n.message).toContain(`ExcelApi ${version}`);
        expect(zh[i].message).toContain(`ExcelApi ${version}`);
      }
    }
  });

  it("should treat a requirement check that throws as unsupported and ask each set once", () => {
    const asked: string[] = [];
    const report = assessCompatibility((set, version) => {
      asked.push(`${set} ${version}`);
      if (set === "CustomFunctionsRuntime") throw new Error("unknown set");
      return true;
    });
    expect(report.missing).toEqual(["customFunctions"]);
    expect(new Set(asked).size).toBe(asked.length);
  });

  it("should report outside Office: nothing available, no notice (the pane says to open Excel)", () => {
    const report = assessCompatibility(undefined);
    expect(report.inOffice).toBe(false);
    expect(report.missing).toEqual(ALL);
    expect(report.formulaStyles).toEqual(["native", "values"]);
    expect(compatibilityNotices(report, "en-US")).toEqual([]);
  });
});

describe("detectCompatibility (Office.context.requirements.isSetSupported)", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  it("should ask the Office global, calling isSetSupported on its requirements object", () => {
    const requirements = {
      levels: { ExcelApi: "1.8", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.2" } as Record<
        string,
        string
      >,
      isSetSupported(this: { levels: Record<string, string> }, name: string, version?: string) {
        const have = this.levels[name];
        return have !== undefined && compareVersions(version ?? "1.1", have) <= 0;
      },
    };
    (globalThis as { Office?: unknown }).Office = { context: { requirements } };
    const report = detectCompatibility();
    expect(report.inOffice).toBe(true);
    expect(report.missing).toEqual(["replaceInPlace", "printSetup"]);
  });

  it("should say 'not in Office' without office.js, without Office.context, or when reading it throws", () => {
    expect(requirementChecker(undefined)).toBeUndefined();
    expect(detectCompatibility().inOffice).toBe(false);
    expect(detectCompatibility({}).inOffice).toBe(false);
    expect(detectCompatibility({ context: {} }).inOffice).toBe(false);
    const throwing = {
      get context(): never {
        throw new Error("Office.context is not available outside Office");
      },
    };
    expect(detectCompatibility(throwing).inOffice).toBe(false);
  });
});
