/**
 * Monthly tracking (月度跟踪): one row per salesperson and month tracked — attainment to date
 * against the pace and against the period's target, the projected score, grade and coefficient if
 * the pace holds, the indicators behind pace, and a feedback note (反馈记录) the user types.
 *
 * Attainment to date is formulas over the Data sheet's cells of the person's months (a working
 * column per field and month, read as the reader reads them and guarded against the Data rows
 * moving), the Plan sheet's default targets, and the engine's attainment rule, so the sheet
 * recalculates without the add-in. The projection (score, grade, coefficient, behind pace) is the
 * engine's values (src/engine/evaluate/tracking.ts). Notes are read back before a rewrite and
 * kept by salesperson and month (`readTrackingSheet`), also for a row no longer in the data.
 */
import type { CellInput } from "../../engine/coerce";
import { dataCellFormula } from "../../engine/records";
import { CellState, cellValue } from "../../engine/evaluate/frame";
import type { Evaluation } from "../../engine/evaluate/evaluate";
import { Reason, TargetSource } from "../../engine/evaluate/score";
import type { Tracking, TrackingRow, TrackedIndicator } from "../../engine/evaluate/tracking";
import { inputFields, type Indicator, type Plan } from "../../engine/plan/model";
import type { Language } from "../../engine/messages";
import { periodLabel } from "../../engine/periods";
import { periodFormula } from "../../engine/rules/aggregate";
import {
  attainmentCellValue,
  attainmentFormula,
  growthFormula,
  ratioFormula,
  sumFormula,
  UNBOUNDED_ATTAINMENT,
} from "../../engine/rules/attainment";
import { cell as a1cell, quoteSheet, range as a1range, str } from "../a1";
import { fieldFormat } from "../data-sheet";
import { cellMaker, ERR, type FormulaStyle, type Value } from "../formula";
import { Grid } from "../grid";
import type { Cell, SheetLayout } from "../layout";
import { sheet as emptySheet } from "../layout";
import { anchorRef, type PlanAnchors } from "../plan-sheet";
import { say, type Words } from "../text";
import { Cols, HEADER_FILL, PCT, RESULT_FILL, SCORE, T, showsPeriodLabels } from "./context";

export const TRACKING_WORDS = {
  title: {
    en: "Monthly tracking: attainment to date and the period's projection if the pace holds",
    zh: "月度跟踪：截至本月的完成情况与按当前进度预计的考核结果",
  },
  note: {
    en: "Pace: the target to date is the data's target over the months so far, else the plan's default × those months where the input adds up. Projection: inputs and targets that add up over months are × (months in the period ÷ months so far), means and latest values are held, ratios follow from the projected parts; scored by the plan's rules and graded by the absolute bands (forced distribution is not applied to a projection). Type feedback in the last column: it is kept when the sheet is written again.",
    zh: "进度：至今目标为数据中已过月份的目标合计，无目标时按方案默认目标×已过月数（可累加指标）。预计：按月累加的数据与目标按“期间月数÷已过月数”推算，平均值与期末值保持不变，比率按推算后的分子分母计算；按方案规则评分，按分数区间评级（预计结果不适用强制分布）。最后一列填写反馈记录，重新生成时保留。",
  },
  pace: { en: "to date vs pace", zh: "进度完成率" },
  ofPeriod: { en: "of period target", zh: "期间目标完成率" },
  toDate: { en: "to date", zh: "至今实际" },
  targetToDate: { en: "target to date", zh: "至今目标" },
  targetPeriod: { en: "period target", zh: "期间目标" },
  monthsToDate: { en: "Months so far", zh: "已过月数" },
  monthsInPeriod: { en: "Months in period", zh: "期间月数" },
  projectedTotal: { en: "Projected score", zh: "预计总分" },
  projectedGrade: { en: "Projected grade", zh: "预计等级" },
  projectedCoefficient: { en: "Projected coefficient", zh: "预计绩效系数" },
  behind: { en: "Behind pace", zh: "落后进度指标" },
  feedback: { en: "Feedback note", zh: "反馈记录" },
  dataRow: { en: "Data row", zh: "数据行" },
  rowCheck: { en: "Row check", zh: "行核对" },
  notInData: { en: "(no longer in the data)", zh: "（数据中已无此行）" },
} as const satisfies Record<string, Words>;

const W = TRACKING_WORDS;
/** Indicators behind pace the sheet names (largest shortfall first; the attainment columns show all). */
const BEHIND_ON_SHEET = 5;
/** The header line (0-based row); the two lines above it name the sheet and say how it is computed. */
export const TRACKING_HEADER_ROW = 2;

export interface TrackingSheetInput {
  plan: Plan;
  evaluation: Evaluation;
  /** The months to write, one tracking each (in the order given). */
  months: Tracking[];
  language: Language;
  style: FormulaStyle;
  anchors: PlanAnchors;
  name: string;
  /** Notes to keep, by trackingKey(id, month). */
  notes: ReadonlyMap<string, string>;
}

export function trackingKey(id: string, month: string): string {
  return `${id}\u0000${month}`;
}

/** Everything a row builder needs. */
interface Sheet {
  input: TrackingSheetInput;
  c: Cols;
  L: (w: Words) => string;
  fx: (formula: string, value: Value) => Cell;
  /** Indicators shown (scored on attainment), in display order. */
  shown: number[];
  /** Fields the shown indicators read, in plan order. */
  fields: string[];
  /** Months of the longest period. */
  width: number;
}

function columns(s: Omit<Sheet, "c">): Cols {
  const { plan, evaluation: ev, language } = s.input;
  const L = s.L;
  const c = new Cols();
  const labels = showsPeriodLabels(language);
  c.add("id", L(T.id), { width: 11 });
  c.add("name", L(T.name), { width: 9 });
  c.add("team", L(T.team), { width: 11 });
  if (labels) c.add("monthLabel", L(T.monthLabel), { width: 12 });
  else c.add("month", L(T.month), { width: 9 });
  c.add("total", L(W.projectedTotal), { width: 9, numberFormat: SCORE });
  c.add("grade", L(W.projectedGrade), { width: 7 });
  c.add("coefficient", L(W.projectedCoefficient), { width: 8, numberFormat: "0.00" });
  c.add("behind", L(W.behind), { width: 36 });
  c.add("note", L(W.feedback), { width: 40 });
  for (const i of s.shown) {
    const n = say(plan.indicators[i].name, language);
    c.add("p:" + i, `${n}：${L(W.pace)}`, { width: 10, numberFormat: PCT });
    if (ev.compiled.indicators[i].additive)
      c.add("o:" + i, `${n}：${L(W.ofPeriod)}`, { width: 10, numberFormat: PCT });
  }
  c.add("period", L(T.period), { width: 9 }, true);
  if (labels) c.add("month", L(T.month), { width: 9 }, true);
  c.add("e", L(W.monthsToDate), { width: 6, numberFormat: "0" }, true);
  c.add("n", L(W.monthsInPeriod), { width: 6, numberFormat: "0" }, true);
  for (const i of s.shown) {
    const ind = plan.indicators[i];
    const n = say(ind.name, language);
    const fmt = ind.unit === "ratio" ? PCT : "#,##0.00";
    c.add("x:" + i, `${n}：${L(W.toDate)}`, { width: 11, numberFormat: fmt }, true);
    c.add("t:" + i, `${n}：${L(W.targetToDate)}`, { width: 11, numberFormat: fmt }, true);
    c.add("T:" + i, `${n}：${L(W.targetPeriod)}`, { width: 11, numberFormat: fmt }, true);
  }
  for (let j = 1; j <= s.width; j++) {
    c.add("dr:" + j, `${L(W.dataRow)} ${j}`, { width: 6, numberFormat: "0" }, true);
    c.add("ck:" + j, `${L(W.rowCheck)} ${j}`, { width: 6 }, true);
  }
  for (const k of s.fields) {
    const f = plan.fields.find((x) => x.key === k)!;
    for (let j = 1; j <= s.width; j++)
      c.add(
        `m:${k}:${j}`,
        `${say(f.name, language)} ${j}`,
        {
          width: 11,
          numberFormat: fieldFormat(f.unit),
        },
        true
      );
  }
  return c;
}

/** The cells of one tracking row being written. */
interface RowCtx {
  s: Sheet;
  row: number;
  t: TrackingRow;
  put: (key: string, v: Cell) => void;
  at: (key: string) => string;
}

/** The person's month cells of the Data sheet, read as the reader reads them. */
function putMonths(x: RowCtx): void {
  const { s, t, put, at } = x;
  const mf = s.input.evaluation.months.frame;
  const plan = s.input.plan;
  t.monthRows.forEach((m, j0) => {
    const j = j0 + 1;
    const src = mf.sources[m];
    put("dr:" + j, src.row);
    const idCol = src.columns?.id;
    const periodCol = src.columns?.period;
    const ds = quoteSheet(src.sheet);
    put(
      "ck:" + j,
      idCol && periodCol
        ? s.fx(
            `AND(${ds}!${idCol}${src.row}=${at("id")},${ds}!${periodCol}${src.row}=${str(mf.periods[m])})`,
            true
          )
        : false
    );
    for (const k of s.fields) {
      const fi = plan.fields.findIndex((f) => f.key === k);
      const col = src.columns?.[k];
      if (!col || mf.states[fi][m] === CellState.Absent) {
        put(`m:${k}:${j}`, s.fx(`""`, ""));
        continue;
      }
      const guard = at("ck:" + j).replace(/^([A-Z]+)/, "$$$1");
      const f = plan.fields[fi];
      put(
        `m:${k}:${j}`,
        s.fx(dataCellFormula(`${ds}!${col}${src.row}`, f, guard), cellValue(mf, fi, m, ERR))
      );
    }
  });
}

/** A field to date: its months aggregated as the plan says (the engine's frame rule). */
function toDate(x: RowCtx, key: string): string {
  const { s, row, t } = x;
  const f = s.input.plan.fields.find((v) => v.key === key)!;
  const first = s.c.get(`m:${key}:1`);
  const e = t.monthRows.length;
  const cells = Array.from({ length: e }, (_, j) => a1cell(row, first + j));
  const r = a1range({ row, column: first, rows: 1, columns: e });
  return periodFormula(f.aggregate, f.optional, r, cells);
}

function actualFormula(x: RowCtx, ind: Indicator): string {
  const inp = ind.input;
  const agg = (k: string) => toDate(x, k);
  switch (inp.kind) {
    case "field":
      return agg(inp.field);
    case "ratio":
      return ratioFormula(agg(inp.numerator), agg(inp.denominator));
    case "growth":
      return growthFormula(agg(inp.current), agg(inp.prior), x.s.input.style === "perf");
    case "sum":
      return sumFormula(inp.fields.map(agg));
    case "feedback":
    case "customer360":
      return `""`;
  }
}

function targetValue(v: number, source: TargetSource): Value {
  if (source === TargetSource.Invalid) return ERR;
  return Number.isNaN(v) ? "" : v;
}

function attainmentValue(a: number, reason: Reason): Value {
  if (reason === Reason.None) return attainmentCellValue(a);
  return reason === Reason.Invalid || reason === Reason.TargetNegative ? ERR : "";
}

/** One shown indicator: actual to date, the two targets and the two attainments. */
function putIndicator(x: RowCtx, i: number, v: TrackedIndicator): void {
  const { s, put, at } = x;
  const { plan, anchors, style, evaluation: ev } = s.input;
  const ind = plan.indicators[i];
  const ci = ev.compiled.indicators[i];
  const an = anchors.indicators[i];
  const P = (p: Parameters<typeof anchorRef>[1]) => anchorRef(anchors, p);
  const xv: Value = Number.isNaN(v.actual) ? (v.reason === Reason.Invalid ? ERR : "") : v.actual;
  // an input from 360 ratings is the engine's value (its ratings' formulas are the Scorecard's)
  const rated = ind.input.kind === "feedback" || ind.input.kind === "customer360";
  put("x:" + i, rated ? (xv === ERR ? null : xv) : s.fx(actualFormula(x, ind), xv));
  const tf = ind.target.field;
  const sumTarget = tf !== null && plan.fields.find((f) => f.key === tf)?.aggregate === "sum";
  const def = (months: string) =>
    ind.target.default === null
      ? `""`
      : ci.additive
        ? `${P(an.targetDefault)}*${months}`
        : P(an.targetDefault);
  const a = tf ? toDate(x, tf) : "";
  const e = at("e");
  const n = at("n");
  put(
    "t:" + i,
    s.fx(tf ? `IF(${a}<>"",${a},${def(e)})` : def(e), targetValue(v.targetToDate, v.targetSource))
  );
  const projected = sumTarget ? `IF(${n}=${e},${a},${a}*${n}/${e})` : a;
  put(
    "T:" + i,
    s.fx(
      tf ? `IF(${a}<>"",${projected},${def(n)})` : def(n),
      targetValue(v.targetPeriod, v.targetSource)
    )
  );
  const best = ind.scoring.method === "linear" ? P(an.cap!) : UNBOUNDED_ATTAINMENT.formula;
  const perf = style === "perf";
  put(
    "p:" + i,
    s.fx(
      attainmentFormula(at("x:" + i), at("t:" + i), ind.direction, best, perf),
      attainmentValue(v.pace, v.reason)
    )
  );
  if (s.c.has("o:" + i))
    put(
      "o:" + i,
      s.fx(
        attainmentFormula(at("x:" + i), at("T:" + i), ind.direction, best, perf),
        attainmentValue(v.ofPeriod, v.periodReason)
      )
    );
}

function percent(a: number): string {
  return `${Math.round(a * 100)}%`;
}

/**
 * The indicators behind pace as words: name and attainment to date, largest shortfall first; with
 * `limit`, the first ones and how many more there are.
 */
export function behindText(
  plan: Plan,
  t: TrackingRow,
  language: Language,
  limit = Infinity
): string {
  const zh = language === "zh-CN";
  const shown = t.behind
    .slice(0, limit)
    .map((i) => `${say(plan.indicators[i].name, language)} ${percent(t.indicators[i].pace)}`)
    .join(zh ? "、" : ", ");
  const more = t.behind.length - Math.min(limit, t.behind.length);
  if (more === 0) return shown;
  return zh ? `${shown}，另有 ${more} 项` : `${shown} and ${more} more`;
}

function putRow(s: Sheet, g: Grid, row: number, t: TrackingRow): void {
  const { plan, language } = s.input;
  const put = (key: string, v: Cell) => g.set(row, s.c.get(key), v);
  const at = (key: string) => a1cell(row, s.c.get(key));
  const x: RowCtx = { s, row, t, put, at };
  put("id", t.id);
  put("name", t.name);
  put("team", t.team);
  put("month", t.month);
  if (s.c.has("monthLabel")) put("monthLabel", periodLabel(t.month, language));
  put("period", t.period);
  put("e", t.monthsToDate);
  put("n", t.monthsInPeriod);
  putMonths(x);
  for (const i of s.shown) putIndicator(x, i, t.indicators[i]);
  const gi = t.projectedGrade;
  put("total", Number.isNaN(t.projectedTotal) ? null : t.projectedTotal);
  put("grade", gi >= 0 ? plan.grading.grades[gi].label : null);
  put("coefficient", Number.isNaN(t.projectedCoefficient) ? null : t.projectedCoefficient);
  put("behind", behindText(plan, t, language, BEHIND_ON_SHEET) || null);
  put("note", s.input.notes.get(trackingKey(t.id, t.month)) ?? null);
}

/** The Tracking sheet (月度跟踪). */
export function trackingSheet(input: TrackingSheetInput): SheetLayout {
  const { plan, evaluation: ev, language } = input;
  const L = (w: Words) => say(w, language);
  const shown: number[] = [];
  for (const d of plan.dimensions)
    plan.indicators.forEach((ind, i) => {
      if (ind.dimension === d.key && ev.compiled.indicators[i].usesTarget) shown.push(i);
    });
  const used = new Set<string>();
  for (const i of shown) {
    const ind = plan.indicators[i];
    for (const k of inputFields(ind.input)) used.add(k);
    if (ind.target.field) used.add(ind.target.field);
  }
  const fields = plan.fields.map((f) => f.key).filter((k) => used.has(k));
  const width = Math.max(1, ...input.months.map((m) => m.periodMonths.length));
  const base = { input, L, fx: cellMaker(input.style), shown, fields, width };
  const s: Sheet = { ...base, c: columns(base) };
  const sh = emptySheet("tracking", input.name, "output");
  const g = new Grid();
  g.set(0, 0, L(W.title));
  g.set(1, 0, L(W.note));
  g.line(
    TRACKING_HEADER_ROW,
    0,
    s.c.list.map((x) => x.header)
  );
  let row = TRACKING_HEADER_ROW + 1;
  const written = new Set<string>();
  for (const tr of input.months)
    for (const t of tr.rows) {
      putRow(s, g, row++, t);
      written.add(trackingKey(t.id, t.month));
    }
  // notes typed for a salesperson and month no longer in the data are kept on rows of their own
  for (const [key, note] of input.notes) {
    if (written.has(key)) continue;
    const [id, month] = key.split("\u0000");
    g.set(row, s.c.get("id"), id);
    g.set(row, s.c.get("name"), L(W.notInData));
    g.set(row, s.c.get("month"), month);
    if (s.c.has("monthLabel")) g.set(row, s.c.get("monthLabel"), periodLabel(month, language));
    g.set(row++, s.c.get("note"), note);
  }
  sh.blocks.push(g.block());
  sh.columns = s.c.list.map((x) => x.spec);
  sh.freeze = { rows: TRACKING_HEADER_ROW + 1, columns: 4 };
  const total = s.c.get("total");
  sh.styles = [
    { range: { row: 0, column: 0, rows: 1, columns: 1 }, bold: true },
    {
      range: { row: TRACKING_HEADER_ROW, column: 0, rows: 1, columns: s.c.list.length },
      bold: true,
      fill: HEADER_FILL,
      wrap: true,
    },
    {
      range: {
        row: TRACKING_HEADER_ROW + 1,
        column: total,
        rows: Math.max(1, row - TRACKING_HEADER_ROW - 1),
        columns: 3,
      },
      fill: RESULT_FILL,
    },
  ];
  sh.rowHeights = [{ row: TRACKING_HEADER_ROW, rows: 1, points: 45 }];
  sh.tabColor = "#70AD47";
  return sh;
}

function text(v: CellInput | undefined): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

/**
 * The notes of a Tracking sheet as read (values from A1): by salesperson and month, the months
 * the sheet holds, in order. Headers are matched in either language.
 */
export function readTrackingSheet(values: readonly (readonly CellInput[])[]): {
  months: string[];
  notes: Map<string, string>;
} {
  const notes = new Map<string, string>();
  const months = new Set<string>();
  const header = values[TRACKING_HEADER_ROW] ?? [];
  const find = (w: Words) => header.findIndex((h) => text(h) === w.en || text(h) === w.zh);
  const id = find(T.id);
  const month = find(T.month);
  const note = find(W.feedback);
  if (id < 0 || month < 0 || note < 0) return { months: [], notes };
  for (let r = TRACKING_HEADER_ROW + 1; r < values.length; r++) {
    const line = values[r] ?? [];
    const who = text(line[id]);
    const m = text(line[month]);
    if (!who || !/^\d{4}-\d{2}$/.test(m)) continue;
    months.add(m);
    const typed = text(line[note]);
    if (typed) notes.set(trackingKey(who, m), typed);
  }
  return { months: [...months].sort(), notes };
}
