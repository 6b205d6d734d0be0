/**
 * Statements (绩效结果通知单): one printable block per selected salesperson, every number from the
 * engine's explain(); and the sample generator behind the demo and the task pane's "load sample".
 */
import { defaultPlan } from "../../src/engine/plan/defaultPlan";
import { explain } from "../../src/engine/evaluate/explain";
import { scorecardRows } from "../../src/engine/evaluate/rows";
import { buildWorkbook } from "../../src/workbook/build";
import { sheetValues } from "../../src/workbook/grid";
import { generateSample } from "../../src/workbook/sample";
import type { ScorecardTrace } from "../../src/engine/evaluate/explain";
import type { Plan } from "../../src/engine/plan/model";
import type { Evaluation } from "../../src/engine/evaluate/evaluate";
import {
  annualConsequences,
  annualReviewLine,
  type AnnualReviewLine,
} from "../../src/engine/evaluate/review";
import {
  readStatementsSheet,
  statementsLayout,
  statementsSheet,
} from "../../src/workbook/statements";
import { onPlanScale, VARIANTS } from "./support/fixtures";
import { summaryValues } from "../../src/workbook/summary";

const built = buildWorkbook(
  defaultPlan(),
  "zh-CN",
  generateSample({ people: 30, teams: 3, seed: 4 }),
  "native"
);
const ev = built.evaluation;

type Line = (string | number | boolean | null | undefined)[];

/**
 * Every number a statement prints, in reading order (row by row, left to right), as the engine's
 * trace gives it: indicators, dimensions, total, coefficient, pay lines, each commission slice of
 * each month, strengths and gaps. Nothing else on a statement is a number.
 */
/** The annual review line the statement of an evaluation row shows (a year's last period), or null. */
function annualOf(ev: Evaluation, r: number): AnnualReviewLine | null {
  return annualReviewLine(ev, annualConsequences(ev, [], "en-US"), r);
}

function expectedNumbers(
  t: ScorecardTrace,
  plan: Plan,
  annual: AnnualReviewLine | null = null
): number[] {
  const out: (number | null)[] = [];
  for (const d of plan.dimensions)
    for (const i of t.indicators.filter((x) => x.dimension === d.key)) {
      const scored = i.outcome === "scored" || i.outcome === "zeroed";
      out.push(
        i.actual,
        i.target,
        i.attainment,
        scored ? i.score : null,
        i.totalWeight,
        i.contribution
      );
    }
  for (const d of t.dimensions)
    out.push(d.effectiveWeight, d.excluded ? null : d.score, d.contribution);
  out.push(t.total, t.total, t.coefficient.value);
  const lead = t.team.length > 0;
  out.push(t.pay.base, t.pay.performancePay, t.pay.commission);
  if (lead) out.push(t.pay.teamCommission);
  out.push(t.pay.bonus, t.pay.total);
  for (const c of t.commission) {
    if (c.slices.length === 0) out.push(c.amount, c.gross, c.earned, c.net);
    c.slices.forEach((sl, k) => {
      const last = k === c.slices.length - 1;
      out.push(k === 0 ? c.amount : null, sl.tier, sl.rate, sl.commission);
      if (last) out.push(c.earned, c.net);
    });
  }
  // 团队提成 of a lead: each month's team basis and tier slices.
  for (const m of t.team) {
    if (m.slices.length === 0) out.push(m.teamBasis, m.commission);
    m.slices.forEach((sl, k) => {
      out.push(k === 0 ? m.teamBasis : null, sl.tier, sl.rate, sl.commission);
      if (k === m.slices.length - 1) out.push(m.commission);
    });
  }
  for (const k of t.strengths) out.push(t.indicators.find((i) => i.key === k)!.contribution);
  for (const k of t.gaps) out.push(-t.indicators.find((i) => i.key === k)!.shortfall!);
  // the annual review block: annual score and coefficient, the profit share
  if (annual) out.push(annual.total, annual.coefficient, annual.profitShare?.share ?? null);
  return out.filter((v): v is number => v !== null);
}

function printedNumbers(block: Line[]): number[] {
  return block.flatMap((l) => l.slice(0, 8).filter((c): c is number => typeof c === "number"));
}

function blocksOf(cells: Line[], title: string): Line[][] {
  const starts = cells.map((r, i) => (r[0] === title ? i : -1)).filter((i) => i >= 0);
  return starts.map((s, k) => cells.slice(s, k + 1 < starts.length ? starts[k + 1] : cells.length));
}

describe("statementsLayout", () => {
  const picked = [0, 5, 9];
  const layout = statementsLayout(ev, picked, "zh-CN");
  const sheet = layout.sheets[0];
  const cells = sheetValues(sheet);
  const starts = cells.map((r, i) => (r[0] === "绩效结果通知单" ? i : -1)).filter((i) => i >= 0);

  it("should write one block per person on its own A4 portrait page", () => {
    expect(starts.length).toBe(picked.length);
    expect(sheet.print).toMatchObject({
      orientation: "portrait",
      paper: "A4",
      fitToWidth: true,
      rowBreaks: starts.slice(1),
    });
    expect(sheet.print!.area).toEqual({ row: 0, column: 0, rows: cells.length, columns: 8 });
    for (const b of sheet.blocks)
      for (const line of b.cells)
        for (const c of line) expect(typeof c === "object" && c !== null).toBe(false);
  });

  it("should show explain()'s numbers: each indicator's input, target, attainment, score, weight, contribution; total; pay lines", () => {
    picked.forEach((r, k) => {
      const t = explain(ev, r);
      const block = cells.slice(starts[k], k + 1 < starts.length ? starts[k + 1] : cells.length);
      expect(block[3].slice(0, 8)).toEqual([
        "员工编号",
        t.subject.id,
        "姓名",
        t.subject.name,
        "部门",
        t.subject.team,
        "月份",
        // zh-CN: the months of the period without the year (1月、2月、3月)
        t.months.map((m) => `${Number(m.slice(5))}月`).join("、"),
      ]);
      for (const i of t.indicators) {
        const line = block.find((l) => l[1] === i.name.zh)!;
        expect(line.slice(2, 8)).toEqual([
          i.actual,
          i.target,
          i.attainment,
          i.outcome === "excluded" ? "不计入" : i.outcome === "error" ? "无法计算" : i.score,
          i.totalWeight,
          i.contribution,
        ]);
      }
      expect(block.find((l) => l[0] === "总分")!.slice(2, 4)).toEqual([t.total, t.total]);
      expect(block.find((l) => l[0] === "等级")![1]).toBe(t.grade.label ?? "—");
      expect(block.find((l) => l[0] === "绩效系数")![1]).toBe(t.coefficient.value);
      const pay = (label: string) =>
        block
          .filter((l) => l[0] === label)
          .map((l) => l[1])
          .pop();
      expect(pay("基本工资")).toBe(t.pay.base);
      expect(pay("绩效工资")).toBe(t.pay.performancePay);
      expect(pay("销售提成")).toBe(t.pay.commission);
      expect(pay("应发合计")).toBe(t.pay.total);
      // Every commission tier slice of every month.
      const slices = t.commission.flatMap((c) => c.slices.map((s) => s.commission));
      const from = block.findIndex((l) => l[0] === "提成明细（按月、按档）");
      const to = block.findIndex((l) => l[0] === "优势（贡献最大的指标）");
      const written = block
        .slice(from + 2, to)
        .filter((l) => typeof l[2] === "number")
        .map((l) => l[5]);
      expect(written).toEqual(slices);
      expect(block.some((l) => l[0] === "改进计划")).toBe(true);
      expect(block.some((l) => l[0] === "员工签字：" && l[4] === "上级签字：")).toBe(true);
      expect(
        block.filter((l) =>
          t.strengths
            .map((s) => t.indicators.find((i) => i.key === s)!.name.zh)
            .includes(String(l[0]))
        ).length
      ).toBeGreaterThanOrEqual(t.strengths.length);
    });
  });

  it("should print no number that is not the trace's, in the trace's order, for every statement of the run", () => {
    const all = Array.from({ length: ev.periods.frame.n }, (_, r) => r);
    const blocks = blocksOf(
      sheetValues(statementsLayout(ev, all, "en-US").sheets[0]),
      "Performance statement"
    );
    expect(blocks.length).toBe(all.length);
    let numbers = 0;
    all.forEach((r, k) => {
      const t = explain(ev, r);
      const expected = expectedNumbers(t, ev.plan, annualOf(ev, r));
      expect(printedNumbers(blocks[k])).toEqual(expected);
      numbers += expected.length;
      // the rules name their numbers: the band, the standard and coefficient, each month's share
      const rule = (label: string) => String(blocks[k].find((l) => l[0] === label)![2]);
      if (t.grade.rule === "band")
        expect(String(blocks[k].find((l) => l[0] === "Grade")![3])).toContain(
          `≥ ${t.grade.bandMin} is ${t.grade.label}`
        );
      expect(rule("Performance pay")).toBe(
        `standard ${t.pay.performanceStandard ?? "—"} × coefficient ${t.pay.coefficient ?? "—"}`
      );
      for (const m of t.pay.months)
        expect(rule("Base pay")).toContain(
          `${m.period.slice(5)} ${m.share === null ? "—" : `${Math.round(m.share * 1000) / 10}%`}`
        );
    });
    expect(numbers).toBeGreaterThan(all.length * 80);
  });

  it.each(VARIANTS.map((v) => [v.name, v] as const))(
    "should print exactly the trace's numbers with %s",
    (_name, variant) => {
      const plan = variant.plan();
      const b = buildWorkbook(
        plan,
        "en-US",
        onPlanScale(plan, generateSample({ people: 12, teams: 3, seed: 8 })),
        "values"
      );
      const n = b.evaluation.periods.frame.n;
      const rows = [0, Math.floor(n / 2), n - 1];
      const blocks = blocksOf(
        sheetValues(statementsLayout(b.evaluation, rows, "en-US").sheets[0]),
        "Performance statement"
      );
      rows.forEach((r, k) => {
        const t = explain(b.evaluation, r);
        expect(printedNumbers(blocks[k])).toEqual(
          expectedNumbers(t, plan, annualOf(b.evaluation, r))
        );
        if (t.grade.rule === "forced")
          expect(String(blocks[k].find((l) => l[0] === "Grade")![3])).toContain(
            `rank ${t.grade.rank} of ${t.grade.groupSize}`
          );
      });
    }
  );

  it("should print a team lead's team commission line, each month's team basis, tiers and rows summed", () => {
    const plan = VARIANTS.find((v) => v.name.startsWith("team commission"))!.plan();
    const b = buildWorkbook(
      plan,
      "zh-CN",
      generateSample({ people: 12, teams: 3, seed: 8 }),
      "values"
    );
    const pf = b.evaluation.periods.frame;
    const r = pf.ids.findIndex((id, i) => id === "S0003" && pf.periods[i] === "2024-Q1");
    const others = [pf.ids.indexOf("S0001")];
    const cells = sheetValues(statementsLayout(b.evaluation, [r, ...others], "zh-CN").sheets[0]);
    const [lead, other] = blocksOf(cells, "绩效结果通知单");
    const t = explain(b.evaluation, r);
    expect(t.team.map((m) => m.period)).toEqual(["2024-01", "2024-02", "2024-03"]);
    expect(printedNumbers(lead)).toEqual(expectedNumbers(t, plan, annualOf(b.evaluation, r)));
    const line = lead.find((l) => l[0] === "团队提成")!;
    expect(line[1]).toBe(t.pay.teamCommission);
    expect(t.pay.teamCommission).toBeGreaterThan(0);
    expect(String(line[2])).toBe("按月华南一部团队回款合计（含本人）计提，超额累进");
    expect(String(lead.find((l) => l[0] === "应发合计")![2])).toContain("团队提成");
    expect(lead.some((l) => l[0] === "团队提成明细（按月、按档）")).toBe(true);
    const rows = lead.filter((l) => String(l[1] ?? "").startsWith("计入人员："));
    expect(rows).toHaveLength(3);
    for (const id of t.team[0].members.map((m) => m.id)) expect(String(rows[0][1])).toContain(id);
    // Someone who leads no team: no team commission line.
    expect(other.some((l) => l[0] === "团队提成")).toBe(false);
  });

  it("should index each statement in a hidden column outside the print area, and read the index back", () => {
    expect(sheet.columns[8]).toMatchObject({ hidden: true });
    const read = readStatementsSheet(cells);
    expect(read.entries.map((e) => [e.id, e.period, e.row])).toEqual(
      picked.map((r, k) => [ev.periods.frame.ids[r], ev.periods.frame.periods[r], starts[k]])
    );
    read.entries.forEach((e, k) => {
      const end = k + 1 < starts.length ? starts[k + 1] : cells.length;
      expect(e.row + e.rows).toBe(k + 1 < starts.length ? end - 2 : end);
      expect(cells[e.row + e.rows - 1][0]).toBe("员工签字：");
      expect(cells[e.row + e.notes - 1][0]).toBe("改进计划");
      expect(cells[e.row + e.sign][0]).toBe("员工签字：");
      expect(e.planVersion).toBe(ev.plan.version);
    });
    expect(read.notes.size).toBe(0);
    expect(
      readStatementsSheet([["x", null, null, null, null, null, null, null, "perf-statement {"]])
        .entries
    ).toEqual([]);
  });

  it("should keep what was written on the improvement-plan and signature lines when the sheet is written again with another statement", () => {
    const edited = cells.map((l) => [...l]);
    const first = readStatementsSheet(cells).entries[1];
    edited[first.row + first.notes][0] = "Visit the top 10 accounts monthly";
    edited[first.row + first.notes + 2][0] = "=not a formula";
    edited[first.row + first.sign][1] = "严霞敏";
    edited[first.row + first.sign][7] = "2024-04-10";
    const read = readStatementsSheet(edited);
    expect(read.entries.length).toBe(3);
    const items = [...picked, 12].map((r) => ({ plan: ev.plan, trace: explain(ev, r) }));
    const again = sheetValues(statementsSheet(items, "zh-CN", "绩效结果通知单", read.notes));
    const back = readStatementsSheet(again);
    expect(back.entries.map((e) => e.id)).toEqual(items.map((i) => i.trace.subject.id));
    const e = back.entries[1];
    expect(again[e.row + e.notes][0]).toBe("Visit the top 10 accounts monthly");
    expect(again[e.row + e.notes + 2][0]).toBe("=not a formula");
    expect(again[e.row + e.sign].slice(0, 8)).toEqual([
      "员工签字：",
      "严霞敏",
      "日期：",
      null,
      "上级签字：",
      null,
      "日期：",
      "2024-04-10",
    ]);
    // the others have blank lines
    expect(again[back.entries[3].row + back.entries[3].notes][0]).toBeNull();
  });

  it("should say on a closed period's statement when and by whom it was closed", () => {
    const t = explain(ev, 2);
    const closed = sheetValues(
      statementsSheet(
        [{ plan: ev.plan, trace: t, closed: { at: "2024-04-05 10:30", by: "王芳" } }],
        "zh-CN"
      )
    );
    expect(closed[2][0]).toBe("已结账期间 · 2024-04-05 10:30 · 王芳");
    expect(closed[3][0]).toBe("员工编号");
  });

  it("should write in English too", () => {
    const en = sheetValues(statementsLayout(ev, [1], "en-US").sheets[0]);
    expect(en[0][0]).toBe("Performance statement");
    expect(en.some((l) => l[0] === "Total pay")).toBe(true);
  });
});

describe("summaryValues", () => {
  it("should count every graded row once and average over rows that have a number", () => {
    const rows = scorecardRows(ev);
    const v = summaryValues(ev.plan, rows);
    const counted = v.counts.reduce((a, c) => a + c.reduce((x, y) => x + y, 0), 0);
    expect(counted).toBe(rows.filter((r) => r.grade !== null).length);
    const company = v.averages[v.averages.length - 1];
    const totals = rows.map((r) => r.total).filter((t): t is number => t !== null);
    expect(company.total).toBeCloseTo(totals.reduce((a, b) => a + b, 0) / totals.length, 10);
    expect(v.teams).toEqual(
      [...new Set(rows.map((r) => r.team))].sort((a, b) => a.localeCompare(b, "zh-CN"))
    );
  });
});

describe("generateSample", () => {
  const s = generateSample();

  it("should be deterministic and sized as asked (200 people, 8 teams, 12 months by default)", () => {
    expect(generateSample()).toEqual(s);
    expect(new Set(s.rows.map((r) => r.id)).size).toBe(200);
    expect(new Set(s.rows.map((r) => r.team)).size).toBe(8);
    expect(new Set(s.rows.map((r) => r.period))).toEqual(
      new Set(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, "0")}`))
    );
    expect(generateSample({ seed: 1 }).rows[0].values).not.toEqual(s.rows[0].values);
  });

  it("should hold new hires and leavers with partial months, a negative month and its clawback, a missing survey and a missing input", () => {
    const byId = new Map<string, typeof s.rows>();
    for (const r of s.rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
    const partialFirst = [...byId.values()].filter(
      (rs) => rs[0].period !== "2024-01" && rs[0].values.days_worked! < rs[0].values.days_in_period!
    );
    const partialLast = [...byId.values()].filter(
      (rs) =>
        rs[rs.length - 1].period !== "2024-12" &&
        rs[rs.length - 1].values.days_worked! < rs[rs.length - 1].values.days_in_period!
    );
    expect(partialFirst.length).toBe(s.notes.newHires.length);
    expect(partialLast.length).toBe(s.notes.leavers.length);
    expect(s.rows.some((r) => r.values.sales_amount! < 0)).toBe(true);
    expect(s.rows.filter((r) => r.values.clawback !== null).length).toBe(1);
    expect(s.rows.filter((r) => r.values.satisfaction === null).length).toBe(3);
    expect(s.rows.filter((r) => r.values.new_customers === null).length).toBe(1);
    const [who, quarter] = s.notes.no360Quarter.split(" ");
    expect(s.ratings.some((r) => r.id === who && r.period === quarter)).toBe(false);
    expect(s.ratings.some((r) => r.period === "2024")).toBe(true);
  });

  it("should give the demo flagged rows, never scored as zero", () => {
    const demo = buildWorkbook(defaultPlan(), "zh-CN", generateSample({ people: 60 }), "values");
    const rows = scorecardRows(demo.evaluation);
    const flagged = rows.filter((r) => r.status === "error");
    expect(flagged.length).toBeGreaterThan(0);
    for (const r of flagged) {
      expect(r.total).toBeNull();
      expect(r.totalPay).toBeNull();
    }
    expect(rows.filter((r) => r.status === "warning").length).toBeGreaterThan(0);
  });
});
