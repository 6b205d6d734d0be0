/**
 * The one source of truth for what Excel shows about the PERF.* functions, in both languages:
 * function names, descriptions, parameter names and parameter help.
 *
 * - The JSDoc in functions.ts carries the en-US text; test/functions/metadata.test.ts checks that
 *   the metadata generated from that JSDoc equals this catalog, so the two cannot drift.
 * - The zh-CN metadata (dist/functions.zh-CN.json) is built from the generated en-US metadata by
 *   {@link localizeMetadata}: same ids, types, dimensionality and optional flags; names and text
 *   from this catalog. scripts/localized-metadata-plugin.js runs it in the webpack build.
 * - Parameter names in both languages come from TERMS in the engine's message catalogue, the same
 *   names the error messages use.
 *
 * Build-time only: functions.ts does not import this file, so none of it ships in functions.js.
 */
import { TERMS, type TermKey } from "../engine/messages";

export interface ParamSpec {
  /** The argument's key in TERMS; its en name is the TypeScript parameter name. */
  name: TermKey;
  optional?: boolean;
  /** A range argument (dimensionality "matrix"). */
  range?: boolean;
  en: string;
  zh: string;
}

export interface FunctionSpec {
  /** Metadata id, also the en-US display name. Never changes. */
  id: string;
  /** zh-CN display name (without the 绩效 namespace). */
  zhName: string;
  en: string;
  zh: string;
  params: ParamSpec[];
}

export const NAMESPACE = { en: "PERF", zh: "绩效" } as const;

const DIRECTION_EN =
  '"higher" (default): more is better, actual ÷ target; "lower": less is better, target ÷ actual. Also 高 / 低.';
const DIRECTION_ZH =
  "“高”（默认，越高越好：实际 ÷ 目标）或“低”（越低越好：目标 ÷ 实际）；也可写 higher / lower。";

export const CATALOG: readonly FunctionSpec[] = [
  {
    id: "ATTAINMENT",
    zhName: "完成率",
    en: "Completion ratio: actual ÷ target, or target ÷ actual when less is better.",
    zh: "完成率：实际值 ÷ 目标值；越低越好的指标为 目标值 ÷ 实际值。",
    params: [
      {
        name: "actual",
        en: "The actual result (sales, days, hours); may be negative.",
        zh: "实际完成值（销售额、天数、时长等），可为负数。",
      },
      { name: "target", en: "The target, 0 or more.", zh: "目标值，不小于 0。" },
      { name: "direction", optional: true, en: DIRECTION_EN, zh: DIRECTION_ZH },
    ],
  },
  {
    id: "GROWTH",
    zhName: "增长率",
    en: "Growth rate: (current − prior) ÷ ABS(prior).",
    zh: "增长率：（本期值 − 上期值）÷ 上期值的绝对值。",
    params: [
      { name: "current", en: "This period's value.", zh: "本期值。" },
      { name: "prior", en: "The prior period's value; must not be 0.", zh: "上期值，不能为 0。" },
    ],
  },
  {
    id: "KPISCORE",
    zhName: "指标得分",
    en: "Indicator score: MIN(attainment, cap) × full_score, or 0 when attainment is below floor.",
    zh: "指标得分：MIN(完成率, 上限) × 满分；完成率低于下限时得 0 分。",
    params: [
      { name: "actual", en: "The actual result; may be negative.", zh: "实际完成值，可为负数。" },
      { name: "target", en: "The target, 0 or more.", zh: "目标值，不小于 0。" },
      {
        name: "floor",
        optional: true,
        en: "Lowest attainment that scores (default 0); below it the score is 0.",
        zh: "计分的最低完成率（默认 0），低于它得 0 分。",
      },
      {
        name: "cap",
        optional: true,
        en: "Highest attainment that counts (default 1.2).",
        zh: "计分的最高完成率（默认 1.2）。",
      },
      { name: "direction", optional: true, en: DIRECTION_EN, zh: DIRECTION_ZH },
      {
        name: "full_score",
        optional: true,
        en: "Score for 100% attainment (default 100).",
        zh: "完成率 100% 时的得分（默认 100）。",
      },
    ],
  },
  {
    id: "CURVE",
    zhName: "曲线取值",
    en: "Payout or score curve (threshold, target, stretch): 0 below the first point, the last y from the last point on.",
    zh: "门槛值–目标值–挑战值曲线：低于第一个点为 0，达到最后一个点取最后的 y 值。",
    params: [
      {
        name: "value",
        en: "The value to look up, e.g. an attainment.",
        zh: "要查找的值，如完成率。",
      },
      {
        name: "points",
        range: true,
        en: "Two columns (x, y), x strictly ascending; the first point is the threshold.",
        zh: "两列 (x, y)，x 严格递增；第一个点为门槛。",
      },
      {
        name: "mode",
        optional: true,
        en: '"linear" (default) interpolates between points; "step" takes the y of the last x reached.',
        zh: "“线性”（默认）在两点间插值；“阶梯”取已达到的最后一个 x 的 y 值；也可写 linear / step。",
      },
    ],
  },
  {
    id: "WEIGHTED",
    zhName: "加权得分",
    en: "Weighted score: Σ score × weight ÷ Σ weight; weights sum to 1 (100%) or to 100 points.",
    zh: "加权得分：Σ 得分 × 权重 ÷ Σ 权重；权重合计须为 1（100%）或 100 分。",
    params: [
      {
        name: "scores",
        range: true,
        en: "The scores, any shape, read row by row.",
        zh: "各项得分，任意形状，按行读取。",
      },
      {
        name: "weights",
        range: true,
        en: "One weight per score, 0 or more; a blank weight is 0.",
        zh: "与得分一一对应的权重，不小于 0；空白视为 0。",
      },
      {
        name: "missing",
        optional: true,
        en: 'A blank score with a weight: "error" (default), "zero" counts it as 0, "renormalize" leaves it out.',
        zh: "有权重的得分为空时：“报错”（默认）、“计零”按 0 计、“重新分配”剔除后按比例放大其余权重。",
      },
    ],
  },
  {
    id: "GRADE",
    zhName: "绩效等级",
    en: "Rating grade: the label of the highest band minimum the score reaches.",
    zh: "绩效等级：得分达到的最高区间下限所对应的等级。",
    params: [
      { name: "score", en: "The score to grade.", zh: "要评级的得分。" },
      {
        name: "bands",
        optional: true,
        range: true,
        en: "Two columns (min_score, label), any order. Default: S 95, A 85, B 70, C 60, D 0.",
        zh: "两列（最低分, 等级），顺序不限。默认：S 95、A 85、B 70、C 60、D 0。",
      },
    ],
  },
  {
    id: "DISTRIBUTE",
    zhName: "强制分布",
    en: "Forced distribution: a grade for every score by rank; the result spills in the shape of scores.",
    zh: "强制分布：按排名给每个得分分配等级，结果按得分区域的形状溢出。",
    params: [
      {
        name: "scores",
        range: true,
        en: "The scores to rank; a blank cell gives a blank.",
        zh: "参与排名的得分；空白单元格返回空白。",
      },
      {
        name: "quotas",
        optional: true,
        range: true,
        en: "Two columns (label, share), best grade first; shares sum to 1 or 100. Default: S 10%, A 20%, B 50%, C 15%, D 5%.",
        zh: "两列（等级, 比例），最好的等级在前；比例合计为 1 或 100。默认：S 10%、A 20%、B 50%、C 15%、D 5%。",
      },
    ],
  },
  {
    id: "COEFFICIENT",
    zhName: "绩效系数",
    en: "Performance coefficient for a grade.",
    zh: "按等级取绩效系数。",
    params: [
      {
        name: "grade",
        en: "The grade label, e.g. A; case and surrounding spaces are ignored.",
        zh: "等级，如 A；不区分大小写，忽略首尾空格。",
      },
      {
        name: "table",
        optional: true,
        range: true,
        en: "Two columns (label, coefficient). Default: S 1.5, A 1.2, B 1.0, C 0.8, D 0.5.",
        zh: "两列（等级, 系数）。默认：S 1.5、A 1.2、B 1.0、C 0.8、D 0.5。",
      },
    ],
  },
  {
    id: "MATRIX",
    zhName: "矩阵查找",
    en: "Two-way lookup, e.g. a coefficient by attainment (rows) and collection rate (columns).",
    zh: "二维查找，如按完成率（行）和回款率（列）查系数。",
    params: [
      {
        name: "row_value",
        en: "The value looked up down the first column.",
        zh: "在首列中查找的值。",
      },
      {
        name: "column_value",
        en: "The value looked up along the first row.",
        zh: "在首行中查找的值。",
      },
      {
        name: "table",
        range: true,
        en: "First row: column thresholds; first column: row thresholds (both from the second cell, strictly ascending).",
        zh: "首行为列阈值、首列为行阈值（均从第二个单元格起，严格递增）。",
      },
    ],
  },
  {
    id: "COMMISSION",
    zhName: "阶梯提成",
    en: "Tiered commission: marginal (each slice at its tier's rate) or whole (the whole amount at the highest tier reached).",
    zh: "阶梯提成：超额累进（各段按本段比例）或全额累进（全额按达到的最高档比例）。",
    params: [
      {
        name: "amount",
        en: "The amount the commission is paid on, 0 or more.",
        zh: "计提金额，不小于 0。",
      },
      {
        name: "tiers",
        range: true,
        en: "Two columns (lower_bound, rate), bounds strictly ascending; below the first bound earns 0.",
        zh: "两列（下限, 提成比例），下限严格递增；低于第一档下限不提成。",
      },
      {
        name: "method",
        optional: true,
        en: '"marginal" (default, 超额累进) or "whole" (全额累进).',
        zh: "“超额累进”（默认）或“全额累进”；也可写 marginal / whole。",
      },
      {
        name: "target",
        optional: true,
        en: "A quota above 0: the bounds are then attainment ratios multiplied by it.",
        zh: "目标值（大于 0）：填写时下限为完成率，乘以目标值。",
      },
      {
        name: "cap",
        optional: true,
        en: "The most that is paid, 0 or more.",
        zh: "提成封顶金额，不小于 0。",
      },
    ],
  },
  {
    id: "FEEDBACK",
    zhName: "全方位评价",
    en: "360-degree feedback score: weighted average of superior, peer and customer ratings; a group without ratings is left out.",
    zh: "360度评价：上级、同事、客户评分的加权平均；没有评分的一方不参与计算。",
    params: [
      {
        name: "superior",
        range: true,
        en: "The superior's rating: a number or a range.",
        zh: "上级评分：数字或区域。",
      },
      {
        name: "peers",
        range: true,
        en: "Peer ratings: a number or a range.",
        zh: "同事评分：数字或区域。",
      },
      {
        name: "customers",
        range: true,
        en: "Customer ratings: a number or a range.",
        zh: "客户评分：数字或区域。",
      },
      {
        name: "weights",
        optional: true,
        range: true,
        en: "Three cells (superior, peers, customers) summing to 1 or 100. Default: 0.6, 0.2, 0.2.",
        zh: "三个单元格（上级、同事、客户），合计为 1 或 100。默认：0.6、0.2、0.2。",
      },
    ],
  },
  {
    id: "PRORATE",
    zhName: "按天折算",
    en: "Proration for a partial period: amount × MIN(1, days_worked ÷ days_in_period).",
    zh: "按出勤天数折算：金额 × MIN(1, 出勤天数 ÷ 当期天数)。",
    params: [
      { name: "amount", en: "The full-period amount.", zh: "整期金额。" },
      { name: "days_worked", en: "Days worked, 0 or more.", zh: "出勤天数，不小于 0。" },
      { name: "days_in_period", en: "Days in the period, above 0.", zh: "当期天数，大于 0。" },
    ],
  },
  {
    id: "PAY",
    zhName: "应发薪酬",
    en: "Monthly pay: base + performance_pay × coefficient + commission + bonus, rounded to 2 decimals like ROUND.",
    zh: "应发薪酬：基本工资 + 绩效工资 × 绩效系数 + 提成 + 奖金，按 ROUND 保留 2 位小数。",
    params: [
      { name: "base", en: "Base salary, 0 or more.", zh: "基本工资，不小于 0。" },
      {
        name: "performance_pay",
        en: "Performance pay at coefficient 1, 0 or more.",
        zh: "系数为 1 时的绩效工资，不小于 0。",
      },
      {
        name: "coefficient",
        en: "Performance coefficient, 0 or more.",
        zh: "绩效系数，不小于 0。",
      },
      {
        name: "commission",
        optional: true,
        en: "Commission (default 0); may be negative for a clawback.",
        zh: "提成（默认 0），追回时可为负数。",
      },
      {
        name: "bonus",
        optional: true,
        en: "Bonus (default 0); may be negative for a deduction.",
        zh: "奖金（默认 0），扣款时可为负数。",
      },
    ],
  },
];

export type Locale = "zh-CN";

/** Excel's rule for function names: a letter first, then letters, digits, periods, underscores. */
export const EXCEL_NAME_PATTERN = /^\p{L}[\p{L}0-9._]*$/u;

/** Valid per Excel's naming rules and this project's rule of at least three characters. */
export function isValidFunctionName(name: string): boolean {
  return [...name].length >= 3 && [...name].length <= 128 && EXCEL_NAME_PATTERN.test(name);
}

/** The shape of custom-functions metadata this module reads and writes. */
export interface MetadataParameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetadataParameter[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}
export interface Metadata {
  functions: MetadataFunction[];
  [key: string]: unknown;
}

/**
 * Differences between generated en-US metadata and the catalog (empty when they agree): ids,
 * names, descriptions, parameter names, help, optional flags and range dimensionality.
 */
export function compareWithCatalog(metadata: Metadata): string[] {
  const problems: string[] = [];
  const byId = new Map(metadata.functions.map((f) => [f.id, f]));
  for (const spec of CATALOG) {
    const f = byId.get(spec.id);
    if (!f) {
      problems.push(`${spec.id}: missing from the metadata`);
      continue;
    }
    if (f.name !== spec.id) problems.push(`${spec.id}: name is ${f.name}, expected ${spec.id}`);
    if (f.description !== spec.en)
      problems.push(
        `${spec.id}: description "${f.description}" differs from the catalog "${spec.en}"`
      );
    if (f.options?.volatile) problems.push(`${spec.id}: must not be volatile`);
    if (f.parameters.length !== spec.params.length) {
      problems.push(
        `${spec.id}: ${f.parameters.length} parameters, catalog has ${spec.params.length}`
      );
      continue;
    }
    spec.params.forEach((p, i) => {
      const m = f.parameters[i];
      const where = `${spec.id} parameter ${i + 1}`;
      if (m.name !== TERMS[p.name].en)
        problems.push(`${where}: name ${m.name}, expected ${TERMS[p.name].en}`);
      if (m.description !== p.en)
        problems.push(`${where}: help "${m.description}" differs from the catalog "${p.en}"`);
      if (Boolean(m.optional) !== Boolean(p.optional))
        problems.push(`${where}: optional is ${Boolean(m.optional)}`);
      if ((m.dimensionality === "matrix") !== Boolean(p.range))
        problems.push(`${where}: dimensionality ${m.dimensionality ?? "scalar"}`);
      if (m.type !== "any")
        problems.push(
          `${where}: type ${m.type}; must be any so Excel passes text, blanks and booleans through`
        );
      if (m.repeating) problems.push(`${where}: must not be repeating`);
    });
  }
  for (const f of metadata.functions) {
    if (!CATALOG.some((s) => s.id === f.id)) problems.push(`${f.id}: not in the catalog`);
  }
  return problems;
}

/**
 * The localized metadata for a locale: a copy of the generated en-US metadata with names and
 * descriptions from the catalog. Throws when the metadata and the catalog disagree.
 */
export function localizeMetadata(metadata: Metadata, locale: Locale): Metadata {
  const problems = compareWithCatalog(metadata);
  if (problems.length > 0)
    throw new Error(
      `functions metadata and src/functions/catalog.ts disagree:\n  ${problems.join("\n  ")}`
    );
  const specs = new Map(CATALOG.map((s) => [s.id, s]));
  const copy = JSON.parse(JSON.stringify(metadata)) as Metadata;
  for (const f of copy.functions) {
    const spec = specs.get(f.id)!;
    if (locale === "zh-CN") {
      f.name = spec.zhName;
      f.description = spec.zh;
      f.parameters.forEach((p, i) => {
        p.name = TERMS[spec.params[i].name].zh;
        p.description = spec.params[i].zh;
      });
    }
  }
  return copy;
}
