/**
 * The Plan sheet (方案): every parameter of the plan as a labelled section — key/value settings
 * and tables — each with a defined name, data validation lists for enumerations, and the
 * positions ("anchors") of the cells the scorecard formulas read. And its reader, which finds the
 * sections by their titles in either language, maps columns by header, and returns the plan with
 * located issues: a template made in zh-CN reads back under en-US to the same plan.
 */
import type { CellInput } from "../engine/coerce";
import { readNumber } from "../engine/coerce";
import type { Issue } from "../engine/issues";
import { columnLetter, issue } from "../engine/issues";
import type { Language } from "../engine/messages";
import type {
  CoefficientMatrix,
  Dimension,
  FieldDef,
  GradeDef,
  Indicator,
  InputSpec,
  LocalizedText,
  Plan,
  Scoring,
} from "../engine/plan/model";
import { inputFields, RATING_SCALES, ratingScale, type RatingScale } from "../engine/plan/model";
import { validatePlan } from "../engine/plan/validate";
import { quoteSheet, range as a1range, cell as a1cell } from "./a1";
import { Grid } from "./grid";
import type { DefinedNameSpec, RangeRef, SheetLayout, StyleSpec, ValidationSpec } from "./layout";
import { sheet as emptySheet } from "./layout";
import type { EnumName, EnumValue, Words } from "./text";
import { enumList, enumText, H, isWords, readEnum, say, SHEET_NAMES } from "./text";

export interface Pos {
  row: number;
  column: number;
}

export const SETTING_KEYS = [
  "nameZh",
  "nameEn",
  "version",
  "effectiveDate",
  "currency",
  "gradeMode",
  "gradeGroup",
  "coefficientMode",
  "basis",
  "commissionMethod",
  "boundType",
  "minAttainment",
  "minGrade",
  "capPerMonth",
  "paidShare",
  "clawback",
  "prorate",
  "bonusStandard",
  "evaluation",
  "ratingScale",
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** Where the parameters the formulas read sit on the Plan sheet. */
export interface PlanAnchors {
  sheet: string;
  /** plan.dimensions order. */
  dimensions: { weight: Pos }[];
  /** plan.indicators order; null where the indicator's scoring has no such parameter. */
  indicators: {
    weight: Pos;
    floor: Pos | null;
    cap: Pos | null;
    fullScore: Pos | null;
    targetDefault: Pos;
  }[];
  /** Curve points per indicator (empty unless it scores by a curve), in order. */
  curves: { x: Pos; y: Pos }[][];
  /** Best grade first. */
  grades: { min: Pos; label: Pos; coefficient: Pos; quota: Pos; cumulative: Pos }[];
  /** Top-left cell of the matrix table; column thresholds to its right, row thresholds below. */
  matrix: { corner: Pos; rows: number; columns: number };
  tiers: { from: Pos; rate: Pos }[];
  settings: Record<SettingKey, Pos>;
  /** Q1, Q2, Q3, Q4, annual 360. */
  annualWeights: Pos[];
  /** superior, peers, customers. */
  feedbackWeights: Pos[];
  raterLabels: Pos[];
}

/** Absolute reference of an anchor: '方案'!$C$12. */
export function anchorRef(a: PlanAnchors, p: Pos): string {
  return `${quoteSheet(a.sheet)}!${a1cell(p.row, p.column, true)}`;
}

/** Absolute reference of a run of anchors in one column or row: '方案'!$C$12:$C$16. */
export function anchorRange(a: PlanAnchors, first: Pos, last: Pos): string {
  return `${quoteSheet(a.sheet)}!${a1range({ row: first.row, column: first.column, rows: last.row - first.row + 1, columns: last.column - first.column + 1 }, true)}`;
}

/** Workbook names of the Plan sheet's tables and settings (formulas and PERF.* arguments use them). */
export const PLAN_NAMES = {
  dimensions: "Plan_Dimensions",
  dimensionWeights: "Plan_DimensionWeights",
  indicators: "Plan_Indicators",
  curvePoints: "Plan_CurvePoints",
  grades: "Plan_Grades",
  gradeBands: "Plan_GradeBands",
  gradeCoefficients: "Plan_GradeCoefficients",
  gradeMin: "Plan_GradeMin",
  gradeLabel: "Plan_GradeLabel",
  gradeCoefficient: "Plan_GradeCoefficient",
  gradeQuota: "Plan_GradeQuota",
  gradeCumulative: "Plan_GradeCumulative",
  matrix: "Plan_Matrix",
  matrixRows: "Plan_MatrixRows",
  matrixColumns: "Plan_MatrixColumns",
  tiers: "Plan_Tiers",
  tierFrom: "Plan_TierFrom",
  tierRate: "Plan_TierRate",
  annualWeights: "Plan_AnnualWeights",
  feedbackWeights: "Plan_FeedbackWeights",
  raterLabels: "Plan_RaterLabels",
  fields: "Plan_Fields",
} as const;

export function settingName(key: SettingKey): string {
  return "Plan_" + key[0].toUpperCase() + key.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

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
  pay: { en: "Pay", zh: "薪酬设置" },
  periods: { en: "Periods", zh: "考核周期" },
  annual: { en: "Annual score weights", zh: "年度得分权重" },
  feedback: { en: "360 feedback weights", zh: "360评价权重" },
  fields: { en: "Data fields", zh: "数据字段" },
} as const satisfies Record<string, Words>;
type SectionKey = keyof typeof SECTIONS;

interface SettingDef {
  key: SettingKey;
  label: Words;
  note: Words;
  section: SectionKey;
  /** Enumeration shown in words, or a number format, or plain text. */
  enum?: EnumName;
  format?: string;
  text?: boolean;
  /** May be blank (null in the plan). */
  nullable?: boolean;
}

const SETTINGS: SettingDef[] = [
  {
    key: "nameZh",
    section: "info",
    label: { en: "Plan name (Chinese)", zh: "方案名称（中文）" },
    note: { en: "", zh: "" },
    text: true,
  },
  {
    key: "nameEn",
    section: "info",
    label: { en: "Plan name (English)", zh: "方案名称（英文）" },
    note: { en: "", zh: "" },
    text: true,
  },
  {
    key: "version",
    section: "info",
    label: { en: "Version", zh: "版本" },
    note: { en: "Change it whenever the plan changes.", zh: "方案调整时请更新版本号。" },
    text: true,
  },
  {
    key: "effectiveDate",
    section: "info",
    label: { en: "Effective date", zh: "生效日期" },
    note: { en: "yyyy-mm-dd", zh: "格式 yyyy-mm-dd" },
    text: true,
  },
  {
    key: "currency",
    section: "info",
    label: { en: "Currency", zh: "币种" },
    note: { en: "", zh: "" },
    text: true,
  },
  {
    key: "gradeMode",
    section: "grading",
    label: { en: "Grading method", zh: "评级方式" },
    note: {
      en: "Bands by score, forced distribution by rank, or bands with a check against the quotas.",
      zh: "按分数区间、按排名强制分布，或按区间评级并检查分布比例。",
    },
    enum: "gradeMode",
  },
  {
    key: "gradeGroup",
    section: "grading",
    label: { en: "Distribution group", zh: "分布范围" },
    note: {
      en: "Forced distribution within each team or the whole company.",
      zh: "强制分布在各团队内或全公司范围内进行。",
    },
    enum: "group",
  },
  {
    key: "coefficientMode",
    section: "grading",
    label: { en: "Coefficient", zh: "绩效系数来源" },
    note: {
      en: "From the grade, or from the matrix (attainment × collection rate).",
      zh: "按等级取系数，或按矩阵（完成率 × 回款率）取系数。",
    },
    enum: "coefficientMode",
  },
  {
    key: "basis",
    section: "commission",
    label: { en: "Commission basis", zh: "提成基数" },
    note: {
      en: "Collected revenue or signed amount of the month.",
      zh: "当月回款金额或签约金额。",
    },
    enum: "basis",
  },
  {
    key: "commissionMethod",
    section: "commission",
    label: { en: "Tier method", zh: "累进方式" },
    note: {
      en: "Marginal: each slice at its tier's rate. Whole: the whole amount at the rate reached.",
      zh: "超额累进：各段按所在档比例；全额累进：全部金额按达到的档位比例。",
    },
    enum: "commissionMethod",
  },
  {
    key: "boundType",
    section: "commission",
    label: { en: "Tier bounds", zh: "阶梯起点类型" },
    note: {
      en: "Currency amounts, or attainment ratios of the month's sales target.",
      zh: "金额，或当月销售目标的完成率。",
    },
    enum: "boundType",
  },
  {
    key: "minAttainment",
    section: "commission",
    label: { en: "Gate: minimum attainment", zh: "门槛：最低完成率" },
    note: {
      en: "No commission below this attainment; blank = no gate.",
      zh: "低于此完成率不发提成；空白表示不设门槛。",
    },
    format: "0%",
    nullable: true,
  },
  {
    key: "minGrade",
    section: "commission",
    label: { en: "Gate: minimum grade", zh: "门槛：最低等级" },
    note: {
      en: "No commission below this grade; blank = no gate.",
      zh: "低于此等级不发提成；空白表示不设门槛。",
    },
    text: true,
    nullable: true,
  },
  {
    key: "capPerMonth",
    section: "commission",
    label: { en: "Cap per month", zh: "每月提成上限" },
    note: { en: "Blank = no cap.", zh: "空白表示不设上限。" },
    format: "#,##0.00",
    nullable: true,
  },
  {
    key: "paidShare",
    section: "commission",
    label: { en: "Share paid in the month", zh: "当月发放比例" },
    note: { en: "The rest is settled at year end.", zh: "其余部分年终结算。" },
    format: "0%",
  },
  {
    key: "clawback",
    section: "commission",
    label: { en: "Clawbacks", zh: "退款追回" },
    note: {
      en: "Carry forward against later commission, or deduct from the month's pay.",
      zh: "结转至以后月份的提成中抵扣，或从当月薪酬中扣回。",
    },
    enum: "clawback",
  },
  {
    key: "prorate",
    section: "pay",
    label: { en: "Prorate partial months", zh: "不满月按比例折算" },
    note: {
      en: "Base and performance pay × days worked ÷ days in month.",
      zh: "基本工资和绩效工资 × 出勤天数 ÷ 当月天数。",
    },
    enum: "yesNo",
  },
  {
    key: "bonusStandard",
    section: "pay",
    label: { en: "Annual bonus standard", zh: "年度奖金基数" },
    note: {
      en: "Used when the data has no bonus standard for a person.",
      zh: "数据中没有个人奖金基数时使用。",
    },
    format: "#,##0.00",
  },
  {
    key: "evaluation",
    section: "periods",
    label: { en: "Evaluation period", zh: "考核周期" },
    note: {
      en: "Scores, grades and performance pay per quarter or per month.",
      zh: "按季度或按月评分、评级并计算绩效工资。",
    },
    enum: "evaluation",
  },
  {
    key: "ratingScale",
    section: "periods",
    label: { en: "360 rating scale", zh: "360评价分制" },
    note: {
      en: "Ratings on the 360 feedback sheet are out of 100, 10 or 5; a rating counts as rating × 100 ÷ scale points.",
      zh: "360评价表中的评分按 100、10 或 5 分制填写；每个评分折算为 评分 × 100 ÷ 分制 分。",
    },
    format: "0",
  },
];

function settingValue(plan: Plan, key: SettingKey, language: Language): string | number | null {
  const c = plan.commission;
  switch (key) {
    case "nameZh":
      return plan.name.zh;
    case "nameEn":
      return plan.name.en;
    case "version":
      return plan.version;
    case "effectiveDate":
      return plan.effectiveDate;
    case "currency":
      return plan.pay.currency;
    case "gradeMode":
      return enumText("gradeMode", plan.grading.mode, language);
    case "gradeGroup":
      return enumText("group", plan.grading.group, language);
    case "coefficientMode":
      return enumText("coefficientMode", plan.grading.coefficientMode, language);
    case "basis":
      return enumText("basis", c.basis, language);
    case "commissionMethod":
      return enumText("commissionMethod", c.method, language);
    case "boundType":
      return enumText("boundType", c.boundType, language);
    case "minAttainment":
      return c.gate.minAttainment;
    case "minGrade":
      return c.gate.minGrade;
    case "capPerMonth":
      return c.capPerMonth;
    case "paidShare":
      return c.paidShare;
    case "clawback":
      return enumText("clawback", c.clawback, language);
    case "prorate":
      return enumText("yesNo", plan.pay.prorate ? "yes" : "no", language);
    case "bonusStandard":
      return plan.pay.bonusStandard;
    case "evaluation":
      return enumText("evaluation", plan.periods.evaluation, language);
    case "ratingScale":
      return ratingScale(plan);
  }
}

// Table columns -------------------------------------------------------------------------------

const DIMENSION_COLUMNS = ["key", "nameZh", "nameEn", "weight", "rangeMin", "rangeMax"] as const;
const INDICATOR_COLUMNS = [
  "key",
  "nameZh",
  "nameEn",
  "dimension",
  "weight",
  "unit",
  "direction",
  "inputKind",
  "inputFields",
  "method",
  "floor",
  "cap",
  "fullScore",
  "curveMode",
  "curveOn",
  "targetField",
  "targetDefault",
  "missing",
] as const;
const CURVE_COLUMNS = ["indicator", "x", "y"] as const;
const GRADE_COLUMNS = [
  "gradeMin",
  "grade",
  "coefficient",
  "quota",
  "nameZh",
  "nameEn",
  "cumulative",
] as const;
const TIER_COLUMNS = ["tierFrom", "rate"] as const;
const ANNUAL_COLUMNS = ["part", "weight"] as const;
const FEEDBACK_COLUMNS = ["rater", "weight"] as const;
const FIELD_COLUMNS = [
  "key",
  "nameZh",
  "nameEn",
  "unit",
  "role",
  "aggregate",
  "sourceZh",
  "sourceEn",
  "aliases",
  "optional",
] as const;

const ANNUAL_PARTS: Words[] = [
  { en: "Q1", zh: "第一季度" },
  { en: "Q2", zh: "第二季度" },
  { en: "Q3", zh: "第三季度" },
  { en: "Q4", zh: "第四季度" },
  { en: "Annual 360", zh: "年度360评价" },
];
const RATERS = ["superior", "peer", "customer"] as const;

const PCT = "0%";
const PCT2 = "0.0%";
const MONEY = "#,##0.00";

function unitFormat(unit: Indicator["unit"]): string {
  switch (unit) {
    case "currency":
      return "#,##0";
    case "ratio":
      return PCT2;
    case "count":
    case "days":
    case "points":
      return "#,##0";
    case "score":
    case "hours":
      return "0.0";
  }
}

// ---------------------------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------------------------

const TITLE_FILL = "#1F4E78";
const SECTION_FILL = "#DDEBF7";
const HEADER_FILL = "#F2F2F2";
const CALC_FILL = "#F7F7F7";

export interface PlanSheet {
  sheet: SheetLayout;
  anchors: PlanAnchors;
}

/** The Plan sheet for a plan, in a language, with the anchors of every parameter cell. */
export function planSheet(
  plan: Plan,
  language: Language,
  name = say(SHEET_NAMES.plan, language)
): PlanSheet {
  const s = emptySheet("plan", name, "input");
  const g = new Grid();
  const styles: StyleSpec[] = [];
  const names: DefinedNameSpec[] = [];
  const validations: ValidationSpec[] = [];
  const L = (w: Words) => say(w, language);
  const box = (row: number, column: number, rows: number, columns: number): RangeRef => ({
    row,
    column,
    rows,
    columns,
  });
  const ref = (r: RangeRef) => `${quoteSheet(name)}!${a1range(r, true)}`;
  const define = (n: string, r: RangeRef, comment?: string) =>
    names.push(comment ? { name: n, ref: ref(r), comment } : { name: n, ref: ref(r) });
  const list = (r: RangeRef, e: EnumName) =>
    validations.push({ range: r, list: enumList(e, language) });

  g.set(0, 0, L({ en: "Plan parameters", zh: "方案参数" }));
  styles.push({
    range: box(0, 0, 1, 8),
    bold: true,
    fontSize: 14,
    fontColor: "#FFFFFF",
    fill: TITLE_FILL,
  });
  g.set(
    1,
    0,
    L({
      en: "Edit the numbers here and the scorecard recalculates. After adding or removing an indicator, or changing a scoring method, direction or input, generate the scorecard again.",
      zh: "修改本表中的数值，评分卡会自动重新计算。增删指标、修改计分方式、方向或输入方式后，请重新生成评分卡。",
    })
  );
  styles.push({ range: box(1, 0, 1, 8), italic: true, fontColor: "#595959" });
  let row = 3;

  const title = (key: SectionKey, width: number) => {
    g.set(row, 0, L(SECTIONS[key]));
    styles.push({
      range: box(row, 0, 1, Math.max(width, 3)),
      bold: true,
      fill: SECTION_FILL,
      fontSize: 12,
    });
    row++;
  };
  const header = (cols: readonly (keyof typeof H)[]) => {
    g.line(
      row,
      0,
      cols.map((c) => L(H[c]))
    );
    styles.push({
      range: box(row, 0, 1, cols.length),
      bold: true,
      fill: HEADER_FILL,
      border: "bottom",
      wrap: true,
    });
    row++;
  };

  const settings = {} as Record<SettingKey, Pos>;
  const kvSection = (key: SectionKey) => {
    const defs = SETTINGS.filter((d) => d.section === key);
    title(key, 3);
    g.line(row, 0, [L(H.setting), L(H.value), L(H.note)]);
    styles.push({ range: box(row, 0, 1, 3), bold: true, fill: HEADER_FILL, border: "bottom" });
    row++;
    for (const d of defs) {
      g.set(row, 0, L(d.label));
      g.set(row, 1, settingValue(plan, d.key, language), d.text ? "@" : (d.format ?? null));
      if (d.note.en) g.set(row, 2, L(d.note));
      settings[d.key] = { row, column: 1 };
      define(settingName(d.key), box(row, 1, 1, 1));
      if (d.enum) list(box(row, 1, 1, 1), d.enum);
      if (d.key === "minGrade")
        validations.push({ range: box(row, 1, 1, 1), source: PLAN_NAMES.gradeLabel });
      if (d.key === "ratingScale")
        validations.push({ range: box(row, 1, 1, 1), list: RATING_SCALES.map(String) });
      row++;
    }
    row++;
  };

  kvSection("info");

  // Dimensions
  title("dimensions", DIMENSION_COLUMNS.length);
  header(DIMENSION_COLUMNS);
  const dimFirst = row;
  const dimensions: PlanAnchors["dimensions"] = [];
  for (const d of plan.dimensions) {
    g.line(
      row,
      0,
      [d.key, d.name.zh, d.name.en, d.weight, d.range.min, d.range.max],
      ["@", null, null, PCT, PCT, PCT]
    );
    dimensions.push({ weight: { row, column: 3 } });
    row++;
  }
  define(
    PLAN_NAMES.dimensions,
    box(dimFirst - 1, 0, plan.dimensions.length + 1, DIMENSION_COLUMNS.length)
  );
  define(PLAN_NAMES.dimensionWeights, box(dimFirst, 3, Math.max(1, plan.dimensions.length), 1));
  validations.push({
    range: box(dimFirst, 3, Math.max(1, plan.dimensions.length), 3),
    decimal: { min: 0, max: 1 },
  });
  row++;

  // Indicators
  title("indicators", INDICATOR_COLUMNS.length);
  header(INDICATOR_COLUMNS);
  const indFirst = row;
  const indicators: PlanAnchors["indicators"] = [];
  for (const ind of plan.indicators) {
    const s0 = ind.scoring;
    const floor = s0.method === "linear" ? s0.floor : null;
    const cap =
      s0.method === "linear" || s0.method === "direct" || s0.method === "feedback" ? s0.cap : null;
    const full = s0.method === "linear" || s0.method === "deduction" ? s0.fullScore : null;
    g.line(
      row,
      0,
      [
        ind.key,
        ind.name.zh,
        ind.name.en,
        ind.dimension,
        ind.weight,
        enumText("unit", ind.unit, language),
        enumText("direction", ind.direction, language),
        enumText("inputKind", ind.input.kind, language),
        inputFields(ind.input).join(", "),
        enumText("method", s0.method, language),
        floor,
        cap,
        full,
        s0.method === "curve" ? enumText("curveMode", s0.mode, language) : null,
        s0.method === "curve" ? enumText("curveOn", s0.on, language) : null,
        ind.target.field,
        ind.target.default,
        enumText("missing", ind.missing, language),
      ],
      [
        "@",
        null,
        null,
        PCT,
        PCT,
        null,
        null,
        null,
        "@",
        null,
        PCT,
        PCT,
        "0",
        null,
        null,
        "@",
        unitFormat(ind.unit),
        null,
      ]
    );
    indicators.push({
      weight: { row, column: 4 },
      floor: floor === null ? null : { row, column: 10 },
      cap: cap === null ? null : { row, column: 11 },
      fullScore: full === null ? null : { row, column: 12 },
      targetDefault: { row, column: 16 },
    });
    row++;
  }
  const nInd = Math.max(1, plan.indicators.length);
  define(
    PLAN_NAMES.indicators,
    box(indFirst - 1, 0, plan.indicators.length + 1, INDICATOR_COLUMNS.length)
  );
  list(box(indFirst, 5, nInd, 1), "unit");
  list(box(indFirst, 6, nInd, 1), "direction");
  list(box(indFirst, 7, nInd, 1), "inputKind");
  list(box(indFirst, 9, nInd, 1), "method");
  list(box(indFirst, 13, nInd, 1), "curveMode");
  list(box(indFirst, 14, nInd, 1), "curveOn");
  list(box(indFirst, 17, nInd, 1), "missing");
  validations.push({
    range: box(indFirst, 3, nInd, 1),
    source: `${ref(box(dimFirst, 0, Math.max(1, plan.dimensions.length), 1))}`,
  });
  validations.push({ range: box(indFirst, 4, nInd, 1), decimal: { min: 0, max: 1 } });
  row++;

  // Curve points
  title("curves", CURVE_COLUMNS.length);
  header(CURVE_COLUMNS);
  const curveFirst = row;
  const curves: PlanAnchors["curves"] = plan.indicators.map(() => []);
  plan.indicators.forEach((ind, i) => {
    if (ind.scoring.method !== "curve") return;
    for (const p of ind.scoring.points) {
      g.line(row, 0, [ind.key, p.x, p.y], ["@", "0.00", "0.00"]);
      curves[i].push({ x: { row, column: 1 }, y: { row, column: 2 } });
      row++;
    }
  });
  define(
    PLAN_NAMES.curvePoints,
    box(curveFirst - 1, 0, row - curveFirst + 1, CURVE_COLUMNS.length)
  );
  row++;

  // Grades
  title("grades", GRADE_COLUMNS.length);
  header(GRADE_COLUMNS);
  const gradeFirst = row;
  const grades: PlanAnchors["grades"] = [];
  const nGrades = plan.grading.grades.length;
  const quotaRange = ref(box(gradeFirst, 3, Math.max(1, nGrades), 1));
  for (const gr of plan.grading.grades) {
    const upTo = `${quoteSheet(name)}!${a1range(box(gradeFirst, 3, row - gradeFirst + 1, 1), true)}`;
    // Cumulative share as the engine computes cut-offs: shares written as fractions (sum 1) or points (sum 100).
    const cumulative = {
      formula: `SUM(${upTo})/IF(ABS(SUM(${quotaRange})-100)<=0.000001,100,1)`,
      value: cumulativeShare(plan.grading.grades, grades.length),
    };
    g.line(
      row,
      0,
      [gr.min, gr.label, gr.coefficient, gr.quota, gr.name.zh, gr.name.en, cumulative],
      ["0", "@", "0.00", PCT, null, null, PCT]
    );
    grades.push({
      min: { row, column: 0 },
      label: { row, column: 1 },
      coefficient: { row, column: 2 },
      quota: { row, column: 3 },
      cumulative: { row, column: 6 },
    });
    row++;
  }
  if (nGrades > 0)
    styles.push({ range: box(gradeFirst, 6, nGrades, 1), fill: CALC_FILL, italic: true });
  const gn = Math.max(1, nGrades);
  define(PLAN_NAMES.grades, box(gradeFirst - 1, 0, nGrades + 1, GRADE_COLUMNS.length));
  define(PLAN_NAMES.gradeBands, box(gradeFirst, 0, gn, 2), "min score, label: PERF.GRADE bands");
  define(
    PLAN_NAMES.gradeCoefficients,
    box(gradeFirst, 1, gn, 2),
    "label, coefficient: PERF.COEFFICIENT table"
  );
  define(PLAN_NAMES.gradeMin, box(gradeFirst, 0, gn, 1));
  define(PLAN_NAMES.gradeLabel, box(gradeFirst, 1, gn, 1));
  define(PLAN_NAMES.gradeCoefficient, box(gradeFirst, 2, gn, 1));
  define(PLAN_NAMES.gradeQuota, box(gradeFirst, 3, gn, 1));
  define(PLAN_NAMES.gradeCumulative, box(gradeFirst, 6, gn, 1));
  validations.push({ range: box(gradeFirst, 3, gn, 1), decimal: { min: 0, max: 1 } });
  row++;

  kvSection("grading");

  // Matrix
  title("matrix", plan.grading.matrix.columns.length + 1);
  const m = plan.grading.matrix;
  const corner = { row, column: 0 };
  g.set(row, 0, L(H.matrixCorner));
  m.columns.forEach((c, j) => g.set(row, 1 + j, c, PCT));
  styles.push({ range: box(row, 0, 1, m.columns.length + 1), bold: true, fill: HEADER_FILL });
  styles.push({
    range: box(row + 1, 0, Math.max(1, m.rows.length), 1),
    bold: true,
    fill: HEADER_FILL,
  });
  row++;
  m.rows.forEach((r, i) => {
    g.set(row, 0, r, PCT);
    m.columns.forEach((_, j) => g.set(row, 1 + j, m.cells[i]?.[j] ?? null, "0.00"));
    row++;
  });
  define(
    PLAN_NAMES.matrix,
    box(corner.row, 0, m.rows.length + 1, m.columns.length + 1),
    "PERF.MATRIX table"
  );
  define(PLAN_NAMES.matrixRows, box(corner.row + 1, 0, Math.max(1, m.rows.length), 1));
  define(PLAN_NAMES.matrixColumns, box(corner.row, 1, 1, Math.max(1, m.columns.length)));
  row++;

  // Tiers
  title("tiers", 2);
  header(TIER_COLUMNS);
  const tierFirst = row;
  const tiers: PlanAnchors["tiers"] = [];
  const tierFormat = plan.commission.boundType === "attainment" ? PCT : MONEY;
  for (const t of plan.commission.tiers) {
    g.line(row, 0, [t.from, t.rate], [tierFormat, "0.00%"]);
    tiers.push({ from: { row, column: 0 }, rate: { row, column: 1 } });
    row++;
  }
  const tn = Math.max(1, plan.commission.tiers.length);
  define(PLAN_NAMES.tiers, box(tierFirst, 0, tn, 2), "lower bound, rate: PERF.COMMISSION tiers");
  define(PLAN_NAMES.tierFrom, box(tierFirst, 0, tn, 1));
  define(PLAN_NAMES.tierRate, box(tierFirst, 1, tn, 1));
  validations.push({ range: box(tierFirst, 1, tn, 1), decimal: { min: 0, max: 1 } });
  row++;

  kvSection("commission");
  kvSection("pay");
  kvSection("periods");

  // Annual weights
  title("annual", 2);
  header(ANNUAL_COLUMNS);
  const annualWeights: Pos[] = [];
  const aw = [...plan.periods.annual.quarterWeights, plan.periods.annual.feedbackWeight];
  ANNUAL_PARTS.forEach((p, i) => {
    g.line(row, 0, [L(p), aw[i]], [null, PCT2]);
    annualWeights.push({ row, column: 1 });
    row++;
  });
  define(PLAN_NAMES.annualWeights, box(annualWeights[0].row, 1, 5, 1));
  row++;

  // 360 weights
  title("feedback", 2);
  header(FEEDBACK_COLUMNS);
  const feedbackWeights: Pos[] = [];
  const raterLabels: Pos[] = [];
  RATERS.forEach((r, i) => {
    g.line(row, 0, [enumText("rater", r, language), plan.feedback.weights[i]], [null, PCT]);
    raterLabels.push({ row, column: 0 });
    feedbackWeights.push({ row, column: 1 });
    row++;
  });
  define(
    PLAN_NAMES.feedbackWeights,
    box(feedbackWeights[0].row, 1, 3, 1),
    "superior, peers, customers: PERF.FEEDBACK weights"
  );
  define(PLAN_NAMES.raterLabels, box(raterLabels[0].row, 0, 3, 1));
  row++;

  // Data fields
  title("fields", FIELD_COLUMNS.length);
  header(FIELD_COLUMNS);
  const fieldFirst = row;
  for (const f of plan.fields) {
    g.line(
      row,
      0,
      [
        f.key,
        f.name.zh,
        f.name.en,
        enumText("unit", f.unit, language),
        enumText("role", f.role, language),
        enumText("aggregate", f.aggregate, language),
        f.source.zh,
        f.source.en,
        f.aliases.length ? f.aliases.join("; ") : null,
        enumText("yesNo", f.optional ? "yes" : "no", language),
      ],
      ["@", null, null, null, null, null, null, null, "@", null]
    );
    row++;
  }
  const fn = Math.max(1, plan.fields.length);
  define(PLAN_NAMES.fields, box(fieldFirst - 1, 0, plan.fields.length + 1, FIELD_COLUMNS.length));
  list(box(fieldFirst, 3, fn, 1), "unit");
  list(box(fieldFirst, 4, fn, 1), "role");
  list(box(fieldFirst, 5, fn, 1), "aggregate");
  list(box(fieldFirst, 9, fn, 1), "yesNo");

  s.blocks.push(g.block());
  s.styles = styles;
  s.names = names;
  s.validations = validations;
  s.columns = [
    { width: 22 },
    { width: 20 },
    { width: 26 },
    { width: 14 },
    { width: 12 },
    { width: 11 },
    { width: 12 },
    { width: 12 },
    { width: 34 },
    { width: 12 },
    { width: 9 },
    { width: 9 },
    { width: 9 },
    { width: 11 },
    { width: 11 },
    { width: 20 },
    { width: 16 },
    { width: 12 },
  ];
  s.freeze = { rows: 1, columns: 0 };
  s.tabColor = "#2F75B5";
  const anchors: PlanAnchors = {
    sheet: name,
    dimensions,
    indicators,
    curves,
    grades,
    matrix: { corner, rows: m.rows.length, columns: m.columns.length },
    tiers,
    settings,
    annualWeights,
    feedbackWeights,
    raterLabels,
  };
  return { sheet: s, anchors };
}

/** Cumulative quota share of grades 0..k, as the engine's distribution cut-offs use it. */
function cumulativeShare(grades: readonly GradeDef[], k: number): number {
  let total = 0;
  for (const g of grades) total += g.quota;
  const scale = Math.abs(total - 100) <= 1e-6 ? 100 : 1;
  let sum = 0;
  for (let i = 0; i <= k; i++) sum += grades[i].quota;
  return sum / scale;
}

// ---------------------------------------------------------------------------------------------
// Reader
// ---------------------------------------------------------------------------------------------

export interface PlanReading {
  /** The plan, or null when the sheet is too broken to hold one (see issues). */
  plan: Plan | null;
  /** Located problems of reading, then the plan's own validation (paths into the plan). */
  issues: Issue[];
  anchors: PlanAnchors | null;
}

interface Section {
  key: SectionKey;
  /** 0-based row of the title. */
  row: number;
}

function text(v: CellInput): string {
  return v === null || v === undefined ? "" : String(v);
}

function blank(v: CellInput): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * Reads the Plan sheet back into a plan. `cells` are the sheet's values from A1 (rows of cells).
 * Sections are found by their titles in column A (either language), tables by their headers.
 */
export function readPlanSheet(cells: CellInput[][], sheetName: string): PlanReading {
  const issues: Issue[] = [];
  const at = (r: number, c: number): CellInput => cells[r]?.[c] ?? null;
  const loc = (r: number, c?: number) => ({
    location: {
      sheet: sheetName,
      row: r + 1,
      column: c === undefined ? undefined : columnLetter(c),
    },
  });
  const sectionTitles = new Map<SectionKey, number>();
  for (let r = 0; r < cells.length; r++) {
    const v = at(r, 0);
    // A title stands alone in its row (a table row with the same text in column A has more).
    if (!blank(at(r, 1))) continue;
    for (const [k, w] of Object.entries(SECTIONS) as [SectionKey, Words][]) {
      if (!sectionTitles.has(k) && isWords(v, w)) sectionTitles.set(k, r);
    }
  }
  const sections: Section[] = [...sectionTitles].map(([key, row]) => ({ key, row }));
  const need = (k: SectionKey): number | null => {
    const r = sectionTitles.get(k);
    if (r === undefined) {
      issues.push(
        issue(
          "error",
          "planSectionMissing",
          { section: SECTIONS[k] },
          { location: { sheet: sheetName, row: 1 } }
        )
      );
      return null;
    }
    return r;
  };
  const isTitleRow = (r: number) => sections.some((s) => s.row === r);

  /** Rows of a table below its header: until a blank row or the next section. */
  const bodyRows = (headerRow: number, width: number): number[] => {
    const out: number[] = [];
    for (let r = headerRow + 1; r < cells.length && !isTitleRow(r); r++) {
      let any = false;
      for (let c = 0; c < width; c++) if (!blank(at(r, c))) any = true;
      if (!any) break;
      out.push(r);
    }
    return out;
  };

  interface Table<C extends string> {
    rows: number[];
    col: Record<C, number>;
    ok: boolean;
  }
  const table = <C extends keyof typeof H>(
    k: SectionKey,
    cols: readonly C[],
    optional: readonly C[] = []
  ): Table<C> | null => {
    const t = need(k);
    if (t === null) return null;
    const headerRow = t + 1;
    const col = {} as Record<C, number>;
    let ok = true;
    let width = 0;
    for (let c = 0; c < 64; c++) if (!blank(at(headerRow, c))) width = c + 1;
    for (const name of cols) {
      let found = -1;
      for (let c = 0; c < width; c++) if (isWords(at(headerRow, c), H[name])) found = c;
      if (found < 0) {
        if (!optional.includes(name)) {
          issues.push(
            issue(
              "error",
              "planColumnMissing",
              { section: SECTIONS[k], column: H[name] },
              loc(headerRow)
            )
          );
          ok = false;
        }
        col[name] = -1;
      } else col[name] = found;
    }
    return { rows: bodyRows(headerRow, width), col, ok };
  };

  const num = (
    k: SectionKey,
    r: number,
    c: number,
    what: Words,
    nullable = false
  ): number | null => {
    if (c < 0) return nullable ? null : NaN;
    const v = at(r, c);
    const reading = readNumber(v);
    if (reading.kind === "number") return reading.value;
    if (reading.kind === "blank") {
      if (nullable) return null;
      issues.push(
        issue("error", "planValueMissing", { section: SECTIONS[k], name: what }, loc(r, c))
      );
      return NaN;
    }
    issues.push(
      issue("error", "planNumberExpected", { section: SECTIONS[k], text: text(v) }, loc(r, c))
    );
    return NaN;
  };
  const en = <E extends EnumName>(
    k: SectionKey,
    e: E,
    r: number,
    c: number,
    fallback: EnumValue<E>
  ): EnumValue<E> => {
    const v = at(r, c);
    const got = readEnum(e, v);
    if (got !== null) return got;
    issues.push(
      issue(
        "error",
        "planEnumUnknown",
        {
          section: SECTIONS[k],
          text: text(v),
          allowed: enumList(e, "en-US").join(", ") + " / " + enumList(e, "zh-CN").join("、"),
        },
        loc(r, c)
      )
    );
    return fallback;
  };
  const str = (r: number, c: number): string => (c < 0 ? "" : text(at(r, c)));
  const keyText = (r: number, c: number): string => str(r, c).trim();

  // Settings (key/value sections) --------------------------------------------------------------
  const settings = {} as Record<SettingKey, Pos>;
  const values = new Map<SettingKey, CellInput>();
  for (const k of ["info", "grading", "commission", "pay", "periods"] as const) {
    const t = need(k);
    if (t === null) continue;
    for (const r of bodyRows(t + 1, 3)) {
      const label = at(r, 0);
      const def = SETTINGS.find((d) => d.section === k && isWords(label, d.label));
      if (!def) {
        issues.push(
          issue(
            "warning",
            "planSettingUnknown",
            { section: SECTIONS[k], text: text(label) },
            loc(r, 0)
          )
        );
        continue;
      }
      settings[def.key] = { row: r, column: 1 };
      values.set(def.key, at(r, 1));
    }
  }
  const setting = (key: SettingKey): { v: CellInput; r: number; def: SettingDef } | null => {
    const def = SETTINGS.find((d) => d.key === key)!;
    const p = settings[key];
    if (!p) {
      issues.push(
        issue(
          "error",
          "planValueMissing",
          { section: SECTIONS[def.section], name: def.label },
          { location: { sheet: sheetName, row: 1 } }
        )
      );
      return null;
    }
    return { v: values.get(key) ?? null, r: p.row, def };
  };
  const sText = (key: SettingKey): string => {
    const s = setting(key);
    if (!s) return "";
    if (key === "effectiveDate" && typeof s.v === "number") {
      // A date typed over the text: an Excel date serial.
      const d = new Date(Date.UTC(1899, 11, 30) + Math.round(s.v) * 86400000);
      return d.toISOString().slice(0, 10);
    }
    return text(s.v);
  };
  const sNum = (key: SettingKey, nullable = false): number | null => {
    const s = setting(key);
    if (!s) return nullable ? null : NaN;
    return num(s.def.section, s.r, 1, s.def.label, nullable);
  };
  const sEnum = <E extends EnumName>(
    key: SettingKey,
    e: E,
    fallback: EnumValue<E>
  ): EnumValue<E> => {
    const s = setting(key);
    if (!s) return fallback;
    return en(s.def.section, e, s.r, 1, fallback);
  };

  // A Plan sheet made before the rating scale existed rated out of 100.
  const readScale = (): RatingScale => {
    if (!settings.ratingScale) return 100;
    const v = sNum("ratingScale");
    if ((RATING_SCALES as readonly number[]).includes(v as number)) return v as RatingScale;
    issues.push(
      issue(
        "error",
        "planRatingScale",
        { text: text(values.get("ratingScale") ?? null) },
        loc(settings.ratingScale.row, 1)
      )
    );
    return 100;
  };

  // Dimensions ---------------------------------------------------------------------------------
  const dimensions: Dimension[] = [];
  const dimAnchors: PlanAnchors["dimensions"] = [];
  const dt = table("dimensions", DIMENSION_COLUMNS);
  if (dt?.ok) {
    for (const r of dt.rows) {
      const c = dt.col;
      dimensions.push({
        key: keyText(r, c.key),
        name: { en: str(r, c.nameEn), zh: str(r, c.nameZh) },
        weight: num("dimensions", r, c.weight, H.weight) as number,
        range: {
          min: num("dimensions", r, c.rangeMin, H.rangeMin) as number,
          max: num("dimensions", r, c.rangeMax, H.rangeMax) as number,
        },
      });
      dimAnchors.push({ weight: { row: r, column: c.weight } });
    }
  }

  // Curve points (read before indicators) --------------------------------------------------------
  const curvePoints = new Map<
    string,
    { x: number; y: number; anchor: { x: Pos; y: Pos }; row: number }[]
  >();
  const ct = table("curves", CURVE_COLUMNS);
  if (ct?.ok) {
    for (const r of ct.rows) {
      const k = keyText(r, ct.col.indicator);
      const list = curvePoints.get(k) ?? [];
      list.push({
        x: num("curves", r, ct.col.x, H.x) as number,
        y: num("curves", r, ct.col.y, H.y) as number,
        anchor: { x: { row: r, column: ct.col.x }, y: { row: r, column: ct.col.y } },
        row: r,
      });
      curvePoints.set(k, list);
    }
  }

  // Indicators ---------------------------------------------------------------------------------
  const indicators: Indicator[] = [];
  const indAnchors: PlanAnchors["indicators"] = [];
  const curveAnchors: PlanAnchors["curves"] = [];
  const it = table("indicators", INDICATOR_COLUMNS);
  if (it?.ok) {
    const c = it.col;
    for (const r of it.rows) {
      const key = keyText(r, c.key);
      const kind = en("indicators", "inputKind", r, c.inputKind, "field");
      const fields = str(r, c.inputFields)
        .split(/[,，;；+/]/)
        .map((x) => x.trim())
        .filter((x) => x !== "");
      const want =
        kind === "field" ? 1 : kind === "ratio" || kind === "growth" ? 2 : kind === "sum" ? -1 : 0;
      if ((want >= 0 && fields.length !== want) || (want < 0 && fields.length === 0)) {
        issues.push(
          issue(
            "error",
            "planInputFields",
            {
              section: SECTIONS.indicators,
              kind: enumText("inputKind", kind, "en-US"),
              count: want < 0 ? "1+" : want,
              found: fields.length,
            },
            loc(r, c.inputFields)
          )
        );
      }
      const input: InputSpec =
        kind === "field"
          ? { kind, field: fields[0] ?? "" }
          : kind === "ratio"
            ? { kind, numerator: fields[0] ?? "", denominator: fields[1] ?? "" }
            : kind === "growth"
              ? { kind, current: fields[0] ?? "", prior: fields[1] ?? "" }
              : kind === "sum"
                ? { kind, fields }
                : { kind: "feedback" };
      const method = en("indicators", "method", r, c.method, "linear");
      let scoring: Scoring;
      const n = (col: number, w: Words) => num("indicators", r, col, w) as number;
      const points = curvePoints.get(key) ?? [];
      switch (method) {
        case "linear":
          scoring = {
            method,
            floor: n(c.floor, H.floor),
            cap: n(c.cap, H.cap),
            fullScore: n(c.fullScore, H.fullScore),
          };
          break;
        case "curve":
          scoring = {
            method,
            points: points.map((p) => ({ x: p.x, y: p.y })),
            mode: en("indicators", "curveMode", r, c.curveMode, "linear"),
            on: en("indicators", "curveOn", r, c.curveOn, "attainment"),
          };
          break;
        case "direct":
        case "feedback":
          scoring = { method, cap: n(c.cap, H.cap) };
          break;
        case "deduction":
          scoring = { method, fullScore: n(c.fullScore, H.fullScore) };
          break;
      }
      const targetField = keyText(r, c.targetField);
      indicators.push({
        key,
        name: { en: str(r, c.nameEn), zh: str(r, c.nameZh) },
        dimension: keyText(r, c.dimension),
        weight: n(c.weight, H.weight),
        unit: en("indicators", "unit", r, c.unit, "count"),
        direction: en("indicators", "direction", r, c.direction, "higher"),
        input,
        scoring,
        target: {
          field: targetField === "" ? null : targetField,
          default: num("indicators", r, c.targetDefault, H.targetDefault, true),
        },
        missing: en("indicators", "missing", r, c.missing, "error"),
      });
      indAnchors.push({
        weight: { row: r, column: c.weight },
        floor: method === "linear" ? { row: r, column: c.floor } : null,
        cap:
          method === "linear" || method === "direct" || method === "feedback"
            ? { row: r, column: c.cap }
            : null,
        fullScore:
          method === "linear" || method === "deduction" ? { row: r, column: c.fullScore } : null,
        targetDefault: { row: r, column: c.targetDefault },
      });
      curveAnchors.push(method === "curve" ? points.map((p) => p.anchor) : []);
    }
    for (const [k, pts] of curvePoints) {
      const ind = indicators.find((i) => i.key === k);
      if (!ind || ind.scoring.method !== "curve")
        issues.push(
          issue(
            "warning",
            "planCurveUnknown",
            { section: SECTIONS.curves, key: k },
            loc(pts[0].row, 0)
          )
        );
    }
  }

  // Grades -------------------------------------------------------------------------------------
  const grades: GradeDef[] = [];
  const gradeAnchors: PlanAnchors["grades"] = [];
  const gt = table("grades", GRADE_COLUMNS, ["cumulative"]);
  if (gt?.ok) {
    const c = gt.col;
    for (const r of gt.rows) {
      grades.push({
        label: str(r, c.grade),
        name: { en: str(r, c.nameEn), zh: str(r, c.nameZh) },
        min: num("grades", r, c.gradeMin, H.gradeMin) as number,
        coefficient: num("grades", r, c.coefficient, H.coefficient) as number,
        quota: num("grades", r, c.quota, H.quota) as number,
      });
      gradeAnchors.push({
        min: { row: r, column: c.gradeMin },
        label: { row: r, column: c.grade },
        coefficient: { row: r, column: c.coefficient },
        quota: { row: r, column: c.quota },
        cumulative: { row: r, column: c.cumulative },
      });
    }
  }

  // Matrix -------------------------------------------------------------------------------------
  const matrix: CoefficientMatrix = { rows: [], columns: [], cells: [] };
  let matrixAnchor: PlanAnchors["matrix"] = { corner: { row: 0, column: 0 }, rows: 0, columns: 0 };
  const mt = need("matrix");
  if (mt !== null) {
    const top = mt + 1;
    let c = 1;
    while (!blank(at(top, c))) {
      matrix.columns.push(num("matrix", top, c, H.matrixCorner) as number);
      c++;
    }
    for (const r of bodyRows(top, c)) {
      matrix.rows.push(num("matrix", r, 0, H.matrixCorner) as number);
      const line: number[] = [];
      for (let j = 1; j <= matrix.columns.length; j++) {
        if (blank(at(r, j)))
          issues.push(issue("error", "planMatrixShape", { section: SECTIONS.matrix }, loc(r, j)));
        line.push(num("matrix", r, j, H.matrixCorner) as number);
      }
      matrix.cells.push(line);
    }
    matrixAnchor = {
      corner: { row: top, column: 0 },
      rows: matrix.rows.length,
      columns: matrix.columns.length,
    };
  }

  // Tiers --------------------------------------------------------------------------------------
  const tiers: { from: number; rate: number }[] = [];
  const tierAnchors: PlanAnchors["tiers"] = [];
  const tt = table("tiers", TIER_COLUMNS);
  if (tt?.ok) {
    for (const r of tt.rows) {
      tiers.push({
        from: num("tiers", r, tt.col.tierFrom, H.tierFrom) as number,
        rate: num("tiers", r, tt.col.rate, H.rate) as number,
      });
      tierAnchors.push({
        from: { row: r, column: tt.col.tierFrom },
        rate: { row: r, column: tt.col.rate },
      });
    }
  }

  // Annual weights -----------------------------------------------------------------------------
  const annual: number[] = [NaN, NaN, NaN, NaN, NaN];
  const annualAnchors: Pos[] = [];
  const at_ = table("annual", ANNUAL_COLUMNS);
  if (at_?.ok) {
    for (const r of at_.rows) {
      const i = ANNUAL_PARTS.findIndex((p) => isWords(at(r, at_.col.part), p));
      if (i < 0) {
        issues.push(
          issue(
            "warning",
            "planSettingUnknown",
            { section: SECTIONS.annual, text: text(at(r, at_.col.part)) },
            loc(r, at_.col.part)
          )
        );
        continue;
      }
      annual[i] = num("annual", r, at_.col.weight, H.weight) as number;
      annualAnchors[i] = { row: r, column: at_.col.weight };
    }
    ANNUAL_PARTS.forEach((p, i) => {
      if (!annualAnchors[i])
        issues.push(
          issue(
            "error",
            "planValueMissing",
            { section: SECTIONS.annual, name: p },
            loc(at_.rows[0] ?? 0)
          )
        );
    });
  }

  // 360 weights --------------------------------------------------------------------------------
  const fw: number[] = [NaN, NaN, NaN];
  const fwAnchors: Pos[] = [];
  const raterAnchors: Pos[] = [];
  const ft = table("feedback", FEEDBACK_COLUMNS);
  if (ft?.ok) {
    for (const r of ft.rows) {
      const rater = readEnum("rater", at(r, ft.col.rater));
      const i = rater === null ? -1 : RATERS.indexOf(rater);
      if (i < 0) {
        issues.push(
          issue(
            "warning",
            "planSettingUnknown",
            { section: SECTIONS.feedback, text: text(at(r, ft.col.rater)) },
            loc(r, ft.col.rater)
          )
        );
        continue;
      }
      fw[i] = num("feedback", r, ft.col.weight, H.weight) as number;
      fwAnchors[i] = { row: r, column: ft.col.weight };
      raterAnchors[i] = { row: r, column: ft.col.rater };
    }
    RATERS.forEach((rt, i) => {
      if (!fwAnchors[i])
        issues.push(
          issue(
            "error",
            "planValueMissing",
            { section: SECTIONS.feedback, name: { en: rt, zh: enumText("rater", rt, "zh-CN") } },
            loc(ft.rows[0] ?? 0)
          )
        );
    });
  }

  // Fields -------------------------------------------------------------------------------------
  const fields: FieldDef[] = [];
  const fdt = table("fields", FIELD_COLUMNS);
  if (fdt?.ok) {
    const c = fdt.col;
    for (const r of fdt.rows) {
      fields.push({
        key: keyText(r, c.key),
        name: { en: str(r, c.nameEn), zh: str(r, c.nameZh) },
        unit: en("fields", "unit", r, c.unit, "count"),
        role: en("fields", "role", r, c.role, "measure"),
        aggregate: en("fields", "aggregate", r, c.aggregate, "sum"),
        source: { en: str(r, c.sourceEn), zh: str(r, c.sourceZh) },
        aliases: str(r, c.aliases)
          .split(/[;；]/)
          .map((x) => x.trim())
          .filter((x) => x !== ""),
        optional: en("fields", "yesNo", r, c.optional, "no") === "yes",
      });
    }
  }

  const minGradeText = setting("minGrade");
  const minGrade = minGradeText && !blank(minGradeText.v) ? text(minGradeText.v) : null;
  const name: LocalizedText = { zh: sText("nameZh"), en: sText("nameEn") };
  const plan: Plan = {
    name,
    version: sText("version"),
    effectiveDate: sText("effectiveDate"),
    fields,
    dimensions,
    indicators,
    grading: {
      grades,
      mode: sEnum("gradeMode", "gradeMode", "bands"),
      group: sEnum("gradeGroup", "group", "company"),
      coefficientMode: sEnum("coefficientMode", "coefficientMode", "grade"),
      matrix,
    },
    commission: {
      basis: sEnum("basis", "basis", "collected"),
      method: sEnum("commissionMethod", "commissionMethod", "marginal"),
      boundType: sEnum("boundType", "boundType", "currency"),
      tiers,
      gate: { minAttainment: sNum("minAttainment", true), minGrade },
      capPerMonth: sNum("capPerMonth", true),
      paidShare: sNum("paidShare") as number,
      clawback: sEnum("clawback", "clawback", "carryForward"),
    },
    pay: {
      prorate: sEnum("prorate", "yesNo", "yes") === "yes",
      bonusStandard: sNum("bonusStandard") as number,
      currency: sText("currency"),
    },
    periods: {
      evaluation: sEnum("evaluation", "evaluation", "quarter"),
      annual: {
        quarterWeights: [annual[0], annual[1], annual[2], annual[3]],
        feedbackWeight: annual[4],
      },
    },
    feedback: { weights: [fw[0], fw[1], fw[2]], scale: readScale() },
  };
  const readingFailed = issues.some((i) => i.severity === "error");
  issues.push(...validatePlan(plan));
  const complete =
    SETTING_KEYS.every((k) => settings[k]) && annualAnchors.length === 5 && fwAnchors.length === 3;
  return {
    plan: readingFailed ? null : plan,
    issues,
    anchors:
      readingFailed || !complete
        ? null
        : {
            sheet: sheetName,
            dimensions: dimAnchors,
            indicators: indAnchors,
            curves: curveAnchors,
            grades: gradeAnchors,
            matrix: matrixAnchor,
            tiers: tierAnchors,
            settings,
            annualWeights: annualAnchors,
            feedbackWeights: fwAnchors,
            raterLabels: raterAnchors,
          },
  };
}
