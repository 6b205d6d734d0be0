/**
 * The names Excel knows the PERF functions by, which depend on Office's display language: under
 * zh-CN the manifest overrides the namespace to 绩效 and points Excel at functions.zh-CN.json, so
 * the functions are registered as 绩效.完成率 …; otherwise as PERF.ATTAINMENT …. Excel parses
 * the formulas an add-in sets through `Range.formulas` against those registered names: an
 * English name under a zh-CN display gives #NAME? (OfficeDev/office-js#891). So formulas are
 * written with the display language's names, and compared by function id whatever names they use.
 *
 * Pure; the names come from the one catalogue (./catalog.ts).
 */
import { CATALOG, NAMESPACE } from "./catalog";

/** Whether Excel registered the functions under their zh-CN names (the manifest's override). */
export function localizedFunctions(displayLanguage: string | undefined): boolean {
  return (displayLanguage ?? "").toLowerCase() === "zh-cn";
}

/** The name Excel registered for each function id under a display language ("PERF.X" / "绩效.Y"). */
export function functionNames(displayLanguage: string | undefined): Map<string, string> {
  const zh = localizedFunctions(displayLanguage);
  return new Map(
    CATALOG.map((f) => [f.id, zh ? `${NAMESPACE.zh}.${f.zhName}` : `${NAMESPACE.en}.${f.id}`])
  );
}

/** Every name a PERF function is written by (either language, any case) → its id. */
const BY_NAME = new Map<string, string>(
  CATALOG.flatMap((f) => [
    [`${NAMESPACE.en}.${f.id}`.toUpperCase(), f.id],
    [`${NAMESPACE.zh}.${f.zhName}`.toUpperCase(), f.id],
  ])
);

/** A call of a namespaced function: the namespace, a dot, the name, an opening parenthesis. */
const CALL = new RegExp(
  `(${NAMESPACE.en}|${NAMESPACE.zh})\\.([\\p{L}_][\\p{L}\\p{N}_.]*)(?=\\s*\\()`,
  "giu"
);

/** Apply `map` to every PERF function call's name outside string literals. */
function eachCall(formula: string, map: (id: string, written: string) => string): string {
  if (!formula.includes(".")) return formula;
  return formula
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(CALL, (written: string, _ns: string, _name: string, at: number) => {
            const before = at > 0 ? part[at - 1] : "";
            if (/[\p{L}\p{N}_.]/u.test(before)) return written; // part of a longer name
            const id = BY_NAME.get(written.toUpperCase());
            return id === undefined ? written : map(id, written);
          })
    )
    .join('"');
}

/** The formula with every PERF function named as Excel registered it under `displayLanguage`. */
export function localizeFunctionNames(
  formula: string,
  displayLanguage: string | undefined
): string {
  const names = functionNames(displayLanguage);
  return eachCall(formula, (id) => names.get(id)!);
}

/** The formula with every PERF function named by its id ("PERF.ATTAINMENT"), for comparisons. */
export function canonicalFunctionNames(formula: string): string {
  return eachCall(formula, (id) => `${NAMESPACE.en}.${id}`);
}

/** The ids of the PERF functions a formula calls, in order. */
export function functionCalls(formula: string): string[] {
  const ids: string[] = [];
  eachCall(formula, (id, written) => {
    ids.push(id);
    return written;
  });
  return ids;
}
