/**
 * The engine's messages in both languages, and how any message is formatted. The engine returns a
 * key and parameters; the custom-function layer and the task pane format them in the user's
 * display language with {@link formatMessage}, which looks the key up in the one index of every
 * catalogue (src/messages.ts).
 */
import { messageText, type MessageKey } from "../messages";

export type { MessageKey };

export type Language = "en-US" | "zh-CN";
export const LANGUAGES: readonly Language[] = ["en-US", "zh-CN"];

/** Pick the supported language for an Office display language such as "zh-CN", "zh-TW", "en-GB". */
export function pickLanguage(displayLanguage: string | undefined | null): Language {
  return displayLanguage && /^zh/i.test(displayLanguage) ? "zh-CN" : "en-US";
}

/** Parameter values: text, numbers, or text in both languages (a field or dimension name). */
export type MessageParams = Record<string, string | number | { en: string; zh: string }>;

/** A message in English and Chinese, with `{name}` placeholders. */
export interface MessageText {
  en: string;
  zh: string;
}

/**
 * Names of arguments and fields as users see them. A message parameter named `arg` (or `field`)
 * whose value is a key of this table is shown in the user's language.
 */
export const TERMS = {
  actual: { en: "actual", zh: "实际值" },
  target: { en: "target", zh: "目标值" },
  direction: { en: "direction", zh: "方向" },
  current: { en: "current", zh: "本期值" },
  prior: { en: "prior", zh: "上期值" },
  floor: { en: "floor", zh: "下限" },
  cap: { en: "cap", zh: "上限" },
  full_score: { en: "full_score", zh: "满分" },
  value: { en: "value", zh: "数值" },
  points: { en: "points", zh: "曲线点" },
  mode: { en: "mode", zh: "方式" },
  scores: { en: "scores", zh: "得分" },
  weights: { en: "weights", zh: "权重" },
  missing: { en: "missing", zh: "缺失处理" },
  score: { en: "score", zh: "得分" },
  bands: { en: "bands", zh: "等级区间" },
  quotas: { en: "quotas", zh: "分布比例" },
  grade: { en: "grade", zh: "等级" },
  table: { en: "table", zh: "对照表" },
  row_value: { en: "row_value", zh: "行值" },
  column_value: { en: "column_value", zh: "列值" },
  amount: { en: "amount", zh: "金额" },
  tiers: { en: "tiers", zh: "提成阶梯" },
  method: { en: "method", zh: "计算方式" },
  superior: { en: "superior", zh: "上级评分" },
  peers: { en: "peers", zh: "同事评分" },
  customers: { en: "customers", zh: "客户评分" },
  days_worked: { en: "days_worked", zh: "出勤天数" },
  days_in_period: { en: "days_in_period", zh: "当期天数" },
  base: { en: "base", zh: "基本工资" },
  performance_pay: { en: "performance_pay", zh: "绩效工资" },
  coefficient: { en: "coefficient", zh: "绩效系数" },
  commission: { en: "commission", zh: "提成" },
  bonus: { en: "bonus", zh: "奖金" },
} as const satisfies Record<string, MessageText>;

export type TermKey = keyof typeof TERMS;

export const ENGINE_MESSAGES = {
  // ---- argument reading (functions and data cells) ----
  notANumber: {
    en: '{arg} must be a number; "{text}" is not one.',
    zh: "{arg}必须是数字，“{text}”不是数字。",
  },
  booleanNotNumber: {
    en: "{arg} must be a number; TRUE/FALSE is not a number.",
    zh: "{arg}必须是数字，TRUE/FALSE 不是数字。",
  },
  textInRange: {
    en: '{arg}: cell {position} holds "{text}", which is not a number.',
    zh: "{arg}：第 {position} 个单元格为“{text}”，不是数字。",
  },
  notText: {
    en: "{arg} must be text such as {expected}.",
    zh: "{arg}必须是文本，例如 {expected}。",
  },
  tooManyArguments: {
    en: "Too many values in {arg}.",
    zh: "{arg}的值过多。",
  },
  // ---- ATTAINMENT / KPISCORE / GROWTH ----
  badDirection: {
    en: 'direction must be "higher" or "lower" (or 高 / 低); "{value}" is neither.',
    zh: "方向必须是“高”或“低”（或 higher / lower），“{value}”无法识别。",
  },
  targetNegative: {
    en: "target is negative ({value}); a target must be 0 or more.",
    zh: "目标值为负数（{value}），目标值不能小于 0。",
  },
  targetZero: {
    en: "target is 0, so attainment (actual ÷ target) cannot be computed; enter a target above 0.",
    zh: "目标值为 0，无法计算完成率（实际 ÷ 目标），请填写大于 0 的目标值。",
  },
  actualZeroLower: {
    en: "actual is 0 with direction lower, so attainment (target ÷ actual) cannot be computed.",
    zh: "方向为“低”且实际值为 0，无法计算完成率（目标 ÷ 实际）。",
  },
  priorZero: {
    en: "prior is 0, so growth cannot be computed.",
    zh: "上期值为 0，无法计算增长率。",
  },
  floorNegative: {
    en: "floor is negative ({value}); it must be 0 or more.",
    zh: "下限为负数（{value}），下限不能小于 0。",
  },
  capBelowFloor: {
    en: "cap ({cap}) is below floor ({floor}).",
    zh: "上限（{cap}）低于下限（{floor}）。",
  },
  fullScoreNotPositive: {
    en: "full_score must be above 0; it is {value}.",
    zh: "满分必须大于 0，当前为 {value}。",
  },
  // ---- tables ----
  tableColumns: {
    en: "{arg} must have {columns} columns; it has {actual}.",
    zh: "{arg}必须有 {columns} 列，当前为 {actual} 列。",
  },
  tableEmpty: {
    en: "{arg} has no rows.",
    zh: "{arg}没有任何行。",
  },
  tableCellBlank: {
    en: "{arg}: row {row} has a blank cell.",
    zh: "{arg}：第 {row} 行有空单元格。",
  },
  notAscending: {
    en: "{arg}: the value in row {row} ({value}) must be greater than the one above it ({previous}).",
    zh: "{arg}：第 {row} 行的值（{value}）必须大于上一行（{previous}）。",
  },
  notAscendingAcross: {
    en: "{arg}: the value in column {column} ({value}) must be greater than the one to its left ({previous}).",
    zh: "{arg}：第 {column} 列的值（{value}）必须大于左边一列（{previous}）。",
  },
  badCurveMode: {
    en: 'mode must be "linear" or "step" (or 线性 / 阶梯); "{value}" is neither.',
    zh: "方式必须是“线性”或“阶梯”（或 linear / step），“{value}”无法识别。",
  },
  // ---- WEIGHTED ----
  lengthMismatch: {
    en: "scores has {scores} cells but weights has {weights}; they must match.",
    zh: "得分有 {scores} 个单元格，权重有 {weights} 个，数量必须一致。",
  },
  weightNegative: {
    en: "weight {position} is negative ({value}); weights must be 0 or more.",
    zh: "第 {position} 个权重为负数（{value}），权重不能小于 0。",
  },
  weightSum: {
    en: "{arg} sum to {sum}; they must sum to 100% (or 100 points).",
    zh: "{arg}合计为 {sum}，必须合计为 100%（或 100 分）。",
  },
  scoreMissing: {
    en: 'score {position} is blank but its weight is {weight}; fill it in, or set missing to "zero" or "renormalize".',
    zh: "第 {position} 个得分为空，但其权重为 {weight}；请填写得分，或将缺失处理设为“计零”或“重新分配”。",
  },
  allScoresMissing: {
    en: "every score is blank; there is nothing to weigh.",
    zh: "所有得分均为空，无法加权。",
  },
  badMissing: {
    en: 'missing must be "error", "zero" or "renormalize"; "{value}" is none of them.',
    zh: "缺失处理必须是“报错”“计零”或“重新分配”（error / zero / renormalize），“{value}”无法识别。",
  },
  // ---- GRADE / DISTRIBUTE / COEFFICIENT / MATRIX ----
  noBandReached: {
    en: "score {score} is below every band; add a band starting at or below it.",
    zh: "得分 {score} 低于所有等级区间的下限，请增加一个不高于该得分的区间。",
  },
  quotaNegative: {
    en: "quota for {label} is negative ({value}).",
    zh: "等级 {label} 的比例为负数（{value}）。",
  },
  quotaSum: {
    en: "quotas sum to {sum}; they must sum to 100%.",
    zh: "分布比例合计为 {sum}，必须合计为 100%。",
  },
  unknownGrade: {
    en: 'grade "{grade}" is not in the coefficient table.',
    zh: "系数表中没有等级“{grade}”。",
  },
  duplicateLabel: {
    en: '{arg}: the label "{label}" appears twice.',
    zh: "{arg}：标签“{label}”重复出现。",
  },
  matrixTooSmall: {
    en: "table must have a header row and a header column with at least one threshold each.",
    zh: "对照表必须有表头行和表头列，且各至少有一个阈值。",
  },
  // ---- COMMISSION ----
  badCommissionMethod: {
    en: 'method must be "marginal" or "whole" (or 超额累进 / 全额累进); "{value}" is neither.',
    zh: "计算方式必须是“超额累进”或“全额累进”（或 marginal / whole），“{value}”无法识别。",
  },
  targetNotPositive: {
    en: "target must be above 0 when tiers are attainment ratios; it is {value}.",
    zh: "按完成率设定阶梯时，目标值必须大于 0，当前为 {value}。",
  },
  amountNegative: {
    en: "amount is negative ({value}); record returns as a clawback instead.",
    zh: "金额为负数（{value}），退款请作为提成追回处理。",
  },
  capNegative: {
    en: "cap is negative ({value}).",
    zh: "上限为负数（{value}）。",
  },
  // ---- FEEDBACK ----
  feedbackWeightsCount: {
    en: "weights must be three cells (superior, peers, customers); there are {count}.",
    zh: "权重必须是 3 个单元格（上级、同事、客户），当前为 {count} 个。",
  },
  noRatings: {
    en: "there are no ratings from any rater group.",
    zh: "没有任何评价人的评分。",
  },
  // ---- PRORATE / PAY ----
  daysInPeriodNotPositive: {
    en: "days_in_period must be above 0; it is {value}.",
    zh: "当期天数必须大于 0，当前为 {value}。",
  },
  daysWorkedNegative: {
    en: "days_worked is negative ({value}).",
    zh: "出勤天数为负数（{value}）。",
  },
  payPartNegative: {
    en: "{arg} is negative ({value}); only commission and bonus may be negative.",
    zh: "{arg}为负数（{value}），只有提成和奖金可以为负数。",
  },
} as const satisfies Catalogue;

/**
 * A catalogue: message keys with their English and Chinese text. Declared with
 * `satisfies Catalogue` so its keys stay known; it is shown to users once listed in
 * src/messages.ts, the one index formatMessage reads.
 */
export type Catalogue = Record<string, MessageText>;

function termText(value: string | number, language: Language): string | number {
  if (typeof value === "string" && value in TERMS) {
    const t = TERMS[value as TermKey];
    return language === "zh-CN" ? t.zh : t.en;
  }
  return value;
}

/** Format a number for a message: percent-free, up to 10 significant digits, no exponent noise. */
export function formatNumberForMessage(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const r = Number(value.toPrecision(10));
  return String(r);
}

/** The message for a key in a language, with `{name}` placeholders filled in. */
export function formatMessage(
  key: MessageKey,
  params: MessageParams = {},
  language: Language = "en-US"
): string {
  const text = messageText(key);
  if (!text) return key;
  const template = language === "zh-CN" ? text.zh : text.en;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const v = params[name];
    if (typeof v === "object") return language === "zh-CN" ? v.zh : v.en;
    if (name === "arg" || name === "field") return String(termText(v, language));
    return typeof v === "number" ? formatNumberForMessage(v) : v;
  });
}

/** Whether a key exists in the catalogue (tests use it to check every emitted key is defined). */
export function hasMessage(key: string): boolean {
  return messageText(key) !== undefined;
}
