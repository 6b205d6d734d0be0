/**
 * Target letters (目标责任书): one printable block per salesperson and period, written at the
 * start of the period — the indicators with their weights, period targets (and where each comes
 * from) and scoring rules, the commission tiers and grade bands, the month's sales targets and pay
 * standards, the pay at 80%, 100% and 120% attainment with the assumptions it rests on, and the
 * salesperson's and manager's signature lines. Values only: the figures are the engine's
 * (src/engine/evaluate/letters.ts), printed as an offer. A4 portrait, one block per page.
 *
 * Like the Statements sheet, the first row of every block carries an index entry in a hidden
 * column outside the print area (`perf-letter {"id":…,"period":…,…}`), so the add-in reads back
 * which letters the sheet holds and what was written on their signature lines, and keeps both
 * when it writes again.
 */
import type { CellInput } from "../engine/coerce";
import type { Language } from "../engine/messages";
import type { Unit } from "../engine/plan/model";
import type { TargetLetter } from "../engine/evaluate/letters";
import { periodLabel } from "../engine/periods";
import { box, indexEntry, PageWriter, scalar } from "./page-writer";
import type { Cell, Scalar, SheetLayout, StyleSpec } from "./layout";
import { sheet as emptySheet } from "./layout";
import type { Words } from "./text";
import { enumText, say, SHEET_NAMES } from "./text";
import { indicatorFormat } from "./data-sheet";
import { localizeMoney, MONEY, moneyHeader } from "./money";
import { shownPeriod, showsPeriodLabels } from "./sheets/context";

/** Where a letter sits on the sheet (0-based rows), as its index entry says. */
export interface LetterEntry {
  id: string;
  period: string;
  planVersion: string;
  row: number;
  rows: number;
  /** Offset from `row` of the first signature line (the second follows it). */
  sign: number;
}

export function letterKey(id: string, period: string): string {
  return id + "\u0000" + period;
}

/** The hidden column (I) that holds each block's index entry. */
export const LETTER_INDEX_COLUMN = 8;
const ENTRY_PREFIX = "perf-letter ";
const COLUMNS = 8;
/** The signature cells: [line offset, column] — name and date of the salesperson, then the manager. */
const SIGN_CELLS: [number, number][] = [
  [0, 2],
  [0, 6],
  [1, 2],
  [1, 6],
];
/** Column widths (characters) of A–H. */
const WIDTHS = [15, 22, 14, 14, 14, 15, 30, 13];
/** How many characters of text a column of a width holds (proportional fonts fit more than its width). */
const fits = (width: number) => Math.floor(width * 1.2);
/** Characters of the print width (columns A–H), for the height of wrapped lines. */
const LINE_CHARS = fits(WIDTHS.reduce((a, b) => a + b, 0));

const W = {
  title: { en: "Target letter", zh: "目标责任书" },
  version: { en: "version", zh: "版本" },
  period: { en: "Period", zh: "考核期间" },
  id: { en: "Employee ID", zh: "员工编号" },
  name: { en: "Name", zh: "姓名" },
  team: { en: "Team", zh: "部门" },
  months: { en: "Months", zh: "月份" },
  indicators: { en: "Indicators, weights and targets", zh: "考核指标、权重与目标" },
  dimension: { en: "Dimension", zh: "维度" },
  indicator: { en: "Indicator", zh: "指标" },
  weight: { en: "Weight in dimension", zh: "维度内权重" },
  totalWeight: { en: "Weight in total", zh: "总分权重" },
  target: { en: "Period target", zh: "本期目标" },
  targetFrom: { en: "Target from", zh: "目标来源" },
  rule: { en: "Scoring rule", zh: "评分规则" },
  scores: { en: "Score at 80 / 100 / 120%", zh: "80/100/120% 时得分" },
  fromData: { en: "Data sheet", zh: "数据表" },
  fromDefault: { en: "plan default", zh: "方案默认" },
  noTarget: { en: "no target", zh: "无目标" },
  legend: {
    en: "Attainment = actual ÷ target (target ÷ actual where lower is better). Weight in total = dimension weight × weight in dimension. A plan default target of amounts and counts is per month (× the months of the period).",
    zh: "完成率 = 实际 ÷ 目标（越低越好的指标为 目标 ÷ 实际）。总分权重 = 维度权重 × 维度内权重。金额与数量类指标的方案默认目标按月计（× 本期月数）。",
  },
  standards: { en: "Monthly targets and pay standards", zh: "各月目标与薪酬标准" },
  item: { en: "Item", zh: "项目" },
  periodTotal: { en: "Period", zh: "本期合计" },
  salesTarget: { en: "Sales target", zh: "销售目标" },
  baseSalary: { en: "Base salary", zh: "基本工资" },
  perfStandard: { en: "Performance-pay standard", zh: "绩效工资基数" },
  tiers: { en: "Commission tiers (per month)", zh: "提成阶梯（按月）" },
  tier: { en: "Tier", zh: "档位" },
  from: { en: "From", zh: "起点" },
  to: { en: "To", zh: "止点" },
  rate: { en: "Rate", zh: "比例" },
  grades: { en: "Grades and coefficients", zh: "等级与绩效系数" },
  grade: { en: "Grade", zh: "等级" },
  gradeName: { en: "Meaning", zh: "含义" },
  minScore: { en: "Total from", zh: "总分下限" },
  coefficient: { en: "Coefficient", zh: "绩效系数" },
  scenarios: {
    en: "Pay at 80%, 100% and 120% attainment",
    zh: "完成 80%、100%、120% 时的薪酬测算",
  },
  attainment: { en: "Attainment", zh: "完成率" },
  totalScore: { en: "Total score", zh: "总分" },
  basis: { en: "Commission basis", zh: "提成基数" },
  base: { en: "Base pay", zh: "基本工资" },
  perfPay: { en: "Performance pay", zh: "绩效工资" },
  commission: { en: "Commission", zh: "销售提成" },
  totalPay: { en: "Total pay", zh: "应发合计" },
  assumptions: { en: "What the figures assume", zh: "测算假设" },
  accept: {
    en: "I have read the targets, rules and pay above and accept them for this period.",
    zh: "本人已阅读并认可上述本期目标、规则与薪酬测算。",
  },
  salesSign: { en: "Salesperson:", zh: "销售人员签字：" },
  managerSign: { en: "Manager:", zh: "上级签字：" },
  date: { en: "Date:", zh: "日期：" },
} as const satisfies Record<string, Words>;

const PCT = "0.0%";
const SCORE = "0.00";

function pct(x: number): string {
  return `${Math.round(x * 10000) / 100}%`;
}

/** Printed width of a text in characters (a CJK character takes about 1.7). */
function textWidth(s: string, cjk = 1.7): number {
  let w = 0;
  for (const ch of s) w += /[\u2E80-\uFFFF]/.test(ch) ? cjk : 1;
  return w;
}

/** The Target letters sheet being written, block after block, row by row. */
class LetterWriter extends PageWriter {
  constructor(language: Language) {
    super(language, COLUMNS);
  }

  /** A table's header at a column; `money`: header cells that get the money unit. */
  header(column: number, cells: Words[], money: number[] = [], tall = false): void {
    this.g.line(
      this.row,
      column,
      cells.map((c, i) =>
        money.includes(i) ? moneyHeader(this.say(c), this.language) : this.say(c)
      )
    );
    this.styles.push({
      range: box(this.row, column, 1, cells.length),
      bold: true,
      fill: "#F2F2F2",
      wrap: true,
    });
    if (tall) this.heights.push({ row: this.row, rows: 1, points: 30 });
  }

  line(cells: Cell[], formats?: (string | null)[], column = 0): void {
    this.g.line(this.row, column, cells, formats);
  }

  /** A line of text across the block, merged and wrapped, as tall as its text needs. */
  banner(text: string, style: Omit<StyleSpec, "range"> = {}): void {
    this.g.set(this.row, 0, text);
    this.styles.push({ range: box(this.row, 0, 1, COLUMNS), wrap: true, ...style });
    this.merges.push(box(this.row, 0, 1, COLUMNS));
    const lines = Math.ceil(textWidth(text) / LINE_CHARS);
    if (lines > 1) this.heights.push({ row: this.row, rows: 1, points: 15 * lines });
    this.row++;
  }
}

/** The Target letters sheet for these letters, in this order, keeping what was written on their signature lines. */
export function targetLettersSheet(
  letters: readonly TargetLetter[],
  language: Language,
  name = say(SHEET_NAMES.target_letters, language),
  kept: ReadonlyMap<string, Scalar[]> = new Map()
): SheetLayout {
  const w = new LetterWriter(language);
  letters.forEach((letter, n) => {
    if (n > 0) w.breaks.push(w.row);
    writeLetter(w, letter, kept.get(letterKey(letter.subject.id, letter.subject.period)));
    w.row += 2;
  });
  const s = emptySheet("target_letters", name, "output");
  s.blocks.push(w.g.block());
  s.styles = w.styles;
  s.merges = w.merges;
  s.rowHeights = w.heights;
  s.columns = [...WIDTHS.map((width) => ({ width })), { width: 8, hidden: true }];
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

/** One letter's block, with its index entry in the hidden column of its first row. */
function writeLetter(w: LetterWriter, l: TargetLetter, sign: Scalar[] | undefined): void {
  const start = w.row;
  writeTop(w, l);
  writeIndicators(w, l);
  writeStandards(w, l);
  writeTiersAndGrades(w, l);
  writeScenarios(w, l);
  const signAt = writeSignatures(w, sign) - start;
  const entry = {
    id: l.subject.id,
    period: l.subject.period,
    version: l.plan.version,
    rows: w.row - start,
    sign: signAt,
  };
  w.g.set(start, LETTER_INDEX_COLUMN, ENTRY_PREFIX + JSON.stringify(entry));
}

function writeTop(w: LetterWriter, l: TargetLetter): void {
  w.banner(w.say(W.title), { bold: true, fontSize: 16, horizontal: "center", wrap: false });
  w.heights.push({ row: w.row - 1, rows: 1, points: 24 });
  w.banner(
    `${w.say(l.plan.name)} · ${w.say(W.version)} ${l.plan.version} · ${w.say(W.period)} ${shownPeriod(l.subject.period, w.language)}`,
    { italic: true, horizontal: "center", fontColor: "#595959" }
  );
  const months = showsPeriodLabels(w.language)
    ? l.months.map((m) => periodLabel(m.period, w.language).replace(/^\d{4}年/, "")).join("、")
    : l.months.map((m) => m.period).join(", ");
  w.line([
    w.say(W.id),
    l.subject.id,
    w.say(W.name),
    l.subject.name,
    w.say(W.team),
    l.subject.team,
    w.say(W.months),
    months,
  ]);
  w.styles.push({ range: box(w.row, 0, 1, COLUMNS), border: "bottom" });
  for (const c of [0, 2, 4, 6]) w.styles.push({ range: box(w.row, c, 1, 1), bold: true });
  w.row += 2;
}

/** An indicator's target as printed: its number in the indicator's format, or "no target". */
function targetCell(
  w: LetterWriter,
  target: number | null,
  unit: Unit
): { value: Cell; format: string | null } {
  if (target === null) return { value: w.say(W.noTarget), format: null };
  return { value: target, format: unit === "currency" ? MONEY : indicatorFormat(unit) };
}

function scoresText(scores: (number | null)[]): string {
  return scores.map((s) => (s === null ? "—" : String(Math.round(s * 10) / 10))).join(" / ");
}

function writeIndicators(w: LetterWriter, l: TargetLetter): void {
  w.heading(W.indicators);
  w.header(
    0,
    [W.dimension, W.indicator, W.weight, W.totalWeight, W.target, W.targetFrom, W.rule, W.scores],
    [],
    true
  );
  w.row++;
  let dimension = "";
  for (const i of l.indicators) {
    const t = targetCell(w, i.target, i.unit);
    const from =
      i.targetSource === "data"
        ? w.say(W.fromData)
        : i.targetSource === "default"
          ? `${w.say(W.fromDefault)}${i.targetMonths > 1 ? ` ${i.targetDefault} × ${i.targetMonths}` : ""}`
          : "—";
    w.line(
      [
        i.dimension !== dimension ? w.say(i.dimensionName) : null,
        w.say(i.name),
        i.weight,
        i.effectiveWeight,
        t.value,
        from,
        w.say(i.rule),
        scoresText(i.scores),
      ],
      [null, null, PCT, PCT, t.format, null, null, null]
    );
    const shown = dimension;
    dimension = i.dimension;
    const rule = w.say(i.rule);
    const lines = Math.max(
      // the rule column errs on the tall side: a clipped rule is worse than a blank line
      Math.ceil(textWidth(rule, 2) / WIDTHS[6]),
      Math.ceil(textWidth(w.say(i.name)) / fits(WIDTHS[1])),
      Math.ceil(textWidth(from) / fits(WIDTHS[5])),
      i.dimension !== shown ? Math.ceil(textWidth(w.say(i.dimensionName)) / fits(WIDTHS[0])) : 1
    );
    w.styles.push({ range: box(w.row, 0, 1, COLUMNS), wrap: true, vertical: "top" });
    if (lines > 1) w.heights.push({ row: w.row, rows: 1, points: 15 * lines + 2 });
    w.row++;
  }
  w.styles.push({
    range: box(w.row - l.indicators.length, 7, l.indicators.length, 1),
    horizontal: "right",
  });
  w.banner(w.say(W.legend), { italic: true, fontColor: "#595959" });
  w.row++;
}

/** Each month's sales target, base salary and performance-pay standard, and the period's. */
function writeStandards(w: LetterWriter, l: TargetLetter): void {
  w.heading(W.standards);
  const months = l.months.map((m) => ({
    en: m.period,
    zh: periodLabel(m.period, "zh-CN").replace(/^\d{4}年/, ""),
  }));
  w.g.set(w.row, 0, w.say(W.item));
  w.merges.push(box(w.row, 0, 1, 2));
  w.header(2, [...months, W.periodTotal]);
  w.styles.push({ range: box(w.row, 0, 1, 2), bold: true, fill: "#F2F2F2" });
  w.row++;
  const rows: [Words, (m: TargetLetter["months"][number]) => number | null][] = [
    [W.salesTarget, (m) => m.salesTarget],
    [W.baseSalary, (m) => m.baseSalary],
    [W.perfStandard, (m) => m.performancePay],
  ];
  for (const [label, of] of rows) {
    const vs = l.months.map(of);
    const total = vs.every((v) => v !== null) ? vs.reduce((a, b) => a! + b!, 0) : null;
    w.g.set(w.row, 0, moneyHeader(w.say(label), w.language));
    w.merges.push(box(w.row, 0, 1, 2));
    w.line([...vs, total], vs.map(() => MONEY).concat(MONEY), 2);
    w.row++;
  }
  w.row++;
}

/** The commission tiers (left) beside the grade bands and coefficients (right). */
function writeTiersAndGrades(w: LetterWriter, l: TargetLetter): void {
  const c = l.commission;
  w.g.set(w.row, 0, w.say(W.tiers));
  w.g.set(w.row, 4, w.say(W.grades));
  w.styles.push({
    range: box(w.row, 0, 1, COLUMNS),
    bold: true,
    fill: "#DDEBF7",
    border: "bottom",
  });
  w.merges.push(box(w.row, 0, 1, 4), box(w.row, 4, 1, 4));
  w.row++;
  const attain = c.boundType === "attainment";
  w.header(0, [W.tier, W.from, W.to, W.rate], attain ? [] : [1, 2]);
  w.header(4, [W.grade, W.gradeName, W.minScore, W.coefficient]);
  w.row++;
  const bound = attain ? PCT : MONEY;
  const n = Math.max(c.tiers.length, l.grades.length);
  for (let k = 0; k < n; k++) {
    const t = c.tiers[k];
    if (t) {
      const next = c.tiers[k + 1];
      w.line(
        [k + 1, t.from, next ? next.from : "∞", t.rate],
        [null, bound, next ? bound : null, "0.00%"]
      );
      w.styles.push({ range: box(w.row, 0, 1, 1), horizontal: "left" });
    }
    const g = l.grades[k];
    if (g) {
      w.line([g.label, w.say(g.name), g.min, g.coefficient], [null, null, "0", "0.00"], 4);
      w.styles.push({ range: box(w.row, 4, 1, 1), horizontal: "center" });
    }
    w.row++;
  }
  const basis = enumText("basis", c.basis, w.language);
  const method = enumText("commissionMethod", c.method, w.language);
  const en = [
    `Each month, on ${basis} amounts, ${method} tiers${attain ? " (bounds as attainment of the month's sales target)" : ""}`,
    c.gate.minAttainment !== null ? `none below ${pct(c.gate.minAttainment)} attainment` : null,
    c.gate.minGrade !== null ? `none below grade ${c.gate.minGrade}` : null,
    c.capPerMonth !== null ? `at most ${c.capPerMonth.toLocaleString("en-US")} a month` : null,
    `${pct(c.paidShare)} paid in the month`,
  ];
  const zh = [
    `按月以${basis}额计提，${method}${attain ? "（档位按当月销售目标完成率）" : ""}`,
    c.gate.minAttainment !== null ? `完成率低于 ${pct(c.gate.minAttainment)} 不计提` : null,
    c.gate.minGrade !== null ? `等级低于 ${c.gate.minGrade} 不计提` : null,
    c.capPerMonth !== null ? `每月最多 ${c.capPerMonth.toLocaleString("en-US")}` : null,
    `当月发放 ${pct(c.paidShare)}`,
  ];
  w.banner(
    w.language === "zh-CN"
      ? zh.filter(Boolean).join("；") + "。"
      : en.filter(Boolean).join("; ") + ".",
    { italic: true, fontColor: "#595959" }
  );
  w.row++;
}

function writeScenarios(w: LetterWriter, l: TargetLetter): void {
  w.heading(W.scenarios);
  const s = l.scenarios;
  w.g.set(w.row, 0, w.say(W.attainment));
  w.merges.push(box(w.row, 0, 1, 2));
  w.styles.push({ range: box(w.row, 0, 1, 2 + s.length), bold: true, fill: "#F2F2F2" });
  w.line(
    s.map((x) => x.attainment),
    s.map(() => "0%"),
    2
  );
  w.row++;
  const money = (v: (x: (typeof s)[number]) => number | null): [(number | null)[], string] => [
    s.map(v),
    MONEY,
  ];
  const lines: [Words, Cell[], string | null, boolean][] = [
    [W.totalScore, s.map((x) => x.total), SCORE, false],
    [W.grade, s.map((x) => x.grade ?? "—"), null, false],
    [W.coefficient, s.map((x) => x.coefficient), "0.00", false],
    [W.basis, ...money((x) => x.basis.reduce((a, b) => a + b, 0)), false],
    [W.base, ...money((x) => x.base), false],
    [W.perfPay, ...money((x) => x.performancePay), false],
    [W.commission, ...money((x) => x.commission), false],
    [W.totalPay, ...money((x) => x.pay), true],
  ];
  for (const [label, cells, format, bold] of lines) {
    const isMoney = format === MONEY;
    w.g.set(w.row, 0, isMoney ? moneyHeader(w.say(label), w.language) : w.say(label));
    w.merges.push(box(w.row, 0, 1, 2));
    w.line(
      cells,
      cells.map(() => format),
      2
    );
    w.styles.push({ range: box(w.row, 2, 1, s.length), horizontal: "right" });
    if (bold) w.styles.push({ range: box(w.row, 0, 1, 2 + s.length), bold: true, border: "top" });
    w.row++;
  }
  w.row++;
  w.heading(W.assumptions);
  for (const a of l.assumptions) w.banner(`• ${w.say(a)}`, { fontColor: "#404040" });
  w.row++;
}

/** The acceptance sentence and the two signature lines, with what was written on them; returns the first line's row. */
function writeSignatures(w: LetterWriter, own: Scalar[] | undefined): number {
  w.banner(w.say(W.accept));
  w.row++;
  const first = w.row;
  for (const label of [W.salesSign, W.managerSign]) {
    w.g.set(w.row, 0, w.say(label));
    w.g.set(w.row, 5, w.say(W.date));
    w.merges.push(box(w.row, 0, 1, 2), box(w.row, 2, 1, 3));
    w.styles.push(
      { range: box(w.row, 0, 1, 1), bold: true },
      { range: box(w.row, 5, 1, 1), bold: true, horizontal: "right" },
      { range: box(w.row, 2, 1, 3), border: "bottom" },
      { range: box(w.row, 6, 1, 1), border: "bottom" }
    );
    w.heights.push({ row: w.row, rows: 1, points: 28 });
    w.row++;
  }
  SIGN_CELLS.forEach(([r, c], k) => {
    const v = own?.[k];
    if (v != null) w.g.set(first + r, c, v);
  });
  return first;
}

/**
 * The letters a Target letters sheet holds (its index entries, top to bottom), and what was
 * written on each one's signature lines (by letterKey). Values from A1, as read back.
 */
export function readTargetLettersSheet(values: readonly (readonly CellInput[])[]): {
  entries: LetterEntry[];
  signs: Map<string, Scalar[]>;
} {
  const entries: LetterEntry[] = [];
  const signs = new Map<string, Scalar[]>();
  values.forEach((line, row) => {
    const x = indexEntry(line[LETTER_INDEX_COLUMN], ENTRY_PREFIX);
    if (!x) return;
    const entry: LetterEntry = {
      id: x.id,
      period: x.period,
      planVersion: x.planVersion,
      row,
      rows: x.rows,
      sign: x.offset("sign"),
    };
    if (entry.rows <= 0 || entry.sign < 0 || entry.sign + 1 >= entry.rows) return;
    entries.push(entry);
    const sign = SIGN_CELLS.map(([r, c]) => scalar((values[row + entry.sign + r] ?? [])[c]));
    if (sign.some((c) => c !== null)) signs.set(letterKey(entry.id, entry.period), sign);
  });
  return { entries, signs };
}

function same(a: CellInput, b: CellInput): boolean {
  const x = a === undefined || a === "" ? null : a;
  const y = b === undefined || b === "" ? null : b;
  if (typeof x === "number" && typeof y === "number")
    return x === y || Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x));
  return x === y;
}

/**
 * The letters of a sheet as read (`before`) whose printed content differs in the sheet about to
 * be written (`after`), other than those in `asked` (written anew on purpose). What was written
 * on the signature lines does not count; a letter no longer in `after` does.
 */
export function changedLetters(
  before: readonly (readonly CellInput[])[],
  after: readonly (readonly CellInput[])[],
  asked: ReadonlySet<string> = new Set()
): LetterEntry[] {
  const next = new Map(
    readTargetLettersSheet(after).entries.map((e) => [letterKey(e.id, e.period), e])
  );
  const signCell = (r: number, c: number, e: LetterEntry) =>
    SIGN_CELLS.some(([dr, dc]) => r === e.sign + dr && c === dc);
  return readTargetLettersSheet(before).entries.filter((e) => {
    if (asked.has(letterKey(e.id, e.period))) return false;
    const n = next.get(letterKey(e.id, e.period));
    if (!n || n.rows !== e.rows || n.sign !== e.sign) return true;
    for (let r = 0; r < e.rows; r++) {
      const a = before[e.row + r] ?? [];
      const b = after[n.row + r] ?? [];
      for (let c = 0; c < COLUMNS; c++) {
        if (signCell(r, c, e)) continue;
        if (!same(a[c], b[c])) return true;
      }
    }
    return false;
  });
}
