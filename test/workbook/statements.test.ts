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
import { statementsLayout } from "../../src/workbook/statements";
import { summaryValues } from "../../src/workbook/summary";

const built = buildWorkbook(
  defaultPlan(),
  "zh-CN",
  generateSample({ people: 30, teams: 3, seed: 4 }),
  "native"
);
const ev = built.evaluation;

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
      expect(block[3]).toEqual([
        "员工编号",
        t.subject.id,
        "姓名",
        t.subject.name,
        "部门",
        t.subject.team,
        "月份",
        t.months.join(", "),
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
      expect(block.some((l) => l[0] === "员工签字：" && l[5] === "上级签字：")).toBe(true);
      expect(
        block.filter((l) =>
          t.strengths
            .map((s) => t.indicators.find((i) => i.key === s)!.name.zh)
            .includes(String(l[0]))
        ).length
      ).toBeGreaterThanOrEqual(t.strengths.length);
    });
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
