/**
 * The sheets a Chinese payroll clerk reads first: money in ¥ with (元) in its headers, period
 * labels beside the keys the formulas match, working columns in closed groups, statuses in words
 * — and the same sheets in en-US as they were. HyperFormula checks the changed formulas (the
 * ledger's yes/no words) in the three styles on a plan with a gate and a cap, in both languages.
 */
import { defaultPlan } from "../../src/engine/plan/defaultPlan";
import { parsePeriodLabel, periodLabel, quarterLabel } from "../../src/engine/periods";
import { buildWorkbook, type BuiltWorkbook } from "../../src/workbook/build";
import { readFrozenScorecard, readScorecardPeriods } from "../../src/workbook/close";
import { sheetValues } from "../../src/workbook/grid";
import {
  columnHidden,
  isFormula,
  sheet,
  type Cell,
  type SheetLayout,
} from "../../src/workbook/layout";
import { localizeMoney, MONEY, moneyFormat, moneyHeader, YUAN } from "../../src/workbook/money";
import { generateSample } from "../../src/workbook/sample";
import type { FormulaStyle } from "../../src/workbook/formula";
import { compareLayout, evaluateLayout } from "./support/hyperformula";
import { onPlanScale, VARIANTS } from "./support/fixtures";

const TINY = generateSample({ people: 6, teams: 2, seed: 5 });
const OUTPUTS: SheetLayout["role"][] = ["months", "commission", "scorecard", "annual", "summary"];

function role(built: BuiltWorkbook, r: SheetLayout["role"]): SheetLayout {
  return built.layout.sheets.find((s) => s.role === r)!;
}

/** The cell of a sheet (first block holding it), formula cells by their value. */
function at(s: SheetLayout, row: number, column: number): Cell {
  for (const b of s.blocks) {
    const v = b.cells[row - b.row]?.[column - b.column];
    if (v !== undefined) return isFormula(v) ? v.value : v;
  }
  return null;
}

function header(s: SheetLayout): string[] {
  return s.columns.map((_, c) => String(at(s, 0, c) ?? ""));
}

describe("money in the sheet's language", () => {
  it("should give zh-CN headers the unit once and keep en-US ones", () => {
    expect(moneyHeader("基本工资", "zh-CN")).toBe("基本工资(元)");
    expect(moneyHeader("签约金额(元)", "zh-CN")).toBe("签约金额(元)");
    expect(moneyHeader("回款（万元）", "zh-CN")).toBe("回款（万元）");
    // a qualifier in parentheses is not a unit
    expect(moneyHeader("提成基数（回款）", "zh-CN")).toBe("提成基数（回款）(元)");
    expect(moneyHeader("", "zh-CN")).toBe("");
    expect(moneyHeader("Base pay", "en-US")).toBe("Base pay");
    expect(moneyFormat("zh-CN")).toBe(YUAN);
    expect(moneyFormat("en-US")).toBe(MONEY);
  });

  it("should turn MONEY columns and cells into ¥ and head the money columns with (元)", () => {
    const s = sheet("scorecard", "评分卡", "output");
    s.columns = [{ width: 9 }, { numberFormat: MONEY }, { numberFormat: "0.00" }];
    s.blocks = [
      { row: 0, column: 0, cells: [["标题说明", null, null]] },
      {
        row: 2,
        column: 0,
        cells: [
          ["姓名", "基本工资", "总分"],
          ["张三", 100, 1],
        ],
        numberFormats: [null, MONEY, null],
      },
      { row: 4, column: 0, cells: [[null, 5, 5]], numberFormats: [[null, MONEY, MONEY]] },
    ];
    const zh = localizeMoney(s, "zh-CN");
    expect(zh.columns.map((c) => c.numberFormat)).toEqual([undefined, YUAN, "0.00"]);
    expect(zh.blocks[1].cells[0]).toEqual(["姓名", "基本工资(元)", "总分"]);
    expect(zh.blocks[1].numberFormats).toEqual([null, YUAN, null]);
    expect(zh.blocks[2].numberFormats).toEqual([[null, YUAN, YUAN]]);
    // the sheet given is not changed, and en-US is the sheet as it is
    expect(s.blocks[1].cells[0][1]).toBe("基本工资");
    expect(localizeMoney(s, "en-US")).toBe(s);
  });
});

describe("period labels", () => {
  it("should read months, quarters and years as people write them", () => {
    expect(periodLabel("2024-04", "zh-CN")).toBe("2024年4月");
    expect(periodLabel("2024-12", "zh-CN")).toBe("2024年12月");
    expect(periodLabel("2024-Q1", "zh-CN")).toBe("2024年第一季度");
    expect(periodLabel("2024-Q4", "zh-CN")).toBe("2024年第四季度");
    expect(periodLabel("2024", "zh-CN")).toBe("2024年度");
    expect(periodLabel("2024-04", "en-US")).toBe("Apr 2024");
    expect(periodLabel("2024-Q2", "en-US")).toBe("Q2 2024");
    expect(periodLabel("2024", "en-US")).toBe("2024");
    expect(periodLabel("not a key", "zh-CN")).toBe("not a key");
    expect(periodLabel("2024-13", "zh-CN")).toBe("2024-13");
    // and back: every label reads as its key
    for (const key of ["2024-01", "2024-04", "2024-12", "2024-Q1", "2024-Q4", "2024"])
      for (const lang of ["zh-CN", "en-US"] as const)
        expect(parsePeriodLabel(periodLabel(key, lang))).toBe(key);
    expect(parsePeriodLabel("2024年13月")).toBeNull();
    expect(parsePeriodLabel("Foo 2024")).toBeNull();
    expect(parsePeriodLabel("2024-Q1")).toBeNull();
    expect([1, 2, 3, 4].map((q) => quarterLabel(q, "zh-CN"))).toEqual([
      "第一季度",
      "第二季度",
      "第三季度",
      "第四季度",
    ]);
  });
});

describe("the zh-CN output sheets", () => {
  const zh = buildWorkbook(defaultPlan(), "zh-CN", TINY, "native");
  const en = buildWorkbook(defaultPlan(), "en-US", TINY, "native");

  it("should format every money column in ¥ under a header with (元), and en-US as before", () => {
    let money = 0;
    for (const s of zh.layout.sheets.filter((x) => x.kind === "output")) {
      expect(s.columns.filter((c) => c.numberFormat === MONEY)).toEqual([]);
      s.columns.forEach((c, i) => {
        if (c.numberFormat !== YUAN || s.role === "statements") return;
        money++;
        expect([s.name, header(s)[i]]).toEqual([s.name, expect.stringMatching(/[(（]元[)）]$/)]);
      });
    }
    expect(money).toBeGreaterThan(30);
    for (const s of en.layout.sheets) {
      expect(s.columns.filter((c) => c.numberFormat === YUAN)).toEqual([]);
      expect(header(s).filter((h) => h.includes("元"))).toEqual([]);
    }
  });

  it("should open the Scorecard on names, scores, total, grade, coefficient and pay", () => {
    const sc = role(zh, "scorecard");
    const plan = defaultPlan();
    const visible = header(sc).filter((_, i) => !columnHidden(sc.columns[i]));
    expect(visible).toEqual([
      "员工编号",
      "姓名",
      "部门",
      "考核期",
      ...plan.dimensions.flatMap((d) =>
        plan.indicators.filter((i) => i.dimension === d.key).map((i) => i.name.zh)
      ),
      ...plan.dimensions.map((d) => d.name.zh),
      "总分",
      "等级",
      "绩效系数",
      "基本工资(元)",
      "绩效工资(元)",
      "销售提成(元)",
      "奖金/奖惩(元)",
      "应发合计(元)",
      "状态",
    ]);
    // everything else is in closed groups, none merely hidden
    const grouped = sc.columns.filter((c) => c.outlineLevel === 1 && c.collapsed).length;
    expect(grouped).toBe(sc.columns.length - visible.length);
    expect(sc.columns.filter((c) => c.hidden)).toEqual([]);
  });

  it("should show period labels and keep the keys the formulas and readers match", () => {
    const sc = role(zh, "scorecard");
    const h = header(sc);
    const label = h.indexOf("考核期");
    const key = h.indexOf("考核期间");
    expect(label).toBe(3);
    expect(sc.columns[key]).toMatchObject({ outlineLevel: 1, collapsed: true });
    const pf = zh.evaluation.periods.frame;
    for (let r = 0; r < pf.n; r++) {
      expect(at(sc, r + 2, key)).toBe(pf.periods[r]);
      expect(at(sc, r + 2, label)).toBe(periodLabel(pf.periods[r], "zh-CN"));
    }
    const keys = [...new Set(pf.periods)].sort();
    expect(readScorecardPeriods(sheetValues(sc))).toEqual(keys);
    const frozen = readFrozenScorecard(sheetValues(sc))!;
    expect(frozen.periods.sort()).toEqual(keys);
    expect(frozen.lines.map((l) => l.totalPay)).toEqual(
      Array.from({ length: pf.n }, (_, r) => {
        const v = at(sc, r + 2, h.indexOf("应发合计(元)"));
        return typeof v === "number" ? v : 0; // a row that cannot be paid reads as 0
      })
    );
    const com = role(zh, "commission");
    const ch = header(com);
    expect(ch.slice(3, 5)).toEqual(["所属月份", "所属期间"]);
    expect(at(com, 1, 3)).toBe(periodLabel(String(at(com, 1, ch.indexOf("月份"))), "zh-CN"));
    expect(at(role(zh, "annual"), 1, 3)).toMatch(/^\d{4}年度$/);
    // en-US: the keys where they were
    expect(header(role(en, "scorecard"))[3]).toBe("Period");
    expect(at(role(en, "scorecard"), 2, 3)).toBe(pf.periods[0]);
  });

  it("should show the ledger's yes/no columns in words", () => {
    const words = (b: BuiltWorkbook, name: string) => {
      const com = role(b, "commission");
      const c = header(com).indexOf(name);
      return new Set(
        Array.from({ length: b.evaluation.months.frame.n }, (_, m) => at(com, m + 1, c))
      );
    };
    expect([...words(zh, "可计算")].every((w) => w === "正常" || w === "待核")).toBe(true);
    expect(words(zh, "可计算").has("正常")).toBe(true);
    expect([...words(en, "Computable")].every((w) => w === "OK" || w === "To check")).toBe(true);
  });
});

describe("HyperFormula computes the ledger's words like the engine (gate and cap plan)", () => {
  const v = VARIANTS.find((x) => /gate, cap/.test(x.name))!;
  it.each([
    ["native", "en-US"],
    ["perf", "en-US"],
    ["native", "zh-CN"],
    ["values", "zh-CN"],
  ] as const)("%s, %s", (style: FormulaStyle, lang) => {
    const plan = v.plan();
    const built = buildWorkbook(plan, lang, onPlanScale(plan, TINY), style);
    const com = role(built, "commission");
    const h = header(com);
    const gate = h.indexOf(lang === "zh-CN" ? "达到门槛" : "Gate open");
    const capped = h.indexOf(lang === "zh-CN" ? "封顶" : "Capped");
    expect(gate).toBeGreaterThan(0);
    expect(capped).toBeGreaterThan(0);
    const seen = new Set<Cell>();
    for (let m = 0; m < built.evaluation.months.frame.n; m++)
      seen.add(at(com, m + 1, gate)).add(at(com, m + 1, capped));
    const words =
      lang === "zh-CN"
        ? ["达到", "未达到", "未封顶", "封顶", ""]
        : ["Met", "Not met", "Not capped", "Capped", ""];
    // both gate words and "not capped" occur; nothing but the words (or "" where not computable)
    for (const w of words.slice(0, 3)) expect(seen.has(w)).toBe(true);
    expect([...seen].filter((w) => !words.includes(w as string))).toEqual([]);
    if (style === "values") return;
    const ev = evaluateLayout(built.layout, { perf: style === "perf" });
    const cmp = compareLayout(built.layout, ev.value, OUTPUTS);
    expect(cmp.mismatches).toEqual([]);
    expect(cmp.cells).toBeGreaterThan(1000);
  });
});
