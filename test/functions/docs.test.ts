/**
 * docs/functions.md is a reference page a payroll clerk copies formulas from, so its examples must
 * be right: every `| \`=PERF.X(...)\` | result |` row is parsed (Excel formula syntax with array
 * constants) and evaluated through the functions as Excel calls them, in en-US and zh-CN names.
 */
import "./stubs";
import * as fs from "fs";
import * as path from "path";
import { CATALOG, NAMESPACE } from "../../src/functions/catalog";
import { ROOT, sourceExcel, type Excel, type Outcome } from "./harness";

const DOC = fs.readFileSync(path.join(ROOT, "docs", "functions.md"), "utf8");

interface Example {
  formula: string;
  expected: string;
}

const EXAMPLES: Example[] = [...DOC.matchAll(/^\|\s*`(=[^`]+)`\s*\|\s*(.+?)\s*\|$/gm)].map((m) => ({
  formula: m[1],
  expected: m[2],
}));

/** Splits at top-level separators (outside quotes and braces). */
function split(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "{") depth++;
    else if (!quoted && ch === "}") depth--;
    else if (!quoted && depth === 0 && ch === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** An Excel constant: number, "text", or an array constant {a,b;c,d}; empty is an omitted argument. */
function constant(text: string): unknown {
  const t = text.trim();
  if (t === "") return null;
  if (t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/""/g, '"');
  if (t.startsWith("{") && t.endsWith("}"))
    return split(t.slice(1, -1), ";").map((row) => split(row, ",").map(constant));
  if (/^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number(t);
  throw new Error(`not a constant: ${text}`);
}

function parse(formula: string): { id: string; args: unknown[] } {
  const m = formula.match(/^=([^(]+)\((.*)\)$/);
  if (!m) throw new Error(`not a function call: ${formula}`);
  const [namespace, name] = m[1].split(".");
  const spec =
    namespace === NAMESPACE.en
      ? CATALOG.find((f) => f.id === name)
      : namespace === NAMESPACE.zh
        ? CATALOG.find((f) => f.zhName === name)
        : undefined;
  if (!spec) throw new Error(`unknown function ${m[1]}`);
  return { id: spec.id, args: m[2].trim() === "" ? [] : split(m[2], ",").map(constant) };
}

function check(o: Outcome, expected: string): void {
  if (expected.startsWith("#")) {
    expect("error" in o && o.error).toBe(expected);
  } else if (expected.startsWith("{")) {
    expect(o).toEqual({ value: constant(expected) });
  } else if (/^-?[\d.]+$/.test(expected)) {
    expect("value" in o && typeof o.value).toBe("number");
    const v = (o as { value: number }).value;
    expect(Math.abs(v - Number(expected))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(v)));
  } else {
    expect(o).toEqual({ value: expected });
  }
}

describe("docs/functions.md", () => {
  let excel: Excel;
  beforeAll(async () => {
    excel = await sourceExcel();
  });

  it("should have worked examples, with a result, for every function in both languages", () => {
    const ids = EXAMPLES.map((e) => parse(e.formula).id);
    for (const spec of CATALOG) {
      expect(ids).toContain(spec.id);
      expect(EXAMPLES.some((e) => e.formula.startsWith(`=${NAMESPACE.zh}.${spec.zhName}(`))).toBe(
        true
      );
    }
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(50);
  });

  it("should show each function's syntax under both names with the catalog's argument names", () => {
    for (const spec of CATALOG) {
      const en = spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
      expect(DOC).toContain(`\`=${NAMESPACE.en}.${spec.id}(${en})\``);
      expect(DOC).toContain(`## ${NAMESPACE.en}.${spec.id}\n`);
      expect(DOC).toContain(`\`=${NAMESPACE.zh}.${spec.zhName}(`);
    }
  });

  for (const example of EXAMPLES) {
    it(`should give ${example.expected} for ${example.formula}`, () => {
      const { id, args } = parse(example.formula);
      check(excel.call(id, ...args), example.expected);
    });
  }
});
