/**
 * The Target letters sheet (目标责任书): one A4 portrait block per salesperson with page breaks,
 * the print area and a hidden index; the pay scenarios printed are the engine's; re-writing adds
 * and updates the letters asked for, keeps the others and what was written on signature lines,
 * and refuses to change a kept letter's figures silently.
 */
import { defaultPlan } from "../../src/engine/plan/defaultPlan";
import { targetLetter, type TargetLetter } from "../../src/engine/evaluate/letters";
import type { DataRow } from "../../src/engine/records";
import type { Language } from "../../src/engine/messages";
import { generateSample } from "../../src/workbook/sample";
import { templateLayout } from "../../src/workbook/template";
import { readDataSheet } from "../../src/workbook/data-sheet";
import { sheetValues } from "../../src/workbook/grid";
import {
  changedLetters,
  LETTER_INDEX_COLUMN,
  readTargetLettersSheet,
  targetLettersSheet,
} from "../../src/workbook/letters";
import { YUAN } from "../../src/workbook/money";
import { targetLettersLayout } from "../../src/app/letterSheets";
import { workbookLayouts } from "../../src/app/layouts";
import type { CellInput } from "../../src/engine/coerce";

const plan = defaultPlan();

function sampleRows(language: Language): DataRow[] {
  const sample = generateSample({ people: 8, teams: 2, year: 2024, months: 6, seed: 7 });
  const t = templateLayout(plan, language, sample);
  const ds = t.sheets.find((s) => s.role === "data")!;
  return readDataSheet(sheetValues(ds), ds.name, plan).rows;
}

const rows = sampleRows("zh-CN");
const ids = [...new Set(rows.map((r) => r.id))].sort();

function letters(which: string[], period = "2024-Q2"): TargetLetter[] {
  return which.map((id) => targetLetter(plan, rows, id, period).letter!);
}

/** Every number in a block's cells, in reading order. */
function numbersOf(values: CellInput[][], from: number, to: number): number[] {
  const out: number[] = [];
  for (let r = from; r < to; r++)
    for (let c = 0; c < 8; c++) {
      const v = values[r]?.[c];
      if (typeof v === "number") out.push(v);
    }
  return out;
}

describe("targetLettersSheet", () => {
  it("one A4 portrait page per letter: breaks between letters, print area over A–H, index hidden in I", () => {
    const ls = letters(ids.slice(0, 3));
    const s = targetLettersSheet(ls, "zh-CN");
    expect(s.name).toBe("目标责任书");
    expect(s.role).toBe("target_letters");
    const values = sheetValues(s);
    const { entries } = readTargetLettersSheet(values);
    expect(entries.map((e) => e.id)).toEqual(ids.slice(0, 3));
    expect(s.print).toMatchObject({ orientation: "portrait", paper: "A4", fitToWidth: true });
    expect(s.print!.area.columns).toBe(8);
    expect(s.print!.rowBreaks).toEqual(entries.slice(1).map((e) => e.row));
    expect(s.columns[LETTER_INDEX_COLUMN].hidden).toBe(true);
    expect(values[0][0]).toBe("目标责任书");
  });

  it("prints the engine's scenario figures, zh-CN money in ¥ with (元) headers", () => {
    const [l] = letters([ids[0]]);
    const s = targetLettersSheet([l], "zh-CN");
    const values = sheetValues(s);
    const at = values.findIndex((line) => line[0] === "应发合计(元)");
    expect(at).toBeGreaterThan(0);
    expect(values[at].slice(2, 5)).toEqual(l.scenarios.map((x) => x.pay));
    const commission = values.findIndex((line) => line[0] === "销售提成(元)");
    expect(values[commission].slice(2, 5)).toEqual(l.scenarios.map((x) => x.commission));
    const formats = s.blocks[0].numberFormats as (string | null)[][];
    expect(formats[at][2]).toBe(YUAN);
    // every indicator is listed with its weights and target
    for (const i of l.indicators) {
      const line = values.find((v) => v[1] === i.name.zh)!;
      expect(line[2]).toBe(i.weight);
      expect(line[3]).toBeCloseTo(i.effectiveWeight, 12);
      expect(line[4]).toBe(i.target ?? "无目标");
    }
  });

  it("en-US: the same letter in English, the assumptions and the signature lines", () => {
    const [l] = letters([ids[1]]);
    const values = sheetValues(targetLettersSheet([l], "en-US"));
    const text = values.flat().filter((v) => typeof v === "string") as string[];
    expect(text).toContain("Target letter");
    expect(text).toContain("Pay at 80%, 100% and 120% attainment");
    expect(text).toContain("Salesperson:");
    expect(text).toContain("Manager:");
    expect(text.some((t) => t.includes("taken at 80 / 100 / 100 points"))).toBe(true);
    expect(values.find((v) => v[0] === "Total pay")!.slice(2, 5)).toEqual(
      l.scenarios.map((x) => x.pay)
    );
  });
});

describe("writing letters over the sheet there (targetLettersLayout)", () => {
  const request = (subjects: string[], extra: object = {}) => ({
    language: "en-US" as const,
    plan,
    rows,
    subjects: subjects.map((id) => ({ id, period: "2024-Q2" })),
    ...extra,
  });

  it("adds the letters asked for, keeps the others and the signatures typed on them", () => {
    const first = targetLettersLayout(
      workbookLayouts,
      request(ids.slice(0, 2)),
      { sheets: {} },
      null
    );
    expect(first.written.map((s) => s.id)).toEqual(ids.slice(0, 2));
    const before = sheetValues(first.layout!.sheets[0]);
    const e = readTargetLettersSheet(before).entries[1];
    // the salesperson signs the second letter
    before[e.row + e.sign][2] = "Li Lei";
    before[e.row + e.sign][6] = "2024-04-02";
    const second = targetLettersLayout(workbookLayouts, request([ids[2]]), { sheets: {} }, before);
    expect(second.changed).toEqual([]);
    const after = sheetValues(second.layout!.sheets[0]);
    const read = readTargetLettersSheet(after);
    expect(read.entries.map((x) => x.id)).toEqual(ids.slice(0, 3));
    const f = read.entries[1];
    expect(after[f.row + f.sign][2]).toBe("Li Lei");
    expect(after[f.row + f.sign][6]).toBe("2024-04-02");
    // the letters kept print what they printed
    expect(numbersOf(after, f.row, f.row + f.rows)).toEqual(
      numbersOf(before, e.row, e.row + e.rows)
    );
  });

  it("a kept letter whose figures would change is not rewritten silently", () => {
    const first = targetLettersLayout(workbookLayouts, request([ids[0]]), { sheets: {} }, null);
    const before = sheetValues(first.layout!.sheets[0]);
    const changedRows = rows.map((r) =>
      r.id === ids[0] && r.period === "2024-04"
        ? { ...r, values: { ...r.values, base_salary: (r.values.base_salary ?? 0) + 500 } }
        : r
    );
    const ask = { ...request([ids[1]]), rows: changedRows };
    const refused = targetLettersLayout(workbookLayouts, ask, { sheets: {} }, before);
    expect(refused.layout).toBeNull();
    expect(refused.changed).toEqual([`${ids[0]} 2024-Q2`]);
    const updated = targetLettersLayout(
      workbookLayouts,
      { ...ask, updateChanged: true },
      { sheets: {} },
      before
    );
    expect(updated.layout).not.toBeNull();
    // asking for the changed letter itself updates it, and says it had been signed
    before[readTargetLettersSheet(before).entries[0].sign][2] = "Signed";
    const again = targetLettersLayout(
      workbookLayouts,
      { ...request([ids[0]]), rows: changedRows },
      { sheets: {} },
      before
    );
    expect(again.changed).toEqual([]);
    expect(again.signedChanged).toEqual([`${ids[0]} 2024-Q2`]);
  });

  it("located problems for people whose letters cannot be computed, the others written", () => {
    const broken = rows.map((r) =>
      r.id === ids[3] && r.period === "2024-05"
        ? { ...r, values: { ...r.values, performance_pay: null } }
        : r
    );
    const out = targetLettersLayout(
      workbookLayouts,
      { ...request([ids[2], ids[3]]), rows: broken },
      { sheets: {} },
      null
    );
    expect(out.written.map((s) => s.id)).toEqual([ids[2]]);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatchObject({
      code: "letterFieldMissing",
      location: { sheet: "数据", column: expect.any(String) },
    });
  });

  it("changedLetters ignores signatures and the letters asked for", () => {
    const values = sheetValues(targetLettersSheet(letters(ids.slice(0, 2)), "en-US"));
    const signed = values.map((l) => l.slice());
    const e = readTargetLettersSheet(signed).entries[0];
    signed[e.row + e.sign + 1][6] = "2024-04-03";
    expect(changedLetters(signed, values)).toEqual([]);
    const edited = values.map((l) => l.slice());
    edited[e.row + 5][4] = 1;
    expect(changedLetters(edited, values).map((x) => x.id)).toEqual([ids[0]]);
    expect(changedLetters(edited, values, new Set([`${ids[0]}\u00002024-Q2`]))).toEqual([]);
  });
});
