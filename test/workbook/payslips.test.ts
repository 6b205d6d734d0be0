/**
 * Payslips (工资条): every amount on a strip is the Pay list's (HyperFormula evaluates the native
 * and PERF styles; the values style writes the engine's numbers), the header is repeated on every
 * strip, and printing never splits a strip (A4 portrait, fit to width, breaks between strips),
 * in the .xlsx the writer makes as in the layout.
 */
import { moneyHeader } from "../../src/workbook/money";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { defaultPlan, withServiceMonthField } from "../../src/engine/plan/defaultPlan";
import type { Plan } from "../../src/engine/plan/model";
import { buildWorkbook } from "../../src/workbook/build";
import { generateSample } from "../../src/workbook/sample";
import { isFormula, type SheetLayout, type WorkbookLayout } from "../../src/workbook/layout";
import { payListMoney } from "../../src/workbook/payrollTable";
import { SLIP_COLUMNS } from "../../src/workbook/sheets/payslips";
import { xlsxBuffer } from "../../src/workbook/xlsx";
import { compareLayout, evaluateLayout } from "./support/hyperformula";
import { PAY_PLANS, withService as withPayService } from "./support/payroll-fixtures";

const SAMPLE = generateSample({ people: 9, teams: 3, seed: 11 });

function advanceWithGuarantee(): Plan {
  const p = withServiceMonthField(defaultPlan());
  p.pay.schedule = "monthlyAdvance";
  p.pay.advanceShare = 0.6;
  p.pay.guarantee = { enabled: true, minimum: 15000, months: 3, recoverable: true };
  return p;
}

/** Rows with a month of service for everyone's first three months (so the guarantee shows). */
function withService() {
  const first = new Map<string, string>();
  for (const r of SAMPLE.rows)
    if (!first.has(r.id) || r.period < first.get(r.id)!) first.set(r.id, r.period);
  const rows = SAMPLE.rows.map((r) => {
    const m = Number(r.period.slice(5)) - Number(first.get(r.id)!.slice(5)) + 1;
    return { ...r, values: { ...r.values, service_month: m } };
  });
  return { rows, ratings: SAMPLE.ratings };
}

/** Every payroll plan of the Pay list's tests (schedules, guarantee, team commission). */
const PLANS = PAY_PLANS;

function sheetOf(layout: WorkbookLayout, role: SheetLayout["role"]): SheetLayout {
  return layout.sheets.find((s) => s.role === role)!;
}

/** Every amount cell of the payslips: where it is, the Pay list cell it names, its value. */
function amounts(slips: SheetLayout) {
  const out: {
    row: number;
    column: number;
    target: { row: number; column: number };
    value: unknown;
  }[] = [];
  slips.blocks[0].cells.forEach((line, i) =>
    line.forEach((c, j) => {
      if (!isFormula(c)) return;
      const m = /^'[^']+'!\$([A-Z]+)\$(\d+)$/.exec(c.formula);
      if (!m) throw new Error(`a payslip formula that is not a Pay list reference: ${c.formula}`);
      const column = [...m[1]].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      out.push({ row: i, column: j, target: { row: Number(m[2]) - 1, column }, value: c.value });
    })
  );
  return out;
}

describe("payslips: every number is the Pay list's", () => {
  it.each(PLANS.map((p) => [p.name, p.plan] as const))(
    "should read the Pay list's money columns, in its order (%s)",
    (_name, plan) => {
      const built = buildWorkbook(plan(), "en-US", withPayService(SAMPLE), "values");
      const header = sheetOf(built.layout, "paylist").blocks[0].cells[0] as string[];
      const text = new Set([
        "Employee ID",
        "Name",
        "Team",
        "Month",
        "Performance pay for",
        "Guarantee month",
      ]);
      expect(payListMoney(built.evaluation.plan).map((f) => f.label.en)).toEqual(
        header.filter((h) => !text.has(h))
      );
    }
  );

  it.each(
    PLANS.flatMap((p) => (["native", "perf"] as const).map((s) => [p.name, s, p.plan] as const))
  )("%s (%s)", (_name, style, plan) => {
    const built = buildWorkbook(plan(), "zh-CN", withService(), style);
    const slips = sheetOf(built.layout, "payslips");
    const list = sheetOf(built.layout, "paylist");
    const ev = evaluateLayout(built.layout, { perf: style === "perf" });
    const cmp = compareLayout(built.layout, ev.value, ["paylist", "payslips"]);
    expect(cmp.mismatches.slice(0, 5)).toEqual([]);
    const cells = amounts(slips);
    const P = built.evaluation.payroll;
    const money = payListMoney(built.evaluation.plan).filter((f) => f.key !== "grossBefore");
    // one amount per pay line of every pay-list line
    expect(cells.length).toBe(P.frame.n * money.length);
    const header = list.blocks[0].cells[0];
    for (const c of cells) {
      const slip = ev.value(slips.name, c.row, c.column);
      const paid = ev.value(list.name, c.target.row, c.target.column);
      expect(slip).toEqual(paid);
      // and the engine's: the line of that pay-list row and column
      const m = c.target.row - 1;
      const f = money.find((x) => header[c.target.column] === moneyHeader(x.label.zh, "zh-CN"))!;
      const engine = P[f.line][m];
      expect(slip).toEqual(Number.isNaN(engine) ? "" : engine);
    }
    // the gross ends each strip: last cell of its last value line
    const gross = cells.filter(
      (c) =>
        c.column === SLIP_COLUMNS - 1 &&
        header[c.target.column] === moneyHeader("应发合计", "zh-CN")
    );
    expect(gross.length).toBe(P.frame.n);
  });

  it("should write the engine's numbers in the values style, the same as the native style's", () => {
    const native = sheetOf(
      buildWorkbook(advanceWithGuarantee(), "en-US", withService(), "native").layout,
      "payslips"
    );
    const values = sheetOf(
      buildWorkbook(advanceWithGuarantee(), "en-US", withService(), "values").layout,
      "payslips"
    );
    let compared = 0;
    values.blocks[0].cells.forEach((line, i) =>
      line.forEach((c, j) => {
        expect(isFormula(c)).toBe(false);
        const n = native.blocks[0].cells[i][j];
        if (isFormula(n)) {
          expect(c).toEqual(n.value === "" ? null : n.value);
          compared++;
        } else expect(c).toEqual(n);
      })
    );
    expect(compared).toBeGreaterThan(500);
  });
});

describe("payslips: printable strips", () => {
  for (const language of ["zh-CN", "en-US"] as const) {
    it(`should repeat the header on every strip and break pages only between strips (${language})`, async () => {
      const built = buildWorkbook(advanceWithGuarantee(), language, withService(), "native");
      const slips = sheetOf(built.layout, "payslips");
      const cells = slips.blocks[0].cells;
      const n = built.evaluation.payroll.frame.n;
      const height = cells.length / n;
      expect(Number.isInteger(height)).toBe(true);
      const strip = (k: number) => cells.slice(k * height, (k + 1) * height);
      const headers = (k: number) => strip(k).filter((_, i) => i % 2 === 1 && i < height - 1);
      for (let k = 1; k < n; k++) expect(headers(k)).toEqual(headers(0));
      expect(headers(0)[0].slice(0, 4)).toEqual(
        language === "zh-CN"
          ? ["员工编号", "姓名", "部门", "月份"]
          : ["Employee ID", "Name", "Team", "Month"]
      );
      expect(String(strip(0)[0][0])).toMatch(language === "zh-CN" ? /^工资条/ : /^Payslip/);
      expect(String(strip(0)[height - 1][0])).toContain("✂");
      const p = slips.print!;
      expect(p).toMatchObject({ orientation: "portrait", paper: "A4", fitToWidth: true });
      expect(p.area).toEqual({ row: 0, column: 0, rows: cells.length, columns: SLIP_COLUMNS });
      expect(p.rowBreaks.length).toBeGreaterThan(0);
      for (const b of p.rowBreaks) expect(b % height).toBe(0);
      const perPage = p.rowBreaks[0] / height;
      expect(perPage).toBeGreaterThanOrEqual(3);
      p.rowBreaks.forEach((b, i) => expect(b).toBe((i + 1) * perPage * height));
      // the .xlsx carries it: A4 (9), portrait, one page wide, the breaks, the header heights
      const buffer = await xlsxBuffer({ language, sheets: built.layout.sheets });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buffer as unknown as ArrayBuffer);
      const ws = wb.getWorksheet(slips.name)!;
      expect(ws.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: "portrait",
        fitToWidth: 1,
        fitToHeight: 0,
      });
      expect(ws.getRow(2).height).toBe(slips.rowHeights![0].points);
      // the breaks as the sheet's XML holds them: after 1-based row b = before 0-based row b
      const zip = await JSZip.loadAsync(buffer);
      const index = built.layout.sheets.indexOf(slips) + 1;
      const xml = await zip.file(`xl/worksheets/sheet${index}.xml`)!.async("string");
      const written = [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
      expect(written).toEqual(p.rowBreaks);
    });
  }
});
