/**
 * Period close in the workbook: the Close log written and read back (events, per-salesperson
 * checksums, the plan at close in cells under Excel's limit), a closed period's frozen scorecard
 * (values under a stamp, read back as pay lines), and the Year to date sheet.
 */
import {
  closePeriod,
  evaluate,
  mergeYearToDate,
  planChecksum,
  scorecardRows,
  yearToDate,
} from "../../src/engine";
import { defaultPlan } from "../../src/engine/plan/defaultPlan";
import { buildWorkbook } from "../../src/workbook/build";
import {
  closedPeriods,
  closeLogSheet,
  emptyCloseLog,
  frozenScorecardSheet,
  FROZEN_STAMP_ROWS,
  planOf,
  PLAN_PART_CHARS,
  readCloseLog,
  readFrozenScorecard,
  stampOf,
  withEvent,
  type CloseLog,
} from "../../src/workbook/close";
import { sheetValues } from "../../src/workbook/grid";
import { isFormula } from "../../src/workbook/layout";
import { generateSample } from "../../src/workbook/sample";
import { yearToDateSheet } from "../../src/workbook/year-to-date";
import { guaranteePlan, PAY_PLANS, withService } from "./support/payroll-fixtures";

const SAMPLE = generateSample({ people: 8, teams: 2, seed: 21 });
const built = buildWorkbook(defaultPlan(), "zh-CN", SAMPLE, "native");
const rows = built.data.rows.filter((r) => r.period <= "2024-03");
const ratings = built.feedback.ratings;

function stampAt(period: string, by: string, at: string) {
  return closePeriod(defaultPlan(), rows, ratings, period, by, new Date(at));
}

function logWithEvents(): CloseLog {
  const plan = defaultPlan();
  const s = stampAt("2024-Q1", "王芳", "2024-04-05T09:30:00Z");
  let log = withEvent(
    emptyCloseLog(),
    {
      action: "close",
      period: s.period,
      at: s.closedAt,
      by: s.closedBy,
      planName: s.planName,
      planVersion: s.planVersion,
      effectiveDate: plan.effectiveDate,
      planChecksum: s.planChecksum,
      inputChecksum: s.inputChecksum,
      rows: s.rows,
      people: Object.keys(s.personChecksums).length,
      sheet: "评分卡 2024-Q1",
      note: "",
    },
    { people: s.personChecksums, plan }
  );
  log = withEvent(log, {
    action: "reopen",
    period: "2024-Q1",
    at: "2024-04-06T08:00:00.000Z",
    by: "王芳",
    planName: "",
    planVersion: "",
    effectiveDate: "",
    planChecksum: "",
    inputChecksum: "",
    rows: 0,
    people: 0,
    sheet: "",
    note: "S1003 的回款数据更正",
  });
  log = withEvent(
    log,
    { ...log.events[0], at: "2024-04-07T10:00:00.000Z" },
    { people: s.personChecksums, plan }
  );
  return log;
}

describe("Close log", () => {
  it("should write every event and read it back in either language, with the per-salesperson checksums and the plan", () => {
    const log = logWithEvents();
    for (const language of ["zh-CN", "en-US"] as const) {
      const sheet = closeLogSheet(log, language);
      expect(sheet.role).toBe("close_log");
      expect(sheet.name).toBe(language === "zh-CN" ? "结账记录" : "Close log");
      const back = readCloseLog(sheetValues(sheet));
      expect(back.problems).toEqual([]);
      expect(back.log.events).toEqual(log.events);
      expect(back.log.people).toEqual(log.people);
      expect(back.log.plans).toEqual(log.plans);
      expect(planOf(back.log, back.log.events[2])).toEqual(defaultPlan());
    }
  });

  it("should know which periods are closed: the last event of a period decides", () => {
    const log = logWithEvents();
    expect([...closedPeriods(log).keys()]).toEqual(["2024-Q1"]);
    expect(closedPeriods(log).get("2024-Q1")!.no).toBe(3);
    const reopened = withEvent(log, { ...log.events[1], at: "2024-05-01T00:00:00.000Z" });
    expect(closedPeriods(reopened).size).toBe(0);
    const s = stampOf(log, log.events[2]);
    expect(s.personChecksums).toEqual(log.people.get(3));
    expect(s.planChecksum).toBe(planChecksum(defaultPlan()));
  });

  it("should cut a long plan into cells below Excel's 32,767 characters and join it back", () => {
    const plan = defaultPlan();
    for (const f of plan.fields)
      f.aliases = Array.from({ length: 40 }, (_, i) => `${f.key} alias ${i} ${"x".repeat(20)}`);
    const log = withEvent(emptyCloseLog(), { ...logWithEvents().events[0] }, { plan });
    const sheet = closeLogSheet(log, "en-US");
    const cells = sheetValues(sheet).flat();
    const longest = Math.max(...cells.map((c) => (typeof c === "string" ? c.length : 0)));
    expect(longest).toBeLessThanOrEqual(PLAN_PART_CHARS);
    expect(log.plans.get(1)!.length).toBeGreaterThan(2 * PLAN_PART_CHARS);
    expect(planOf(readCloseLog(sheetValues(sheet)).log, log.events[0])).toEqual(plan);
  });

  it("should report what it cannot read instead of guessing", () => {
    expect(readCloseLog([["something else"]]).problems.length).toBe(1);
    const values = sheetValues(closeLogSheet(logWithEvents(), "en-US"));
    const h = values.findIndex((l) => l[0] === "No.");
    values[h + 2][2] = "maybe";
    const back = readCloseLog(values);
    expect(back.problems).toEqual([{ row: h + 2, column: 2, text: "2" }]);
    expect(back.log.events.map((e) => e.no)).toEqual([1, 3]);
  });
});

describe("frozen scorecard", () => {
  const plan = defaultPlan();
  const ev = evaluate(plan, rows, ratings);
  const stamp = stampAt("2024-Q1", "Wang Fang", "2024-04-05T09:30:00Z");
  const sheet = frozenScorecardSheet({
    plan,
    evaluation: ev,
    inputs: { rows, ratings, issues: [] },
    language: "en-US",
    stamp,
  });
  const values = sheetValues(sheet);

  it("should be the period's scorecard as values, on its own sheet, under its stamp", () => {
    expect(sheet.role).toBe("closed_2024_q1");
    expect(sheet.name).toBe("Scorecard 2024-Q1");
    for (const b of sheet.blocks)
      for (const l of b.cells) for (const c of l) expect(isFormula(c)).toBe(false);
    expect(values[0][0]).toBe("Scorecard · 2024-Q1 · closed (values frozen)");
    expect(values[1][0]).toBe(
      `Closed by Wang Fang at 2024-04-05 09:30 UTC · plan “${plan.name.zh}” version ${plan.version} (effective ${plan.effectiveDate})`
    );
    expect(values[2][0]).toContain(stamp.inputChecksum);
    expect(values[2][0]).toContain(stamp.planChecksum);
    expect(values[FROZEN_STAMP_ROWS][0]).toBe("Employee ID");
    expect(sheet.freeze).toEqual({ rows: FROZEN_STAMP_ROWS + 2, columns: 4 });
    expect(sheet.styles.every((s) => s.range.row >= 0)).toBe(true);
  });

  it("should read back as the engine's pay lines of the period", () => {
    const read = readFrozenScorecard(values)!;
    expect(read.periods).toEqual(["2024-Q1"]);
    const engine = scorecardRows(ev);
    expect(read.lines).toEqual(
      engine.map((r) => ({
        id: r.id,
        name: r.name,
        team: r.team,
        period: r.period,
        base: r.totalPay === null ? 0 : r.base,
        performancePay: r.totalPay === null ? 0 : r.performancePay,
        commission: r.totalPay === null ? 0 : r.commission,
        teamCommission: 0,
        guarantee: 0,
        bonus: r.totalPay === null ? 0 : r.bonus,
        appeal: 0,
        totalPay: r.totalPay ?? 0,
      }))
    );
    expect(readFrozenScorecard([["nothing"]])).toBeNull();
  });

  it("should read a Chinese frozen scorecard too", () => {
    const zh = sheetValues(
      frozenScorecardSheet({
        plan,
        evaluation: ev,
        inputs: { rows, ratings, issues: [] },
        language: "zh-CN",
        stamp,
      })
    );
    expect(zh[0][0]).toBe("评分卡 · 2024年第一季度 · 已结账（数值已冻结）");
    expect(readFrozenScorecard(zh)!.lines).toEqual(readFrozenScorecard(values)!.lines);
  });
});

describe("a closed period of a plan with team commission and the new-hire guarantee", () => {
  const plans = [
    ...PAY_PLANS.filter((p) => p.name.startsWith("team commission")),
    // a minimum above what January's hires earn, so their first quarter is topped up
    { name: "guarantee of 40,000, recoverable", plan: () => guaranteePlan(true, 40000) },
  ];
  it.each(plans.map((p) => [p.name, p.plan] as const))(
    "should read back and add up its team commission and guarantee lines (%s)",
    (_, makePlan) => {
      const plan = makePlan();
      const data = withService(SAMPLE);
      const rows = data.rows.filter((r) => r.period <= "2024-06");
      const ev = evaluate(plan, rows, data.ratings);
      const zh = sheetValues(
        frozenScorecardSheet({
          plan,
          evaluation: ev,
          inputs: { rows, ratings: data.ratings, issues: [] },
          language: "zh-CN",
          stamp: stampAt("2024-Q1", "x", "2024-04-01T00:00:00Z"),
        })
      );
      const lines = readFrozenScorecard(zh)!.lines;
      const pp = ev.periodPay;
      const pf = ev.periods.frame;
      let team = 0;
      let guarantee = 0;
      lines.forEach((l) => {
        const r = pf.ids.findIndex((id, i) => id === l.id && pf.periods[i] === l.period);
        if (Number.isNaN(pp.total[r])) return expect(l.totalPay).toBe(0);
        expect(l.teamCommission).toBe(pp.teamCommission[r]);
        expect(l.guarantee).toBeCloseTo(pp.guaranteeTopUp[r] - pp.guaranteeRecovered[r], 9);
        team += l.teamCommission;
        guarantee += l.guarantee;
      });
      expect(team + guarantee).toBeGreaterThan(0);
      // closed with the data as it is: what was paid is what the period gives now, line by line
      const ytd = yearToDate(lines, ev, "2024");
      for (const r of ytd) {
        expect(r.recomputed).not.toBeNull();
        expect(r.recomputed!.teamCommission).toBe(r.paid.teamCommission);
        expect(r.recomputed!.guarantee).toBe(r.paid.guarantee);
        expect(r.catchUp).toBe(0);
      }
      const v = sheetValues(yearToDateSheet(ytd, "2024", ["2024-Q1"], "zh-CN"));
      const h = v.findIndex((l) => l[0] === "员工编号");
      const shown = (t: string) => v[h].findIndex((c) => String(c).startsWith(t));
      const k = shown(plan.commission.team ? "已发：团队提成" : "已发：新人保底");
      expect(k).toBeGreaterThan(0);
      ytd.forEach((r, i) =>
        expect(v[h + 1 + i][k]).toBe(
          plan.commission.team ? r.paid.teamCommission : r.paid.guarantee
        )
      );
    }
  );
});

describe("Year to date sheet", () => {
  it("should show the engine's year to date per salesperson, and the totals", () => {
    const plan = defaultPlan();
    const all = built.data.rows.filter((r) => r.period <= "2024-06");
    const ev = evaluate(plan, all, ratings);
    const lines = readFrozenScorecard(
      sheetValues(
        frozenScorecardSheet({
          plan,
          evaluation: ev,
          inputs: { rows: all, ratings, issues: [] },
          language: "en-US",
          stamp: stampAt("2024-Q1", "x", "2024-04-01T00:00:00Z"),
        })
      )
    )!.lines;
    const ytd = mergeYearToDate([yearToDate(lines, ev, "2024")]);
    const sheet = yearToDateSheet(ytd, "2024", ["2024-Q1", "2024-Q2"], "en-US");
    expect(sheet.role).toBe("year_to_date");
    const v = sheetValues(sheet);
    const h = v.findIndex((l) => l[0] === "Employee ID");
    expect(v[h]).toContain("Catch-up (adjustment)");
    ytd.forEach((r, i) => {
      const l = v[h + 1 + i];
      expect(l.slice(0, 15)).toEqual([
        r.id,
        r.name,
        r.team,
        r.periods.join(", "),
        r.paid.base,
        r.paid.performancePay,
        r.paid.commission,
        r.paid.bonus,
        r.paid.total,
        r.recomputed ? r.recomputed.performancePay : "cannot be recomputed now",
        r.recomputed ? r.recomputed.commission : null,
        r.recomputed ? r.recomputed.total : null,
        r.catchUp,
        r.deferredToDate,
        r.clawbackOutstanding,
      ]);
    });
    const total = v[h + 1 + ytd.length];
    expect(total[0]).toBe("Total");
    expect(total[8]).toBeCloseTo(
      ytd.reduce((a, r) => a + r.paid.total, 0),
      6
    );
  });
});
