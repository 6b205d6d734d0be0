/**
 * The Plan sheet's reader: each section read as its description says (tables.ts, settings.ts),
 * into the plan, the anchors of its parameter cells and the located issues — a template made in
 * zh-CN reads back under en-US to the same plan.
 */
import type { CellInput } from "../../engine/coerce";
import type { Issue } from "../../engine/issues";
import { issue } from "../../engine/issues";
import type { CoefficientMatrix, Plan } from "../../engine/plan/model";
import {
  PAY_DEFAULTS,
  RATING_SCALES,
  reviewDefaults,
  type RatingScale,
  type ReviewSettings,
} from "../../engine/plan/model";
import { validatePlan } from "../../engine/plan/validate";
import type { EnumName, EnumValue } from "../text";
import { H, isWords } from "../text";
import type { PlanAnchors, Pos, SettingKey } from "./names";
import { SETTING_KEYS } from "./names";
import { SECTIONS, SETTING_DEFS, SETTINGS } from "./settings";
import { blank, PlanCells, text } from "./sheet-reader";
import type { Columns, CurvePointsByKey, FixedRowsDef, HeaderKey, TableDef } from "./tables";
import {
  ANNUAL,
  CURVES,
  DIMENSIONS,
  FEEDBACK,
  FIELDS,
  GRADES,
  INDICATORS,
  MATRIX,
  TEAM_LEADS,
  TEAM_TIERS,
  TIERS,
} from "./tables";

export interface PlanReading {
  /** The plan, or null when the sheet is too broken to hold one (see issues). */
  plan: Plan | null;
  /** Located problems of reading, then the plan's own validation (paths into the plan). */
  issues: Issue[];
  anchors: PlanAnchors | null;
}

/** A table's items and their anchors, in sheet order (empty when the table cannot be read). */
function readTable<T, Cols extends Columns<T>, A, X>(
  s: PlanCells,
  def: TableDef<T, Cols, A, X>,
  extra: X
): { items: T[]; anchors: A[]; rows: number[] } | null {
  const keys = Object.keys(def.columns) as (keyof Cols & HeaderKey)[];
  const optional = keys.filter((k) => {
    const c = def.columns[k] as { optional?: boolean; when?: unknown };
    return c.optional || c.when !== undefined;
  });
  const found = s.table(def.section, keys, optional);
  if (!found?.ok) return null;
  const items: T[] = [];
  const anchors: A[] = [];
  for (const r of found.rows) {
    const row = s.row(def.section, def.columns, found, r);
    const item = def.read(row, extra);
    items.push(item);
    anchors.push(def.anchor(item, row.pos));
  }
  return { items, anchors, rows: found.rows };
}

/** The curve points by indicator key, read before the indicators that use them. */
function readCurves(s: PlanCells): CurvePointsByKey {
  const byKey: CurvePointsByKey = new Map();
  const read = readTable(s, CURVES, undefined);
  read?.items.forEach((point, i) => {
    const list = byKey.get(point.indicator) ?? [];
    list.push({ point, anchor: read.anchors[i], row: read.rows[i] });
    byKey.set(point.indicator, list);
  });
  return byKey;
}

function readIndicators(s: PlanCells, curves: CurvePointsByKey) {
  const read = readTable(s, INDICATORS, curves);
  if (!read) return { indicators: [], anchors: [], curveAnchors: [] };
  const curveAnchors: PlanAnchors["curves"] = read.items.map((i) =>
    i.scoring.method === "curve" ? (curves.get(i.key) ?? []).map((p) => p.anchor) : []
  );
  for (const [k, pts] of curves) {
    const ind = read.items.find((i) => i.key === k);
    if (!ind || ind.scoring.method !== "curve")
      s.issues.push(
        issue(
          "warning",
          "planCurveUnknown",
          { section: SECTIONS.curves, key: k },
          s.loc(pts[0].row, 0)
        )
      );
  }
  return { indicators: read.items, anchors: read.anchors, curveAnchors };
}

function readMatrix(s: PlanCells): { matrix: CoefficientMatrix; anchor: PlanAnchors["matrix"] } {
  const matrix: CoefficientMatrix = { rows: [], columns: [], cells: [] };
  const mt = s.need(MATRIX.section);
  if (mt === null)
    return { matrix, anchor: { corner: { row: 0, column: 0 }, rows: 0, columns: 0 } };
  const top = mt + 1;
  const what = H[MATRIX.corner];
  let c = 1;
  while (!blank(s.at(top, c))) {
    matrix.columns.push(s.num(MATRIX.section, top, c, what) as number);
    c++;
  }
  for (const r of s.bodyRows(top, c)) {
    matrix.rows.push(s.num(MATRIX.section, r, 0, what) as number);
    const line: number[] = [];
    for (let j = 1; j <= matrix.columns.length; j++) {
      if (blank(s.at(r, j)))
        s.issues.push(issue("error", "planMatrixShape", { section: SECTIONS.matrix }, s.loc(r, j)));
      line.push(s.num(MATRIX.section, r, j, what) as number);
    }
    matrix.cells.push(line);
  }
  return {
    matrix,
    anchor: {
      corner: { row: top, column: 0 },
      rows: matrix.rows.length,
      columns: matrix.columns.length,
    },
  };
}

/** A fixed-row table's values (NaN where missing) and the cells of its values and labels. */
function readFixedRows(s: PlanCells, def: FixedRowsDef) {
  const values = def.rows.map(() => NaN);
  const valueAnchors: Pos[] = [];
  const labelAnchors: Pos[] = [];
  const found = s.table(def.section, [def.label, def.value]);
  if (!found?.ok) return { values, valueAnchors, labelAnchors };
  const labelCol = found.col[def.label];
  const valueCol = found.col[def.value];
  for (const r of found.rows) {
    const i = def.rows.findIndex((x) => x.matches(s.at(r, labelCol)));
    if (i < 0) {
      s.issues.push(
        issue(
          "warning",
          "planSettingUnknown",
          { section: SECTIONS[def.section], text: text(s.at(r, labelCol)) },
          s.loc(r, labelCol)
        )
      );
      continue;
    }
    values[i] = s.num(def.section, r, valueCol, H[def.value]) as number;
    valueAnchors[i] = { row: r, column: valueCol };
    labelAnchors[i] = { row: r, column: labelCol };
  }
  def.rows.forEach((x, i) => {
    if (!valueAnchors[i])
      s.issues.push(
        issue(
          "error",
          "planValueMissing",
          { section: SECTIONS[def.section], name: x.name },
          s.loc(found.rows[0] ?? 0)
        )
      );
  });
  return { values, valueAnchors, labelAnchors };
}

type EnumSettingKey = {
  [K in SettingKey]: (typeof SETTINGS)[K] extends { enum: string } ? K : never;
}[SettingKey];
type EnumOfSetting<K extends EnumSettingKey> = (typeof SETTINGS)[K] extends {
  enum: infer E extends EnumName;
}
  ? EnumValue<E>
  : never;

/** The key/value sections' cells, and each setting read as its description says. */
class SettingCells {
  readonly at = {} as Record<SettingKey, Pos>;
  private readonly values = new Map<SettingKey, CellInput>();

  /** Whether the sheet has the team commission's settings (plans without it leave them out). */
  readonly team: boolean;

  constructor(private readonly s: PlanCells) {
    this.team = s.has("team");
    for (const k of [
      "info",
      "grading",
      "commission",
      "team",
      "pay",
      "periods",
      "payroll",
      "review",
    ] as const) {
      if (k === "team" && !this.team) continue;
      // Plan sheets written before the payroll or review section have none: its settings take
      // their defaults.
      const t = k === "payroll" || k === "review" ? s.title(k) : s.need(k);
      if (t === null) continue;
      for (const r of s.bodyRows(t + 1, 3)) {
        const label = s.at(r, 0);
        const def = SETTING_DEFS.find((d) => d.section === k && isWords(label, d.label));
        if (!def) {
          s.issues.push(
            issue(
              "warning",
              "planSettingUnknown",
              { section: SECTIONS[k], text: text(label) },
              s.loc(r, 0)
            )
          );
          continue;
        }
        this.at[def.key] = { row: r, column: 1 };
        this.values.set(def.key, s.at(r, 1));
      }
    }
  }

  get complete(): boolean {
    // the team section is there only with team commission; the payroll section may be missing (a
    // sheet written before it): its settings take defaults
    return SETTING_KEYS.every(
      (k) =>
        this.at[k] ||
        (SETTINGS[k].section === "team" && !this.team) ||
        SETTINGS[k].section === "payroll" ||
        SETTINGS[k].section === "review"
    );
  }

  private cell(key: SettingKey): { v: CellInput; r: number } | null {
    const p = this.at[key];
    if (!p) {
      const def = SETTINGS[key];
      this.s.issues.push(
        issue(
          "error",
          "planValueMissing",
          { section: SECTIONS[def.section], name: def.label },
          { location: { sheet: this.s.sheetName, row: 1 } }
        )
      );
      return null;
    }
    return { v: this.values.get(key) ?? null, r: p.row };
  }

  text(key: SettingKey): string {
    const c = this.cell(key);
    if (!c) return "";
    if ((SETTINGS[key] as { date?: boolean }).date && typeof c.v === "number") {
      // A date typed over the text: an Excel date serial.
      const d = new Date(Date.UTC(1899, 11, 30) + Math.round(c.v) * 86400000);
      return d.toISOString().slice(0, 10);
    }
    return text(c.v);
  }

  /** Text that may be blank (null). */
  optionalText(key: SettingKey): string | null {
    const c = this.cell(key);
    return c && !blank(c.v) ? text(c.v) : null;
  }

  num(key: SettingKey): number | null {
    const def = SETTINGS[key] as { nullable?: boolean };
    const c = this.cell(key);
    if (!c) return def.nullable ? null : NaN;
    return this.s.num(SETTINGS[key].section, c.r, 1, SETTINGS[key].label, def.nullable);
  }

  enum<K extends EnumSettingKey>(key: K): EnumOfSetting<K> {
    const def = SETTINGS[key];
    const c = this.cell(key);
    if (!c) return def.fallback as EnumOfSetting<K>;
    return this.s.enumeration(
      def.section,
      def.enum,
      c.r,
      1,
      def.fallback as never
    ) as EnumOfSetting<K>;
  }

  /** The pay settings added later: their defaults on a Plan sheet written before them. */
  paySettings(): Pick<Plan["pay"], "schedule" | "advanceShare" | "guarantee"> {
    const d = PAY_DEFAULTS;
    if (!this.at.schedule)
      return { schedule: d.schedule, advanceShare: d.advanceShare, guarantee: { ...d.guarantee } };
    return {
      schedule: this.enum("schedule"),
      advanceShare: this.num("advanceShare") as number,
      guarantee: {
        enabled: this.enum("guaranteeEnabled") === "yes",
        minimum: this.num("guaranteeMinimum") as number,
        months: this.num("guaranteeMonths") as number,
        recoverable: this.enum("guaranteeRecoverable") === "yes",
      },
    };
  }

  /**
   * The review settings: none (the plan's defaults apply) on a Plan sheet written before them;
   * a blank or unreadable cell is named and takes the default.
   */
  review(grades: Plan["grading"]["grades"]): Pick<Plan, "review"> {
    if (!this.at.promotionEnabled) return {};
    const d = reviewDefaults({ grades });
    const years = this.num("promotionYears") as number;
    const pool = this.num("profitSharePool") as number;
    const decimals = this.num("profitShareDecimals") as number;
    const review: ReviewSettings = {
      promotion: {
        enabled: this.enum("promotionEnabled") === "yes",
        minGrade: this.optionalText("promotionMinGrade") ?? d.promotion.minGrade,
        years: Number.isNaN(years) ? d.promotion.years : years,
        worstGrade: this.optionalText("promotionWorstGrade"),
      },
      profitShare: {
        enabled: this.enum("profitShareEnabled") === "yes",
        pool: Number.isNaN(pool) ? 0 : pool,
        decimals: decimals === 0 ? 0 : 2,
      },
    };
    // The defaults written out read back as no key: a plan saved without them round-trips as it was.
    return JSON.stringify(review) === JSON.stringify(d) ? {} : { review };
  }

  /** A Plan sheet made before the rating scale existed rated out of 100. */
  ratingScale(): RatingScale {
    if (!this.at.ratingScale) return 100;
    const v = this.num("ratingScale");
    if ((RATING_SCALES as readonly number[]).includes(v as number)) return v as RatingScale;
    this.s.issues.push(
      issue(
        "error",
        "planRatingScale",
        { text: text(this.values.get("ratingScale") ?? null) },
        this.s.loc(this.at.ratingScale.row, 1)
      )
    );
    return 100;
  }
}

/**
 * Reads the Plan sheet back into a plan. `cells` are the sheet's values from A1 (rows of cells).
 * Sections are found by their titles in column A (either language), tables by their headers.
 */
export function readPlanSheet(cells: CellInput[][], sheetName: string): PlanReading {
  const s = new PlanCells(cells, sheetName);
  const settings = new SettingCells(s);
  const dimensions = readTable(s, DIMENSIONS, undefined);
  const curves = readCurves(s);
  const ind = readIndicators(s, curves);
  const grades = readTable(s, GRADES, undefined);
  const { matrix, anchor: matrixAnchor } = readMatrix(s);
  const tiers = readTable(s, TIERS, undefined);
  const team = settings.team ? readTeam(s, settings) : null;
  const annual = readFixedRows(s, ANNUAL);
  const feedback = readFixedRows(s, FEEDBACK);
  const fields = readTable(s, FIELDS, undefined);
  const plan = assemblePlan(settings, {
    fields: fields?.items ?? [],
    dimensions: dimensions?.items ?? [],
    indicators: ind.indicators,
    grades: grades?.items ?? [],
    matrix,
    tiers: tiers?.items ?? [],
    team: team?.team ?? null,
    annual: annual.values,
    feedback: feedback.values,
  });
  const issues = s.issues;
  const readingFailed = issues.some((i) => i.severity === "error");
  issues.push(...validatePlan(plan));
  const complete =
    settings.complete &&
    annual.valueAnchors.length === ANNUAL.rows.length &&
    feedback.valueAnchors.length === FEEDBACK.rows.length;
  return {
    plan: readingFailed ? null : plan,
    issues,
    anchors:
      readingFailed || !complete
        ? null
        : {
            sheet: sheetName,
            dimensions: dimensions?.anchors ?? [],
            indicators: ind.anchors,
            curves: ind.curveAnchors,
            grades: grades?.anchors ?? [],
            matrix: matrixAnchor,
            tiers: tiers?.anchors ?? [],
            teamTiers: team?.anchors ?? [],
            settings: settings.at,
            annualWeights: annual.valueAnchors,
            feedbackWeights: feedback.valueAnchors,
            raterLabels: feedback.labelAnchors,
          },
  };
}

/** 团队提成: its settings, tiers and leads, when the sheet has its settings section. */
function readTeam(s: PlanCells, settings: SettingCells) {
  const tiers = readTable(s, TEAM_TIERS, undefined);
  const leads = readTable(s, TEAM_LEADS, undefined);
  return {
    team: {
      method: settings.enum("teamMethod"),
      tiers: tiers?.items ?? [],
      leads: leads?.items ?? [],
      includeOwn: settings.enum("teamIncludeOwn") === "yes",
    },
    anchors: tiers?.anchors ?? [],
  };
}

/** The plan from its tables and its settings, the settings read in this order (their issues too). */
function assemblePlan(
  s: SettingCells,
  t: Pick<Plan, "fields" | "dimensions" | "indicators"> & {
    grades: Plan["grading"]["grades"];
    matrix: CoefficientMatrix;
    tiers: Plan["commission"]["tiers"];
    team: NonNullable<Plan["commission"]["team"]> | null;
    annual: number[];
    feedback: number[];
  }
): Plan {
  const minGrade = s.optionalText("minGrade");
  const name = { zh: s.text("nameZh"), en: s.text("nameEn") };
  return {
    name,
    version: s.text("version"),
    effectiveDate: s.text("effectiveDate"),
    fields: t.fields,
    dimensions: t.dimensions,
    indicators: t.indicators,
    grading: {
      grades: t.grades,
      mode: s.enum("gradeMode"),
      group: s.enum("gradeGroup"),
      coefficientMode: s.enum("coefficientMode"),
      matrix: t.matrix,
    },
    commission: {
      basis: s.enum("basis"),
      method: s.enum("commissionMethod"),
      boundType: s.enum("boundType"),
      tiers: t.tiers,
      gate: { minAttainment: s.num("minAttainment"), minGrade },
      capPerMonth: s.num("capPerMonth"),
      paidShare: s.num("paidShare") as number,
      clawback: s.enum("clawback"),
      // A sheet without the team commission's sections: the plan has none (the key left out).
      ...(t.team ? { team: t.team } : {}),
    },
    pay: {
      prorate: s.enum("prorate") === "yes",
      bonusStandard: s.num("bonusStandard") as number,
      currency: s.text("currency"),
      ...s.paySettings(),
    },
    periods: {
      evaluation: s.enum("evaluation"),
      annual: {
        quarterWeights: [t.annual[0], t.annual[1], t.annual[2], t.annual[3]],
        feedbackWeight: t.annual[4],
      },
    },
    feedback: { weights: [t.feedback[0], t.feedback[1], t.feedback[2]], scale: s.ratingScale() },
    ...s.review(t.grades),
  };
}
