import fc from "fast-check";
import {
  defaultPlan,
  formatIssue,
  mapColumns,
  parseCsv,
  readDataTable,
  type ScorecardRow,
} from "../../src/engine";
import { fromPercentInput, readInputNumber, toPercentInput } from "../../src/taskpane/format";
import { planFileText, readPlanFile } from "../../src/app/planFile";
import {
  checkIssues,
  checkWorkbook,
  evaluationPeriods,
  loadSavedMapping,
  mappingFromHeaders,
  runPlan,
  saveMapping,
  selectReading,
  summarize,
  teamsOf,
} from "../../src/app/workflow";
import { fixtureText, hostWithSampleData } from "../taskpane/support/memoryHost";
import { closeAPeriod, reopenAPeriod } from "../../src/app/closing";
import { appealsSheet, signOffSheet, upheldAppeal } from "../taskpane/support/review";

const plan = defaultPlan();
const table = parseCsv(fixtureText(), "crm.csv");
const reading = readDataTable(table, plan);

function row(partial: Partial<ScorecardRow>, index: number): ScorecardRow {
  return {
    index,
    id: `S${index}`,
    name: `N${index}`,
    team: "T",
    period: "2024-Q1",
    months: 3,
    indicators: [],
    indicatorStatus: [],
    dimensions: [],
    total: null,
    grade: null,
    coefficient: null,
    rank: 0,
    groupSize: 0,
    base: null,
    performanceStandard: null,
    performancePay: null,
    commission: null,
    teamCommission: null,
    bonus: null,
    appeal: 0,
    totalPay: null,
    status: "ok",
    problems: [],
    ...partial,
  };
}

describe("workflow", () => {
  it("should list the evaluation periods and teams the data covers", () => {
    expect(evaluationPeriods(reading.rows, plan)).toEqual(["2024-Q1"]);
    const monthly = { ...plan, periods: { ...plan.periods, evaluation: "month" as const } };
    expect(evaluationPeriods(reading.rows, monthly)).toEqual(["2024-01", "2024-02", "2024-03"]);
    expect(teamsOf(reading.rows)).toHaveLength(4);
  });

  it("should select one team's rows with only their issues", () => {
    const south = selectReading(reading, plan, "2024-Q1", "华南部");
    expect(new Set(south.rows.map((r) => r.team))).toEqual(new Set(["华南部"]));
    const ids = new Set(south.rows.map((r) => r.id));
    expect(south.issues.every((i) => !i.subject || ids.has(i.subject.id))).toBe(true);
    expect(selectReading(reading, plan, "2024-Q2", "").rows).toEqual([]);
  });

  it("should summarise a run: counts, pay, distribution against quotas, ranking", () => {
    const run = runPlan(plan, { data: reading, feedback: { ratings: [], issues: [] } }, "", "");
    const s = summarize(plan, run.rows);
    expect(s.scored + s.blocked).toBe(run.rows.length);
    expect(s.grades.reduce((a, g) => a + g.actual, 0)).toBe(s.scored);
    expect(s.grades.reduce((a, g) => a + g.quota, 0)).toBe(s.scored);
    expect(run.rows[s.ranking[0]].total).toBe(
      Math.max(...run.rows.map((r) => r.total ?? -Infinity))
    );
    // best first, every row with a total once; the problems are the rows that cannot be scored
    const totals = Array.from(s.ranking, (k) => run.rows[k].total!);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(new Set(s.ranking).size).toBe(s.scored);
    expect(Array.from(s.problems, (k) => run.rows[k].status)).toEqual(
      run.rows.filter((r) => r.status === "error").map(() => "error")
    );
    // the run task's own summary is this one
    expect(run.summary).toEqual(s);
    expect(s.teams.reduce((a, t) => a + t.people, 0)).toBe(run.rows.length);
    expect(s.totalPay).toBeCloseTo(
      run.rows.reduce((a, r) => a + (r.totalPay ?? 0), 0),
      2
    );
  });

  it("should allow exactly as many as the quotas' cut-offs over the graded rows of each period (property)", () => {
    const grades = plan.grading.grades.map((g) => g.label);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            grade: fc.constantFrom(...grades, null),
            period: fc.constantFrom("2024-Q1", "2024-Q2"),
          }),
          { maxLength: 60 }
        ),
        (xs) => {
          const rows = xs.map((x, i) =>
            row({ grade: x.grade, total: x.grade ? 80 : null, period: x.period }, i)
          );
          const s = summarize(plan, rows);
          const graded = xs.filter((x) => x.grade !== null).length;
          return (
            s.grades.reduce((a, g) => a + g.quota, 0) === graded &&
            s.grades.every((g) => g.quota >= 0)
          );
        }
      )
    );
  });

  it("should remember a mapping by header text and apply it to another column order", async () => {
    const m = new Map<string, string>();
    const settings = {
      get: (k: string) => m.get(k) ?? null,
      set: async (k: string, v: string) => void m.set(k, v),
    };
    expect(loadSavedMapping(settings)).toBeNull();
    const mapping = mapColumns(table, plan).mapping;
    await saveMapping(settings, table, mapping);
    const reversed = { ...table, header: [...table.header].reverse(), rows: [] };
    const again = mappingFromHeaders(reversed, loadSavedMapping(settings)!);
    for (const [k, i] of Object.entries(mapping))
      expect(reversed.header[again[k]]).toBe(table.header[i]);
    m.set("perf.columnMapping", "{broken");
    expect(loadSavedMapping(settings)).toBeNull();
  });

  it("should read back a saved plan file and refuse what is not a plan", () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    const r = readPlanFile(bytes(planFileText(plan)), "plan.json");
    expect(r).toEqual({ ok: true, plan, issues: [] });
    const list = readPlanFile(bytes("[]"), "plan.json");
    expect(list.ok).toBe(false);
    expect(list.issues.map((i) => formatIssue(i, "en-US"))).toEqual([
      "plan: Must be an object {…}.",
    ]);
    const three = readPlanFile(bytes(JSON.stringify({ ...plan, indicators: 3 })), "plan.json");
    expect(three.ok).toBe(false);
    expect(three.issues.map((i) => formatIssue(i, "zh-CN"))).toEqual([
      "indicators：必须是列表 […]。",
    ]);
  });

  it("should read numbers and percentages as people type them", () => {
    expect(readInputNumber("１２,３４５.６")).toBe(12345.6);
    expect(readInputNumber("12.")).toBe(12);
    expect(readInputNumber("abc")).toBeNull();
    expect(fromPercentInput("55%")).toBe(0.55);
    expect(toPercentInput(0.1 + 0.2)).toBe("30");
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100000 }),
        (n) => fromPercentInput(toPercentInput(n / 1000)) === n / 1000
      )
    );
  });
});

describe("the check of the Appeals and Sign-off sheets", () => {
  const upheld = upheldAppeal(500);
  const CLOSED_EN =
    "Appeals row 2, column G (Status): 2024-Q1 is closed: an upheld appeal changes its pay only after the period is reopened (Close view) and generated again.";
  const CLOSED_ZH =
    "Appeals 第 2 行 G 列（Status）：2024-Q1 已结账：申诉成立后，需先在结账页面重新打开该期间并重新生成，才会调整薪酬。";

  it("should name an appeal upheld on the sheet for a closed period, at its cell, in both languages", async () => {
    const host = hostWithSampleData();
    host.appeals = appealsSheet([upheld]);
    // open: the appeal is read as it stands
    const open = (await checkWorkbook(host, host.plan!))!;
    expect(open.appeals!.issues).toEqual([]);
    await closeAPeriod(host, {
      period: "2024-Q1",
      by: "Wang Fang",
      overrideReason: "sign-off on paper",
      language: "en-US",
      style: "native",
    });
    const closed = (await checkWorkbook(host, host.plan!))!;
    const found = closed.appeals!.issues.filter((i) => i.code === "appealClosedPeriod");
    expect(found.map((i) => [i.severity, i.location])).toEqual([
      ["error", { sheet: "Appeals", row: 2, column: "G", header: "Status" }],
    ]);
    expect(found.map((i) => formatIssue(i, "en-US"))).toEqual([CLOSED_EN]);
    expect(found.map((i) => formatIssue(i, "zh-CN"))).toEqual([CLOSED_ZH]);
    // the data check's list holds it; the appeal is kept (upheld), it blocks no pay
    expect(checkIssues(closed)).toContain(found[0]);
    expect(closed.appeals!.appeals.map((a) => a.status)).toEqual(["upheld"]);
    expect(closed.appeals!.blocked.size).toBe(0);
    // reopened: the appeal counts again and the message goes
    await reopenAPeriod(host, {
      period: "2024-Q1",
      by: "Wang Fang",
      note: "appeal upheld",
      language: "en-US",
    });
    const reopened = (await checkWorkbook(host, host.plan!))!;
    expect(reopened.appeals!.issues).toEqual([]);
  });

  it("should list every input sheet's problems in the data check, the Appeals and Sign-off sheets' last", async () => {
    const host = hostWithSampleData();
    host.appeals = appealsSheet([[...upheld.slice(0, 8), "five hundred", ...upheld.slice(9)]]);
    host.signOff = signOffSheet([["2024-Q1", "Boss", "Wang", "2024-04-08"]]);
    const check = (await checkWorkbook(host, host.plan!))!;
    const all = checkIssues(check);
    expect(all.slice(0, check.data.issues.length)).toEqual(check.data.issues);
    expect(all.slice(-2).map((i) => formatIssue(i, "en-US"))).toEqual([
      'Appeals row 2, column I (Effect on pay): "five hundred" is not an amount: type the effect on pay as a number (e.g. 500 or -200), so that the Scorecard adds it.',
      'Sign-off row 2, column B (Role): "Boss" is not a sign-off role; choose Sales manager (销售经理), HR (人力资源), Finance (财务).',
    ]);
    expect(all.slice(-2).map((i) => formatIssue(i, "zh-CN"))).toEqual([
      "Appeals 第 2 行 I 列（Effect on pay）：“five hundred”不是金额：请把薪酬调整填写为数字（如 500 或 -200），评分卡才能计入。",
      "Sign-off 第 2 行 B 列（Role）：“Boss”不是审批角色，请选择 销售经理、人力资源、财务。",
    ]);
  });
});
