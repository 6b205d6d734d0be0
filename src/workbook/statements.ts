/**
 * Statements (绩效结果通知单): one printable block per salesperson and period, for the evaluation
 * interview — every indicator's input, target, attainment, score, weight and contribution, the
 * dimension and total scores, grade and coefficient with their rules, each pay line with its rule,
 * the commission tier slices month by month, strengths and gaps, and room for the improvement
 * plan and signatures. Values only (a statement is a document), every number from the engine's
 * explain(). A4 portrait, one block per page.
 *
 * The sheet says what it holds: the first row of every block carries, in a hidden column outside
 * the print area, an index entry (`perf-statement {"id":…,"period":…,…}`) with the block's extent
 * and where its improvement-plan and signature lines are. `readStatementsSheet` reads the entries
 * back, with whatever was written on those lines, so a new statement is added to the sheet (the
 * others rewritten as they were asked for, the user's notes kept) instead of replacing it (the
 * index and the reading: statement-index.ts). Before the improvement plan, a statement follows
 * up the plan written on the statement of the period before (statement-followup.ts).
 */
import type { Language } from "../engine/messages";
import { formatIssue } from "../engine/issues";
import type { Plan } from "../engine/plan/model";
import { guaranteeOf } from "../engine/plan/model";
import type { Evaluation } from "../engine/evaluate/evaluate";
import { explain, type ScorecardTrace } from "../engine/evaluate/explain";
import { box, PageWriter } from "./page-writer";
import type { Cell, SheetLayout, StyleSpec, ValidationSpec, WorkbookLayout } from "./layout";
import { sheet as emptySheet } from "./layout";
import type { Words } from "./text";
import { enumText, say, SHEET_NAMES } from "./text";
import { indicatorFormat } from "./data-sheet";
import { localizeMoney, MONEY, moneyHeader } from "./money";
import { periodLabel } from "../engine/periods";
import { shownPeriod, showsPeriodLabels } from "./sheets/context";
import { followUpOf, writeFollowUp, type FollowUp } from "./statement-followup";
import {
  ENTRY_PREFIX,
  NOTE_LINES,
  SIGN_VALUE_COLUMNS,
  STATEMENT_COLUMNS,
  STATEMENT_INDEX_COLUMN,
  statementKey,
  type StatementNotes,
} from "./statement-index";

export {
  changedStatements,
  readStatementsSheet,
  statementKey,
  STATEMENT_INDEX_COLUMN,
} from "./statement-index";
export type { StatementEntry, StatementNotes } from "./statement-index";
import {
  annualConsequences,
  annualReviewLine,
  type AnnualReviewLine,
  type GradeHistoryEntry,
} from "../engine/evaluate/review";
import { writeAnnualReview } from "./statement-annual";
import { appealPayLine, upheld, writeAppeals } from "./statement-appeals";

/** One statement to write: the trace of a salesperson's period and the plan that produced it. */
export interface StatementItem {
  plan: Plan;
  trace: ScorecardTrace;
  /** Set for a closed period: the statement says when and by whom it was closed. */
  closed?: { at: string; by: string };
  /** Set on a year's last period: the annual review (grade, promotion, profit share). */
  annual?: AnnualReviewLine | null;
}

const W = {
  title: { en: "Performance statement", zh: "绩效结果通知单" },
  plan: { en: "Plan", zh: "方案" },
  version: { en: "version", zh: "版本" },
  period: { en: "Period", zh: "考核期间" },
  id: { en: "Employee ID", zh: "员工编号" },
  name: { en: "Name", zh: "姓名" },
  team: { en: "Team", zh: "部门" },
  months: { en: "Months", zh: "月份" },
  indicators: { en: "Indicators", zh: "指标得分" },
  dimension: { en: "Dimension", zh: "维度" },
  indicator: { en: "Indicator", zh: "指标" },
  actual: { en: "Actual", zh: "实际" },
  target: { en: "Target", zh: "目标" },
  attainment: { en: "Attainment", zh: "完成率" },
  score: { en: "Score", zh: "得分" },
  weight: { en: "Weight in total", zh: "总分权重" },
  contribution: { en: "Contribution", zh: "贡献分" },
  excluded: { en: "left out", zh: "不计入" },
  error: { en: "cannot compute", zh: "无法计算" },
  zeroed: { en: "0 (missing)", zh: "0（缺失）" },
  dimensions: { en: "Dimensions", zh: "维度得分" },
  total: { en: "Total score", zh: "总分" },
  grade: { en: "Grade", zh: "等级" },
  coefficient: { en: "Coefficient", zh: "绩效系数" },
  rule: { en: "Rule", zh: "规则" },
  pay: { en: "Pay", zh: "薪酬" },
  amount: { en: "Amount", zh: "金额" },
  base: { en: "Base pay", zh: "基本工资" },
  perfPay: { en: "Performance pay", zh: "绩效工资" },
  commission: { en: "Commission", zh: "销售提成" },
  bonus: { en: "Bonus / adjustments", zh: "奖金/奖惩" },
  totalPay: { en: "Total pay", zh: "应发合计" },
  guaranteeTopUp: { en: "New-hire guarantee top-up", zh: "新人保底补足" },
  guaranteeRecovered: { en: "Guarantee recovered", zh: "保底扣回" },
  tiers: { en: "Commission by month and tier", zh: "提成明细（按月、按档）" },
  teamCommission: { en: "Team commission", zh: "团队提成" },
  teamTiers: { en: "Team commission by month and tier", zh: "团队提成明细（按月、按档）" },
  teamBasis: { en: "Team basis", zh: "团队提成基数" },
  teamMembers: { en: "Rows summed", zh: "计入人员" },
  month: { en: "Month", zh: "月份" },
  basis: { en: "Basis", zh: "提成基数" },
  tier: { en: "Tier", zh: "档位" },
  slice: { en: "Slice", zh: "区间" },
  rate: { en: "Rate", zh: "比例" },
  earned: { en: "Earned", zh: "应计" },
  paid: { en: "Paid", zh: "实发" },
  strengths: { en: "Strengths (largest contributions)", zh: "优势（贡献最大的指标）" },
  gaps: { en: "Gaps (largest shortfalls against weight)", zh: "差距（按权重计的最大差距）" },
  status: { en: "Notes", zh: "说明" },
  plan2: { en: "Improvement plan", zh: "改进计划" },
  employeeSign: { en: "Employee signature:", zh: "员工签字：" },
  managerSign: { en: "Manager signature:", zh: "上级签字：" },
  date: { en: "Date:", zh: "日期：" },
  closed: { en: "Closed period", zh: "已结账期间" },
} as const satisfies Record<string, Words>;

const PCT = "0.0%";
const SCORE = "0.00";
const COLUMNS = STATEMENT_COLUMNS;
/** Widths of columns A–H (characters). */
const COLUMN_WIDTHS = [14, 22, 13, 17, 10, 10, 10, 11];
/** The follow-up block's width; a carried line's text sits in B–H, merged, a message in A–H. */
const FOLLOW_UP_SIZES = {
  columns: COLUMNS,
  text: COLUMN_WIDTHS.slice(1).reduce((a, b) => a + b, 0),
  message: COLUMN_WIDTHS.reduce((a, b) => a + b, 0),
};

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

/** Statements for evaluation rows (indexes into the evaluation's periods), one sheet. */
export function statementsLayout(
  ev: Evaluation,
  rows: readonly number[],
  language: Language,
  name = say(SHEET_NAMES.statements, language),
  gradeHistory: readonly GradeHistoryEntry[] = []
): WorkbookLayout {
  const rv = annualConsequences(ev, gradeHistory, language);
  const items = rows.map((r) => ({
    plan: ev.plan,
    trace: explain(ev, r),
    annual: annualReviewLine(ev, rv, r),
  }));
  return { language, sheets: [statementsSheet(items, language, name)] };
}

/** The Statements sheet being written, block after block, row by row. */
export class StatementWriter extends PageWriter {
  readonly validations: ValidationSpec[] = [];

  constructor(language: Language) {
    super(language, COLUMNS);
  }

  /** A period as the statement shows it: its label in zh-CN (2024年第一季度), else its key. */
  period(key: string): string {
    return shownPeriod(key, this.language);
  }

  /** A table's header; `money`: the columns holding amounts (their header gets the unit). */
  header(cells: Words[], money: number[] = []): void {
    this.g.line(
      this.row,
      0,
      cells.map((c, i) =>
        money.includes(i) ? moneyHeader(this.say(c), this.language) : this.say(c)
      )
    );
    this.styles.push({
      range: box(this.row, 0, 1, cells.length),
      bold: true,
      fill: "#F2F2F2",
      wrap: true,
    });
    this.row++;
  }

  line(cells: Cell[], formats?: (string | null)[]): void {
    this.g.line(this.row, 0, cells, formats);
    this.row++;
  }

  /** A line across the block, merged, styled. */
  banner(text: string, style: Omit<StyleSpec, "range">): void {
    this.g.set(this.row, 0, text);
    this.styles.push({ range: box(this.row, 0, 1, COLUMNS), ...style });
    this.merges.push(box(this.row, 0, 1, COLUMNS));
  }
}

/**
 * The Statements sheet for these statements, in this order; `kept` gives, by statementKey, what
 * the user had written on a statement's improvement-plan and signature lines.
 */
export function statementsSheet(
  items: readonly StatementItem[],
  language: Language,
  name = say(SHEET_NAMES.statements, language),
  kept: ReadonlyMap<string, StatementNotes> = new Map()
): SheetLayout {
  const w = new StatementWriter(language);
  const onSheet = new Set(
    items.map((i) => statementKey(i.trace.subject.id, i.trace.subject.period))
  );
  items.forEach((item, n) => {
    if (n > 0) w.breaks.push(w.row);
    const s = item.trace.subject;
    const follow = followUpOf(
      s.id,
      s.period,
      (id, period) => onSheet.has(statementKey(id, period)),
      (id, period) => kept.get(statementKey(id, period))
    );
    writeStatement(w, item, kept, follow);
    w.row += 2;
  });
  const s = emptySheet("statements", name, "output");
  s.blocks.push(w.g.block());
  s.styles = w.styles;
  s.merges = w.merges;
  s.validations = w.validations;
  if (w.heights.length) s.rowHeights = w.heights;
  s.columns = [...COLUMN_WIDTHS.map((width) => ({ width })), { width: 8, hidden: true }];
  s.print = {
    area: { row: 0, column: 0, rows: Math.max(1, w.g.height), columns: COLUMNS },
    orientation: "portrait",
    paper: "A4",
    rowBreaks: w.breaks,
    fitToWidth: true,
  };
  s.tabColor = "#808080";
  return localizeMoney(s, language);
}

/** One statement's block, with its index entry in the hidden column of its first row. */
function writeStatement(
  w: StatementWriter,
  item: StatementItem,
  kept: ReadonlyMap<string, StatementNotes>,
  follow: FollowUp | null
): void {
  const { plan, trace: t, closed } = item;
  const start = w.row;
  writeTop(w, t, closed);
  writeIndicators(w, plan, t);
  writeDimensions(w, t);
  writeGradeAndCoefficient(w, t);
  writePay(w, plan, t);
  if (upheld(t).length > 0) writeAppeals(w, t);
  writeCommission(w, t);
  if (t.team.length > 0) writeTeamCommission(w, t);
  writeStrengthsAndGaps(w, t);
  if (item.annual) writeAnnualReview(w, item.annual);
  const followed = follow
    ? writeFollowUp(w, t.subject.id, follow, start, FOLLOW_UP_SIZES)
    : undefined;
  const { notes, sign } = writeNotesAndSignatures(
    w,
    kept.get(statementKey(t.subject.id, t.subject.period)),
    start
  );
  const entry = {
    id: t.subject.id,
    period: t.subject.period,
    version: t.plan.version,
    rows: w.row - start,
    notes,
    sign,
    ...(followed ? { follow: followed } : {}),
  };
  w.g.set(start, STATEMENT_INDEX_COLUMN, ENTRY_PREFIX + JSON.stringify(entry));
}

/** Title, plan and period, the closed stamp, and who it is for. */
function writeTop(w: StatementWriter, t: ScorecardTrace, closed: StatementItem["closed"]): void {
  w.banner(w.say(W.title), { bold: true, fontSize: 16, horizontal: "center" });
  w.row++;
  w.banner(
    `${say(t.plan.name, w.language)} · ${w.say(W.version)} ${t.plan.version} · ${w.say(W.period)} ${w.period(t.subject.period)}`,
    { italic: true, horizontal: "center", fontColor: "#595959" }
  );
  w.row++;
  if (closed)
    w.banner(`${w.say(W.closed)} · ${closed.at} · ${closed.by}`, {
      horizontal: "center",
      fontColor: "#595959",
    });
  w.row++;
  w.line([
    w.say(W.id),
    t.subject.id,
    w.say(W.name),
    t.subject.name,
    w.say(W.team),
    t.subject.team,
    w.say(W.months),
    // zh-CN: 1月, 2月, 3月 (the year is in the title line; the cell is one column wide)
    showsPeriodLabels(w.language)
      ? t.months.map((m) => periodLabel(m, w.language).replace(/^\d{4}年/, "")).join("、")
      : t.months.join(", "),
  ]);
  w.styles.push({ range: box(w.row - 1, 0, 1, COLUMNS), border: "bottom" });
  for (const c of [0, 2, 4, 6]) w.styles.push({ range: box(w.row - 1, c, 1, 1), bold: true });
  w.row++;
}

function writeIndicators(w: StatementWriter, plan: Plan, t: ScorecardTrace): void {
  w.heading(W.indicators);
  w.header([
    W.dimension,
    W.indicator,
    W.actual,
    W.target,
    W.attainment,
    W.score,
    W.weight,
    W.contribution,
  ]);
  for (const d of plan.dimensions) {
    const inds = t.indicators.filter((i) => i.dimension === d.key);
    inds.forEach((i, k) => {
      const outcome =
        i.outcome === "excluded"
          ? w.say(W.excluded)
          : i.outcome === "error"
            ? w.say(W.error)
            : null;
      w.line(
        [
          k === 0 ? say(d.name, w.language) : null,
          say(i.name, w.language),
          i.actual,
          i.target,
          i.attainment,
          outcome ?? i.score,
          i.totalWeight,
          i.contribution,
        ],
        [null, null, indicatorFormat(i.unit), indicatorFormat(i.unit), PCT, SCORE, PCT, SCORE]
      );
    });
  }
  w.row++;
}

function writeDimensions(w: StatementWriter, t: ScorecardTrace): void {
  w.heading(W.dimensions);
  w.header([W.dimension, W.weight, W.score, W.contribution]);
  for (const d of t.dimensions) {
    w.line(
      [
        say(d.name, w.language),
        d.effectiveWeight,
        d.excluded ? w.say(W.excluded) : (d.score ?? w.say(W.error)),
        d.contribution,
      ],
      [null, PCT, SCORE, SCORE]
    );
  }
  w.line([w.say(W.total), null, t.total, t.total], [null, null, SCORE, SCORE]);
  w.styles.push({ range: box(w.row - 1, 0, 1, 4), bold: true, border: "top" });
  w.row++;
}

/** The grade and the coefficient, each with the rule that gave it. */
function writeGradeAndCoefficient(w: StatementWriter, t: ScorecardTrace): void {
  const gr = t.grade;
  const gradeRule =
    gr.rule === "band"
      ? w.say({
          en: `total ≥ ${gr.bandMin} is ${gr.label}`,
          zh: `总分 ≥ ${gr.bandMin} 为 ${gr.label}`,
        })
      : gr.rule === "forced"
        ? w.say({
            en: `forced distribution: rank ${gr.rank} of ${gr.groupSize}`,
            zh: `强制分布：组内第 ${gr.rank} 名，共 ${gr.groupSize} 人`,
          })
        : w.say({ en: "no grade", zh: "无等级" });
  w.line([
    w.say(W.grade),
    gr.label ?? "—",
    w.say(W.rule),
    gradeRule + (gr.name ? ` (${say(gr.name, w.language)})` : ""),
  ]);
  w.merges.push(box(w.row - 1, 3, 1, COLUMNS - 3));
  const co = t.coefficient;
  const coRule =
    co.rule === "grade"
      ? w.say({ en: `grade ${co.grade ?? "—"}`, zh: `按等级 ${co.grade ?? "—"}` })
      : w.say({
          en: `matrix: attainment ${co.attainment === null ? "—" : pct(co.attainment)} (row ≥ ${co.rowThreshold ?? "—"}), collection ${co.collection === null ? "—" : pct(co.collection)} (column ≥ ${co.columnThreshold ?? "—"})`,
          zh: `矩阵：完成率 ${co.attainment === null ? "—" : pct(co.attainment)}（行 ≥ ${co.rowThreshold ?? "—"}），回款率 ${co.collection === null ? "—" : pct(co.collection)}（列 ≥ ${co.columnThreshold ?? "—"}）`,
        });
  w.line([w.say(W.coefficient), co.value, w.say(W.rule), coRule], [null, "0.00", null, null]);
  w.merges.push(box(w.row - 1, 3, 1, COLUMNS - 3));
  w.styles.push({ range: box(w.row - 2, 0, 2, 1), bold: true });
  w.row++;
}

/** The new-hire guarantee's pay lines with their rules (none without the guarantee). */
function guaranteeLines(plan: Plan, p: ScorecardTrace["pay"]): [Words, number | null, Words][] {
  if (p.guaranteeTopUp === null) return [];
  const g = guaranteeOf(plan);
  const lines: [Words, number | null, Words][] = [
    [
      W.guaranteeTopUp,
      p.guaranteeTopUp,
      {
        en: `months of service 1–${g.months} topped up to ${g.minimum}`,
        zh: `在职第 1–${g.months} 个月应发不足 ${g.minimum} 的补足`,
      },
    ],
  ];
  if (p.guaranteeRecovered !== null && g.recoverable)
    lines.push([
      W.guaranteeRecovered,
      p.guaranteeRecovered,
      {
        en: "earlier top-ups recovered from the months' commission (deducted)",
        zh: "从各月提成中扣回以前的保底补足（扣减）",
      },
    ]);
  return lines;
}

/** The total pay's rule: the lines it adds, the team commission and the guarantee where there are. */
function totalRule(t: ScorecardTrace): Words {
  const team = t.team.length > 0;
  const g = t.pay.guaranteeTopUp !== null;
  const en = [
    "base",
    "performance pay",
    "commission",
    ...(team ? ["team commission"] : []),
    "bonus",
  ];
  const appeal = upheld(t).length > 0;
  if (appeal) en.push("appeal adjustment");
  const zh = [
    "基本工资",
    "绩效工资",
    "销售提成",
    ...(team ? ["团队提成"] : []),
    "奖金",
    ...(appeal ? ["申诉调整"] : []),
  ];
  return {
    en: `${en.join(" + ")}${g ? " + guarantee top-up − guarantee recovered" : ""}, rounded to the cent`,
    zh: `${zh.join(" + ")}${g ? " + 保底补足 − 保底扣回" : ""}，四舍五入到分`,
  };
}

/** Each pay line with its rule. */
function writePay(w: StatementWriter, plan: Plan, t: ScorecardTrace): void {
  w.heading(W.pay);
  w.header([W.pay, W.amount, W.rule], [1]);
  const p = t.pay;
  const c = plan.commission;
  const shares = p.months
    .map((m) => `${m.period.slice(5)} ${m.share === null ? "—" : pct(m.share)}`)
    .join(", ");
  const payLines: [Words, number | null, Words][] = [
    [
      W.base,
      p.base,
      {
        en: `base salary × share of month worked (${shares})`,
        zh: `基本工资 × 出勤比例（${shares}）`,
      },
    ],
    [
      W.perfPay,
      p.performancePay,
      {
        en: `standard ${p.performanceStandard ?? "—"} × coefficient ${p.coefficient ?? "—"}`,
        zh: `绩效工资基数 ${p.performanceStandard ?? "—"} × 绩效系数 ${p.coefficient ?? "—"}`,
      },
    ],
    [
      W.commission,
      p.commission,
      {
        en: `${enumText("basis", c.basis, "en-US")} per month, ${enumText("commissionMethod", c.method, "en-US")} tiers, ${pct(c.paidShare)} paid in the month, less clawbacks`,
        zh: `按月${enumText("basis", c.basis, "zh-CN")}计提，${enumText("commissionMethod", c.method, "zh-CN")}，当月发放 ${pct(c.paidShare)}，扣除追回`,
      },
    ],
    ...teamPayLine(plan, t),
    [W.bonus, p.bonus, { en: "one-off adjustments of the months", zh: "各月奖惩调整合计" }],
    ...appealPayLine(t),
    ...guaranteeLines(plan, p),
    [W.totalPay, p.total, totalRule(t)],
  ];
  for (const [label, v, rule] of payLines) {
    w.line([w.say(label), v, w.say(rule)], [null, MONEY, null]);
    w.merges.push(box(w.row - 1, 2, 1, COLUMNS - 2));
  }
  w.styles.push({ range: box(w.row - 1, 0, 1, 2), bold: true, border: "top" });
  w.row++;
}

/** 团队提成's pay line, for a lead (a statement of anyone else has none). */
function teamPayLine(plan: Plan, t: ScorecardTrace): [Words, number | null, Words][] {
  const team = plan.commission.team;
  if (t.team.length === 0 || !team) return [];
  const name = t.team[0].team;
  const own = team.includeOwn;
  return [
    [
      W.teamCommission,
      t.pay.teamCommission,
      {
        en: `${enumText("basis", plan.commission.basis, "en-US")} of ${name} per month${own ? ", own included" : ", own left out"}, ${enumText("commissionMethod", team.method, "en-US")} team tiers`,
        zh: `按月${name}团队${enumText("basis", plan.commission.basis, "zh-CN")}合计${own ? "（含本人）" : "（不含本人）"}计提，${enumText("commissionMethod", team.method, "zh-CN")}`,
      },
    ],
  ];
}

/** A lead's team commission month by month: the rows summed, one line per tier slice. */
function writeTeamCommission(w: StatementWriter, t: ScorecardTrace): void {
  w.heading(W.teamTiers);
  w.header([W.month, W.teamBasis, W.tier, W.slice, W.rate, W.amount, W.teamCommission]);
  for (const m of t.team) {
    if (m.slices.length === 0)
      w.line(
        [
          m.period,
          m.teamBasis,
          null,
          m.status === "ok" ? "—" : w.say(W.error),
          null,
          null,
          m.commission,
        ],
        [null, MONEY, null, null, null, null, MONEY]
      );
    m.slices.forEach((sl, k) =>
      w.line(
        [
          k === 0 ? m.period : null,
          k === 0 ? m.teamBasis : null,
          sl.tier,
          `${sl.from.toLocaleString("en-US")} – ${sl.to === null ? "∞" : sl.to.toLocaleString("en-US")}`,
          sl.rate,
          sl.commission,
          k === m.slices.length - 1 ? m.commission : null,
        ],
        [null, MONEY, "0", null, "0.00%", MONEY, MONEY]
      )
    );
    // The rows summed, as text: who and how much (the numbers of the line above add them up).
    const members = m.members
      .map(
        (x) =>
          `${x.id} ${x.amount === null ? "—" : x.amount.toLocaleString("en-US", { minimumFractionDigits: 2 })}`
      )
      .join(w.language === "zh-CN" ? "；" : "; ");
    w.line([null, `${w.say(W.teamMembers)}${w.language === "zh-CN" ? "：" : ": "}${members}`]);
    w.merges.push(box(w.row - 1, 1, 1, COLUMNS - 1));
  }
  w.row++;
}

/** The commission month by month, one line per tier slice. */
function writeCommission(w: StatementWriter, t: ScorecardTrace): void {
  w.heading(W.tiers);
  w.header(
    [W.month, W.basis, W.tier, W.slice, W.rate, W.commission, W.earned, W.paid],
    [1, 5, 6, 7]
  );
  for (const c of t.commission) {
    if (c.slices.length === 0) {
      w.line(
        [
          w.period(c.period),
          c.amount,
          null,
          c.status === "ok" ? "—" : w.say(W.error),
          null,
          c.gross,
          c.earned,
          c.net,
        ],
        [null, MONEY, null, null, null, MONEY, MONEY, MONEY]
      );
      continue;
    }
    c.slices.forEach((sl, k) => {
      const last = k === c.slices.length - 1;
      w.line(
        [
          k === 0 ? w.period(c.period) : null,
          k === 0 ? c.amount : null,
          sl.tier,
          `${sl.from.toLocaleString("en-US")} – ${sl.to === null ? "∞" : sl.to.toLocaleString("en-US")}`,
          sl.rate,
          sl.commission,
          last ? c.earned : null,
          last ? c.net : null,
        ],
        [null, MONEY, "0", null, "0.00%", MONEY, MONEY, MONEY]
      );
    });
  }
  w.row++;
}

/** Strengths, gaps, and the problems of the row if any. */
function writeStrengthsAndGaps(w: StatementWriter, t: ScorecardTrace): void {
  const indicator = (key: string) => t.indicators.find((x) => x.key === key)!;
  w.heading(W.strengths);
  for (const k of t.strengths) {
    const i = indicator(k);
    w.line([say(i.name, w.language), null, i.contribution], [null, null, SCORE]);
  }
  w.heading(W.gaps);
  for (const k of t.gaps) {
    const i = indicator(k);
    w.line(
      [say(i.name, w.language), null, i.shortfall === null ? null : -i.shortfall],
      [null, null, SCORE]
    );
  }
  if (t.problems.length) {
    w.heading(W.status);
    for (const issue of t.problems) {
      w.banner(formatIssue(issue, w.language), { wrap: true, fontColor: "#C00000" });
      w.row++;
    }
  }
  w.row++;
}

/**
 * The improvement-plan lines and the signature line, with what the user had written on them;
 * their offsets from the block's first row.
 */
function writeNotesAndSignatures(
  w: StatementWriter,
  own: StatementNotes | undefined,
  start: number
): { notes: number; sign: number } {
  w.heading(W.plan2);
  const notes = w.row - start;
  for (let k = 0; k < NOTE_LINES; k++) {
    const written = own?.notes[k] ?? [];
    for (let c = 0; c < COLUMNS; c++) if (written[c] != null) w.g.set(w.row, c, written[c]);
    w.styles.push({ range: box(w.row, 0, 1, COLUMNS), border: "bottom", wrap: true });
    w.merges.push(box(w.row, 0, 1, COLUMNS));
    w.row++;
  }
  w.row++;
  const sign = w.row - start;
  w.line([
    w.say(W.employeeSign),
    null,
    w.say(W.date),
    null,
    w.say(W.managerSign),
    null,
    w.say(W.date),
    null,
  ]);
  SIGN_VALUE_COLUMNS.forEach((c, k) => {
    const v = own?.sign[k];
    if (v != null) w.g.set(w.row - 1, c, v);
  });
  for (const c of [0, 2, 4, 6]) w.styles.push({ range: box(w.row - 1, c, 1, 1), bold: true });
  return { notes, sign };
}
