/**
 * Saved plans: a plan is plain JSON, so a plan file is the plan as JSON. Reading one checks its
 * shape before the engine validates its numbers.
 */
import type { Plan } from "../engine";

export type PlanFileReading = { ok: true; plan: Plan } | { ok: false; reason: string };

const SECTIONS: [keyof Plan, "object" | "array" | "string"][] = [
  ["name", "object"],
  ["version", "string"],
  ["effectiveDate", "string"],
  ["fields", "array"],
  ["dimensions", "array"],
  ["indicators", "array"],
  ["grading", "object"],
  ["commission", "object"],
  ["pay", "object"],
  ["periods", "object"],
  ["feedback", "object"],
];

export function readPlanFile(text: string): PlanFileReading {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  if (!value || typeof value !== "object" || Array.isArray(value))
    return { ok: false, reason: "not a JSON object" };
  const o = value as Record<string, unknown>;
  for (const [key, kind] of SECTIONS) {
    const v = o[key];
    const fits =
      kind === "array"
        ? Array.isArray(v)
        : kind === "string"
          ? typeof v === "string"
          : !!v && typeof v === "object" && !Array.isArray(v);
    if (!fits)
      return {
        ok: false,
        reason: `"${key}" is missing or not ${kind === "array" ? "a list" : kind === "string" ? "text" : "an object"}`,
      };
  }
  const g = o.grading as Record<string, unknown>;
  const c = o.commission as Record<string, unknown>;
  if (!Array.isArray(g.grades)) return { ok: false, reason: '"grading.grades" is not a list' };
  if (!Array.isArray(c.tiers)) return { ok: false, reason: '"commission.tiers" is not a list' };
  return { ok: true, plan: value as Plan };
}

export function planFileText(plan: Plan): string {
  return JSON.stringify(plan, null, 2) + "\n";
}

export function planFileName(plan: Plan): string {
  const base = `${plan.name.en || plan.name.zh || "plan"} ${plan.version}`.replace(
    /[^\w.\u4e00-\u9fff-]+/g,
    "-"
  );
  return `${base}.json`;
}

/** Offers text as a file download (works in Office's webviews and in browsers). */
export function downloadText(fileName: string, text: string, type = "application/json"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads a chosen file as UTF-8 text. */
export function readFileText(file: Blob): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsText(file, "utf-8");
  });
}
