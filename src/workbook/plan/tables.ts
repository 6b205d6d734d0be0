/**
 * The Plan sheet's tables, each described once: its columns in sheet order (header, how a cell is
 * written, formatted, validated and read back), the rows it holds, the workbook names over it and
 * the anchors the formulas read. The writer (write.ts) and the reader (read.ts) both follow these.
 */
import type { CellInput } from "../../engine/coerce";
import type { Language, MessageKey, MessageParams } from "../../engine/messages";
import type {
  Dimension,
  FieldDef,
  GradeDef,
  Indicator,
  InputSpec,
  Plan,
  Scoring,
} from "../../engine/plan/model";
import { inputFields } from "../../engine/plan/model";
import { indicatorFormat } from "../data-sheet";
import type { Cell } from "../layout";
import type { EnumName, EnumValue, Words } from "../text";
import { enumText, H, isWords, readEnum, say } from "../text";
import type { PlanAnchors, Pos } from "./names";
import { PLAN_NAMES } from "./names";
import { SECTIONS, type SectionKey } from "./settings";

export type HeaderKey = keyof typeof H;

export const PCT = "0%";
export const PCT2 = "0.0%";
export const MONEY = "#,##0.00";

/**
 * How the reader takes a column's cell: trimmed text (keys), text, a number (a blank or a word is
 * a located issue), a number or blank (null), an enumeration by its words in either language (an
 * unknown word is a located issue, then the fallback), or nothing (the sheet calculates it).
 */
export type ColumnRead =
  | "key"
  | "text"
  | "number"
  | "optionalNumber"
  | "computed"
  | { readonly enum: EnumName; readonly fallback: string };

export interface WriteContext {
  plan: Plan;
  language: Language;
  /** The item's index in the table, and how many items it has. */
  index: number;
  count: number;
  /** Absolute reference of a column of this table from its first body row, over `rows` rows. */
  bodyRef: (column: HeaderKey, rows: number) => string;
}

export interface ColumnDef<T> {
  read: ColumnRead;
  /** The cell's value; an enumeration's key for an enumeration column (written in words). */
  write: (item: T, context: WriteContext) => Cell;
  /** Number format; "@" keeps text as text. */
  format?: string | ((item: T, plan: Plan) => string);
  /** Data validation: numbers in an interval (adjacent columns with the same one share it). */
  decimal?: { min: number; max: number };
  /** Data validation: a list from another table's column. */
  source?: { table: SectionKey; column: HeaderKey };
  /** The reader accepts a sheet without this column (it came later). */
  optional?: boolean;
  /**
   * Written only for plans that use it (last in its table, so plans without it lay out as
   * before); the reader then takes it as optional.
   */
  when?: (plan: Plan) => boolean;
}

export type Columns<T> = { readonly [K in HeaderKey]?: ColumnDef<T> };

/** What the reader gives for a column. */
export type ReadOf<D> = D extends { read: { enum: infer E extends EnumName } }
  ? EnumValue<E>
  : D extends { read: "number" }
    ? number
    : D extends { read: "optionalNumber" }
      ? number | null
      : string;

/** One body row of a table as the reader sees it; issues are located at the row and column. */
export interface RowReader<Cols> {
  get<K extends keyof Cols>(column: K): ReadOf<Cols[K]>;
  pos(column: keyof Cols): Pos;
  report(
    severity: "error" | "warning",
    code: MessageKey,
    params: MessageParams,
    column: keyof Cols
  ): void;
}

/** A workbook name over a table: all its columns or a run of them, with or without the header. */
export interface NameDef<C> {
  name: string;
  from?: C;
  to?: C;
  header?: boolean;
  comment?: string;
}

export interface TableDef<T, Cols extends Columns<T>, A, X = void> {
  section: SectionKey;
  columns: Cols;
  items: (plan: Plan) => readonly T[];
  /** One item from a body row; `extra` is what an earlier table gave (the curve points). */
  read: (row: RowReader<Cols>, extra: X) => T;
  /** The positions the formulas read, from an item and where its columns are. */
  anchor: (item: T, at: (column: keyof Cols) => Pos) => A;
  names: readonly NameDef<keyof Cols>[];
}

function splitList(text: string, separators: RegExp): string[] {
  return text
    .split(separators)
    .map((x) => x.trim())
    .filter((x) => x !== "");
}

// Dimensions ----------------------------------------------------------------------------------

const dimensionColumns = {
  key: { read: "key", write: (d) => d.key, format: "@" },
  nameZh: { read: "text", write: (d) => d.name.zh },
  nameEn: { read: "text", write: (d) => d.name.en },
  weight: { read: "number", write: (d) => d.weight, format: PCT, decimal: { min: 0, max: 1 } },
  rangeMin: {
    read: "number",
    write: (d) => d.range.min,
    format: PCT,
    decimal: { min: 0, max: 1 },
  },
  rangeMax: {
    read: "number",
    write: (d) => d.range.max,
    format: PCT,
    decimal: { min: 0, max: 1 },
  },
} as const satisfies Columns<Dimension>;

export const DIMENSIONS: TableDef<
  Dimension,
  typeof dimensionColumns,
  PlanAnchors["dimensions"][number]
> = {
  section: "dimensions",
  columns: dimensionColumns,
  items: (plan) => plan.dimensions,
  read: (c) => ({
    key: c.get("key"),
    name: { en: c.get("nameEn"), zh: c.get("nameZh") },
    weight: c.get("weight"),
    range: { min: c.get("rangeMin"), max: c.get("rangeMax") },
  }),
  anchor: (_, at) => ({ weight: at("weight") }),
  names: [
    { name: PLAN_NAMES.dimensions, header: true },
    { name: PLAN_NAMES.dimensionWeights, from: "weight" },
  ],
};

// Indicators ----------------------------------------------------------------------------------

/** A scoring's parameters, null where its method has none (blank on the sheet, null anchors). */
const floorOf = (s: Scoring) => (s.method === "linear" ? s.floor : null);
const capOf = (s: Scoring) =>
  s.method === "linear" || s.method === "direct" || s.method === "feedback" ? s.cap : null;
const fullScoreOf = (s: Scoring) =>
  s.method === "linear" || s.method === "deduction" ? s.fullScore : null;
/** 客户360评价: the ratings' share of the blend, null for other inputs. */
const shareOf = (i: InputSpec) => (i.kind === "customer360" ? i.share : null);

const indicatorColumns = {
  key: { read: "key", write: (i) => i.key, format: "@" },
  nameZh: { read: "text", write: (i) => i.name.zh },
  nameEn: { read: "text", write: (i) => i.name.en },
  // A percent format on this text column, as the sheet has always had: it does not show.
  dimension: {
    read: "key",
    write: (i) => i.dimension,
    format: PCT,
    source: { table: "dimensions", column: "key" },
  },
  weight: { read: "number", write: (i) => i.weight, format: PCT, decimal: { min: 0, max: 1 } },
  unit: { read: { enum: "unit", fallback: "count" }, write: (i) => i.unit },
  direction: { read: { enum: "direction", fallback: "higher" }, write: (i) => i.direction },
  inputKind: { read: { enum: "inputKind", fallback: "field" }, write: (i) => i.input.kind },
  inputFields: { read: "text", write: (i) => inputFields(i.input).join(", "), format: "@" },
  method: { read: { enum: "method", fallback: "linear" }, write: (i) => i.scoring.method },
  floor: { read: "number", write: (i) => floorOf(i.scoring), format: PCT },
  cap: { read: "number", write: (i) => capOf(i.scoring), format: PCT },
  fullScore: { read: "number", write: (i) => fullScoreOf(i.scoring), format: "0" },
  curveMode: {
    read: { enum: "curveMode", fallback: "linear" },
    write: (i) => (i.scoring.method === "curve" ? i.scoring.mode : null),
  },
  curveOn: {
    read: { enum: "curveOn", fallback: "attainment" },
    write: (i) => (i.scoring.method === "curve" ? i.scoring.on : null),
  },
  targetField: { read: "key", write: (i) => i.target.field, format: "@" },
  targetDefault: {
    read: "optionalNumber",
    write: (i) => i.target.default,
    format: (i) => indicatorFormat(i.unit),
  },
  missing: { read: { enum: "missing", fallback: "error" }, write: (i) => i.missing },
  share360: {
    read: "optionalNumber",
    write: (i) => shareOf(i.input),
    format: PCT,
    decimal: { min: 0, max: 1 },
    optional: true,
    when: (plan) => plan.indicators.some((i) => i.input.kind === "customer360"),
  },
} as const satisfies Columns<Indicator>;

/** How many input fields each input kind takes: at least, at most (Infinity: one or more). */
const INPUT_FIELD_COUNTS: Record<InputSpec["kind"], [number, number]> = {
  field: [1, 1],
  ratio: [2, 2],
  growth: [2, 2],
  sum: [1, Infinity],
  feedback: [0, 0],
  // the customers' ratings alone, or blended with one survey field
  customer360: [0, 1],
};

function fieldCountText([min, max]: [number, number]): string | number {
  return max === Infinity ? `${min}+` : min === max ? min : `${min}–${max}`;
}

/** 客户360评价's share: blank means the ratings alone, which needs no survey field. */
function readShare(c: RowReader<typeof indicatorColumns>, survey: string | null): number {
  const share = c.get("share360");
  if (share !== null) return share;
  if (survey !== null)
    c.report(
      "error",
      "planValueMissing",
      { section: SECTIONS.indicators, name: H.share360 },
      "share360"
    );
  return survey === null ? 1 : NaN;
}

function readInput(c: RowReader<typeof indicatorColumns>): InputSpec {
  const kind = c.get("inputKind");
  const fields = splitList(c.get("inputFields"), /[,，;；+/]/);
  const want = INPUT_FIELD_COUNTS[kind];
  if (fields.length < want[0] || fields.length > want[1])
    c.report(
      "error",
      "planInputFields",
      {
        section: SECTIONS.indicators,
        kind: enumText("inputKind", kind, "en-US"),
        count: fieldCountText(want),
        found: fields.length,
      },
      "inputFields"
    );
  switch (kind) {
    case "field":
      return { kind, field: fields[0] ?? "" };
    case "ratio":
      return { kind, numerator: fields[0] ?? "", denominator: fields[1] ?? "" };
    case "growth":
      return { kind, current: fields[0] ?? "", prior: fields[1] ?? "" };
    case "sum":
      return { kind, fields };
    case "feedback":
      return { kind: "feedback" };
    case "customer360": {
      const survey = fields[0] ?? null;
      return { kind, survey, share: readShare(c, survey) };
    }
  }
}

/** A curve point as read, with its cells. */
export interface CurvePoint {
  indicator: string;
  x: number;
  y: number;
}
export interface ReadCurvePoint {
  point: CurvePoint;
  anchor: { x: Pos; y: Pos };
  row: number;
}
/** Curve points read before the indicators, by indicator key. */
export type CurvePointsByKey = Map<string, ReadCurvePoint[]>;

function readScoring(
  c: RowReader<typeof indicatorColumns>,
  points: readonly ReadCurvePoint[]
): Scoring {
  const method = c.get("method");
  switch (method) {
    case "linear":
      return {
        method,
        floor: c.get("floor"),
        cap: c.get("cap"),
        fullScore: c.get("fullScore"),
      };
    case "curve":
      return {
        method,
        points: points.map((p) => ({ x: p.point.x, y: p.point.y })),
        mode: c.get("curveMode"),
        on: c.get("curveOn"),
      };
    case "direct":
    case "feedback":
      return { method, cap: c.get("cap") };
    case "deduction":
      return { method, fullScore: c.get("fullScore") };
  }
}

export const INDICATORS: TableDef<
  Indicator,
  typeof indicatorColumns,
  PlanAnchors["indicators"][number],
  CurvePointsByKey
> = {
  section: "indicators",
  columns: indicatorColumns,
  items: (plan) => plan.indicators,
  read: (c, curves) => {
    const key = c.get("key");
    const input = readInput(c);
    const scoring = readScoring(c, curves.get(key) ?? []);
    const targetField = c.get("targetField");
    return {
      key,
      name: { en: c.get("nameEn"), zh: c.get("nameZh") },
      dimension: c.get("dimension"),
      weight: c.get("weight"),
      unit: c.get("unit"),
      direction: c.get("direction"),
      input,
      scoring,
      target: { field: targetField === "" ? null : targetField, default: c.get("targetDefault") },
      missing: c.get("missing"),
    };
  },
  anchor: (i, at) => ({
    weight: at("weight"),
    floor: floorOf(i.scoring) === null ? null : at("floor"),
    cap: capOf(i.scoring) === null ? null : at("cap"),
    fullScore: fullScoreOf(i.scoring) === null ? null : at("fullScore"),
    targetDefault: at("targetDefault"),
    share: shareOf(i.input) === null ? null : at("share360"),
  }),
  names: [{ name: PLAN_NAMES.indicators, header: true }],
};

// Curve points --------------------------------------------------------------------------------

const curveColumns = {
  indicator: { read: "key", write: (p) => p.indicator, format: "@" },
  x: { read: "number", write: (p) => p.x, format: "0.00" },
  y: { read: "number", write: (p) => p.y, format: "0.00" },
} as const satisfies Columns<CurvePoint>;

export const CURVES: TableDef<CurvePoint, typeof curveColumns, { x: Pos; y: Pos }> = {
  section: "curves",
  columns: curveColumns,
  items: (plan) =>
    plan.indicators.flatMap((i) =>
      i.scoring.method === "curve"
        ? i.scoring.points.map((p) => ({ indicator: i.key, x: p.x, y: p.y }))
        : []
    ),
  read: (c) => ({ indicator: c.get("indicator"), x: c.get("x"), y: c.get("y") }),
  anchor: (_, at) => ({ x: at("x"), y: at("y") }),
  names: [{ name: PLAN_NAMES.curvePoints, header: true }],
};

// Grades --------------------------------------------------------------------------------------

/** Cumulative quota share of grades 0..k, as the engine's distribution cut-offs use it. */
function cumulativeShare(grades: readonly GradeDef[], k: number): number {
  let total = 0;
  for (const g of grades) total += g.quota;
  const scale = Math.abs(total - 100) <= 1e-6 ? 100 : 1;
  let sum = 0;
  for (let i = 0; i <= k; i++) sum += grades[i].quota;
  return sum / scale;
}

const gradeColumns = {
  gradeMin: { read: "number", write: (g) => g.min, format: "0" },
  grade: { read: "text", write: (g) => g.label, format: "@" },
  coefficient: { read: "number", write: (g) => g.coefficient, format: "0.00" },
  quota: { read: "number", write: (g) => g.quota, format: PCT, decimal: { min: 0, max: 1 } },
  nameZh: { read: "text", write: (g) => g.name.zh },
  nameEn: { read: "text", write: (g) => g.name.en },
  cumulative: {
    read: "computed",
    optional: true,
    format: PCT,
    // Cumulative share as the engine computes cut-offs: shares written as fractions (sum 1) or points (sum 100).
    write: (_, x) => ({
      formula: `SUM(${x.bodyRef("quota", x.index + 1)})/IF(ABS(SUM(${x.bodyRef("quota", Math.max(1, x.count))})-100)<=0.000001,100,1)`,
      value: cumulativeShare(x.plan.grading.grades, x.index),
    }),
  },
} as const satisfies Columns<GradeDef>;

export const GRADES: TableDef<GradeDef, typeof gradeColumns, PlanAnchors["grades"][number]> = {
  section: "grades",
  columns: gradeColumns,
  items: (plan) => plan.grading.grades,
  read: (c) => ({
    label: c.get("grade"),
    name: { en: c.get("nameEn"), zh: c.get("nameZh") },
    min: c.get("gradeMin"),
    coefficient: c.get("coefficient"),
    quota: c.get("quota"),
  }),
  anchor: (_, at) => ({
    min: at("gradeMin"),
    label: at("grade"),
    coefficient: at("coefficient"),
    quota: at("quota"),
    cumulative: at("cumulative"),
  }),
  names: [
    { name: PLAN_NAMES.grades, header: true },
    {
      name: PLAN_NAMES.gradeBands,
      from: "gradeMin",
      to: "grade",
      comment: "min score, label: PERF.GRADE bands",
    },
    {
      name: PLAN_NAMES.gradeCoefficients,
      from: "grade",
      to: "coefficient",
      comment: "label, coefficient: PERF.COEFFICIENT table",
    },
    { name: PLAN_NAMES.gradeMin, from: "gradeMin" },
    { name: PLAN_NAMES.gradeLabel, from: "grade" },
    { name: PLAN_NAMES.gradeCoefficient, from: "coefficient" },
    { name: PLAN_NAMES.gradeQuota, from: "quota" },
    { name: PLAN_NAMES.gradeCumulative, from: "cumulative" },
  ],
};

// Commission tiers ----------------------------------------------------------------------------

type Tier = Plan["commission"]["tiers"][number];

const tierColumns = {
  tierFrom: {
    read: "number",
    write: (t) => t.from,
    format: (_, plan) => (plan.commission.boundType === "attainment" ? PCT : MONEY),
  },
  rate: { read: "number", write: (t) => t.rate, format: "0.00%", decimal: { min: 0, max: 1 } },
} as const satisfies Columns<Tier>;

export const TIERS: TableDef<Tier, typeof tierColumns, PlanAnchors["tiers"][number]> = {
  section: "tiers",
  columns: tierColumns,
  items: (plan) => plan.commission.tiers,
  read: (c) => ({ from: c.get("tierFrom"), rate: c.get("rate") }),
  anchor: (_, at) => ({ from: at("tierFrom"), rate: at("rate") }),
  names: [
    { name: PLAN_NAMES.tiers, comment: "lower bound, rate: PERF.COMMISSION tiers" },
    { name: PLAN_NAMES.tierFrom, from: "tierFrom" },
    { name: PLAN_NAMES.tierRate, from: "rate" },
  ],
};

// Team commission -----------------------------------------------------------------------------

type TeamTier = NonNullable<Plan["commission"]["team"]>["tiers"][number];
type TeamLead = NonNullable<Plan["commission"]["team"]>["leads"][number];

const teamTierColumns = {
  tierFrom: { read: "number", write: (t) => t.from, format: MONEY },
  rate: { read: "number", write: (t) => t.rate, format: "0.00%", decimal: { min: 0, max: 1 } },
} as const satisfies Columns<TeamTier>;

/** 团队提成 tiers, in currency of the team's monthly basis (written only when the plan has them). */
export const TEAM_TIERS: TableDef<
  TeamTier,
  typeof teamTierColumns,
  PlanAnchors["teamTiers"][number]
> = {
  section: "teamTiers",
  columns: teamTierColumns,
  items: (plan) => plan.commission.team?.tiers ?? [],
  read: (c) => ({ from: c.get("tierFrom"), rate: c.get("rate") }),
  anchor: (_, at) => ({ from: at("tierFrom"), rate: at("rate") }),
  names: [
    {
      name: PLAN_NAMES.teamTiers,
      comment: "lower bound, rate: PERF.COMMISSION tiers of team commission",
    },
    { name: PLAN_NAMES.teamTierFrom, from: "tierFrom" },
    { name: PLAN_NAMES.teamTierRate, from: "rate" },
  ],
};

const teamLeadColumns = {
  team: { read: "key", write: (l) => l.team, format: "@" },
  leadId: { read: "key", write: (l) => l.id, format: "@" },
} as const satisfies Columns<TeamLead>;

/** Each team's lead (written only when the plan has team commission). */
export const TEAM_LEADS: TableDef<TeamLead, typeof teamLeadColumns, null> = {
  section: "teamLeads",
  columns: teamLeadColumns,
  items: (plan) => plan.commission.team?.leads ?? [],
  read: (c) => ({ team: c.get("team"), id: c.get("leadId") }),
  anchor: () => null,
  names: [{ name: PLAN_NAMES.teamLeads, comment: "team, lead's employee ID" }],
};

// Data fields ---------------------------------------------------------------------------------

const fieldColumns = {
  key: { read: "key", write: (f) => f.key, format: "@" },
  nameZh: { read: "text", write: (f) => f.name.zh },
  nameEn: { read: "text", write: (f) => f.name.en },
  unit: { read: { enum: "unit", fallback: "count" }, write: (f) => f.unit },
  role: { read: { enum: "role", fallback: "measure" }, write: (f) => f.role },
  aggregate: { read: { enum: "aggregate", fallback: "sum" }, write: (f) => f.aggregate },
  sourceZh: { read: "text", write: (f) => f.source.zh },
  sourceEn: { read: "text", write: (f) => f.source.en },
  aliases: {
    read: "text",
    write: (f) => (f.aliases.length ? f.aliases.join("; ") : null),
    format: "@",
  },
  optional: { read: { enum: "yesNo", fallback: "no" }, write: (f) => (f.optional ? "yes" : "no") },
} as const satisfies Columns<FieldDef>;

export const FIELDS: TableDef<FieldDef, typeof fieldColumns, null> = {
  section: "fields",
  columns: fieldColumns,
  items: (plan) => plan.fields,
  read: (c) => ({
    key: c.get("key"),
    name: { en: c.get("nameEn"), zh: c.get("nameZh") },
    unit: c.get("unit"),
    role: c.get("role"),
    aggregate: c.get("aggregate"),
    source: { en: c.get("sourceEn"), zh: c.get("sourceZh") },
    aliases: splitList(c.get("aliases"), /[;；]/),
    optional: c.get("optional") === "yes",
  }),
  anchor: () => null,
  names: [{ name: PLAN_NAMES.fields, header: true }],
};

// Fixed-row tables: annual score weights, 360 feedback weights --------------------------------

/** A table of a fixed set of rows, each a label and a weight; rows are found by their label. */
export interface FixedRowsDef {
  section: SectionKey;
  label: HeaderKey;
  value: HeaderKey;
  format: string;
  rows: readonly {
    /** What a missing row is called in the issue. */
    name: Words;
    label: (language: Language) => string;
    matches: (cell: CellInput) => boolean;
  }[];
  values: (plan: Plan) => readonly number[];
  names: readonly { name: string; column: "label" | "value"; comment?: string }[];
}

const ANNUAL_PARTS: Words[] = [
  { en: "Q1", zh: "第一季度" },
  { en: "Q2", zh: "第二季度" },
  { en: "Q3", zh: "第三季度" },
  { en: "Q4", zh: "第四季度" },
  { en: "Annual 360", zh: "年度360评价" },
];
const RATERS = ["superior", "peer", "customer"] as const;

export const ANNUAL: FixedRowsDef = {
  section: "annual",
  label: "part",
  value: "weight",
  format: PCT2,
  rows: ANNUAL_PARTS.map((p) => ({
    name: p,
    label: (language) => say(p, language),
    matches: (cell) => isWords(cell, p),
  })),
  values: (plan) => [...plan.periods.annual.quarterWeights, plan.periods.annual.feedbackWeight],
  names: [{ name: PLAN_NAMES.annualWeights, column: "value" }],
};

export const FEEDBACK: FixedRowsDef = {
  section: "feedback",
  label: "rater",
  value: "weight",
  format: PCT,
  rows: RATERS.map((r) => ({
    name: { en: r, zh: enumText("rater", r, "zh-CN") },
    label: (language) => enumText("rater", r, language),
    matches: (cell) => readEnum("rater", cell) === r,
  })),
  values: (plan) => plan.feedback.weights,
  names: [
    {
      name: PLAN_NAMES.feedbackWeights,
      column: "value",
      comment: "superior, peers, customers: PERF.FEEDBACK weights",
    },
    { name: PLAN_NAMES.raterLabels, column: "label" },
  ],
};

/** The matrix: column thresholds right of its corner, row thresholds below, coefficients inside. */
export const MATRIX = {
  section: "matrix",
  corner: "matrixCorner",
  thresholdFormat: PCT,
  cellFormat: "0.00",
  names: {
    table: PLAN_NAMES.matrix,
    rows: PLAN_NAMES.matrixRows,
    columns: PLAN_NAMES.matrixColumns,
  },
  comment: "PERF.MATRIX table",
} as const satisfies { section: SectionKey; corner: HeaderKey } & Record<string, unknown>;
