/**
 * Saved plans: a plan is plain JSON, so a plan file is the plan as JSON. Reading one checks its
 * encoding and shape before the engine validates its numbers.
 */
import {
  checkPlanShape,
  decodeBytes,
  fileIssue,
  hasErrors,
  type Issue,
  type Plan,
} from "../engine";

export type PlanFileReading =
  { ok: true; plan: Plan; issues: Issue[] } | { ok: false; issues: Issue[] };

/** Where a JSON parse failed, as a line of the text (from the position the error names). */
function jsonLine(text: string, error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (position) return text.slice(0, Number(position[1])).split("\n").length;
  const line = /line (\d+)/.exec(message);
  return line ? Number(line[1]) : undefined;
}

/**
 * A plan file's bytes as a plan: decoded deliberately (UTF-8, or GB18030 as Notepad on Chinese
 * Windows may save it, said), parsed as JSON, and its shape checked (types, finite numbers, sizes)
 * before the plan's meaning is validated. Nothing is written from a file that fails any of these.
 */
export function readPlanFile(bytes: Uint8Array, fileName: string): PlanFileReading {
  const decoded = decodeBytes(bytes, fileName);
  if (!decoded.ok) return decoded;
  let value: unknown;
  try {
    value = JSON.parse(decoded.text);
  } catch (e) {
    return {
      ok: false,
      issues: [fileIssue("error", "planFileNotJson", {}, fileName, jsonLine(decoded.text, e))],
    };
  }
  const shape = checkPlanShape(value);
  const issues = [...(decoded.encoding === "utf-8" ? [] : decoded.issues), ...shape];
  if (hasErrors(shape)) return { ok: false, issues };
  return { ok: true, plan: value as Plan, issues };
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

/** Reads a chosen file's bytes (how they are text is decided by decodeBytes, never assumed). */
export async function readFileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(file);
  });
}
