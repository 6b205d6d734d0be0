/**
 * The annual review on the Annual sheet (晋升建议, 分红) and the Grade history sheet (历年评级):
 * HyperFormula evaluates the layouts in the three styles and every formula cell equals the
 * engine's value (recommendations and reasons equal as text, shares to the cent, the pool's
 * rounding difference); the Grade history reader names what it cannot use; a plan without the
 * review settings lays out the Annual sheet's existing columns exactly as before.
 */
import { defaultPlan } from "../../src/engine/plan/defaultPlan";
import type { Plan } from "../../src/engine/plan/model";
import { reviewDefaults } from "../../src/engine/plan/model";
import { buildWorkbook, type BuiltWorkbook } from "../../src/workbook/build";
import { demoGradeHistory, demoPlan } from "../../src/workbook/demo";
import { generateSample } from "../../src/workbook/sample";
import { isFormula, type SheetLayout } from "../../src/workbook/layout";
import type { FormulaStyle } from "../../src/workbook/formula";
import { readGradeHistorySheet } from "../../src/workbook/grade-history";
import { formatIssue } from "../../src/engine/issues";
import { readingUnder } from "../../src/app/workflow";
import { planSheet, readPlanSheet } from "../../src/workbook/plan-sheet";
import { sheetValues } from "../../src/workbook/grid";
import { compareLayout, evaluateLayout } from "./support/hyperformula";

const SAMPLE = generateSample({ people: 30, teams: 3, seed: 7 });

function build(plan: Plan, style: FormulaStyle, lang: "zh-CN" | "en-US" = "zh-CN"): BuiltWorkbook {
  return buildWorkbook(
    plan,
    lang,
    { ...SAMPLE, gradeHistory: demoGradeHistory(plan, SAMPLE) },
    style
  );
}

function annual(built: BuiltWorkbook): SheetLayout {
  return built.layout.sheets.find((s) => s.role === "annual")!;
}

function column(s: SheetLayout, header: string): unknown[] {
  const cells = s.blocks[0].cells;
  const j = cells[0].findIndex((h) => typeof h === "string" && h.startsWith(header));
  expect(j).toBeGreaterThanOrEqual(0);
  const end = cells.findIndex((line, i) => i > 0 && (line[0] === null || line[0] === undefined));
  return cells.slice(1, end < 0 ? undefined : end).map((line) => {
    const c = line[j];
    return isFormula(c) ? c.value : c;
  });
}

describe("the Annual sheet's promotion and profit-share columns", () => {
  it.each([
    ["native", "zh-CN"],
    ["perf", "zh-CN"],
    ["native", "en-US"],
  ] as const)("should compute every review cell as the engine does (%s, %s)", (style, lang) => {
    const built = build(demoPlan(), style, lang);
    const ev = evaluateLayout(built.layout, { perf: style === "perf" });
    const cmp = compareLayout(built.layout, ev.value, ["annual"]);
    expect(cmp.mismatches).toEqual([]);
    expect(cmp.maxMoneyDiff).toBeLessThanOrEqual(1e-6);
    const s = annual(built);
    const rec = column(s, lang === "zh-CN" ? "晋升建议" : "Promotion").filter((x) => x !== null);
    // every outcome occurs: recommended, not recommended, and grade missing (never a silent no)
    const words =
      lang === "zh-CN"
        ? ["建议晋升", "暂不建议", "待补录评级"]
        : ["Recommended", "Not recommended", "Grade missing"];
    for (const w of words) expect(rec).toContain(w);
  });

  it("should write the same values, and no formula, in the values style", () => {
    const native = annual(build(demoPlan(), "native"));
    const values = annual(build(demoPlan(), "values"));
    values.blocks[0].cells.forEach((line, i) =>
      line.forEach((c, j) => {
        expect(isFormula(c)).toBe(false);
        const n = native.blocks[0].cells[i][j];
        expect(c).toEqual(isFormula(n) ? (n.error || n.value === "" ? null : n.value) : n);
      })
    );
  });

  it("should share the pool exactly: shares sum to the pool less the rounding difference shown", () => {
    const built = build(demoPlan(), "native");
    const s = annual(built);
    const shares = column(s, "分红").filter((x): x is number => typeof x === "number");
    expect(shares.length).toBeGreaterThan(20);
    const cells = s.blocks[0].cells;
    const label = cells.findIndex((line) =>
      line.some((c) => typeof c === "string" && c.endsWith("舍入差额（不发放）"))
    );
    expect(label).toBeGreaterThan(0);
    const diffCell = cells[label].find((c) => isFormula(c))!;
    const difference = isFormula(diffCell) ? (diffCell.value as number) : NaN;
    const sum = shares.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum + difference - 1_000_000)).toBeLessThan(1e-6);
    expect(Math.abs(difference)).toBeLessThanOrEqual(shares.length * 0.005 + 1e-9);
  });

  it("should say a prior year is missing when the Grade history has no entry for it", () => {
    const plan = demoPlan();
    const built = buildWorkbook(plan, "en-US", { ...SAMPLE, gradeHistory: [] }, "native");
    const reasons = column(annual(built), "Promotion: why").filter((x) => x !== null && x !== "");
    expect(reasons.length).toBeGreaterThan(0);
    for (const r of reasons) expect(String(r)).toMatch(/2023 grade missing|grade . below/);
  });

  it("should lay out the Annual sheet's existing columns as before for a plan without review settings", () => {
    const plain = defaultPlan();
    const off: Plan = {
      ...plain,
      review: {
        ...reviewDefaults(plain.grading),
        promotion: { ...reviewDefaults(plain.grading).promotion, enabled: false },
      },
    };
    const s = annual(build(off, "native"));
    const header = s.blocks[0].cells[0];
    expect(header).not.toContain("晋升建议");
    expect(header.some((h) => typeof h === "string" && h.startsWith("分红"))).toBe(false);
  });
});

describe("the statement's annual review block", () => {
  it("should show, on the year's last period, the Annual sheet's recommendation, reason and share", () => {
    const plan = demoPlan();
    const built = buildWorkbook(
      plan,
      "zh-CN",
      { ...SAMPLE, gradeHistory: demoGradeHistory(plan, SAMPLE) },
      "values",
      { statements: "latest" }
    );
    const st = built.layout.sheets.find((x) => x.role === "statements")!;
    const lines = st.blocks[0].cells;
    const s = annual(built);
    const ids = column(s, "员工编号");
    const rec = column(s, "晋升建议");
    const why = column(s, "晋升依据");
    const share = column(s, "分红");
    let seen = 0;
    lines.forEach((line, i) => {
      if (line[0] !== "2024年度总评") return;
      // the block's person: the statement's id line above it
      const idLine = lines
        .slice(0, i)
        .reverse()
        .find((l) => l[0] === "员工编号")!;
      const k = ids.indexOf(idLine[1]);
      expect(k).toBeGreaterThanOrEqual(0);
      const block = lines.slice(i + 1, i + 4);
      const promo = block.find((l) => l[0] === "晋升建议");
      if (rec[k] === null) expect(promo).toBeUndefined();
      else expect(promo!.slice(0, 4)).toEqual(["晋升建议", rec[k], "依据", why[k]]);
      const ps = block.find((l) => l[0] === "分红");
      if (share[k] === null) expect(ps).toBeUndefined();
      else {
        expect(ps![1]).toBe(share[k]);
        expect(String(ps![3])).toContain("分红池 1000000");
      }
      seen++;
    });
    // every Q4 statement of a person the Annual sheet holds carries the block (a leaver has none)
    const onSheet = lines.filter((l) => l[0] === "员工编号" && ids.includes(l[1])).length;
    expect(seen).toBe(onSheet);
    expect(seen).toBeGreaterThan(ids.length - 3);
  });
});

describe("the Plan sheet's section 晋升建议与分红", () => {
  const roundTrip = (plan: Plan, lang: "zh-CN" | "en-US") => {
    const { sheet } = planSheet(plan, lang);
    return readPlanSheet(sheetValues(sheet), sheet.name);
  };
  it.each(["zh-CN", "en-US"] as const)(
    "should write and read back the review settings (%s)",
    (lang) => {
      const plan = demoPlan();
      plan.review!.promotion = { enabled: true, minGrade: "S", years: 3, worstGrade: null };
      plan.review!.profitShare.decimals = 0;
      const r = roundTrip(plan, lang);
      expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
      expect(r.plan?.review).toEqual(plan.review);
    }
  );

  it("should read a plan without review settings back without them (its defaults written out)", () => {
    const r = roundTrip(defaultPlan(), "zh-CN");
    expect(r.plan).not.toHaveProperty("review");
    expect(r.plan).toEqual(defaultPlan());
  });

  it("should name a promotion grade the plan does not have, at its setting", () => {
    const plan = demoPlan();
    plan.review!.promotion.minGrade = "A+";
    const r = roundTrip(plan, "en-US");
    const said = r.issues.map((i) => formatIssue(i, "en-US")).join("\n");
    expect(said).toContain('The promotion rule names grade "A+", which the plan does not have.');
  });
});

describe("the Grade history sheet reader", () => {
  const plan = defaultPlan();
  it("should read entries and name each row it cannot use, by sheet, row and column", () => {
    const cells = [
      ["员工编号", "姓名", "年度", "年度评级"],
      ["S0001", "张三", 2023, "A"],
      ["", "李四", 2023, "B"],
      ["S0003", "王五", "去年", "B"],
      ["S0004", "赵六", 2023, "X"],
      ["S0001", "张三", 2023, "S"],
      [null, null, null, null],
    ];
    const r = readGradeHistorySheet(cells, "历年评级", plan);
    expect(r.entries.map((e) => [e.id, e.year, e.grade, e.row])).toEqual([
      ["S0001", 2023, "A", 2],
      ["S0004", 2023, "X", 5],
      ["S0001", 2023, "S", 6],
    ]);
    const said = r.issues.map((i) => formatIssue(i, "zh-CN"));
    expect(said).toEqual([
      expect.stringContaining("历年评级 第 3 行 A 列"),
      expect.stringContaining("历年评级 第 4 行 C 列"),
      expect.stringContaining("历年评级 第 5 行 D 列"),
      expect.stringContaining("历年评级 第 6 行 A 列"),
    ]);
    expect(said[1]).toContain("“去年”不是年度");
    expect(formatIssue(r.issues[3], "en-US")).toContain("entered more than once (first in row 2)");
  });

  it("should put the rows it cannot use among the Data check's problems (the Data view lists them)", () => {
    const check = readingUnder(
      {
        data: { sheet: "数据", headerRow: 1, header: [], rows: [] },
        feedback: null,
        gradeHistory: {
          name: "历年评级",
          values: [
            ["员工编号", "姓名", "年度", "年度评级"],
            ["S0001", "张三", "2023年", "A"],
          ],
        },
      },
      plan
    )!;
    expect(check.gradeHistory!.issues.map((i) => formatIssue(i, "en-US"))).toEqual([
      expect.stringContaining('"2023年" is not a year'),
    ]);
  });

  it("should refuse a sheet without the columns the formulas need", () => {
    const r = readGradeHistorySheet([["Employee ID", "Name", "Grade"]], "Grade history", plan);
    expect(r.columns).toBeNull();
    expect(formatIssue(r.issues[0], "en-US")).toContain('No "Year" column');
  });
});
