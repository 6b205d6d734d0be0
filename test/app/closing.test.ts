/**
 * Period close, plan versions, statements and year to date through the real host (layoutHost
 * over the preview's HyperFormula workbook): a closed period is frozen as values under its stamp
 * and logged; a plan change after the close leaves it as it was; an input change after the close
 * is reported by salesperson; reopening is recorded; statements already on the sheet survive; the
 * year to date comes from the closed periods; an import keeps the columns the user added.
 */
import {
  defaultPlan,
  explain,
  mapColumns,
  parseCsv,
  scorecardRows,
  type Plan,
} from "../../src/engine";
import { createLayoutHost } from "../../src/app/layoutHost";
import { workbookLayouts } from "../../src/app/layouts";
import {
  closeAPeriod,
  computeYearToDate,
  loadClosing,
  reopenAPeriod,
  writeStatementsFor,
} from "../../src/app/closing";
import { checkWorkbook, runPlan } from "../../src/app/workflow";
import { HostError } from "../../src/app/host";
import { readStatementsSheet } from "../../src/workbook/statements";
import { previewBackend } from "../../dev/previewBackend";
import { PreviewWorkbook } from "../../dev/workbook/PreviewWorkbook";
import { fixtureText } from "../taskpane/support/memoryHost";
import { recordSignOff } from "../../src/app/appeals";
import { SIGN_OFF_ROLES } from "../../src/engine";

function settings() {
  const m = new Map<string, string>();
  return {
    get: (k: string) => m.get(k) ?? null,
    set: async (k: string, v: string) => void m.set(k, v),
  };
}

/** A plan workbook with the sample export (its "2024/3" row fixed to February), scorecards of 2024-Q1. */
async function workbook(language: "en-US" | "zh-CN" = "en-US") {
  const wb = new PreviewWorkbook();
  const host = createLayoutHost(
    previewBackend(wb, { settings: settings(), displayLanguage: language }),
    workbookLayouts
  );
  const plan = defaultPlan();
  await host.createPlanWorkbook(plan, language);
  // every role signs 2024-Q1 off (the Sign-off sheet of the template): the period can close
  for (const role of SIGN_OFF_ROLES)
    await recordSignOff(
      host,
      { period: "2024-Q1", role, name: "Signer", date: "2024-04-08" },
      language
    );
  const table = parseCsv(fixtureText(), "crm.csv");
  const { mapping } = mapColumns(table, plan);
  table.rows.find((r) => r[mapping.period] === "2024/3")![mapping.period] = "2024-02";
  await host.importData({ plan, language, table, mapping, mode: "replace" });
  const check = (await checkWorkbook(host, plan))!;
  const run = runPlan(plan, check, "2024-Q1", "");
  await host.writeOutputs({
    plan,
    language,
    style: "native",
    evaluation: run.evaluation,
    data: run.data,
    feedback: check.feedback,
  });
  return { wb, host, plan, run };
}

function sheetByRole(wb: PreviewWorkbook, role: string) {
  const s = wb.byRole(role as never);
  if (!s) throw new Error(`no ${role} sheet`);
  return { name: s.name, values: wb.values(s.id) };
}

/** Edits a Data cell as a user would: the row of a salesperson and month, the column by header. */
function editData(wb: PreviewWorkbook, id: string, month: string, header: string, value: string) {
  const data = wb.byRole("data")!;
  const v = wb.values(data.id);
  const h = v.findIndex((l) => l.includes("Employee ID"));
  const col = v[h].indexOf(header);
  const row = v.findIndex((l, i) => i > h && l[0] === id && l[3] === month);
  expect(col).toBeGreaterThan(0);
  expect(row).toBeGreaterThan(h);
  wb.enter(data.id, row, col, value);
}

describe("period close through the host", () => {
  it("should freeze the period's scorecard as values under its stamp and log the close", async () => {
    const { wb, host, plan, run } = await workbook();
    const out = (await closeAPeriod(host, {
      period: "2024-Q1",
      by: "Wang Fang",
      language: "en-US",
      style: "native",
      now: new Date("2024-04-05T09:30:00Z"),
    }))!;
    expect(out.written.sheets).toEqual(["Scorecard 2024-Q1", "Close log"]);
    expect(out.blocked).toBe(1);
    const frozen = sheetByRole(wb, "closed_2024_q1");
    expect(frozen.values[1][0]).toContain("Closed by Wang Fang at 2024-04-05 09:30 UTC");
    expect(frozen.values[2][0]).toContain(out.stamp.inputChecksum);
    const frozenMeta = wb.byRole("closed_2024_q1" as never)!;
    const d = wb.dimensions(frozenMeta.id);
    for (let r = 0; r < d.rows; r++)
      for (let c = 0; c < d.columns; c++) expect(wb.cell(frozenMeta.id, r, c).formula).toBeNull();
    const h = frozen.values.findIndex((l) => l[0] === "Employee ID");
    const pay = frozen.values[h].indexOf("Total pay");
    const version = frozen.values[h].indexOf("Plan version");
    for (const r of run.rows) {
      const line = frozen.values.find((l, i) => i > h && l[0] === r.id)!;
      expect(line[pay]).toBe(r.totalPay ?? null);
      expect(line[version]).toBe(plan.version);
    }
    const closing = await loadClosing(host, plan);
    expect([...closing.closed.keys()]).toEqual(["2024-Q1"]);
    expect(closing.log.events[0]).toMatchObject({
      action: "close",
      by: "Wang Fang",
      at: "2024-04-05T09:30:00.000Z",
      planVersion: plan.version,
      inputChecksum: out.stamp.inputChecksum,
      sheet: "Scorecard 2024-Q1",
      people: 24,
    });
    expect(closing.log.people.get(1)).toEqual(out.stamp.personChecksums);
    expect(closing.checks).toEqual([
      expect.objectContaining({ period: "2024-Q1", inputsChanged: false, planChanged: false }),
    ]);
    // the live Scorecard held 2024-Q1 as formulas: it now holds no closed period
    expect(out.live).toEqual(expect.objectContaining({ periods: [] }));
    expect(await host.scorecardPeriods()).toEqual([]);
    await expect(
      closeAPeriod(host, { period: "2024-Q1", by: "x", language: "en-US", style: "native" })
    ).rejects.toThrow("closed already");
  });

  it("should keep a closed period's values when the plan changes, and recompute it with its own plan", async () => {
    const { wb, host, plan } = await workbook();
    await closeAPeriod(host, {
      period: "2024-Q1",
      by: "Wang Fang",
      language: "en-US",
      style: "native",
    });
    const before = sheetByRole(wb, "closed_2024_q1").values;
    const raised: Plan = structuredClone(plan);
    raised.commission.tiers[2].rate = 0.06;
    raised.version = "2024.2";
    await host.writePlan(raised, "en-US");
    expect((await host.readPlan()).plan!.commission.tiers[2].rate).toBe(0.06);
    expect(sheetByRole(wb, "closed_2024_q1").values).toEqual(before);
    const closing = await loadClosing(host, raised);
    expect(closing.checks[0]).toMatchObject({ planChanged: true, inputsChanged: false });
    // statements and catch-up of the closed period use the plan it was closed with
    const st = await writeStatementsFor(host, {
      language: "en-US",
      subjects: [{ id: "S1001", period: "2024-Q1" }],
    });
    expect(st.added).toEqual([{ id: "S1001", period: "2024-Q1" }]);
    const sheet = sheetByRole(wb, "statements").values;
    expect(String(sheet[1][0])).toContain(`version ${plan.version}`);
    expect(String(sheet[2][0])).toContain("Closed period");
    const ytd = await computeYearToDate(host, "2024");
    expect(ytd.periods).toEqual(["2024-Q1"]);
    expect(ytd.rows.length).toBe(24);
    for (const r of ytd.rows) if (r.catchUp !== null) expect(r.catchUp).toBe(0);
  });

  it("should detect an input changed after the close and say whose; a statement for them is refused", async () => {
    const { wb, host, plan } = await workbook();
    await closeAPeriod(host, {
      period: "2024-Q1",
      by: "Wang Fang",
      language: "en-US",
      style: "native",
    });
    editData(wb, "S1003", "2024-02", "Collected (CNY)", "123456");
    editData(wb, "S1010", "2024-01", "Qualified visits", "9");
    const closing = await loadClosing(host, plan);
    expect(closing.checks[0]).toMatchObject({
      period: "2024-Q1",
      inputsChanged: true,
      changed: ["S1003", "S1010"],
      added: [],
      removed: [],
    });
    const st = await writeStatementsFor(host, {
      language: "en-US",
      subjects: [
        { id: "S1003", period: "2024-Q1" },
        { id: "S1004", period: "2024-Q1" },
      ],
    });
    expect(st.skipped).toEqual([
      { subject: { id: "S1003", period: "2024-Q1" }, reason: "inputsChanged" },
    ]);
    expect(st.added).toEqual([{ id: "S1004", period: "2024-Q1" }]);
    // the late correction shows as S1003's catch-up; nobody else's changes
    const ytd = await computeYearToDate(host, "2024");
    const moved = ytd.rows.filter((r) => r.catchUp !== null && r.catchUp !== 0).map((r) => r.id);
    expect(moved).toContain("S1003");
    expect(moved.every((id) => id === "S1003" || id === "S1010")).toBe(true);
  });

  it("should record a reopen, after which the period can be closed again", async () => {
    const { host, plan } = await workbook("zh-CN");
    await closeAPeriod(host, { period: "2024-Q1", by: "王芳", language: "zh-CN", style: "native" });
    await reopenAPeriod(host, {
      period: "2024-Q1",
      by: "王芳",
      note: "S1003 回款更正",
      language: "zh-CN",
      now: new Date("2024-04-06T08:00:00Z"),
    });
    let closing = await loadClosing(host, plan);
    expect(closing.closed.size).toBe(0);
    expect(closing.log.events.map((e) => [e.action, e.note])).toEqual([
      // the close records the period's sign-offs (the setup signs every role)
      [
        "close",
        "已审批：销售经理 Signer（2024-04-08）；人力资源 Signer（2024-04-08）；财务 Signer（2024-04-08）。",
      ],
      ["reopen", "S1003 回款更正"],
    ]);
    await expect(
      reopenAPeriod(host, { period: "2024-Q1", by: "王芳", note: "", language: "zh-CN" })
    ).rejects.toThrow("not closed");
    const again = await closeAPeriod(host, {
      period: "2024-Q1",
      by: "李明",
      language: "zh-CN",
      style: "native",
    });
    expect(again!.written.sheets).toEqual(["评分卡 2024-Q1", "结账记录"]);
    closing = await loadClosing(host, plan);
    expect(closing.closed.get("2024-Q1")!.by).toBe("李明");
    expect(closing.log.events.length).toBe(3);
  });

  it("should refuse to close or reopen over a Close log it cannot read", async () => {
    const { wb, host } = await workbook();
    await closeAPeriod(host, {
      period: "2024-Q1",
      by: "Wang Fang",
      language: "en-US",
      style: "native",
    });
    const log = wb.byRole("close_log")!;
    const v = wb.values(log.id);
    const h = v.findIndex((l) => l[0] === "No.");
    wb.enter(log.id, h + 1, 2, "maybe");
    const err = await reopenAPeriod(host, {
      period: "2024-Q1",
      by: "x",
      note: "",
      language: "en-US",
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe("CloseLogUnreadable");
  });
});

describe("statements on the sheet survive", () => {
  it("should add a statement to those the sheet holds (read back from its index), keeping the user's notes", async () => {
    const { wb, host, run } = await workbook();
    const first = await writeStatementsFor(host, {
      language: "en-US",
      subjects: run.rows
        .filter((r) => r.team === run.rows[0].team)
        .map((r) => ({ id: r.id, period: r.period })),
    });
    const team = first.added.length;
    expect(team).toBeGreaterThan(1);
    expect((await host.readStatements()).map((e) => e.id)).toEqual(first.added.map((s) => s.id));
    // the user writes an improvement plan on the first statement
    const sheet = wb.byRole("statements")!;
    const entries = readStatementsSheet(wb.values(sheet.id)).entries;
    wb.enter(sheet.id, entries[0].row + entries[0].notes, 0, "Visit the top ten accounts monthly");
    // a new pane (nothing remembered) adds one more
    const other = run.rows.find((r) => r.team !== run.rows[0].team)!;
    const out = await writeStatementsFor(host, {
      language: "en-US",
      subjects: [{ id: other.id, period: other.period }],
      options: { confirmReplace: async () => "replace" },
    });
    expect(out.added).toEqual([{ id: other.id, period: other.period }]);
    const after = readStatementsSheet(wb.values(wb.byRole("statements")!.id));
    expect(after.entries.map((e) => e.id)).toEqual([...first.added.map((s) => s.id), other.id]);
    const e0 = after.entries[0];
    expect(wb.values(wb.byRole("statements")!.id)[e0.row + e0.notes][0]).toBe(
      "Visit the top ten accounts monthly"
    );
    // every statement shows its trace's total pay
    const values = wb.values(wb.byRole("statements")!.id);
    for (const e of after.entries) {
      const r = run.rows.find((x) => x.id === e.id)!;
      const t = explain(run.evaluation, r.index);
      const line = values.slice(e.row, e.row + e.rows).find((l) => l[0] === "Total pay")!;
      expect(line[1]).toBe(t.pay.total);
    }
  });

  it("should not silently change statements whose numbers changed: it lists them and updates only when asked", async () => {
    const { wb, host, run } = await workbook();
    const a = run.rows[0];
    await writeStatementsFor(host, {
      language: "en-US",
      subjects: [{ id: a.id, period: a.period }],
    });
    editData(wb, a.id, "2024-01", "Collected (CNY)", "654321");
    const b = run.rows[1];
    const out = await writeStatementsFor(host, {
      language: "en-US",
      subjects: [{ id: b.id, period: b.period }],
    });
    expect(out.result.changed).toEqual([`${a.id} 2024-Q1`]);
    expect(out.added).toEqual([]);
    expect((await host.readStatements()).map((e) => e.id)).toEqual([a.id]);
    const upd = await writeStatementsFor(host, {
      language: "en-US",
      subjects: [{ id: b.id, period: b.period }],
      updateChanged: true,
    });
    expect(upd.added).toEqual([{ id: b.id, period: b.period }]);
    expect((await host.readStatements()).map((e) => e.id)).toEqual([a.id, b.id]);
  });
});

describe("import keeps the columns the user added to the Data sheet", () => {
  async function withNotes() {
    const { wb, host, plan } = await workbook();
    const data = wb.byRole("data")!;
    const v = wb.values(data.id);
    const h = v.findIndex((l) => l.includes("Employee ID"));
    const width = v[h].length;
    wb.enter(data.id, h, width, "Manager note");
    const s1001 = v.findIndex((l, i) => i > h && l[0] === "S1001" && l[3] === "2024-02");
    wb.enter(data.id, s1001, width, "on leave 3 days");
    return { wb, host, plan, data, h, width, s1001 };
  }
  const table = () => {
    const t = parseCsv(fixtureText(), "crm.csv");
    return t;
  };

  it("should keep the column and its values when rows are added below", async () => {
    const { wb, host, plan, data, h, width, s1001 } = await withNotes();
    const t = table();
    const res = await host.importData({
      plan,
      language: "en-US",
      table: t,
      mapping: mapColumns(t, plan).mapping,
      mode: "append",
    });
    expect(res.rows).toBe(73 + 73);
    const v = wb.values(data.id);
    expect(v[h][width]).toBe("Manager note");
    expect(v[s1001][0]).toBe("S1001");
    expect(v[s1001][width]).toBe("on leave 3 days");
    expect(v.filter((l) => l[width] === "on leave 3 days").length).toBe(1);
  });

  it("should move the values with their salesperson and month when the rows are replaced", async () => {
    const { wb, host, plan, data, h, width } = await withNotes();
    const t = table();
    const { mapping } = mapColumns(t, plan);
    t.rows.reverse(); // another order: the values follow S1001's February row
    await host.importData({ plan, language: "en-US", table: t, mapping, mode: "replace" });
    const v = wb.values(data.id);
    expect(v[h][width]).toBe("Manager note");
    const line = v.find((l, i) => i > h && l[0] === "S1001" && l[3] === "2024-02")!;
    expect(line[width]).toBe("on leave 3 days");
  });

  it("should refuse a replace that would lose the user's values, and change nothing", async () => {
    const { wb, host, plan, data } = await withNotes();
    const before = wb.values(data.id);
    const t = table();
    const { mapping } = mapColumns(t, plan);
    t.rows = t.rows.filter((r) => r[mapping.id] !== "S1001");
    const err = await host
      .importData({ plan, language: "en-US", table: t, mapping, mode: "replace" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe("UserColumnsWouldBeLost");
    expect((err as HostError).debugInfo).toEqual({ columns: ["Manager note"], rows: 1 });
    expect(wb.values(data.id)).toEqual(before);
  });

  it("should still read the Data sheet with the user's column as before", async () => {
    const { host, plan } = await withNotes();
    const check = (await checkWorkbook(host, plan))!;
    const rows = scorecardRows(runPlan(plan, check, "2024-Q1", "").evaluation);
    expect(rows.length).toBe(24);
  });
});
