/**
 * The shape of a plan read from a file, checked before anything else looks at it: every value of
 * the right type, numbers finite, texts and lists within what the plan workbook's sheets can hold
 * (a plan with 17,000 fields would need more columns than a sheet has). validatePlan then checks
 * the plan's meaning (weights, tiers, references); together they mean a plan that is accepted can
 * be written whole, and one that is not never leaves a half-built workbook.
 */
import { issue, type Issue } from "../issues";
import { type Catalogue, type MessageKey } from "../messages";
import { RATING_SCALES } from "./model";

export const SCHEMA_MESSAGES = {
  shapeNotObject: { en: "Must be an object {…}.", zh: "必须是对象 {…}。" },
  shapeNotList: { en: "Must be a list […].", zh: "必须是列表 […]。" },
  shapeNotText: { en: "Must be text.", zh: "必须是文本。" },
  shapeNotNumber: {
    en: "Must be a finite number; it is {value}.",
    zh: "必须是有限的数字，当前为 {value}。",
  },
  shapeNotBoolean: { en: "Must be true or false.", zh: "必须是 true 或 false。" },
  shapeNotOneOf: {
    en: "It is {value}; it must be one of {allowed}.",
    zh: "当前为 {value}，必须是 {allowed} 之一。",
  },
  shapeTooMany: {
    en: "It has {count} entries; a plan workbook holds at most {max}.",
    zh: "共有 {count} 项，方案工作簿最多容纳 {max} 项。",
  },
  shapeTooFew: {
    en: "It has {count} entries; it needs at least {min}.",
    zh: "共有 {count} 项，至少需要 {min} 项。",
  },
  shapeTooLong: {
    en: "It is {length} characters long; at most {max} fit.",
    zh: "长度为 {length} 个字符，最多 {max} 个。",
  },
  shapeBadKey: {
    en: 'It is "{value}"; a key is 1–64 letters, digits or _ and starts with a letter or _.',
    zh: "当前为“{value}”；键名须为 1–64 个字母、数字或下划线，并以字母或下划线开头。",
  },
  shapeBadDate: {
    en: 'It is "{value}"; write the date as yyyy-mm-dd.',
    zh: "当前为“{value}”，日期请写成 yyyy-mm-dd。",
  },
  shapeUnknown: {
    en: "It is not part of a plan and was ignored.",
    zh: "不属于方案，已忽略。",
  },
} satisfies Catalogue;

/** How much a plan may hold: what the Plan, Data and Scorecard sheets can lay out. */
export const PLAN_LIMITS = {
  fields: 200,
  dimensions: 20,
  indicators: 100,
  grades: 20,
  tiers: 50,
  /** Team commission: its tiers, and its leads (one per team). */
  teamTiers: 50,
  teamLeads: 500,
  curvePoints: 50,
  matrixAxis: 50,
  aliases: 30,
  name: 200,
  text: 1000,
};

const UNITS = ["currency", "ratio", "count", "score", "days", "hours", "points"];
const ROLES = ["measure", "target", "pay"];
const AGGREGATES = ["sum", "mean", "last"];
const DIRECTIONS = ["higher", "lower"];
const MISSING = ["error", "zero", "renormalize"];
const KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

type Check = (v: unknown, path: string) => void;

/** Collects issues while walking a value; each check says what it expects at a path. */
class Walker {
  readonly issues: Issue[] = [];
  private fail(code: MessageKey, path: string, params: Record<string, string | number> = {}) {
    this.issues.push(issue("error", code, { path, ...params }, { path }));
    return false;
  }
  object(v: unknown, path: string, known?: readonly string[]): v is Record<string, unknown> {
    if (!v || typeof v !== "object" || Array.isArray(v)) return this.fail("shapeNotObject", path);
    if (known)
      for (const k of Object.keys(v))
        if (!known.includes(k))
          this.issues.push(
            issue("warning", "shapeUnknown", { path: `${path}.${k}` }, { path: `${path}.${k}` })
          );
    return true;
  }
  list(v: unknown, path: string, min: number, max: number, each: Check): void {
    if (!Array.isArray(v)) {
      this.fail("shapeNotList", path);
      return;
    }
    if (v.length > max) {
      this.fail("shapeTooMany", path, { count: v.length, max });
      return;
    }
    if (v.length < min) this.fail("shapeTooFew", path, { count: v.length, min });
    v.forEach((x, i) => each(x, `${path}[${i}]`));
  }
  text(v: unknown, path: string, max = PLAN_LIMITS.text): v is string {
    if (typeof v !== "string") return this.fail("shapeNotText", path);
    if (v.length > max) return this.fail("shapeTooLong", path, { length: v.length, max });
    return true;
  }
  key(v: unknown, path: string): void {
    if (this.text(v, path, 64) && !KEY.test(v)) this.fail("shapeBadKey", path, { value: v });
  }
  number(v: unknown, path: string, nullable = false): void {
    if (nullable && v === null) return;
    if (typeof v !== "number" || !Number.isFinite(v))
      this.fail("shapeNotNumber", path, { value: JSON.stringify(v) ?? String(v) });
  }
  boolean(v: unknown, path: string): void {
    if (typeof v !== "boolean") this.fail("shapeNotBoolean", path);
  }
  oneOf(v: unknown, path: string, allowed: readonly (string | number)[]): void {
    if (!allowed.includes(v as string | number))
      this.fail("shapeNotOneOf", path, {
        value: JSON.stringify(v) ?? String(v),
        allowed: allowed.join(", "),
      });
  }
  words(v: unknown, path: string, max = PLAN_LIMITS.name): void {
    if (!this.object(v, path, ["en", "zh"])) return;
    this.text(v.en, `${path}.en`, max);
    this.text(v.zh, `${path}.zh`, max);
  }
}

function field(w: Walker): Check {
  return (v, p) => {
    const known = ["key", "name", "unit", "role", "aggregate", "source", "aliases", "optional"];
    if (!w.object(v, p, known)) return;
    w.key(v.key, `${p}.key`);
    w.words(v.name, `${p}.name`);
    w.oneOf(v.unit, `${p}.unit`, UNITS);
    w.oneOf(v.role, `${p}.role`, ROLES);
    w.oneOf(v.aggregate, `${p}.aggregate`, AGGREGATES);
    w.words(v.source, `${p}.source`);
    w.list(v.aliases, `${p}.aliases`, 0, PLAN_LIMITS.aliases, (a, q) => w.text(a, q, 100));
    w.boolean(v.optional, `${p}.optional`);
  };
}

function dimension(w: Walker): Check {
  return (v, p) => {
    if (!w.object(v, p, ["key", "name", "weight", "range"])) return;
    w.key(v.key, `${p}.key`);
    w.words(v.name, `${p}.name`);
    w.number(v.weight, `${p}.weight`);
    if (w.object(v.range, `${p}.range`, ["min", "max"])) {
      w.number(v.range.min, `${p}.range.min`);
      w.number(v.range.max, `${p}.range.max`);
    }
  };
}

function input(w: Walker, v: unknown, p: string): void {
  if (!w.object(v, p)) return;
  w.oneOf(v.kind, `${p}.kind`, ["field", "ratio", "growth", "sum", "feedback", "customer360"]);
  for (const k of ["field", "numerator", "denominator", "current", "prior"])
    if (k in v) w.key(v[k], `${p}.${k}`);
  if (v.kind === "customer360") {
    if (v.survey !== null) w.key(v.survey, `${p}.survey`);
    w.number(v.share, `${p}.share`);
  }
  if ("fields" in v) w.list(v.fields, `${p}.fields`, 1, PLAN_LIMITS.fields, (f, q) => w.key(f, q));
}

function scoring(w: Walker, v: unknown, p: string): void {
  if (!w.object(v, p)) return;
  w.oneOf(v.method, `${p}.method`, ["linear", "curve", "direct", "deduction", "feedback"]);
  for (const k of ["floor", "cap", "fullScore"]) if (k in v) w.number(v[k], `${p}.${k}`);
  if (v.method === "curve") {
    w.oneOf(v.mode, `${p}.mode`, ["linear", "step"]);
    w.oneOf(v.on, `${p}.on`, ["attainment", "value"]);
    w.list(v.points, `${p}.points`, 1, PLAN_LIMITS.curvePoints, (pt, q) => {
      if (!w.object(pt, q, ["x", "y"])) return;
      w.number(pt.x, `${q}.x`);
      w.number(pt.y, `${q}.y`);
    });
  }
}

function indicator(w: Walker): Check {
  return (v, p) => {
    const known = [
      "key",
      "name",
      "dimension",
      "weight",
      "unit",
      "direction",
      "input",
      "scoring",
      "target",
      "missing",
    ];
    if (!w.object(v, p, known)) return;
    w.key(v.key, `${p}.key`);
    w.words(v.name, `${p}.name`);
    w.key(v.dimension, `${p}.dimension`);
    w.number(v.weight, `${p}.weight`);
    w.oneOf(v.unit, `${p}.unit`, UNITS);
    w.oneOf(v.direction, `${p}.direction`, DIRECTIONS);
    input(w, v.input, `${p}.input`);
    scoring(w, v.scoring, `${p}.scoring`);
    if (w.object(v.target, `${p}.target`, ["field", "default"])) {
      if (v.target.field !== null) w.key(v.target.field, `${p}.target.field`);
      w.number(v.target.default, `${p}.target.default`, true);
    }
    w.oneOf(v.missing, `${p}.missing`, MISSING);
  };
}

function grading(w: Walker, v: unknown, p: string): void {
  if (!w.object(v, p, ["grades", "mode", "group", "coefficientMode", "matrix"])) return;
  w.list(v.grades, `${p}.grades`, 1, PLAN_LIMITS.grades, (g, q) => {
    if (!w.object(g, q, ["label", "min", "name", "coefficient", "quota"])) return;
    w.text(g.label, `${q}.label`, 20);
    w.number(g.min, `${q}.min`);
    w.words(g.name, `${q}.name`);
    w.number(g.coefficient, `${q}.coefficient`);
    w.number(g.quota, `${q}.quota`);
  });
  w.oneOf(v.mode, `${p}.mode`, ["bands", "forced", "bandsWithCheck"]);
  w.oneOf(v.group, `${p}.group`, ["team", "company"]);
  w.oneOf(v.coefficientMode, `${p}.coefficientMode`, ["grade", "matrix"]);
  const m = v.matrix;
  if (!w.object(m, `${p}.matrix`, ["rows", "columns", "cells"])) return;
  const axis = PLAN_LIMITS.matrixAxis;
  w.list(m.rows, `${p}.matrix.rows`, 1, axis, (x, q) => w.number(x, q));
  w.list(m.columns, `${p}.matrix.columns`, 1, axis, (x, q) => w.number(x, q));
  w.list(m.cells, `${p}.matrix.cells`, 1, axis, (row, q) =>
    w.list(row, q, 1, axis, (x, r) => w.number(x, r))
  );
}

function commission(w: Walker, v: unknown, p: string): void {
  const known = [
    "basis",
    "method",
    "boundType",
    "tiers",
    "gate",
    "capPerMonth",
    "paidShare",
    "clawback",
    "team",
  ];
  if (!w.object(v, p, known)) return;
  w.oneOf(v.basis, `${p}.basis`, ["collected", "signed"]);
  w.oneOf(v.method, `${p}.method`, ["marginal", "whole"]);
  w.oneOf(v.boundType, `${p}.boundType`, ["currency", "attainment"]);
  w.list(v.tiers, `${p}.tiers`, 1, PLAN_LIMITS.tiers, (t, q) => {
    if (!w.object(t, q, ["from", "rate"])) return;
    w.number(t.from, `${q}.from`);
    w.number(t.rate, `${q}.rate`);
  });
  if (w.object(v.gate, `${p}.gate`, ["minAttainment", "minGrade"])) {
    w.number(v.gate.minAttainment, `${p}.gate.minAttainment`, true);
    if (v.gate.minGrade !== null) w.text(v.gate.minGrade, `${p}.gate.minGrade`, 20);
  }
  w.number(v.capPerMonth, `${p}.capPerMonth`, true);
  w.number(v.paidShare, `${p}.paidShare`);
  w.oneOf(v.clawback, `${p}.clawback`, ["carryForward", "deductFromPay"]);
  if (v.team !== undefined && v.team !== null) team(w, v.team, `${p}.team`);
}

/** Team commission (absent or null: none). */
function team(w: Walker, v: unknown, p: string): void {
  if (!w.object(v, p, ["method", "tiers", "leads", "includeOwn"])) return;
  w.oneOf(v.method, `${p}.method`, ["marginal", "whole"]);
  w.list(v.tiers, `${p}.tiers`, 1, PLAN_LIMITS.teamTiers, (t, q) => {
    if (!w.object(t, q, ["from", "rate"])) return;
    w.number(t.from, `${q}.from`);
    w.number(t.rate, `${q}.rate`);
  });
  w.list(v.leads, `${p}.leads`, 0, PLAN_LIMITS.teamLeads, (l, q) => {
    if (!w.object(l, q, ["team", "id"])) return;
    w.text(l.team, `${q}.team`, PLAN_LIMITS.name);
    w.text(l.id, `${q}.id`, 100);
  });
  w.boolean(v.includeOwn, `${p}.includeOwn`);
}

function rest(w: Walker, o: Record<string, unknown>): void {
  const payKeys = ["prorate", "bonusStandard", "currency", "schedule", "advanceShare", "guarantee"];
  if (w.object(o.pay, "pay", payKeys)) {
    w.boolean(o.pay.prorate, "pay.prorate");
    w.number(o.pay.bonusStandard, "pay.bonusStandard");
    w.text(o.pay.currency, "pay.currency", 10);
    // added later: plans saved before them have none
    if (o.pay.schedule !== undefined)
      w.oneOf(o.pay.schedule, "pay.schedule", ["quarterEnd", "monthlyAdvance"]);
    if (o.pay.advanceShare !== undefined) w.number(o.pay.advanceShare, "pay.advanceShare");
    const g = o.pay.guarantee;
    if (
      g !== undefined &&
      w.object(g, "pay.guarantee", ["enabled", "minimum", "months", "recoverable"])
    ) {
      w.boolean(g.enabled, "pay.guarantee.enabled");
      w.number(g.minimum, "pay.guarantee.minimum");
      w.number(g.months, "pay.guarantee.months");
      w.boolean(g.recoverable, "pay.guarantee.recoverable");
    }
  }
  if (w.object(o.periods, "periods", ["evaluation", "annual"])) {
    w.oneOf(o.periods.evaluation, "periods.evaluation", ["quarter", "month"]);
    const a = o.periods.annual;
    if (w.object(a, "periods.annual", ["quarterWeights", "feedbackWeight"])) {
      w.list(a.quarterWeights, "periods.annual.quarterWeights", 4, 4, (x, q) => w.number(x, q));
      w.number(a.feedbackWeight, "periods.annual.feedbackWeight");
    }
  }
  if (w.object(o.feedback, "feedback", ["weights", "scale"])) {
    w.list(o.feedback.weights, "feedback.weights", 3, 3, (x, q) => w.number(x, q));
    if (o.feedback.scale !== undefined) w.oneOf(o.feedback.scale, "feedback.scale", RATING_SCALES);
  }
}

/** Every way a value read from a plan file is not a plan's shape, located by its path. */
export function checkPlanShape(value: unknown): Issue[] {
  const w = new Walker();
  const top = [
    "name",
    "version",
    "effectiveDate",
    "fields",
    "dimensions",
    "indicators",
    "grading",
    "commission",
    "pay",
    "periods",
    "feedback",
    "review",
  ];
  if (!w.object(value, "plan", top)) return w.issues;
  const o = value;
  w.words(o.name, "name");
  w.text(o.version, "version", 50);
  if (w.text(o.effectiveDate, "effectiveDate", 10) && !/^\d{4}-\d{2}-\d{2}$/.test(o.effectiveDate))
    w.issues.push(
      issue(
        "error",
        "shapeBadDate",
        { path: "effectiveDate", value: o.effectiveDate },
        { path: "effectiveDate" }
      )
    );
  w.list(o.fields, "fields", 1, PLAN_LIMITS.fields, field(w));
  w.list(o.dimensions, "dimensions", 1, PLAN_LIMITS.dimensions, dimension(w));
  w.list(o.indicators, "indicators", 1, PLAN_LIMITS.indicators, indicator(w));
  grading(w, o.grading, "grading");
  commission(w, o.commission, "commission");
  rest(w, o);
  if (o.review !== undefined) review(w, o.review, "review");
  return w.issues;
}

/** The promotion rule and the profit-share pool (absent: the defaults). */
function review(w: Walker, v: unknown, p: string): void {
  if (!w.object(v, p, ["promotion", "profitShare"])) return;
  const pr = v.promotion;
  if (w.object(pr, `${p}.promotion`, ["enabled", "minGrade", "years", "worstGrade"])) {
    w.boolean(pr.enabled, `${p}.promotion.enabled`);
    w.text(pr.minGrade, `${p}.promotion.minGrade`, 20);
    w.number(pr.years, `${p}.promotion.years`);
    if (pr.worstGrade !== null) w.text(pr.worstGrade, `${p}.promotion.worstGrade`, 20);
  }
  const ps = v.profitShare;
  if (w.object(ps, `${p}.profitShare`, ["enabled", "pool", "decimals"])) {
    w.boolean(ps.enabled, `${p}.profitShare.enabled`);
    w.number(ps.pool, `${p}.profitShare.pool`);
    w.oneOf(ps.decimals, `${p}.profitShare.decimals`, [0, 2]);
  }
}
