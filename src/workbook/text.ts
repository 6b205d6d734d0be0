/**
 * Words the workbook shows: sheet names, section titles, column headers and the display names of
 * every enumeration, in both languages. Readers accept either language, so a workbook made in
 * zh-CN reads back under en-US and the other way round.
 */
import type { Language } from "../engine/messages";
import { normalizeHeader } from "../engine/records";
import type { FixedRole } from "./layout";

export interface Words {
  en: string;
  zh: string;
}

export function say(w: Words, language: Language): string {
  return language === "zh-CN" ? w.zh : w.en;
}

export const SHEET_NAMES: Record<FixedRole, Words> = {
  guide: { en: "Guide", zh: "使用说明" },
  plan: { en: "Plan", zh: "方案" },
  data: { en: "Data", zh: "数据" },
  feedback: { en: "Feedback", zh: "360评价" },
  months: { en: "Monthly data", zh: "月度数据" },
  commission: { en: "Commission", zh: "提成明细" },
  scorecard: { en: "Scorecard", zh: "评分卡" },
  annual: { en: "Annual", zh: "年度评价" },
  summary: { en: "Summary", zh: "汇总" },
  statements: { en: "Statements", zh: "绩效结果通知单" },
  close_log: { en: "Close log", zh: "结账记录" },
  year_to_date: { en: "Year to date", zh: "年度累计" },
  paylist: { en: "Pay list", zh: "工资表" },
  payslips: { en: "Payslips", zh: "工资条" },
  tracking: { en: "Tracking", zh: "月度跟踪" },
  target_letters: { en: "Target letters", zh: "目标责任书" },
  grade_history: { en: "Grade history", zh: "历年评级" },
  appeals: { en: "Appeals", zh: "绩效申诉" },
  sign_off: { en: "Sign-off", zh: "绩效审批" },
};

/** Enumerations of the plan as the Plan sheet shows them (value → words). */
export const ENUMS = {
  direction: { higher: { en: "higher", zh: "越高越好" }, lower: { en: "lower", zh: "越低越好" } },
  method: {
    linear: { en: "linear", zh: "线性" },
    curve: { en: "curve", zh: "曲线" },
    direct: { en: "direct", zh: "直接得分" },
    deduction: { en: "deduction", zh: "扣分" },
    feedback: { en: "360 feedback", zh: "360评价" },
  },
  inputKind: {
    field: { en: "field", zh: "字段" },
    ratio: { en: "ratio", zh: "比率" },
    growth: { en: "growth", zh: "增长率" },
    sum: { en: "sum", zh: "合计" },
    feedback: { en: "360 feedback", zh: "360评价" },
    customer360: { en: "360 customer ratings", zh: "客户360评价" },
  },
  curveMode: { linear: { en: "linear", zh: "线性" }, step: { en: "step", zh: "阶梯" } },
  curveOn: { attainment: { en: "attainment", zh: "完成率" }, value: { en: "value", zh: "数值" } },
  missing: {
    error: { en: "error", zh: "报错" },
    zero: { en: "zero", zh: "计零" },
    renormalize: { en: "renormalize", zh: "重新分配" },
  },
  unit: {
    currency: { en: "currency", zh: "金额" },
    ratio: { en: "ratio", zh: "比率" },
    count: { en: "count", zh: "数量" },
    score: { en: "score", zh: "分数" },
    days: { en: "days", zh: "天数" },
    hours: { en: "hours", zh: "小时" },
    points: { en: "points", zh: "扣分点" },
  },
  role: {
    measure: { en: "measure", zh: "考核数据" },
    target: { en: "target", zh: "目标" },
    pay: { en: "pay", zh: "薪酬" },
  },
  aggregate: {
    sum: { en: "sum", zh: "合计" },
    mean: { en: "mean", zh: "平均" },
    last: { en: "last", zh: "取最后" },
  },
  gradeMode: {
    bands: { en: "bands", zh: "分数区间" },
    forced: { en: "forced distribution", zh: "强制分布" },
    bandsWithCheck: { en: "bands, check quotas", zh: "分数区间+比例检查" },
  },
  group: { team: { en: "team", zh: "团队" }, company: { en: "company", zh: "全公司" } },
  coefficientMode: {
    grade: { en: "by grade", zh: "按等级" },
    matrix: { en: "matrix", zh: "矩阵" },
  },
  basis: { collected: { en: "collected", zh: "回款" }, signed: { en: "signed", zh: "签约" } },
  commissionMethod: {
    marginal: { en: "marginal", zh: "超额累进" },
    whole: { en: "whole", zh: "全额累进" },
  },
  boundType: {
    currency: { en: "currency", zh: "金额" },
    attainment: { en: "attainment", zh: "完成率" },
  },
  clawback: {
    carryForward: { en: "carry forward", zh: "结转抵扣" },
    deductFromPay: { en: "deduct from pay", zh: "当月扣回" },
  },
  evaluation: { quarter: { en: "quarter", zh: "季度" }, month: { en: "month", zh: "月度" } },
  schedule: {
    quarterEnd: { en: "with the quarter's last month", zh: "季末发放" },
    monthlyAdvance: { en: "monthly advance, quarter-end true-up", zh: "按月预发、季末多退少补" },
  },
  yesNo: { yes: { en: "yes", zh: "是" }, no: { en: "no", zh: "否" } },
  rater: {
    superior: { en: "superior", zh: "上级" },
    peer: { en: "peer", zh: "同事" },
    customer: { en: "customer", zh: "客户" },
  },
} as const satisfies Record<string, Record<string, Words>>;

export type EnumName = keyof typeof ENUMS;
export type EnumValue<E extends EnumName> = keyof (typeof ENUMS)[E] & string;

/** The words for an enumeration value. */
export function enumText<E extends EnumName>(
  e: E,
  value: EnumValue<E>,
  language: Language
): string {
  const table = ENUMS[e] as Record<string, Words>;
  return say(table[value], language);
}

/** Every display text of an enumeration (a data validation list). */
export function enumList(e: EnumName, language: Language): string[] {
  return Object.values(ENUMS[e] as Record<string, Words>).map((w) => say(w, language));
}

/** Reads an enumeration written in either language (or as its value); null when unknown. */
export function readEnum<E extends EnumName>(e: E, text: unknown): EnumValue<E> | null {
  if (typeof text !== "string" && typeof text !== "boolean") return null;
  const t = normalizeHeader(String(text));
  if (!t) return null;
  for (const [value, w] of Object.entries(ENUMS[e] as Record<string, Words>)) {
    if (t === normalizeHeader(value) || t === normalizeHeader(w.en) || t === normalizeHeader(w.zh))
      return value as EnumValue<E>;
  }
  if (e === "yesNo" && typeof text === "boolean") return (text ? "yes" : "no") as EnumValue<E>;
  return null;
}

/** True when a cell's text is these words in either language. */
export function isWords(text: unknown, w: Words): boolean {
  if (typeof text !== "string") return false;
  const t = normalizeHeader(text);
  if (t === "") return false;
  const is = (x: string) => x === normalizeHeader(w.en) || x === normalizeHeader(w.zh);
  // a money column's header carries its unit on zh-CN sheets (money.ts): 基本工资(元)
  return is(t) || is(t.replace(/\((元|cny|rmb)\)$/, ""));
}

/** Column header words. */
export const H = {
  key: { en: "Key", zh: "键" },
  nameZh: { en: "Name (Chinese)", zh: "名称（中文）" },
  nameEn: { en: "Name (English)", zh: "名称（英文）" },
  weight: { en: "Weight", zh: "权重" },
  rangeMin: { en: "Recommended min", zh: "建议下限" },
  rangeMax: { en: "Recommended max", zh: "建议上限" },
  dimension: { en: "Dimension", zh: "维度" },
  unit: { en: "Unit", zh: "单位" },
  direction: { en: "Direction", zh: "方向" },
  inputKind: { en: "Input", zh: "输入方式" },
  inputFields: { en: "Input fields", zh: "输入字段" },
  method: { en: "Scoring", zh: "计分方式" },
  floor: { en: "Floor", zh: "下限" },
  cap: { en: "Cap", zh: "上限" },
  fullScore: { en: "Full score", zh: "满分" },
  curveMode: { en: "Curve mode", zh: "曲线方式" },
  curveOn: { en: "Curve on", zh: "曲线依据" },
  targetField: { en: "Target field", zh: "目标字段" },
  targetDefault: { en: "Default target (per month)", zh: "默认目标（每月）" },
  missing: { en: "If missing", zh: "缺失处理" },
  share360: { en: "Customer 360 share", zh: "客户360评价占比" },
  indicator: { en: "Indicator", zh: "指标" },
  x: { en: "x (attainment or value)", zh: "x（完成率或数值）" },
  y: { en: "y (score)", zh: "y（得分）" },
  role: { en: "Role", zh: "用途" },
  aggregate: { en: "Aggregation", zh: "汇总方式" },
  sourceZh: { en: "Source (Chinese)", zh: "来源（中文）" },
  sourceEn: { en: "Source (English)", zh: "来源（英文）" },
  aliases: { en: "Other headers", zh: "其他表头" },
  optional: { en: "Optional", zh: "可缺省" },
  gradeMin: { en: "Min score", zh: "最低分" },
  grade: { en: "Grade", zh: "等级" },
  coefficient: { en: "Coefficient", zh: "绩效系数" },
  quota: { en: "Quota", zh: "分布比例" },
  cumulative: { en: "Cumulative quota (calculated)", zh: "累计比例（自动计算）" },
  tierFrom: { en: "From", zh: "起点" },
  team: { en: "Team", zh: "团队" },
  leadId: { en: "Lead's employee ID", zh: "负责人员工编号" },
  rate: { en: "Rate", zh: "提成比例" },
  rater: { en: "Rater type", zh: "评价人类型" },
  part: { en: "Part", zh: "组成" },
  setting: { en: "Setting", zh: "项目" },
  value: { en: "Value", zh: "取值" },
  note: { en: "Note", zh: "说明" },
  matrixCorner: { en: "Attainment \\ collection rate", zh: "完成率 \\ 回款率" },
} as const satisfies Record<string, Words>;
