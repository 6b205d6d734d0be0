/**
 * The Plan sheet's sections and its settings: each key/value setting described once — label,
 * note, section, how its value is taken from the plan, written (format, enumeration words,
 * validation) and read back (enumeration fallback, blank allowed) — for the writer, the reader
 * and the defined names (settingName).
 */
import type { Plan } from "../../engine/plan/model";
import {
  guaranteeOf,
  paySchedule,
  RATING_SCALES,
  ratingScale,
  reviewOf,
} from "../../engine/plan/model";
import type { EnumName, Words } from "../text";
import { PLAN_NAMES, type SettingKey } from "./names";

export const SECTIONS = {
  info: { en: "Plan", zh: "方案信息" },
  dimensions: { en: "Dimensions", zh: "考核维度" },
  indicators: { en: "Indicators", zh: "考核指标" },
  curves: { en: "Curve points", zh: "曲线计分点" },
  grades: { en: "Grades and coefficients", zh: "等级与绩效系数" },
  grading: { en: "Grading", zh: "评级设置" },
  matrix: { en: "Coefficient matrix", zh: "系数矩阵" },
  tiers: { en: "Commission tiers", zh: "提成阶梯" },
  commission: { en: "Commission", zh: "提成设置" },
  team: { en: "Team commission", zh: "团队提成设置" },
  teamTiers: { en: "Team commission tiers", zh: "团队提成阶梯" },
  teamLeads: { en: "Team leads", zh: "团队负责人" },
  pay: { en: "Pay", zh: "薪酬设置" },
  periods: { en: "Periods", zh: "考核周期" },
  annual: { en: "Annual score weights", zh: "年度得分权重" },
  feedback: { en: "360 feedback weights", zh: "360评价权重" },
  fields: { en: "Data fields", zh: "数据字段" },
  payroll: { en: "Pay schedule and new-hire guarantee", zh: "绩效发放与新人保底" },
  review: { en: "Promotion and profit share", zh: "晋升建议与分红" },
} as const satisfies Record<string, Words>;
export type SectionKey = keyof typeof SECTIONS;

type SettingValue = string | number | null;

/** One key/value row of a settings section: label, note, how its value is written and read. */
export interface SettingDef {
  label: Words;
  note: Words;
  section: SectionKey;
  /** The plan's value; an enumeration's key (written in words, read back by its words). */
  value: (plan: Plan) => SettingValue;
  /** Enumeration shown in words, or a number format, or plain text. */
  enum?: EnumName;
  /** An enumeration's value when the cell cannot be read (after the located issue). */
  fallback?: string;
  format?: string;
  text?: boolean;
  /** Text that may also be typed as a date (an Excel date serial is read as yyyy-mm-dd). */
  date?: boolean;
  /** May be blank (null in the plan). */
  nullable?: boolean;
  /** Data validation: a workbook name whose cells list the allowed values, or the values. */
  source?: string;
  list?: readonly number[];
}

export const SETTINGS = {
  nameZh: {
    value: (p) => p.name.zh,
    section: "info",
    label: { en: "Plan name (Chinese)", zh: "方案名称（中文）" },
    note: { en: "", zh: "" },
    text: true,
  },
  nameEn: {
    value: (p) => p.name.en,
    section: "info",
    label: { en: "Plan name (English)", zh: "方案名称（英文）" },
    note: { en: "", zh: "" },
    text: true,
  },
  version: {
    value: (p) => p.version,
    section: "info",
    label: { en: "Version", zh: "版本" },
    note: { en: "Change it whenever the plan changes.", zh: "方案调整时请更新版本号。" },
    text: true,
  },
  effectiveDate: {
    value: (p) => p.effectiveDate,
    section: "info",
    label: { en: "Effective date", zh: "生效日期" },
    note: { en: "yyyy-mm-dd", zh: "格式 yyyy-mm-dd" },
    text: true,
    date: true,
  },
  currency: {
    value: (p) => p.pay.currency,
    section: "info",
    label: { en: "Currency", zh: "币种" },
    note: { en: "", zh: "" },
    text: true,
  },
  gradeMode: {
    value: (p) => p.grading.mode,
    fallback: "bands",
    section: "grading",
    label: { en: "Grading method", zh: "评级方式" },
    note: {
      en: "Bands by score, forced distribution by rank, or bands with a check against the quotas.",
      zh: "按分数区间、按排名强制分布，或按区间评级并检查分布比例。",
    },
    enum: "gradeMode",
  },
  gradeGroup: {
    value: (p) => p.grading.group,
    fallback: "company",
    section: "grading",
    label: { en: "Distribution group", zh: "分布范围" },
    note: {
      en: "Forced distribution within each team or the whole company.",
      zh: "强制分布在各团队内或全公司范围内进行。",
    },
    enum: "group",
  },
  coefficientMode: {
    value: (p) => p.grading.coefficientMode,
    fallback: "grade",
    section: "grading",
    label: { en: "Coefficient", zh: "绩效系数来源" },
    note: {
      en: "From the grade, or from the matrix (attainment × collection rate).",
      zh: "按等级取系数，或按矩阵（完成率 × 回款率）取系数。",
    },
    enum: "coefficientMode",
  },
  basis: {
    value: (p) => p.commission.basis,
    fallback: "collected",
    section: "commission",
    label: { en: "Commission basis", zh: "提成基数" },
    note: {
      en: "Collected revenue or signed amount of the month.",
      zh: "当月回款金额或签约金额。",
    },
    enum: "basis",
  },
  commissionMethod: {
    value: (p) => p.commission.method,
    fallback: "marginal",
    section: "commission",
    label: { en: "Tier method", zh: "累进方式" },
    note: {
      en: "Marginal: each slice at its tier's rate. Whole: the whole amount at the rate reached.",
      zh: "超额累进：各段按所在档比例；全额累进：全部金额按达到的档位比例。",
    },
    enum: "commissionMethod",
  },
  boundType: {
    value: (p) => p.commission.boundType,
    fallback: "currency",
    section: "commission",
    label: { en: "Tier bounds", zh: "阶梯起点类型" },
    note: {
      en: "Currency amounts, or attainment ratios of the month's sales target.",
      zh: "金额，或当月销售目标的完成率。",
    },
    enum: "boundType",
  },
  minAttainment: {
    value: (p) => p.commission.gate.minAttainment,
    section: "commission",
    label: { en: "Gate: minimum attainment", zh: "门槛：最低完成率" },
    note: {
      en: "No commission below this attainment; blank = no gate.",
      zh: "低于此完成率不发提成；空白表示不设门槛。",
    },
    format: "0%",
    nullable: true,
  },
  minGrade: {
    value: (p) => p.commission.gate.minGrade,
    section: "commission",
    label: { en: "Gate: minimum grade", zh: "门槛：最低等级" },
    note: {
      en: "No commission below this grade; blank = no gate.",
      zh: "低于此等级不发提成；空白表示不设门槛。",
    },
    text: true,
    nullable: true,
    source: PLAN_NAMES.gradeLabel,
  },
  capPerMonth: {
    value: (p) => p.commission.capPerMonth,
    section: "commission",
    label: { en: "Cap per month", zh: "每月提成上限" },
    note: { en: "Blank = no cap.", zh: "空白表示不设上限。" },
    format: "#,##0.00",
    nullable: true,
  },
  paidShare: {
    value: (p) => p.commission.paidShare,
    section: "commission",
    label: { en: "Share paid in the month", zh: "当月发放比例" },
    note: { en: "The rest is settled at year end.", zh: "其余部分年终结算。" },
    format: "0%",
  },
  clawback: {
    value: (p) => p.commission.clawback,
    fallback: "carryForward",
    section: "commission",
    label: { en: "Clawbacks", zh: "退款追回" },
    note: {
      en: "Carry forward against later commission, or deduct from the month's pay.",
      zh: "结转至以后月份的提成中抵扣，或从当月薪酬中扣回。",
    },
    enum: "clawback",
  },
  teamMethod: {
    value: (p) => p.commission.team?.method ?? "marginal",
    fallback: "marginal",
    section: "team",
    label: { en: "Team tier method", zh: "团队提成累进方式" },
    note: {
      en: "Team commission: each month, the lead is paid these tiers on the team's basis (the commission basis of the team's rows summed).",
      zh: "团队提成：每月按团队成员提成基数之和，依下列阶梯向团队负责人计发。",
    },
    enum: "commissionMethod",
  },
  teamIncludeOwn: {
    value: (p) => (p.commission.team?.includeOwn ? "yes" : "no"),
    fallback: "no",
    section: "team",
    label: { en: "Lead's own basis counts", zh: "计入负责人本人业绩" },
    note: {
      en: "Whether the lead's own row counts in the team's basis.",
      zh: "团队提成基数是否包含负责人本人的业绩。",
    },
    enum: "yesNo",
  },
  prorate: {
    value: (p) => (p.pay.prorate ? "yes" : "no"),
    fallback: "yes",
    section: "pay",
    label: { en: "Prorate partial months", zh: "不满月按比例折算" },
    note: {
      en: "Base and performance pay × days worked ÷ days in month.",
      zh: "基本工资和绩效工资 × 出勤天数 ÷ 当月天数。",
    },
    enum: "yesNo",
  },
  bonusStandard: {
    value: (p) => p.pay.bonusStandard,
    section: "pay",
    label: { en: "Annual bonus standard", zh: "年度奖金基数" },
    note: {
      en: "Used when the data has no bonus standard for a person.",
      zh: "数据中没有个人奖金基数时使用。",
    },
    format: "#,##0.00",
  },
  evaluation: {
    value: (p) => p.periods.evaluation,
    fallback: "quarter",
    section: "periods",
    label: { en: "Evaluation period", zh: "考核周期" },
    note: {
      en: "Scores, grades and performance pay per quarter or per month.",
      zh: "按季度或按月评分、评级并计算绩效工资。",
    },
    enum: "evaluation",
  },
  ratingScale: {
    value: (p) => ratingScale(p),
    section: "periods",
    label: { en: "360 rating scale", zh: "360评价分制" },
    note: {
      en: "Ratings on the 360 feedback sheet are out of 100, 10 or 5; a rating counts as rating × 100 ÷ scale points.",
      zh: "360评价表中的评分按 100、10 或 5 分制填写；每个评分折算为 评分 × 100 ÷ 分制 分。",
    },
    format: "0",
    list: RATING_SCALES,
  },
  schedule: {
    value: (p) => paySchedule(p).schedule,
    fallback: "quarterEnd",
    section: "payroll",
    label: { en: "Performance pay paid", zh: "绩效工资发放方式" },
    note: {
      en: "The quarter's performance pay with its last month, or a monthly advance and the rest (more or less) with the quarter's last month. Monthly evaluation pays each month.",
      zh: "季度绩效工资于季度最后一个月发放，或按月预发、季末多退少补；按月考核时每月发放当月绩效工资。",
    },
    enum: "schedule",
  },
  advanceShare: {
    value: (p) => paySchedule(p).advanceShare,
    section: "payroll",
    label: { en: "Monthly advance", zh: "每月预发比例" },
    note: {
      en: "Share of the month's prorated performance-pay standard advanced each month.",
      zh: "每月按当月（折算后）绩效工资基数的此比例预发。",
    },
    format: "0%",
  },
  guaranteeEnabled: {
    value: (p) => (guaranteeOf(p).enabled ? "yes" : "no"),
    fallback: "no",
    section: "payroll",
    label: { en: "New-hire guarantee", zh: "新人保底" },
    note: {
      en: "Top a new hire's month up to the minimum pay in the first months of service (the Data's month-of-service column).",
      zh: "新员工入职前几个月的应发薪酬不足保底金额时补足（依据数据表的“在职月数”列）。",
    },
    enum: "yesNo",
  },
  guaranteeMinimum: {
    value: (p) => guaranteeOf(p).minimum,
    section: "payroll",
    label: { en: "Guarantee: minimum monthly pay", zh: "保底：每月最低应发" },
    note: { en: "Gross pay of the month before the top-up.", zh: "按补足前的当月应发合计比较。" },
    format: "#,##0.00",
  },
  guaranteeMonths: {
    value: (p) => guaranteeOf(p).months,
    section: "payroll",
    label: { en: "Guarantee: months of service", zh: "保底：入职前几个月" },
    note: {
      en: "Months of service 1 to this number (1 = the hire month).",
      zh: "在职第 1 个月至第此数个月（第 1 个月为入职当月）。",
    },
    format: "0",
  },
  guaranteeRecoverable: {
    value: (p) => (guaranteeOf(p).recoverable ? "yes" : "no"),
    fallback: "no",
    section: "payroll",
    label: { en: "Guarantee: recovered from later commission", zh: "保底：从以后提成中扣回" },
    note: {
      en: "Top-ups repaid from later months' commission (never below 0), carried forward until repaid.",
      zh: "补足金额从以后月份的提成中扣回（提成不低于 0），未扣完的结转下月。",
    },
    enum: "yesNo",
  },
  promotionEnabled: {
    value: (p) => (reviewOf(p).promotion.enabled ? "yes" : "no"),
    fallback: "yes",
    section: "review",
    label: { en: "Promotion recommendation", zh: "晋升建议" },
    note: {
      en: "The Annual sheet recommends promotion by the rule below.",
      zh: "年度评价表按以下规则给出晋升建议。",
    },
    enum: "yesNo",
  },
  promotionMinGrade: {
    value: (p) => reviewOf(p).promotion.minGrade,
    section: "review",
    label: { en: "Promotion: annual grade or better", zh: "晋升：年度评级不低于" },
    note: {
      en: "The annual grade this or better in each of the years below.",
      zh: "以下各年度的年度评级均不低于此等级。",
    },
    text: true,
    source: PLAN_NAMES.gradeLabel,
  },
  promotionYears: {
    value: (p) => reviewOf(p).promotion.years,
    section: "review",
    label: { en: "Promotion: years running", zh: "晋升：连续年数" },
    note: {
      en: "This year and the years before it (from the Annual sheet or the Grade history sheet); 1–5.",
      zh: "含本年度在内的连续年数（往年评级取自年度评价表或历年评级表）；1–5。",
    },
    format: "0",
    list: [1, 2, 3, 4, 5],
  },
  promotionWorstGrade: {
    value: (p) => reviewOf(p).promotion.worstGrade,
    section: "review",
    label: { en: "Promotion: no period graded below", zh: "晋升：各考核期评级不低于" },
    note: {
      en: "No quarter (or month) of the year graded below this; blank = no condition.",
      zh: "本年度各季度（或月度）评级均不低于此等级；空白表示不设此条件。",
    },
    text: true,
    nullable: true,
    source: PLAN_NAMES.gradeLabel,
  },
  profitShareEnabled: {
    value: (p) => (reviewOf(p).profitShare.enabled ? "yes" : "no"),
    fallback: "no",
    section: "review",
    label: { en: "Profit share", zh: "分红" },
    note: {
      en: "Share a pool among the year's salespeople by annual coefficient × annual base salary.",
      zh: "按 年度绩效系数 × 年度基本工资 的比例分配分红池。",
    },
    enum: "yesNo",
  },
  profitSharePool: {
    value: (p) => reviewOf(p).profitShare.pool,
    section: "review",
    label: { en: "Profit-share pool per year", zh: "每年分红池金额" },
    note: {
      en: "Shared among the person-years of each year on the Annual sheet.",
      zh: "在年度评价表上同一年度的人员之间分配。",
    },
    format: "#,##0.00",
  },
  profitShareDecimals: {
    value: (p) => reviewOf(p).profitShare.decimals,
    section: "review",
    label: { en: "Profit share: decimals", zh: "分红：保留小数位" },
    note: {
      en: "Each share rounded to 2 decimals (the cent) or 0 (the yuan); the rounding difference is shown under the sheet.",
      zh: "每人分红按 2 位（分）或 0 位（元）四舍五入；舍入差额列示于表下方。",
    },
    format: "0",
    list: [2, 0],
  },
} as const satisfies Record<SettingKey, SettingDef>;

/** Settings in sheet order (SETTING_KEYS order). */
export const SETTING_DEFS: readonly (SettingDef & { key: SettingKey })[] = (
  Object.keys(SETTINGS) as SettingKey[]
).map((key) => ({ ...SETTINGS[key], key }));
