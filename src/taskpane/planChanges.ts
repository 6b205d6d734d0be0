/**
 * What changed between two plans, in words the pane shows ("Tier 3: rate 5% → 6%"), and the
 * version a changed plan is saved as. Pure.
 */
import type { Language, LocalizedText, Plan } from "../engine";
import { formatter } from "./format";
import { STRINGS, type Strings } from "./strings";

type Setting = (t: Strings) => [string, "percent" | "number" | "enum", Record<string, string>?];

/** Settings the what-if's sections edit, with the Plan editor's labels. */
const SETTINGS: Record<string, Setting> = {
  "commission.paidShare": (t) => [t.plan.paidShare, "percent"],
  "commission.capPerMonth": (t) => [t.plan.capPerMonth, "number"],
  "commission.gate.minAttainment": (t) => [t.plan.gateAttainment, "percent"],
  "commission.gate.minGrade": (t) => [t.plan.gateGrade, "number"],
  "commission.method": (t) => [t.plan.commissionMethod, "enum", t.plan.commissionMethods],
  "commission.basis": (t) => [t.plan.basis, "enum", t.plan.bases],
  "commission.boundType": (t) => [t.plan.boundType, "enum", t.plan.boundTypes],
  "commission.clawback": (t) => [t.plan.clawback, "enum", t.plan.clawbacks],
  "grading.mode": (t) => [t.plan.gradeMode, "enum", t.plan.gradeModes],
  "grading.group": (t) => [t.plan.group, "enum", t.plan.groups],
  "grading.coefficientMode": (t) => [t.plan.coefficientMode, "enum", t.plan.coefficientModes],
};

export interface PlanChange {
  /** Where, in the user's language ("Tier 3: rate", "Signed amount: weight"). */
  what: string;
  before: string;
  after: string;
}

function leafDiff(
  a: unknown,
  b: unknown,
  path: string,
  out: { path: string; a: unknown; b: unknown }[]
): void {
  if (a === b) return;
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys)
      leafDiff(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k,
        out
      );
    return;
  }
  out.push({ path, a, b });
}

/** The changes from one plan to another, the ones the what-if edits first by name, the rest by path. */
export function planChanges(before: Plan, after: Plan, language: Language): PlanChange[] {
  const f = formatter(language);
  const zh = language === "zh-CN";
  const t = STRINGS[language];
  const name = (t: LocalizedText) => f.text(t);
  const pct = (v: unknown) =>
    typeof v === "number" ? f.percent(v, 2).replace(/\.?0+%$/, "%") : String(v);
  const num = (v: unknown) =>
    typeof v === "number" ? f.number(v, 4) : v === null ? "—" : String(v);
  const out: PlanChange[] = [];
  const diffs: { path: string; a: unknown; b: unknown }[] = [];
  leafDiff(before, after, "", diffs);
  for (const d of diffs) {
    let m: RegExpExecArray | null;
    if ((m = /^commission\.tiers\[(\d+)\]\.(rate|from)$/.exec(d.path))) {
      const n = Number(m[1]) + 1;
      const rate = m[2] === "rate";
      const amounts = after.commission.boundType === "currency";
      out.push({
        what: zh
          ? `第 ${n} 档：${rate ? "提成比例" : "起点"}`
          : `Tier ${n}: ${rate ? "rate" : "from"}`,
        before: rate || !amounts ? pct(d.a) : num(d.a),
        after: rate || !amounts ? pct(d.b) : num(d.b),
      });
    } else if ((m = /^grading\.grades\[(\d+)\]\.(min|coefficient|quota)$/.exec(d.path))) {
      const g = after.grading.grades[Number(m[1])] ?? before.grading.grades[Number(m[1])];
      const label = {
        min: zh ? "最低分" : "min score",
        coefficient: zh ? "绩效系数" : "coefficient",
        quota: zh ? "分布比例" : "quota",
      }[m[2] as "min" | "coefficient" | "quota"];
      out.push({
        what: `${g.label}${zh ? "：" : ": "}${label}`,
        before: m[2] === "quota" ? pct(d.a) : num(d.a),
        after: m[2] === "quota" ? pct(d.b) : num(d.b),
      });
    } else if ((m = /^dimensions\[(\d+)\]\.weight$/.exec(d.path))) {
      out.push({
        what: `${name(after.dimensions[Number(m[1])].name)}${zh ? "：权重" : ": weight"}`,
        before: pct(d.a),
        after: pct(d.b),
      });
    } else if ((m = /^indicators\[(\d+)\]\.(weight|target\.default)$/.exec(d.path))) {
      const ind = after.indicators[Number(m[1])];
      const weight = m[2] === "weight";
      out.push({
        what: `${name(ind.name)}${zh ? (weight ? "：权重" : "：默认目标") : weight ? ": weight" : ": default target"}`,
        before: weight ? pct(d.a) : num(d.a),
        after: weight ? pct(d.b) : num(d.b),
      });
    } else if ((m = /^indicators\[(\d+)\]\.(.+)$/.exec(d.path))) {
      const ind = after.indicators[Number(m[1])] ?? before.indicators[Number(m[1])];
      out.push({
        what: `${name(ind.name)}${zh ? "：" : ": "}${m[2]}`,
        before: num(d.a),
        after: num(d.b),
      });
    } else if (d.path in SETTINGS) {
      const [label, kind, values] = SETTINGS[d.path](t);
      const show = (v: unknown) =>
        kind === "percent"
          ? v === null
            ? "—"
            : pct(v)
          : kind === "enum" && typeof v === "string"
            ? (values?.[v] ?? v)
            : num(v);
      out.push({ what: label, before: show(d.a), after: show(d.b) });
    } else {
      out.push({ what: d.path, before: num(d.a), after: num(d.b) });
    }
  }
  return out;
}

/** The version a changed plan is saved as: the last number of the version, plus one ("2024.1" → "2024.2"). */
export function nextVersion(version: string): string {
  const m = /^(.*?)(\d+)(\D*)$/.exec(version.trim());
  if (!m) return version.trim() ? `${version.trim()}.1` : "1";
  return `${m[1]}${Number(m[2]) + 1}${m[3]}`;
}

/** Today as yyyy-mm-dd (local date). */
export function today(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
