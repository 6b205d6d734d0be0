/**
 * Improvement plans followed up (上期改进计划跟进): the improvement-plan lines written on a
 * salesperson's statement of the period before come back on the next statement, each with an
 * outcome line; what the block says without a previous statement or without lines; outcomes kept
 * when the sheet is written again; the staleness check leaves the block out.
 */
import { defaultPlan } from "../../src/engine/plan/defaultPlan";
import { previousPeriod } from "../../src/engine/periods";
import { explain } from "../../src/engine/evaluate/explain";
import type { Evaluation } from "../../src/engine/evaluate/evaluate";
import type { Language } from "../../src/engine/messages";
import type { Plan } from "../../src/engine/plan/model";
import { buildWorkbook } from "../../src/workbook/build";
import { buildDemo } from "../../src/workbook/demo";
import { sheetValues } from "../../src/workbook/grid";
import type { CellInput } from "../../src/engine/coerce";
import type { SheetLayout } from "../../src/workbook/layout";
import { generateSample } from "../../src/workbook/sample";
import {
  changedStatements,
  readStatementsSheet,
  statementsSheet,
  type StatementEntry,
  type StatementItem,
} from "../../src/workbook/statements";
import { followUpOf, lineText, wrappedHeight } from "../../src/workbook/statement-followup";

type Values = CellInput[][];

function evaluation(plan: Plan, shift?: (month: string) => string): Evaluation {
  const sample = generateSample({ people: 8, teams: 2, seed: 15, months: 6 });
  const rows = shift ? sample.rows.map((r) => ({ ...r, period: shift(r.period) })) : sample.rows;
  const ratings = shift ? [] : sample.ratings;
  return buildWorkbook(plan, "zh-CN", { rows, ratings }, "values").evaluation;
}

const ev = evaluation(defaultPlan());

/** The statement items of these (id, period) pairs, in this order. */
function items(e: Evaluation, subjects: [string, string][]): StatementItem[] {
  const pf = e.periods.frame;
  return subjects.map(([id, period]) => {
    const r = pf.ids.findIndex((x, i) => x === id && pf.periods[i] === period);
    if (r < 0) throw new Error(`no row ${id} ${period}`);
    return { plan: e.plan, trace: explain(e, r) };
  });
}

function write(
  list: StatementItem[],
  language: Language,
  before?: Values
): { sheet: SheetLayout; values: Values; entries: StatementEntry[] } {
  const kept = before ? readStatementsSheet(before).notes : new Map();
  const sheet = statementsSheet(list, language, "Statements", kept);
  const values = sheetValues(sheet);
  return { sheet, values, entries: readStatementsSheet(values).entries };
}

function entry(entries: StatementEntry[], id: string, period: string): StatementEntry {
  return entries.find((e) => e.id === id && e.period === period)!;
}

/** Types improvement-plan lines on a statement, as the interviewer does (A of each line). */
function typePlan(values: Values, e: StatementEntry, lines: (string | null)[]): Values {
  const out = values.map((l) => [...l]);
  lines.forEach((t, k) => (out[e.row + e.notes + k][0] = t));
  return out;
}

/** The block's lines from its heading: the rows of the block as written. */
function block(values: Values, e: StatementEntry): Values {
  const f = e.follow!;
  return values.slice(e.row + f.at, e.row + f.at + f.rows).map((l) => l.slice(0, 8));
}

const ID = ev.periods.frame.ids[0];

describe("previousPeriod", () => {
  it("should give the month, quarter or year before, across a year boundary", () => {
    expect(previousPeriod("2024-Q3")).toBe("2024-Q2");
    expect(previousPeriod("2024-Q1")).toBe("2023-Q4");
    expect(previousPeriod("2024-05")).toBe("2024-04");
    expect(previousPeriod("2024-01")).toBe("2023-12");
    expect(previousPeriod("2024")).toBe("2023");
    expect(previousPeriod("Q1")).toBeNull();
  });
});

describe("the follow-up block on a statement", () => {
  it("should carry the previous quarter's written lines, each with an outcome line and a result list (zh-CN)", () => {
    const list = items(ev, [
      [ID, "2024-Q1"],
      [ID, "2024-Q2"],
    ]);
    const first = write(list, "zh-CN");
    const q1 = entry(first.entries, ID, "2024-Q1");
    const typed = typePlan(first.values, q1, [
      "每周拜访前十大客户",
      null,
      "回款率提升到 90%",
      null,
    ]);
    const again = write(list, "zh-CN", typed);
    const q2 = entry(again.entries, ID, "2024-Q2");
    expect(q2.follow).toMatchObject({ previous: "2024-Q1", state: "present", lines: 2, rows: 5 });
    expect(block(again.values, q2)).toEqual([
      ["上期改进计划跟进（2024年第一季度）", null, null, null, null, null, null, null],
      ["计划 1", "每周拜访前十大客户", null, null, null, null, null, null],
      ["结果：", null, "说明：", null, null, null, null, null],
      ["计划 2", "回款率提升到 90%", null, null, null, null, null, null],
      ["结果：", null, "说明：", null, null, null, null, null],
    ]);
    // the result cells take 已达成 / 部分达成 / 未达成 from a list
    const results = again.sheet.validations.filter((v) => v.list);
    expect(results.map((v) => v.range)).toEqual(
      [2, 4].map((r) => ({ row: q2.row + q2.follow!.at + r, column: 1, rows: 1, columns: 1 }))
    );
    expect(results[0].list).toEqual(["已达成", "部分达成", "未达成"]);
    // before the statement's own improvement plan and signatures; Q1 has no period before on the sheet
    expect(q2.follow!.at).toBeLessThan(q2.notes);
    expect(again.values[q2.row + q2.notes - 1][0]).toBe("改进计划");
    expect(entry(again.entries, ID, "2024-Q1").follow!.state).toBe("missing");
    // the Q1 statement keeps its lines
    expect(again.values[q1.row + q1.notes][0]).toBe("每周拜访前十大客户");
  });

  it("should write the block in English with its period and outcome list", () => {
    const list = items(ev, [
      [ID, "2024-Q1"],
      [ID, "2024-Q2"],
    ]);
    const first = write(list, "en-US");
    const typed = typePlan(first.values, entry(first.entries, ID, "2024-Q1"), [
      "Visit the top 10 accounts every week",
    ]);
    const again = write(list, "en-US", typed);
    const q2 = entry(again.entries, ID, "2024-Q2");
    expect(block(again.values, q2)).toEqual([
      ["Last period's improvement plan (2024-Q1)", null, null, null, null, null, null, null],
      ["Plan 1", "Visit the top 10 accounts every week", null, null, null, null, null, null],
      ["Outcome:", null, "Note:", null, null, null, null, null],
    ]);
    expect(again.sheet.validations.find((v) => v.list)!.list).toEqual([
      "Achieved",
      "Partly achieved",
      "Not achieved",
    ]);
  });

  it("should say so when the previous statement is not on the sheet, in both languages", () => {
    for (const [language, text] of [
      [
        "zh-CN",
        `未找到上期通知单：本表没有 ${ID} 2024年第一季度 的绩效结果通知单，无改进计划可跟进。`,
      ],
      [
        "en-US",
        `No previous statement found: the sheet holds no statement of 2024-Q1 for ${ID}, so there is no improvement plan to follow up.`,
      ],
    ] as const) {
      const { values, entries, sheet } = write(items(ev, [[ID, "2024-Q2"]]), language);
      const e = entries[0];
      expect(e.follow).toMatchObject({ previous: "2024-Q1", state: "missing", lines: 0, rows: 2 });
      expect(block(values, e)[1][0]).toBe(text);
      expect(sheet.validations.filter((v) => v.list)).toEqual([]);
    }
  });

  it("should say so when the previous statement has no improvement-plan lines written", () => {
    const list = items(ev, [
      [ID, "2024-Q1"],
      [ID, "2024-Q2"],
    ]);
    const first = write(list, "zh-CN");
    // a line of spaces is no line
    const typed = typePlan(first.values, entry(first.entries, ID, "2024-Q1"), ["   "]);
    const again = write(list, "zh-CN", typed);
    const q2 = entry(again.entries, ID, "2024-Q2");
    expect(q2.follow).toMatchObject({ state: "blank", lines: 0 });
    expect(block(again.values, q2)[1][0]).toBe(
      "上期（2024年第一季度）通知单未填写改进计划，无可跟进事项。"
    );
    const en = write(list, "en-US");
    expect(block(en.values, entry(en.entries, ID, "2024-Q2"))[1][0]).toBe(
      "The statement of 2024-Q1 has no improvement-plan lines written: nothing to follow up."
    );
  });

  it("should follow Q4 of the year before into Q1 (the year boundary)", () => {
    const shifted = evaluation(defaultPlan(), (m) => {
      const month = Number(m.slice(5));
      return month <= 3 ? `2023-${String(month + 9).padStart(2, "0")}` : `2024-0${month - 3}`;
    });
    const id = shifted.periods.frame.ids[0];
    const list = items(shifted, [
      [id, "2023-Q4"],
      [id, "2024-Q1"],
    ]);
    const first = write(list, "zh-CN");
    const typed = typePlan(first.values, entry(first.entries, id, "2023-Q4"), [
      "年底前完成 CRM 培训",
    ]);
    const again = write(list, "zh-CN", typed);
    const q1 = entry(again.entries, id, "2024-Q1");
    expect(q1.follow).toMatchObject({ previous: "2023-Q4", state: "present", lines: 1 });
    expect(block(again.values, q1)[0][0]).toBe("上期改进计划跟进（2023年第四季度）");
    expect(block(again.values, q1)[1][1]).toBe("年底前完成 CRM 培训");
  });

  it("should follow the month before under monthly evaluation", () => {
    const plan = defaultPlan();
    plan.periods.evaluation = "month";
    const monthly = evaluation(plan);
    const id = monthly.periods.frame.ids[0];
    const list = items(monthly, [
      [id, "2024-01"],
      [id, "2024-02"],
      [id, "2024-03"],
    ]);
    const first = write(list, "en-US");
    const typed = typePlan(first.values, entry(first.entries, id, "2024-02"), [
      null,
      "Ten calls a day",
    ]);
    const again = write(list, "en-US", typed);
    const march = entry(again.entries, id, "2024-03");
    expect(march.follow).toMatchObject({ previous: "2024-02", state: "present", lines: 1 });
    expect(block(again.values, march)[1]).toEqual([
      "Plan 1",
      "Ten calls a day",
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    // January's own line was not written on: February's block says the lines are blank
    expect(entry(again.entries, id, "2024-02").follow!.state).toBe("blank");
    // the quarter before is no statement under monthly evaluation
    expect(entry(again.entries, id, "2024-01").follow).toMatchObject({
      previous: "2023-12",
      state: "missing",
    });
  });
});

describe("outcomes written on the block", () => {
  const list = items(ev, [
    [ID, "2024-Q1"],
    [ID, "2024-Q2"],
  ]);
  const first = write(list, "zh-CN");
  const q1 = entry(first.entries, ID, "2024-Q1");
  const planned = write(list, "zh-CN", typePlan(first.values, q1, ["拜访", "回款", "培训"]));
  const q2 = entry(planned.entries, ID, "2024-Q2");
  const filled = planned.values.map((l) => [...l]);
  const outcome = (k: number) => q2.row + q2.follow!.at + 2 + 2 * k;
  filled[outcome(0)][1] = "已达成";
  filled[outcome(0)][3] = "每周 12 家";
  filled[outcome(2)][3] = "推迟到下季度";

  it("should be kept when the sheet is written again with another statement", () => {
    const other = ev.periods.frame.ids.find((x) => x !== ID)!;
    const more = [...list, ...items(ev, [[other, "2024-Q2"]])];
    const again = write(more, "zh-CN", filled);
    const e = entry(again.entries, ID, "2024-Q2");
    expect(block(again.values, e).slice(1)).toEqual([
      ["计划 1", "拜访", null, null, null, null, null, null],
      ["结果：", "已达成", "说明：", "每周 12 家", null, null, null, null],
      ["计划 2", "回款", null, null, null, null, null, null],
      ["结果：", null, "说明：", null, null, null, null, null],
      ["计划 3", "培训", null, null, null, null, null, null],
      ["结果：", null, "说明：", "推迟到下季度", null, null, null, null],
    ]);
    // the statement added has no previous statement on the sheet
    expect(again.entries[2].follow!.state).toBe("missing");
  });

  it("should keep the lines they answer when the previous statement's lines change or it leaves the sheet", () => {
    const edited = filled.map((l) => [...l]);
    edited[q1.row + q1.notes][0] = "拜访（改）";
    edited[q1.row + q1.notes + 1][0] = null;
    const again = write(list, "zh-CN", edited);
    const e = entry(again.entries, ID, "2024-Q2");
    expect(block(again.values, e).map((l) => l[1])).toEqual([
      null,
      "拜访",
      "已达成",
      "回款",
      null,
      "培训",
      null,
    ]);
    const alone = write(items(ev, [[ID, "2024-Q2"]]), "zh-CN", edited);
    expect(alone.entries[0].follow).toMatchObject({ state: "present", lines: 3 });
    expect(block(alone.values, alone.entries[0])[2][3]).toBe("每周 12 家");
  });

  it("should follow the previous statement's edited lines while no outcome is written", () => {
    const edited = planned.values.map((l) => [...l]);
    edited[q1.row + q1.notes + 1][0] = null;
    edited[q1.row + q1.notes + 3][0] = "复盘";
    const again = write(list, "zh-CN", edited);
    const e = entry(again.entries, ID, "2024-Q2");
    expect(block(again.values, e).filter((l) => l[0]?.toString().startsWith("计划"))).toEqual([
      ["计划 1", "拜访", null, null, null, null, null, null],
      ["计划 2", "培训", null, null, null, null, null, null],
      ["计划 3", "复盘", null, null, null, null, null, null],
    ]);
  });

  it("should not count outcomes or carried lines as a change of the statement, but a number still counts", () => {
    const after = sheetValues(
      statementsSheet(list, "zh-CN", "S", readStatementsSheet(filled).notes)
    );
    expect(changedStatements(filled, after)).toEqual([]);
    // the previous statement's lines edited before any outcome: the next statement is not stale
    const blank = write(list, "zh-CN").values;
    expect(changedStatements(blank, planned.values)).toEqual([]);
    // a number of the Q2 statement differs
    const stale = filled.map((l) => [...l]);
    const total = stale.findIndex((l, r) => r > q2.row && l[0] === "总分");
    stale[total][2] = (stale[total][2] as number) + 1;
    expect(changedStatements(stale, after).map((e) => e.period)).toEqual(["2024-Q2"]);
  });

  it("should read a sheet written before the block existed, and not call its statements stale for the block alone", () => {
    const old = planned.values.map((l) => [...l]);
    const f = q2.follow!;
    // the statement as written before: no block, no follow record in its index entry
    old.splice(q2.row + f.at, f.rows + 1);
    const cell = String(old[q2.row][8]);
    const o = JSON.parse(cell.slice("perf-statement ".length));
    delete o.follow;
    o.rows -= f.rows + 1;
    o.notes -= f.rows + 1;
    o.sign -= f.rows + 1;
    old[q2.row][8] = "perf-statement " + JSON.stringify(o);
    const read = readStatementsSheet(old);
    expect(read.entries.map((e) => [e.period, e.follow?.state])).toEqual([
      ["2024-Q1", "missing"],
      ["2024-Q2", undefined],
    ]);
    expect(changedStatements(old, planned.values)).toEqual([]);
  });
});

describe("the follow-up model", () => {
  it("should take a line's written cells, and carry nothing for what is not a period", () => {
    expect(lineText(["a", null, " b ", 3])).toBe("a b 3");
    expect(lineText([null, "  "])).toBe("");
    expect(
      followUpOf(
        "S1",
        "Q1",
        () => true,
        () => undefined
      )
    ).toBeNull();
  });

  it("should give a long carried line the height its wrapped text needs", () => {
    expect(wrappedHeight("short", 93)).toBeNull();
    expect(wrappedHeight("x".repeat(200), 93)).toBe(45);
    expect(wrappedHeight("改".repeat(60), 93)).toBe(30);
    expect(wrappedHeight("a\nb", 93)).toBe(30);
  });
});

describe("the demo's statements", () => {
  it("should hold the first team's Q3 statements with their plans, then everyone's Q4 statements following them up", () => {
    const built = buildDemo({ sample: { people: 16, teams: 2 } });
    const sheet = built.layout.sheets.find((s) => s.role === "statements")!;
    const values = sheetValues(sheet);
    const { entries } = readStatementsSheet(values);
    const pf = built.evaluation.periods.frame;
    const team = pf.teams[0];
    const inTeam = new Set(pf.ids.filter((_, r) => pf.teams[r] === team));
    const q3 = entries.filter((e) => e.period === "2024-Q3");
    const q4 = entries.filter((e) => e.period === "2024-Q4");
    expect(q3.map((e) => e.id).sort()).toEqual([...inTeam].sort());
    expect(entries.slice(0, q3.length)).toEqual(q3);
    expect(q4.length).toBe(new Set(pf.ids.filter((_, r) => pf.periods[r] === "2024-Q4")).size);
    for (const e of q4) {
      if (!inTeam.has(e.id)) {
        expect(e.follow).toMatchObject({ previous: "2024-Q3", state: "missing" });
        continue;
      }
      const before = q3.find((x) => x.id === e.id)!;
      const plan = values.slice(before.row + before.notes, before.row + before.notes + 4);
      const lines = plan.map((l) => l[0]).filter((x) => x !== null);
      expect(lines).toHaveLength(3);
      expect(e.follow).toMatchObject({ previous: "2024-Q3", state: "present", lines: 3 });
      const block = values.slice(e.row + e.follow!.at, e.row + e.follow!.at + e.follow!.rows);
      expect(block.filter((_, k) => k % 2 === 1).map((l) => l[1])).toEqual(lines);
      expect(String(lines[2])).toBe("参加产品知识培训并通过考试");
    }
  });
});
