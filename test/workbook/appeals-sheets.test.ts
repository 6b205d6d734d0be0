/**
 * 绩效申诉与审批 on the sheets: the template's Appeals and Sign-off sheets (headers, lists), and the
 * appeal adjustment (申诉调整) on the Scorecard (SUMIFS over the Appeals sheet), in the total, on the
 * Pay list with the period's last month and on the payslips — proven with HyperFormula in the
 * native, PERF.* and values styles; an edit of the Appeals sheet recalculates the total without
 * the add-in; a workbook without appeals has no such column.
 */
import { buildFromTemplate, buildWorkbook } from "../../src/workbook/build";
import { generateSample } from "../../src/workbook/sample";
import { templateLayout } from "../../src/workbook/template";
import { closePeriod, defaultPlan, scorecardRows } from "../../src/engine";
import { statementsLayout } from "../../src/workbook/statements";
import { sheetValues } from "../../src/workbook/grid";
import { frozenScorecardSheet, readFrozenScorecard } from "../../src/workbook/close";
import {
  isFormula,
  type Cell,
  type SheetLayout,
  type WorkbookLayout,
} from "../../src/workbook/layout";
import { moneyHeader } from "../../src/workbook/money";
import { appealCells, signOffCells } from "../../src/workbook/sheets/appeals";
import type { FormulaStyle } from "../../src/workbook/formula";
import { compareLayout, evaluateLayout } from "./support/hyperformula";

const SMALL = generateSample({ people: 12, teams: 3, seed: 7, months: 6 });
const OUTPUTS: SheetLayout["role"][] = [
  "months",
  "commission",
  "scorecard",
  "annual",
  "paylist",
  "payslips",
  "summary",
];
const plan = defaultPlan();
const [P1, P2, P3] = [...new Set(SMALL.rows.map((r) => r.id))];

function appealRows(language: "zh-CN" | "en-US") {
  const decided = { decidedBy: "Wang", decidedOn: "2024-04-08", name: "", reason: "missed deal" };
  return [
    appealCells(
      {
        ...decided,
        no: "A1",
        id: P1,
        period: "2024-Q1",
        subject: "new customers",
        status: "upheld",
        decision: "one deal added",
        amount: 500,
      },
      language
    ),
    appealCells(
      {
        ...decided,
        no: "A2",
        id: P2,
        period: "2024-Q1",
        subject: "collections",
        status: "rejected",
        decision: "as computed",
        amount: 0,
      },
      language
    ),
    appealCells(
      {
        ...decided,
        no: "A3",
        id: P1,
        period: "2024-Q1",
        subject: "visits",
        status: "upheld",
        decision: "visits recounted",
        amount: -120.25,
      },
      language
    ),
    appealCells(
      {
        ...decided,
        no: "A4",
        id: P3,
        period: "2024-Q2",
        subject: "satisfaction",
        status: "pending",
        decision: "",
        decidedBy: "",
        decidedOn: "",
        amount: 0,
      },
      language
    ),
  ];
}

function build(language: "zh-CN" | "en-US", style: FormulaStyle) {
  const signOffs = [
    signOffCells(
      { period: "2024-Q1", role: "manager", name: "Wang", date: "2024-04-09" },
      language
    ),
  ];
  return buildWorkbook(
    plan,
    language,
    { ...SMALL, appeals: appealRows(language), signOffs },
    style
  );
}

function sheetOf(layout: WorkbookLayout, role: SheetLayout["role"]) {
  const s = layout.sheets.find((x) => x.role === role)!;
  const cells = s.blocks[0].cells;
  const col = (header: string) => {
    const i = cells[0].indexOf(header);
    return i >= 0 ? i : cells[0].indexOf(moneyHeader(header, "zh-CN"));
  };
  return { s, cells, col };
}

const valueOf = (c: Cell): unknown => (isFormula(c) ? (c.error ? "error" : c.value) : c);

describe("the Appeals and Sign-off sheets", () => {
  it("should be in the template with their headers and lists, in both languages", () => {
    const zh = templateLayout(plan, "zh-CN");
    const ap = zh.sheets.find((s) => s.role === "appeals")!;
    expect(ap.name).toBe("绩效申诉");
    expect(ap.kind).toBe("input");
    expect(ap.blocks[0].cells[0]).toEqual([
      "申诉编号",
      "员工编号",
      "姓名",
      "考核期间",
      "申诉事项",
      "申诉理由",
      "处理状态",
      "处理结果",
      "薪酬调整(元)",
      "审批人",
      "处理日期",
    ]);
    expect(ap.validations[0].list).toEqual(["待处理", "受理中", "维持原结果", "申诉成立"]);
    const so = zh.sheets.find((s) => s.role === "sign_off")!;
    expect(so.name).toBe("绩效审批");
    expect(so.blocks[0].cells[0]).toEqual(["考核期间", "审批角色", "签字人", "签字日期"]);
    expect(so.validations[0].list).toEqual(["销售经理", "人力资源", "财务"]);
    const en = templateLayout(plan, "en-US");
    expect(en.sheets.find((s) => s.role === "appeals")!.validations[0].list).toEqual([
      "Pending",
      "Under review",
      "Rejected",
      "Upheld",
    ]);
    expect(en.sheets.find((s) => s.role === "sign_off")!.blocks[0].cells[0]).toEqual([
      "Period",
      "Role",
      "Signed by",
      "Signed on",
    ]);
  });

  it("should add no appeal column to a workbook without appeals", () => {
    const built = buildWorkbook(plan, "en-US", SMALL, "native");
    expect(sheetOf(built.layout, "scorecard").cells[0]).not.toContain("Appeal adjustment");
    expect(sheetOf(built.layout, "paylist").cells[0]).not.toContain("Appeal adjustment");
  });
});

describe("the appeal adjustment on the output sheets", () => {
  for (const language of ["zh-CN", "en-US"] as const)
    for (const style of ["native", "perf", "values"] as const)
      it(`should agree with HyperFormula on every output cell (${language}, ${style})`, () => {
        const built = build(language, style);
        const hf = evaluateLayout(built.layout, { perf: style === "perf" });
        const cmp = compareLayout(built.layout, hf.value, OUTPUTS);
        expect(cmp.mismatches).toEqual([]);
        if (style !== "values") expect(cmp.cells).toBeGreaterThan(0);
        const ev = built.evaluation;
        const pf = ev.periods.frame;
        const r = pf.ids.findIndex((id, i) => id === P1 && pf.periods[i] === "2024-Q1");
        expect(ev.periodPay.appeal[r]).toBe(379.75);
        const sc = sheetOf(built.layout, "scorecard");
        const word = language === "zh-CN" ? "申诉调整" : "Appeal adjustment";
        const col = sc.col(word);
        expect(valueOf(sc.cells[r + 2][col])).toBe(379.75);
        if (style !== "values") {
          expect(hf.value(sc.s.name, r + 2, col)).toBe(379.75);
          const f = sc.cells[r + 2][col];
          expect(isFormula(f) && f.formula).toContain("SUMIFS(");
        }
        // the rejected and pending appeals change nothing
        const r2 = pf.ids.findIndex((id, i) => id === P2 && pf.periods[i] === "2024-Q1");
        expect(valueOf(sc.cells[r2 + 2][col])).toBe(0);
        // the pay list pays it with the quarter's last month
        const pl = sheetOf(built.layout, "paylist");
        const mf = ev.payroll.frame;
        const march = mf.ids.findIndex((id, i) => id === P1 && mf.periods[i] === "2024-03");
        const jan = mf.ids.findIndex((id, i) => id === P1 && mf.periods[i] === "2024-01");
        expect(valueOf(pl.cells[march + 1][pl.col(word)])).toBe(379.75);
        expect(valueOf(pl.cells[jan + 1][pl.col(word)])).toBe(0);
      });

  it("should recalculate the total without the add-in when HR edits an amount on the Appeals sheet", () => {
    const built = build("en-US", "native");
    const ap = built.layout.sheets.find((s) => s.role === "appeals")!;
    const sc = sheetOf(built.layout, "scorecard");
    const pf = built.evaluation.periods.frame;
    const r = pf.ids.findIndex((id, i) => id === P1 && pf.periods[i] === "2024-Q1");
    const hf = evaluateLayout(built.layout);
    const before = hf.value(sc.s.name, r + 2, sc.col("Total pay")) as number;
    const id = hf.hf.getSheetId(ap.name)!;
    // A1 (row 2, column I) goes from 500 to 800
    hf.hf.setCellContents({ sheet: id, row: 1, col: 8 }, [[800]]);
    expect(hf.value(sc.s.name, r + 2, sc.col("Appeal adjustment"))).toBe(679.75);
    expect(hf.value(sc.s.name, r + 2, sc.col("Total pay"))).toBeCloseTo(before + 300, 6);
  });

  it("should leave the row without total pay while an upheld appeal cannot be read, saying which", () => {
    const template = templateLayout(plan, "zh-CN", {
      ...SMALL,
      appeals: [["A9", P1, "", "2024-Q1", "", "", "申诉成立", "", "五百", "", ""]],
    });
    const built = buildFromTemplate(plan, template, "native");
    const sc = sheetOf(built.layout, "scorecard");
    const pf = built.evaluation.periods.frame;
    const r = pf.ids.findIndex((id, i) => id === P1 && pf.periods[i] === "2024-Q1");
    expect(valueOf(sc.cells[r + 2][sc.col("申诉调整")])).toBe("");
    expect(valueOf(sc.cells[r + 2][sc.col("应发合计")])).toBe("");
    expect(String(sc.cells[r + 2][sc.col("状态")])).toContain("第 2 行的申诉（A9）");
    const hf = evaluateLayout(built.layout);
    expect(compareLayout(built.layout, hf.value, OUTPUTS).mismatches).toEqual([]);
  });
});

describe("the appeal adjustment on statements and frozen scorecards", () => {
  it("should list the upheld appeals on the statement with the adjustment line, in both languages", () => {
    for (const language of ["zh-CN", "en-US"] as const) {
      const built = build(language, "values");
      const pf = built.evaluation.periods.frame;
      const r = pf.ids.findIndex((id, i) => id === P1 && pf.periods[i] === "2024-Q1");
      const sheet = statementsLayout(built.evaluation, [r], language).sheets[0];
      const text = sheetValues(sheet).map((l) => l.map((c) => (c === null ? "" : String(c))));
      const find = (s: string) => text.findIndex((l) => l.includes(s));
      const zh = language === "zh-CN";
      const line = text[find(zh ? "申诉调整" : "Appeal adjustment")];
      expect(line).toContain("379.75");
      expect(line.join(" ")).toContain("A1, A3");
      const head = find(zh ? "申诉成立事项" : "Appeals upheld");
      expect(head).toBeGreaterThan(0);
      expect(text[head + 2].slice(0, 5)).toEqual([
        "A1",
        "new customers",
        "one deal added",
        "Wang 2024-04-08",
        "500",
      ]);
      expect(text[head + 3].slice(0, 5)).toEqual([
        "A3",
        "visits",
        "visits recounted",
        "Wang 2024-04-08",
        "-120.25",
      ]);
      // the rejected appeal is not on P2's statement as an adjustment
      const r2 = pf.ids.findIndex((id, i) => id === P2 && pf.periods[i] === "2024-Q1");
      const other = sheetValues(statementsLayout(built.evaluation, [r2], language).sheets[0]);
      expect(other.some((l) => l.includes(zh ? "申诉成立事项" : "Appeals upheld"))).toBe(false);
    }
  });

  it("should freeze the appeal adjustment with the close and read it back", () => {
    const built = build("zh-CN", "native");
    const ev = built.evaluation;
    const stamp = closePeriod(
      plan,
      built.data.rows,
      [],
      "2024-Q1",
      "王芳",
      new Date("2024-04-10T00:00:00Z")
    );
    const frozen = frozenScorecardSheet({
      plan,
      evaluation: ev,
      inputs: { rows: built.data.rows, ratings: [] },
      language: "zh-CN",
      stamp,
      note: "已审批：销售经理 王（2024-04-09）。",
    });
    const values = sheetValues(frozen);
    expect(String(values[3][0])).toContain("已审批：销售经理 王（2024-04-09）。");
    const lines = readFrozenScorecard(values)!.lines;
    const line = lines.find((l) => l.id === P1 && l.period === "2024-Q1")!;
    expect(line.appeal).toBe(379.75);
    const r = scorecardRows(ev).find((x) => x.id === P1 && x.period === "2024-Q1")!;
    expect(line.totalPay).toBe(r.totalPay);
    expect(lines.find((l) => l.id === P2 && l.period === "2024-Q1")!.appeal).toBe(0);
  });
});
