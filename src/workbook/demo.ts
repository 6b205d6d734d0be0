/**
 * The demo workbook and its engine results: the template filled with the generated sample
 * (200 salespeople in 8 teams over 12 months by default), its scorecard, commission, annual,
 * summary, pay list, statements and target letters (目标责任书) of the latest period, and a JSON of the engine's results per salesperson and period with the
 * cell each number sits in (for the LibreOffice check). Pure except for the file writing in
 * scripts/demo.ts.
 */
import type { Language } from "../engine/messages";
import { defaultPlan } from "../engine/plan/defaultPlan";
import { reviewDefaults, type Plan } from "../engine/plan/model";
import type { GradeHistoryEntry } from "../engine/evaluate/review";
import { rng } from "./random";
import { annualRows, monthRows, scorecardRows } from "../engine/evaluate/rows";
import { columnLetter } from "./a1";
import { buildWorkbook, type BuiltWorkbook } from "./build";
import type { FormulaStyle } from "./formula";
import { isFormula } from "./layout";
import { orNull } from "../engine/numeric";
import { T } from "./sheets/context";
import { PAY_LIST_WORDS } from "./sheets/paylist";
import { moneyHeader } from "./money";
import { usesSeedFields } from "../engine/plan/seedPlan";
import { generateSample, withSeedFields, type SampleOptions } from "./sample";
import { monthKey, parsePeriodKey } from "../engine/periods";
import { trackingKey } from "./sheets/tracking";
import type { ScorecardTrace } from "../engine/evaluate/explain";
import { say } from "./text";
import { appealCells, signOffCells } from "./sheets/appeals";
import type { Scalar } from "./layout";

export const DEMO_SAMPLE: Required<SampleOptions> = {
  people: 200,
  teams: 8,
  year: 2024,
  months: 12,
  seed: 2024,
};

export interface DemoOptions {
  language?: Language;
  style?: FormulaStyle;
  sample?: SampleOptions;
  plan?: Plan;
}

/**
 * The demo's plan: the default plan with a profit-share pool of 1,000,000 a year (分红) beside
 * its default promotion rule (A or better two years running, no period below C). Every other
 * number is the default plan's, so the default plan's results are the demo's.
 */
export function demoPlan(): Plan {
  const plan = defaultPlan();
  return {
    ...plan,
    review: {
      ...reviewDefaults(plan.grading),
      profitShare: { enabled: true, pool: 1_000_000, decimals: 2 },
    },
  };
}

/**
 * The demo's Grade history (历年评级): the year before the sample's, one grade per salesperson
 * drawn from the grades (mostly A and B), and every 23rd salesperson left out — so the Annual
 * sheet shows recommendations, refusals and "grade missing" alike.
 */
export function demoGradeHistory(
  plan: Plan,
  sample: { rows: readonly { id: string; name: string; period: string }[] },
  seed = 2023
): Omit<GradeHistoryEntry, "row">[] {
  const draw = rng(seed);
  const labels = plan.grading.grades.map((g) => g.label);
  const weights = [0.15, 0.35, 0.3, 0.15, 0.05];
  const seen = new Map<string, { name: string; year: number }>();
  for (const r of sample.rows)
    if (!seen.has(r.id)) seen.set(r.id, { name: r.name, year: Number(r.period.slice(0, 4)) - 1 });
  const out: Omit<GradeHistoryEntry, "row">[] = [];
  let i = 0;
  for (const [id, p] of seen) {
    const u = draw();
    if (i++ % 23 === 22) continue;
    let acc = 0;
    let k = 0;
    while (k < labels.length - 1 && u > (acc += weights[k] ?? 0)) k++;
    out.push({ id, name: p.name, year: p.year, grade: labels[k] });
  }
  return out;
}

export function buildDemo(options: DemoOptions = {}): BuiltWorkbook {
  const plan = options.plan ?? demoPlan();
  const sampleOptions = { ...DEMO_SAMPLE, ...options.sample };
  const generated = generateSample(sampleOptions);
  // the seed plan's extra measures come from their own draws: the default demo stays the same
  const sample = usesSeedFields(plan) ? withSeedFields(generated, sampleOptions.seed) : generated;
  const language = options.language ?? "zh-CN";
  const records = {
    ...sample,
    gradeHistory: demoGradeHistory(plan, sample),
    ...demoReview(sample.rows, language),
  };
  return buildWorkbook(plan, language, records, options.style ?? "native", {
    statements: "latest",
    tracking: demoTracking(sample.rows, language),
    // the first team's interviews of the quarter before, whose plans the latest statements follow up
    previousStatements: {
      team: sample.rows[0].team,
      plan: (t) => demoImprovementPlan(t, language),
    },
    letters: "latest",
  });
}

/** The demo's month of tracking (the last quarter's middle month) with a couple of feedback notes. */
function demoTracking(
  rows: readonly { id: string; period: string }[],
  language: Language
): { months: string[]; notes: Map<string, string> } {
  const months = [...new Set(rows.map((r) => r.period))].sort();
  const last = months[months.length - 1] ?? "";
  const p = parsePeriodKey(last);
  // the middle month of the last quarter the data reaches (or its only month so far)
  const month = p
    ? months.find((m) => m === monthKey(p.year, p.index - ((p.index - 1) % 3) + 1))
    : undefined;
  const pick = month ?? last;
  const ids = [...new Set(rows.filter((r) => r.period === pick).map((r) => r.id))].slice(0, 2);
  const texts =
    language === "zh-CN"
      ? ["本月签约偏慢，已约定每周复盘重点客户", "回款进度正常，继续保持"]
      : [
          "Signing is slow this month: weekly review of key accounts agreed",
          "Collections on pace: keep it up",
        ];
  return {
    months: pick ? [pick] : [],
    notes: new Map(ids.map((id, k) => [trackingKey(id, pick), texts[k]])),
  };
}

/**
 * What the demo's interviewer wrote as a salesperson's improvement plan: a line for each of the
 * two largest gaps of the statement, and the training.
 */
export function demoImprovementPlan(t: ScorecardTrace, language: Language): string[] {
  const name = (key: string) => say(t.indicators.find((i) => i.key === key)!.name, language);
  const zh = language === "zh-CN";
  return [
    ...t.gaps
      .slice(0, 2)
      .map((k) =>
        zh
          ? `提升「${name(k)}」：与上级每周复盘，下季度末达到目标`
          : `Raise ${name(k)}: a weekly review with the manager, on target by the end of next quarter`
      ),
    zh ? "参加产品知识培训并通过考试" : "Take the product knowledge training and pass its test",
  ];
}

/**
 * The demo's appeals and sign-off (绩效申诉与审批): in the latest quarter, one appeal upheld with an
 * amount (the first salesperson's) and one rejected (the second's), and the quarter signed off by
 * the sales manager, HR and finance.
 */
export function demoReview(
  rows: readonly { id: string; name: string; period: string }[],
  language: Language
): { appeals: Scalar[][]; signOffs: Scalar[][] } {
  const latest = rows.reduce((m, r) => (r.period > m ? r.period : m), "");
  const period = `${latest.slice(0, 4)}-Q${Math.ceil(Number(latest.slice(5, 7)) / 3)}`;
  const people = [...new Map(rows.map((r) => [r.id, r.name])).entries()].sort();
  if (people.length < 2 || !latest) return { appeals: [], signOffs: [] };
  const zh = language === "zh-CN";
  const [[a, an], [b, bn]] = people;
  const decided = {
    period,
    decidedBy: zh ? "王经理" : "Wang (sales manager)",
    decidedOn: `${period.slice(0, 4)}-12-28`,
  };
  const appeals = [
    appealCells(
      {
        ...decided,
        no: `${period}-01`,
        id: a,
        name: an,
        subject: zh ? "新签客户数" : "New customers",
        reason: zh
          ? "12 月签约的一位新客户未录入 CRM"
          : "A new customer signed in December was not entered in the CRM",
        status: "upheld",
        decision: zh
          ? "核实合同后补记该客户，补发绩效工资"
          : "Contract checked: the customer counts; performance pay made up",
        amount: 860,
      },
      language
    ),
    appealCells(
      {
        ...decided,
        no: `${period}-02`,
        id: b,
        name: bn,
        subject: zh ? "回款金额" : "Collections",
        reason: zh
          ? "客户付款在 1 月初到账，应计入本季度"
          : "The customer's payment arrived in early January and should count this quarter",
        status: "rejected",
        decision: zh
          ? "回款按到账日期计入，维持原结果"
          : "Collections count on the day they arrive: the result stands",
        amount: 0,
      },
      language
    ),
  ];
  const date = `${Number(period.slice(0, 4)) + 1}-01-05`;
  const signOffs = (
    [
      ["manager", zh ? "王经理" : "Wang"],
      ["hr", zh ? "李娜" : "Li Na"],
      ["finance", zh ? "赵会计" : "Zhao"],
    ] as const
  ).map(([role, name]) => signOffCells({ period, role, name, date }, language));
  return { appeals, signOffs };
}

/** Where a number is: sheet name and A1 cell. */
export interface CellAt {
  sheet: string;
  cell: string;
}

type Num = number | null;

export interface DemoResults {
  plan: { name: string; version: string };
  language: Language;
  sample: SampleOptions;
  /** Per salesperson and evaluation period. */
  periods: {
    id: string;
    name: string;
    team: string;
    period: string;
    total: Num;
    grade: string | null;
    coefficient: Num;
    base: Num;
    performanceStandard: Num;
    performancePay: Num;
    commission: Num;
    bonus: Num;
    totalPay: Num;
    status: string;
    /** Sheet row (1-based) on the Scorecard. */
    row: number;
  }[];
  /** Per salesperson and month: the commission ledger and the month's pay lines. */
  months: {
    id: string;
    month: string;
    basis: Num;
    gross: Num;
    earned: Num;
    paidNow: Num;
    deferred: Num;
    clawback: number;
    recovered: Num;
    balance: number;
    commission: Num;
    base: Num;
    performanceStandard: Num;
    adjustment: number;
    row: number;
  }[];
  /** Per salesperson and complete year. */
  annual: {
    id: string;
    year: string;
    total: Num;
    grade: string | null;
    coefficient: Num;
    bonusStandard: number;
    bonus: Num;
    settlement: Num;
    outstandingClawback: Num;
    payout: Num;
    row: number;
  }[];
  /** Per salesperson and pay month: the pay list (工资表). */
  paylist: {
    id: string;
    month: string;
    base: Num;
    performancePay: Num;
    commission: Num;
    clawedBack: Num;
    deferred: Num;
    bonus: Num;
    settlement: Num;
    adjustment: Num;
    gross: Num;
    row: number;
  }[];
  /** Column letters of each result on its sheet. */
  columns: {
    sheet: string;
    role: "scorecard" | "commission" | "annual" | "paylist";
    columns: Record<string, string>;
  }[];
  /** Every formula cell of the output sheets, with the engine's value (null: "" or an error). */
  formulaCells: number;
}

function headerColumns(
  built: BuiltWorkbook,
  role: "scorecard" | "commission" | "annual" | "paylist",
  headerRow: number,
  wanted: Record<string, string>
): { sheet: string; columns: Record<string, string> } | null {
  const s = built.layout.sheets.find((x) => x.role === role);
  if (!s) return null;
  const header = s.blocks[0].cells[headerRow] ?? [];
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries(wanted)) {
    // a money column's header carries its unit in zh-CN (money.ts)
    const i = header.findIndex((h) => h === text || h === moneyHeader(text, built.layout.language));
    if (i >= 0) out[key] = columnLetter(i);
  }
  return { sheet: s.name, columns: out };
}

/** The engine's pay list, one line per salesperson and pay month (the Pay list's rows). */
function payListResults(built: BuiltWorkbook): DemoResults["paylist"] {
  const P = built.evaluation.payroll;
  const f = P.frame;
  return Array.from({ length: f.n }, (_, m) => ({
    id: f.ids[m],
    month: f.periods[m],
    base: orNull(P.base[m]),
    performancePay: orNull(P.performancePay[m]),
    commission: orNull(P.commission[m]),
    clawedBack: orNull(P.clawedBack[m]),
    deferred: orNull(P.deferred[m]),
    bonus: orNull(P.bonus[m]),
    settlement: orNull(P.settlement[m]),
    adjustment: orNull(P.adjustment[m]),
    gross: orNull(P.gross[m]),
    row: m + 2,
  }));
}

/** Where each result's column sits on its sheet, found by its header. */
function resultColumns(
  built: BuiltWorkbook,
  h: (en: string, zh: string) => string
): DemoResults["columns"] {
  const columns: DemoResults["columns"] = [];
  const scCols = headerColumns(built, "scorecard", 0, {
    total: h("Total score", "总分"),
    grade: h("Grade", "等级"),
    coefficient: h("Coefficient", "绩效系数"),
    base: h("Base pay", "基本工资"),
    performanceStandard: h("Performance pay standard", "绩效工资基数"),
    performancePay: h("Performance pay", "绩效工资"),
    commission: h("Commission", "销售提成"),
    bonus: h("Bonus / adjustments", "奖金/奖惩"),
    totalPay: h("Total pay", "应发合计"),
  });
  if (scCols) columns.push({ role: "scorecard", ...scCols });
  const cmCols = headerColumns(built, "commission", 0, {
    gross: h("Tiered commission", "阶梯提成"),
    earned: h("Earned", "应计提成"),
    paidNow: h("Paid this month", "当月发放"),
    deferred: h("Deferred", "递延"),
    clawback: h("Clawback", "退款追回"),
    recovered: h("Recovered", "本月追回"),
    balance: h("Clawback owed (closing)", "期末待追回"),
    commission: h("Commission paid", "实发提成"),
    base: h("Base pay", "基本工资"),
    performanceStandard: h("Performance standard", "绩效工资基数"),
    adjustment: h("Adjustment", "奖惩调整"),
  });
  if (cmCols) columns.push({ role: "commission", ...cmCols });
  const anCols = headerColumns(built, "annual", 0, {
    total: h("Total score", "总分"),
    grade: h("Grade", "等级"),
    coefficient: h("Coefficient", "绩效系数"),
    bonusStandard: h("Bonus standard", "奖金基数"),
    bonus: h("Annual bonus", "年度奖金"),
    settlement: h("Deferred commission settled", "递延提成结算"),
    outstandingClawback: h("Clawback still owed", "仍待追回"),
    payout: h("Year-end payout", "年终发放合计"),
  });
  if (anCols) columns.push({ role: "annual", ...anCols });
  const W = PAY_LIST_WORDS;
  const plCols = headerColumns(built, "paylist", 0, {
    base: h(T.base.en, T.base.zh),
    performancePay: h(W.perfPay.en, W.perfPay.zh),
    commission: h(W.commission.en, W.commission.zh),
    clawedBack: h(W.clawedBack.en, W.clawedBack.zh),
    deferred: h(W.deferred.en, W.deferred.zh),
    bonus: h(W.bonus.en, W.bonus.zh),
    settlement: h(W.settlement.en, W.settlement.zh),
    adjustment: h(W.adjustment.en, W.adjustment.zh),
    gross: h(W.gross.en, W.gross.zh),
  });
  if (plCols) columns.push({ role: "paylist", ...plCols });
  return columns;
}

/** The engine's results of a built demo, with where each sits. */
export function demoResults(built: BuiltWorkbook, sample: SampleOptions): DemoResults {
  const ev = built.evaluation;
  const lang = built.layout.language;
  const sc = scorecardRows(ev);
  const mr = monthRows(ev);
  const ar = annualRows(ev).filter((r) => r.yearComplete);
  const zh = lang === "zh-CN";
  const h = (en: string, zhText: string) => (zh ? zhText : en);
  const columns = resultColumns(built, h);
  let formulaCells = 0;
  for (const s of built.layout.sheets) {
    if (!["scorecard", "commission", "annual", "summary", "months", "paylist"].includes(s.role))
      continue;
    for (const b of s.blocks)
      for (const line of b.cells) for (const c of line) if (isFormula(c)) formulaCells++;
  }
  return {
    plan: {
      name: built.evaluation.plan.name[zh ? "zh" : "en"],
      version: built.evaluation.plan.version,
    },
    language: lang,
    sample,
    periods: sc.map((r, i) => ({
      id: r.id,
      name: r.name,
      team: r.team,
      period: r.period,
      total: r.total,
      grade: r.grade,
      coefficient: r.coefficient,
      base: r.base,
      performanceStandard: r.performanceStandard,
      performancePay: r.performancePay,
      commission: r.commission,
      bonus: r.bonus,
      totalPay: r.totalPay,
      status: r.status,
      row: i + 3,
    })),
    months: mr.map((r, i) => ({
      id: r.id,
      month: r.period,
      basis: r.basis,
      gross: r.grossCommission,
      earned: r.earned,
      paidNow: r.paidNow,
      deferred: r.deferred,
      clawback: r.clawback,
      recovered: r.recovered,
      balance: r.clawbackBalance,
      commission: r.commission,
      base: r.base,
      performanceStandard: r.performanceStandard,
      adjustment: r.adjustment,
      row: i + 2,
    })),
    annual: ar.map((r, i) => ({
      id: r.id,
      year: r.year,
      total: r.total,
      grade: r.grade,
      coefficient: r.coefficient,
      bonusStandard: r.bonusStandard,
      bonus: r.bonus,
      settlement: r.settlement,
      outstandingClawback: r.outstandingClawback,
      payout: r.payout,
      row: i + 2,
    })),
    paylist: payListResults(built),
    columns,
    formulaCells,
  };
}
