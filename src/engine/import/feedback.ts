/**
 * 360-degree ratings from the Feedback sheet or a survey tool's export: one row per rating
 * (salesperson, period, rater type, rater, rating). Ratings are on the plan's scale (100 by default,
 * or 10 or 5); a source whose header or values show another scale is never taken as is — the
 * reading stops with the scale it found, and the pane offers the stated conversion. Ratings off
 * the scale are errors, a rater's row given twice is counted once, two different ratings by the
 * same rater block that person's period, and ratings of people the data does not know are named.
 */
import type { CellInput } from "../coerce";
import { toHalfWidth } from "../coerce";
import { issue, type Issue } from "../issues";
import { type Catalogue } from "../messages";
import { readPeriod } from "../periods";
import type { FieldDef, RatingScale } from "../plan/model";
import { RATING_SCALES } from "../plan/model";
import type { CellTable, FeedbackRating, RaterType } from "../records";
import { IDENTITY_NAMES, normalizeHeader } from "../records";
import { DEFAULT_RULES, readQuantity, type ReadingRules } from "./quantity";
import { analyzeTable, tableWhere, type TableWhere } from "./rules";

export const FEEDBACK_MESSAGES = {
  raterUnreadable: {
    en: '"{text}" is not a rater type; use superior, peer or customer (上级/同事/客户).',
    zh: "“{text}”不是评价人类型，请填写 上级、同事 或 客户。",
  },
  ratingMissing: { en: "The rating is blank.", zh: "评分为空。" },
  feedbackPeriodUnreadable: {
    en: '"{text}" is not a period; write 2024-03, 2024-Q1 or 2024.',
    zh: "“{text}”不是有效期间，请写成 2024-03、2024-Q1 或 2024。",
  },
  ratingOutOfRange: {
    en: "The rating {value} is outside 0–{scale} (the plan rates out of {scale}).",
    zh: "评分 {value} 不在 0 到 {scale} 之间（方案按 {scale} 分制评分）。",
  },
  ratingScaleMismatch: {
    en: "These ratings are on a {source}-point scale ({evidence}), but the plan rates out of {scale}: choose how to convert them before importing, or change the plan's rating scale.",
    zh: "这些评分是 {source} 分制（{evidence}），而方案按 {scale} 分制评分：请在导入前选择换算方式，或修改方案的评分分制。",
  },
  ratingScaleHeader: { en: 'the header says "{header}"', zh: "表头为“{header}”" },
  ratingScaleValues: {
    en: "the highest of {count} ratings is {max}",
    zh: "{count} 个评分中最高为 {max}",
  },
  ratingsConverted: {
    en: "{count} ratings on a {source}-point scale were converted to the plan's {scale}-point scale (× {factor}; e.g. {example} → {converted}).",
    zh: "{count} 个 {source} 分制评分已换算为方案的 {scale} 分制（× {factor}；如 {example} → {converted}）。",
  },
  ratingsTakenAsScale: {
    en: "The ratings were taken on the plan's {scale}-point scale, as chosen.",
    zh: "已按所选，将评分视为方案的 {scale} 分制。",
  },
  ratingRepeated: {
    en: "This rating repeats row {row} (same rater, same rating): it is counted once.",
    zh: "该评分与第 {row} 行重复（同一评价人、同一评分），只计一次。",
  },
  ratingConflict: {
    en: "{rater} rated {id} for {period} in row {row} as {other}, and here as {value}: no rating of {id} for {period} is used until one of them is removed.",
    zh: "{rater}在第 {row} 行给 {id}（{period}）的评分为 {other}，此处为 {value}：在删除其中一行之前，{id} 在 {period} 的所有评分均不使用。",
  },
  ratingUnknownId: {
    en: "{id} has no rows in the Data sheet: this rating is not used until {id} has data.",
    zh: "数据表中没有 {id}：在 {id} 有数据之前，该评分不会被使用。",
  },
} satisfies Catalogue;

export const RATERS: Record<string, RaterType> = {
  superior: "superior",
  manager: "superior",
  上级: "superior",
  主管: "superior",
  直属上级: "superior",
  peer: "peer",
  peers: "peer",
  colleague: "peer",
  同事: "peer",
  平级: "peer",
  customer: "customer",
  customers: "customer",
  client: "customer",
  客户: "customer",
};

export const FEEDBACK_HEADERS = {
  id: {
    en: "Employee ID",
    zh: "员工编号",
    names: [...IDENTITY_NAMES.id, "被评价人编号", "被评价人工号", "被考核人编号", "ratee id"],
  },
  period: {
    en: "Period",
    zh: "期间",
    names: ["period", "期间", "月份", "季度", "年度", "考核期间", "评价期间"],
  },
  rater: {
    en: "Rater type",
    zh: "评价人类型",
    names: ["rater type", "ratertype", "评价人类型", "评价类型", "评价关系"],
  },
  score: { en: "Score", zh: "评分", names: ["score", "rating", "评分", "分数", "得分"] },
  raterName: {
    en: "Rater",
    zh: "评价人姓名",
    names: ["rater name", "ratername", "rater", "评价人姓名", "评价人"],
  },
} as const;

type FeedbackColumn = keyof typeof FEEDBACK_HEADERS;

/** A scale named in a header: 评分（5分制）, Rating (1-5), 满分10, out of 5, 百分制. */
export function headerScale(header: string): RatingScale | null {
  const h = toHalfWidth(header).toLowerCase();
  const words: Record<string, RatingScale> = { 百分制: 100, 十分制: 10, 五分制: 5 };
  for (const [w, s] of Object.entries(words)) if (h.includes(w)) return s;
  const m =
    /(\d+)\s*分制/.exec(h) ??
    /满分\s*(\d+)/.exec(h) ??
    /\(\s*[01]\s*[-–~至]\s*(\d+)\s*(?:分)?\s*\)/.exec(h) ??
    /out\s+of\s+(\d+)/.exec(h) ??
    /\/\s*(\d+)\s*\)?$/.exec(h);
  if (!m) return null;
  const n = Number(m[1]);
  return (RATING_SCALES as readonly number[]).includes(n) ? (n as RatingScale) : null;
}

/** A header cell with any scale words removed, for matching. */
function headerWithoutScale(text: string): string {
  return normalizeHeader(text)
    .replace(/\((\d+分制|满分\d+|[01][-–~至]\d+分?|outof\d+|百分制|十分制|五分制)\)$/, "")
    .replace(/\/\d+$/, "");
}

/** The feedback columns a header line names (a name claimed by two columns is no match). */
export function feedbackColumnsOf(
  header: readonly CellInput[]
): Partial<Record<FeedbackColumn, number>> {
  const norm = header.map((h) =>
    headerWithoutScale(h === null || h === undefined ? "" : String(h))
  );
  const out: Partial<Record<FeedbackColumn, number>> = {};
  const used = new Set<number>();
  for (const key of Object.keys(FEEDBACK_HEADERS) as FeedbackColumn[]) {
    const h = FEEDBACK_HEADERS[key];
    const names = new Set([...h.names, h.en, h.zh].map(normalizeHeader));
    const i = norm.findIndex((n, c) => !used.has(c) && names.has(n));
    if (i >= 0) {
      out[key] = i;
      used.add(i);
    }
  }
  return out;
}

/** The rating, read as a 0–100 score would be (decimal mark, no %, no money), then scaled. */
const RATING_FIELD: FieldDef = {
  key: "rating",
  name: { en: "The rating", zh: "评分" },
  unit: "score",
  role: "measure",
  aggregate: "mean",
  source: { en: "360 survey", zh: "360评价" },
  aliases: [],
  optional: false,
};

export interface FeedbackOptions {
  /** The plan's rating scale. */
  scale: RatingScale;
  /**
   * The scale the source is on, as the user stated it when it differs from the plan's (its
   * ratings are converted to the plan's scale, and that is said); absent: the plan's.
   */
  sourceScale?: RatingScale;
  /** Salesperson ids the data knows; ratings of anyone else are reported and not used. */
  knownIds?: ReadonlySet<string>;
}

export interface FeedbackReading {
  ratings: FeedbackRating[];
  issues: Issue[];
  /**
   * Every rating that could be read, in the source's order, on the plan's scale: those used, and
   * those named and not used (repeats, conflicting ones, people the data does not hold). An import
   * writes all of them, so the Feedback sheet holds what the source said and its check names the
   * same rows again.
   */
  readable?: FeedbackRating[];
  /**
   * The scale the source shows (by its header or its values) when it differs from the plan's and
   * no source scale was stated: nothing was read, a conversion must be chosen.
   */
  scaleFound?: { scale: RatingScale; header?: string };
}

interface Ctx {
  table: CellTable;
  col: Partial<Record<FeedbackColumn, number>>;
  where: TableWhere;
  rules: ReadingRules;
  issues: Issue[];
}

function cellText(v: CellInput): string {
  return v === null || v === undefined ? "" : typeof v === "string" ? v : String(v);
}

function blankRow(row: readonly CellInput[]): boolean {
  return row.every((c) => c === null || c === undefined || (typeof c === "string" && !c.trim()));
}

function at(ctx: Ctx, i: number, key: FeedbackColumn) {
  const c = ctx.col[key]!;
  return {
    sheet: ctx.where.sheet,
    row: ctx.where.rowOf(i),
    column: ctx.where.columnOf(c),
    header: ctx.where.header(c),
  };
}

/** The scale the source's ratings show: by the score header, else by their largest value. */
function scaleShown(ctx: Ctx, plan: RatingScale): FeedbackReading["scaleFound"] | null {
  const header = cellText(ctx.table.header[ctx.col.score!]);
  const byHeader = headerScale(header);
  if (byHeader !== null) return byHeader === plan ? null : { scale: byHeader, header };
  let max = -Infinity;
  let count = 0;
  for (const row of ctx.table.rows) {
    const q = readQuantity(row[ctx.col.score!], RATING_FIELD, ctx.rules);
    if (q.kind !== "number") continue;
    count++;
    max = Math.max(max, q.value);
  }
  if (count === 0) return null;
  const shown = RATING_SCALES.filter((s) => max <= s).sort((a, b) => a - b)[0];
  return shown !== undefined && shown < plan ? { scale: shown } : null;
}

/** Converts a rating between scales, exactly as its decimal digits say (no binary noise). */
export function convertRating(value: number, from: RatingScale, to: RatingScale): number {
  return from === to ? value : Number(((value * to) / from).toPrecision(12));
}

function ratingOf(
  ctx: Ctx,
  i: number,
  options: FeedbackOptions,
  subject: { id: string; period: string }
): number | null {
  const cell = ctx.table.rows[i][ctx.col.score!];
  const where = { location: at(ctx, i, "score"), subject };
  const q = readQuantity(cell, RATING_FIELD, ctx.rules);
  if (q.kind === "blank") {
    ctx.issues.push(issue("error", "ratingMissing", {}, where));
    return null;
  }
  const from = options.sourceScale ?? options.scale;
  const onScale = (v: number) => v >= 0 && v <= from;
  if (q.kind === "invalid") {
    const n = q.notes[0];
    // a rating above 100 is judged against the source's scale, like every other one
    if (n.code === "scoreOutOfRange")
      ctx.issues.push(
        issue("error", "ratingOutOfRange", { value: n.params.value, scale: from }, where)
      );
    else for (const x of q.notes) ctx.issues.push(issue(x.severity, x.code, x.params, where));
    return null;
  }
  if (!onScale(q.value)) {
    ctx.issues.push(issue("error", "ratingOutOfRange", { value: q.value, scale: from }, where));
    return null;
  }
  return convertRating(q.value, from, options.scale);
}

/** One rating row, or null with its issues. */
function readRating(ctx: Ctx, i: number, options: FeedbackOptions): FeedbackRating | null {
  const cells = ctx.table.rows[i];
  const id = toHalfWidth(cellText(cells[ctx.col.id!])).trim();
  if (!id) {
    ctx.issues.push(issue("error", "idMissing", {}, { location: at(ctx, i, "id") }));
    return null;
  }
  const periodCell = cells[ctx.col.period!];
  const pr = readPeriod(periodCell);
  if (!pr.ok) {
    const code = pr.reason === "ambiguous" ? "periodAmbiguous" : "feedbackPeriodUnreadable";
    ctx.issues.push(
      issue(
        "error",
        code,
        { text: cellText(periodCell) },
        { location: at(ctx, i, "period"), subject: { id } }
      )
    );
    return null;
  }
  const subject = { id, period: pr.period.key };
  const raterText = cellText(cells[ctx.col.rater!]);
  const rater = RATERS[normalizeHeader(raterText)];
  if (!rater) {
    ctx.issues.push(
      issue(
        "error",
        "raterUnreadable",
        { text: raterText },
        { location: at(ctx, i, "rater"), subject }
      )
    );
    return null;
  }
  const score = ratingOf(ctx, i, options, subject);
  if (score === null) return null;
  const raterName =
    ctx.col.raterName === undefined ? "" : cellText(cells[ctx.col.raterName]).trim();
  return {
    id,
    period: pr.period.key,
    rater,
    score,
    raterName,
    source: { sheet: ctx.table.sheet, row: ctx.where.rowOf(i) },
  };
}

/**
 * Repeats: the same rater's row twice counts once; the same rater with another rating blocks
 * every rating of that person and period (a wrong 360 score must not look right).
 */
function withoutRepeats(ctx: Ctx, ratings: FeedbackRating[]): FeedbackRating[] {
  const first = new Map<string, FeedbackRating>();
  const blocked = new Set<string>();
  const kept: FeedbackRating[] = [];
  for (const r of ratings) {
    // without the rater's name two rows cannot be told from two raters who agree: both count
    if (!r.raterName) {
      kept.push(r);
      continue;
    }
    const key = [r.id, r.period, r.rater, normalizeHeader(r.raterName)].join("\u0000");
    const prior = first.get(key);
    const where = {
      location: { sheet: ctx.where.sheet, row: r.source.row },
      subject: { id: r.id, period: r.period },
    };
    if (!prior) {
      first.set(key, r);
      kept.push(r);
    } else if (prior.score === r.score) {
      ctx.issues.push(issue("warning", "ratingRepeated", { row: prior.source.row }, where));
    } else {
      ctx.issues.push(
        issue(
          "error",
          "ratingConflict",
          {
            rater: r.raterName,
            id: r.id,
            period: r.period,
            row: prior.source.row,
            other: prior.score,
            value: r.score,
          },
          where
        )
      );
      blocked.add(`${r.id}\u0000${r.period}`);
    }
  }
  return kept.filter((r) => !blocked.has(`${r.id}\u0000${r.period}`));
}

/**
 * Reads ratings from the Feedback sheet or a survey export (header in `table.header`). See the
 * module comment for what is refused and what is said.
 */
export function readFeedbackTable(table: CellTable, options: FeedbackOptions): FeedbackReading {
  const issues: Issue[] = [];
  const col = feedbackColumnsOf(table.header);
  for (const key of ["id", "period", "rater", "score"] as const)
    if (col[key] === undefined)
      issues.push(
        issue(
          "error",
          "columnNotFound",
          { name: { en: FEEDBACK_HEADERS[key].en, zh: FEEDBACK_HEADERS[key].zh } },
          { location: { sheet: table.sheet, row: table.headerRow } }
        )
      );
  if (issues.length) return { ratings: [], issues };
  const where = tableWhere(table);
  const rules = analyzeTable(
    table.rows,
    [{ ...RATING_FIELD, unit: "score" }],
    { rating: col.score! },
    table.delimiter,
    where
  );
  const ctx: Ctx = { table, col, where, rules: rules.rules ?? DEFAULT_RULES, issues };
  issues.push(...rules.issues);
  if (options.sourceScale === undefined) {
    const found = scaleShown(ctx, options.scale);
    if (found) {
      issues.push(scaleIssue(ctx, found, options.scale));
      return { ratings: [], issues, scaleFound: found };
    }
  }
  const read: FeedbackRating[] = [];
  const readable: FeedbackRating[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    if (!table.rows[i] || blankRow(table.rows[i])) continue;
    const r = readRating(ctx, i, options);
    if (!r) continue;
    readable.push(r);
    if (options.knownIds && !options.knownIds.has(r.id)) {
      issues.push(
        issue(
          "warning",
          "ratingUnknownId",
          { id: r.id },
          { location: at(ctx, i, "id"), subject: { id: r.id, period: r.period } }
        )
      );
    } else read.push(r);
  }
  const ratings = withoutRepeats(ctx, read);
  const from = options.sourceScale;
  if (from !== undefined) issues.push(conversionIssue(ctx, ratings, from, options.scale));
  return { ratings, issues, readable };
}

function scaleIssue(
  ctx: Ctx,
  found: NonNullable<FeedbackReading["scaleFound"]>,
  scale: RatingScale
): Issue {
  let evidence: { en: string; zh: string };
  if (found.header !== undefined) {
    const t = FEEDBACK_MESSAGES.ratingScaleHeader;
    evidence = {
      en: t.en.replace("{header}", found.header),
      zh: t.zh.replace("{header}", found.header),
    };
  } else {
    const values = ctx.table.rows
      .map((r) => readQuantity(r[ctx.col.score!], RATING_FIELD, ctx.rules))
      .filter((q): q is { kind: "number"; value: number; notes: [] } => q.kind === "number")
      .map((q) => q.value);
    const t = FEEDBACK_MESSAGES.ratingScaleValues;
    const fill = (s: string) =>
      s.replace("{count}", String(values.length)).replace("{max}", String(Math.max(...values)));
    evidence = { en: fill(t.en), zh: fill(t.zh) };
  }
  return issue(
    "error",
    "ratingScaleMismatch",
    { source: found.scale, scale, evidence },
    {
      location: {
        sheet: ctx.where.sheet,
        row: ctx.table.headerRow,
        column: ctx.where.columnOf(ctx.col.score!),
        header: ctx.where.header(ctx.col.score!),
      },
    }
  );
}

function conversionIssue(
  ctx: Ctx,
  ratings: readonly FeedbackRating[],
  from: RatingScale,
  to: RatingScale
): Issue {
  const label = { label: { en: ctx.where.sheet, zh: ctx.where.sheet } };
  if (from === to) return issue("info", "ratingsTakenAsScale", { scale: to }, label);
  const example = ratings[0];
  const original = example ? convertRating(example.score, to, from) : 0;
  return issue(
    "info",
    "ratingsConverted",
    {
      count: ratings.length,
      source: from,
      scale: to,
      factor: Number((to / from).toPrecision(12)),
      example: original,
      converted: example ? example.score : 0,
    },
    label
  );
}
