/**
 * Helpers for the Office.js adapter tests: run the writer on the double, and check that a
 * workbook is usable (what "a failure leaves the workbook usable" means in these tests).
 */
import { defaultPlan, mapColumns, parseCsv } from "../../src/engine";
import { createOfficeBackend } from "../../src/office/backend";
import { applyLayout, type WriterApplyOptions, type ApplyResult } from "../../src/office/writer";
import { decodeMark, roleOfMarkName } from "../../src/office/marks";
import type { FormulaStyle, SettingsStore } from "../../src/app/host";
import { createLayoutHost } from "../../src/app/layoutHost";
import { workbookLayouts } from "../../src/app/layouts";
import { checkWorkbook, runPlan } from "../../src/app/workflow";
import type { SentLayout, WorkbookLayout } from "../../src/workbook/layout";
import { canonicalFormula } from "../../src/office/formula";
import { compareRows, laidOut, type Finding } from "../../src/workbook/verify";
import { createExcelDouble, type ExcelDouble } from "../support/excel-double";
import { fixtureText } from "../taskpane/support/memoryHost";
import { recordSignOff } from "../../src/app/appeals";
import { SIGN_OFF_ROLES as SIGN_OFF_ROLE_LIST } from "../../src/engine";

export function apply(
  d: ExcelDouble,
  layout: SentLayout,
  options: WriterApplyOptions = {}
): Promise<ApplyResult> {
  return applyLayout(layout, { host: d.asHost(), ...options });
}

export async function done(
  d: ExcelDouble,
  layout: SentLayout,
  options: WriterApplyOptions = {}
): Promise<Extract<ApplyResult, { status: "done" }>> {
  const r = await apply(d, layout, options);
  if (r.status !== "done") throw new Error(`expected done, got ${JSON.stringify(r)}`);
  return r;
}

/** A workbook the user has been working in: their own sheet, cells, a name of theirs. */
export function userWorkbook(options: Parameters<typeof createExcelDouble>[0] = {}): ExcelDouble {
  const d = createExcelDouble({ firstSheet: "Payroll", ...options });
  d.model.type("Payroll", "A1", [
    ["Employee", "Base"],
    ["E00001", 5000],
    ["=SUM(B2:B2)", "'007"],
  ]);
  d.model.addName(
    "PayrollBase",
    { sheet: d.model.mustFindSheet("Payroll"), rect: { row: 1, col: 1, rows: 1, cols: 1 } },
    "the user's own name"
  );
  return d;
}

/** The user's sheets and names, to compare before and after an add-in run. */
export function userState(d: ExcelDouble, sheets: string[] = ["Payroll"]): unknown {
  const names = [...d.model.names.values()]
    .filter((n) => !roleOfMarkName(n.name) && !n.comment.endsWith("[perf-addin]"))
    .map((n) => ({ name: n.name, value: d.model.nameValue(n), comment: n.comment }));
  return { sheets: d.model.snapshot(sheets), names };
}

/**
 * What a failure must leave: at least one visible sheet; no temporary sheet the user can see
 * with anything in it; no formula pointing at a sheet that did not exist; every add-in mark
 * either points at a live sheet or is stale (the next run removes it).
 */
export function expectUsable(d: ExcelDouble): void {
  const live = d.model.live();
  expect(live.some((s) => s.visibility === "Visible")).toBe(true);
  for (const s of live) {
    if (s.name.startsWith("~perf~") && s.visibility === "Visible") expect(s.cells.size).toBe(0);
  }
  expect(d.model.brokenReferences).toEqual([]);
  for (const n of d.model.names.values()) {
    if (!roleOfMarkName(n.name)) continue;
    expect(decodeMark(n.comment)).toBeDefined();
  }
}

export function memorySettings(): SettingsStore {
  const m = new Map<string, string>();
  return { get: (k) => m.get(k) ?? null, set: async (k, v) => void m.set(k, v) };
}

/**
 * The pane's whole path in Excel: the plan workbook created beside the user's sheet, the sample
 * CRM export imported (one March row moved to February), the plan run for 2024-Q1 and the
 * outputs written, through the pane's host over the Office.js backend.
 */
export async function excelWorkbook(
  options: Parameters<typeof createExcelDouble>[0] & { style?: FormulaStyle } = {}
) {
  const d = userWorkbook(options);
  const user = userState(d);
  const settings = memorySettings();
  const host = createLayoutHost(createOfficeBackend(d.asHost(), settings), workbookLayouts);
  const plan = defaultPlan();
  await host.createPlanWorkbook(plan, "zh-CN");
  // every role signs 2024-Q1 off (the Sign-off sheet of the template): the period can close
  for (const role of SIGN_OFF_ROLE_LIST)
    await recordSignOff(
      host,
      { period: "2024-Q1", role, name: "Signer", date: "2024-04-08" },
      "zh-CN"
    );
  const table = parseCsv(fixtureText(), "crm.csv");
  const { mapping } = mapColumns(table, plan);
  table.rows.find((r) => r[mapping.period] === "2024/3")![mapping.period] = "2024-02";
  await host.importData({ plan, language: "zh-CN", table, mapping, mode: "replace" });
  const check = (await checkWorkbook(host, plan))!;
  const run = runPlan(plan, check, "2024-Q1", "");
  const request = {
    plan,
    language: "zh-CN" as const,
    style: options.style ?? "native",
    evaluation: run.evaluation,
    data: run.data,
    feedback: check.feedback,
  };
  const written = await host.writeOutputs(request);
  return { d, host, plan, run, check, request, written, user, settings };
}

/**
 * What the double's Excel holds in every cell of the layout's output sheets against the layout
 * (the engine's values and the formulas written): the self-check's comparison, read straight
 * from the model.
 */
export function disagreements(d: ExcelDouble, layout: WorkbookLayout): Finding[] {
  const same = (a: string, b: string) =>
    canonicalFormula(a, () => undefined) === canonicalFormula(b, () => undefined);
  const out: Finding[] = [];
  for (const s of layout.sheets.filter((x) => x.kind === "output")) {
    const sheet = d.model.mustFindSheet(s.name);
    const cells = laidOut(s);
    const read = Array.from({ length: cells.rows }, (_, row) => ({
      row,
      values: Array.from({ length: cells.columns }, (_v, c) => d.model.valueAt(sheet, row, c)),
      formulas: Array.from({ length: cells.columns }, (_v, c) => d.model.formulaAt(sheet, row, c)),
    }));
    out.push(...compareRows(cells, { role: s.role, sheet: s.name }, read, same).findings);
  }
  return out;
}
