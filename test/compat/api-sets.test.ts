/**
 * scripts/api-sets.ts, the requirement-set check CI runs (`npm run check:api-sets`): how it reads
 * @types/office-js, the guards it accepts and the members it reports, and the Excel double's set
 * table that it generates from the same source.
 */
import * as fs from "fs";
import * as path from "path";
import {
  DOUBLE_TABLE,
  doubleTableText,
  officeUsages,
  requirementsIn,
  type Usage,
} from "../../scripts/api-sets";
import { excelApiSet } from "../support/excel-double/api";
import { ROOT } from "../support/paths";

jest.setTimeout(120_000);

const FIXTURES = path.join(ROOT, "test", "fixtures", "api-sets");
const unguarded = (usages: Usage[]) =>
  usages
    .filter((u) => u.above.length > 0 && !u.guard)
    .map((u) => `${u.member}:${u.line}`)
    .sort();

describe("requirementsIn (the doc comments of @types/office-js)", () => {
  it("should read Excel's [Api set: …] and the common **Requirement set** links", () => {
    expect(requirementsIn("/** … @remarks\n * [Api set: ExcelApi 1.9]\n */")).toEqual([
      { set: "ExcelApi", version: "1.9" },
    ]);
    expect(
      requirementsIn(
        "**Requirement set**: {@link https://learn.microsoft.com/x | OpenBrowserWindowApi 1.1}\n *  \n * @param url"
      )
    ).toEqual([{ set: "OpenBrowserWindowApi", version: "1.1" }]);
    // sets of other applications listed beside Excel's are not Excel's
    expect(
      requirementsIn(
        "**Requirement sets**:\n *\n * - {@link https://x | DialogApi}\n *\n * - {@link https://y | Mailbox 1.5}\n *\n * The behavior"
      )
    ).toEqual([{ set: "DialogApi", version: "1.1" }]);
  });
});

describe("the check of Office.js members against the manifest's minimum", () => {
  it("should report every member above the minimum that nothing guards", () => {
    const usages = officeUsages([path.join(FIXTURES, "unguarded.ts")]);
    expect(unguarded(usages)).toEqual([
      "Excel.PageLayout.orientation:10",
      "Excel.Range.copyFrom:6",
      "Excel.Worksheet.pageLayout:10",
      "Office.UI.openBrowserWindow:14",
    ]);
    const copy = usages.find((u) => u.member === "Excel.Range.copyFrom")!;
    expect(copy.needs).toEqual([{ set: "ExcelApi", version: "1.9" }]);
  });

  it("should accept a Features flag, an early return, a guarded caller, a queued closure and isSetSupported — not a guard that is too low", () => {
    const usages = officeUsages([path.join(FIXTURES, "guarded.ts")]);
    expect(unguarded(usages)).toEqual(["Excel.Range.copyFrom:35"]);
    const guards = new Set(usages.filter((u) => u.guard).map((u) => u.guard));
    expect(guards).toEqual(
      new Set([
        "features.copyFrom",
        "features.pageLayout", // also through `const canPrint = features.pageLayout`
        "features.dataValidation",
        'Office.context.requirements.isSetSupported("OpenBrowserWindowApi", "1.1")',
      ])
    );
  });
});

describe("the Excel double's set table", () => {
  it("should be what @types/office-js gives today (npm run api-sets:double regenerates it)", () => {
    expect(fs.readFileSync(DOUBLE_TABLE, "utf8")).toBe(doubleTableText());
  });

  it("should give the double the sets Excel documents, and refuse a member Excel lacks", () => {
    expect(excelApiSet("Range", "copyFrom")).toBe("1.9");
    expect(excelApiSet("Worksheet", "getRangeByIndexes")).toBe("1.7");
    expect(excelApiSet("NamedItem", "comment")).toBe("1.4");
    expect(() => excelApiSet("Range", "copyEverything")).toThrow(/no ExcelApi set/);
  });
});
