/**
 * The Plan sheet's public coordinates: the workbook names of its tables and settings, and the
 * anchors (cell positions) of the parameters the scorecard's formulas read.
 */
import { quoteSheet, range as a1range, cell as a1cell } from "../a1";

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
  "teamMethod",
  "teamIncludeOwn",
  "prorate",
  "bonusStandard",
  "evaluation",
  "ratingScale",
  "schedule",
  "advanceShare",
  "guaranteeEnabled",
  "guaranteeMinimum",
  "guaranteeMonths",
  "guaranteeRecoverable",
  "promotionEnabled",
  "promotionMinGrade",
  "promotionYears",
  "promotionWorstGrade",
  "profitShareEnabled",
  "profitSharePool",
  "profitShareDecimals",
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
    /** 客户360评价: the ratings' share of the blend (null for other inputs). */
    share: Pos | null;
  }[];
  /** Curve points per indicator (empty unless it scores by a curve), in order. */
  curves: { x: Pos; y: Pos }[][];
  /** Best grade first. */
  grades: { min: Pos; label: Pos; coefficient: Pos; quota: Pos; cumulative: Pos }[];
  /** Top-left cell of the matrix table; column thresholds to its right, row thresholds below. */
  matrix: { corner: Pos; rows: number; columns: number };
  tiers: { from: Pos; rate: Pos }[];
  /** 团队提成 tiers (empty when the plan has no team commission). */
  teamTiers: { from: Pos; rate: Pos }[];
  /** The team commission's settings are there only when the plan has team commission. */
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
  teamTiers: "Plan_TeamTiers",
  teamTierFrom: "Plan_TeamTierFrom",
  teamTierRate: "Plan_TeamTierRate",
  teamLeads: "Plan_TeamLeads",
  annualWeights: "Plan_AnnualWeights",
  feedbackWeights: "Plan_FeedbackWeights",
  raterLabels: "Plan_RaterLabels",
  fields: "Plan_Fields",
} as const;

export function settingName(key: SettingKey): string {
  return "Plan_" + key[0].toUpperCase() + key.slice(1);
}
