/**
 * Period close, statements and year to date in Excel: the pane's host over the Office.js backend
 * on the Excel double. The Close log's stamps (ISO times, hexadecimal checksums, the plan as JSON)
 * come back from Excel exactly as written; a closed period's sheet is marked by its own role; the
 * Statements sheet's hidden index is read back; an input typed into the Data sheet after the close
 * is detected.
 */
import { columnLetter, planChecksum } from "../../src/engine";
import {
  closeAPeriod,
  computeYearToDate,
  loadClosing,
  reopenAPeriod,
  writeStatementsFor,
} from "../../src/app/closing";
import { excelWorkbook, userState } from "./support";

jest.setTimeout(120_000);

describe("period close in Excel (Office.js backend on the Excel double)", () => {
  it("should close, read the Close log back exactly, detect a later input change, reopen, and leave the user's sheets alone", async () => {
    const { d, host, plan, run, user } = await excelWorkbook();
    const out = (await closeAPeriod(host, {
      period: "2024-Q1",
      by: "王芳",
      language: "zh-CN",
      style: "native",
      now: new Date("2024-04-05T09:30:00Z"),
    }))!;
    expect(out.written.sheets).toEqual(["评分卡 2024-Q1", "结账记录"]);
    expect((await host.inspect()).sheets).toMatchObject({
      closed_2024_q1: "评分卡 2024-Q1",
      close_log: "结账记录",
    });
    const closing = await loadClosing(host, plan);
    expect(closing.problems).toEqual([]);
    const e = closing.closed.get("2024-Q1")!;
    expect(e).toMatchObject({
      by: "王芳",
      at: "2024-04-05T09:30:00.000Z",
      planVersion: plan.version,
      effectiveDate: plan.effectiveDate,
      planChecksum: planChecksum(plan),
      inputChecksum: out.stamp.inputChecksum,
    });
    expect(closing.log.people.get(e.no)).toEqual(out.stamp.personChecksums);
    expect(JSON.parse(closing.log.plans.get(e.no)!)).toEqual(plan);
    expect(closing.checks[0]).toMatchObject({ inputsChanged: false, planChanged: false });
    // the frozen sheet holds values only, the engine's pay
    const frozen = await host.readFrozenScorecard("2024-Q1");
    expect(frozen!.map((l) => [l.id, l.totalPay])).toEqual(
      run.rows.map((r) => [r.id, r.totalPay ?? 0])
    );
    const sheet = d.model.mustFindSheet("评分卡 2024-Q1");
    let cells = 0;
    for (const row of sheet.cells.values())
      for (const c of row.values()) {
        expect(c.formula).toBeUndefined();
        cells++;
      }
    expect(cells).toBeGreaterThan(24 * 20);
    // the live Scorecard no longer holds the closed period
    expect(await host.scorecardPeriods()).toEqual([]);

    // HR corrects a collection amount on the Data sheet after the close
    const ytdBefore = await computeYearToDate(host, "2024");
    expect(ytdBefore.rows.every((r) => r.catchUp === null || r.catchUp === 0)).toBe(true);
    const values = await host.readInputs();
    const header = values.data!.header.map(String);
    const col = header.findIndex((h) => h.startsWith("回款"));
    expect(col).toBeGreaterThan(3);
    const row = values.data!.rows.findIndex((r) => r[0] === "S1003" && r[3] === "2024-02");
    expect(row).toBeGreaterThanOrEqual(0);
    const letter = columnLetter(col);
    d.model.type("数据", `${letter}${values.data!.headerRow + 1 + row}`, [[123456]]);
    const after = await loadClosing(host, plan);
    expect(after.checks[0]).toMatchObject({ inputsChanged: true, changed: ["S1003"] });
    const ytd = await computeYearToDate(host, "2024");
    expect(ytd.rows.find((r) => r.id === "S1003")!.catchUp).not.toBe(0);

    await reopenAPeriod(host, {
      period: "2024-Q1",
      by: "王芳",
      note: "回款更正",
      language: "zh-CN",
    });
    const reopened = await loadClosing(host, plan);
    expect(reopened.closed.size).toBe(0);
    expect(reopened.log.events.map((x) => x.action)).toEqual(["close", "reopen"]);
    expect(userState(d)).toEqual(user);
  });

  it("should read the Statements sheet's index back from Excel and add to it", async () => {
    const { host, run } = await excelWorkbook();
    const first = run.rows.slice(0, 3).map((r) => ({ id: r.id, period: r.period }));
    await writeStatementsFor(host, { language: "zh-CN", subjects: first });
    expect((await host.readStatements()).map((e) => e.id)).toEqual(first.map((s) => s.id));
    const next = { id: run.rows[5].id, period: run.rows[5].period };
    const out = await writeStatementsFor(host, { language: "zh-CN", subjects: [next] });
    expect(out.added).toEqual([next]);
    expect((await host.readStatements()).map((e) => e.id)).toEqual(
      [...first, next].map((s) => s.id)
    );
  });
});
