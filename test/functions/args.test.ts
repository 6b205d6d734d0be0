/**
 * The contract's general rules for every function (shared/spec/functions.md, "General rules"),
 * through the functions as Excel calls them: blanks and defaults, numeric text, booleans and
 * other text, error values in inputs, ranges of any shape, trailing blank rows, purity.
 */
import { setDisplayLanguage, StubError } from "./stubs";
import { sourceExcel, type Excel } from "./harness";

let excel: Excel;
beforeAll(async () => {
  excel = await sourceExcel();
});
afterEach(() => setDisplayLanguage("en-US"));

const call = (id: string, ...args: unknown[]) => excel.call(id, ...args);
const value = (v: unknown) => ({ value: v });

describe("blank arguments", () => {
  it.each([null, undefined, "", "   ", "\u3000"])(
    "should give an optional argument its default when it is %p",
    (blank) => {
      expect(call("KPISCORE", 130, 100, blank, blank, blank, blank)).toEqual(value(120));
      expect(call("ATTAINMENT", 20, 30, blank)).toEqual(value(20 / 30));
      expect(
        call(
          "COMMISSION",
          250000,
          [
            [0, 0.03],
            [100000, 0.05],
            [200000, 0.08],
          ],
          blank,
          blank,
          blank
        )
      ).toEqual(value(12000));
      expect(call("PAY", 5000, 2000, 1, blank, blank)).toEqual(value(7000));
    }
  );

  it("should treat an omitted optional argument (Excel passes null) as blank", () => {
    expect(call("GRADE", 88)).toEqual(value("A"));
    expect(call("COEFFICIENT", "C")).toEqual(value(0.8));
    expect(call("FEEDBACK", 90, 80, 70)).toEqual(value(0.6 * 90 + 0.2 * 80 + 0.2 * 70));
  });

  it("should treat a single blank cell given for an optional range as blank", () => {
    expect(call("GRADE", 88, [[null]])).toEqual(value("A"));
    expect(call("DISTRIBUTE", [[1]], [[""]])).toEqual(value([["B"]])); // N = 1: cut-offs S 0, A 0, B 1
    expect(call("COEFFICIENT", "D", [[null]])).toEqual(value(0.5));
    expect(call("FEEDBACK", 90, 80, 70, [[null]])).toEqual(value(0.6 * 90 + 0.2 * 80 + 0.2 * 70));
  });

  it("should read a larger all-blank range as an empty table, not as the default", () => {
    expect(
      call("GRADE", 88, [
        [null, null],
        [null, null],
      ])
    ).toEqual({ error: "#VALUE!", message: "bands has no rows." });
  });

  it("should count a blank required number as 0, as Excel's own functions do", () => {
    expect(call("ATTAINMENT", null, 100)).toEqual(value(0));
    expect(call("PRORATE", 1000, "", 30)).toEqual(value(0));
    expect(call("GROWTH", 5, null)).toEqual({ error: "#DIV/0!" });
  });
});

describe("numeric text from CRM exports", () => {
  it.each([
    ["85%", 0.85],
    ["1,200", 1200],
    ["１２０", 120],
    ["８５％", 0.85],
    [" 42 ", 42],
    ["1,234.50", 1234.5],
    ["(1,234.50)", -1234.5],
    ["¥1,000", 1000],
    ["1e3", 1000],
  ])("should read %p as %p", (text, number) => {
    const r = call("ATTAINMENT", text, 1);
    expect("value" in r && typeof r.value === "number").toBe(true);
    expect((r as { value: number }).value).toBeCloseTo(number, 12);
  });

  it("should read numeric text inside ranges and tables", () => {
    expect(call("WEIGHTED", [["90", "80"]], [["60%", "40%"]])).toEqual(value(86));
    expect(
      call("COMMISSION", "250,000", [
        ["0", "3%"],
        ["100,000", "5%"],
        ["200,000", "8%"],
      ])
    ).toEqual(value(12000));
  });
});

describe("booleans and other text", () => {
  it("should refuse a boolean where a number is required, naming the argument", () => {
    expect(call("PRORATE", 1000, true, 30)).toEqual({
      error: "#VALUE!",
      message: "days_worked must be a number; TRUE/FALSE is not a number.",
    });
    setDisplayLanguage("zh-CN");
    expect(call("PRORATE", 1000, false, 30)).toEqual({
      error: "#VALUE!",
      message: "出勤天数必须是数字，TRUE/FALSE 不是数字。",
    });
  });

  it("should refuse a boolean for an optional number too (it is not blank)", () => {
    expect(call("KPISCORE", 90, 100, false)).toEqual({
      error: "#VALUE!",
      message: "floor must be a number; TRUE/FALSE is not a number.",
    });
  });

  it("should refuse booleans inside ranges, naming the position", () => {
    expect(call("WEIGHTED", [[90, true]], [[0.5, 0.5]])).toEqual({
      error: "#VALUE!",
      message: 'scores: cell 2 holds "TRUE", which is not a number.',
    });
    expect(
      call("CURVE", 1, [
        [0, 0],
        [false, 1],
      ])
    ).toEqual({
      error: "#VALUE!",
      message: 'points: row 2, column 1 holds "FALSE", which is not a number.',
    });
  });

  it("should name every argument in zh-CN with the terms the zh-CN metadata uses", () => {
    setDisplayLanguage("zh-CN");
    expect(call("PAY", "x", 0, 0)).toEqual({
      error: "#VALUE!",
      message: "基本工资必须是数字，“x”不是数字。",
    });
    expect(
      call("MATRIX", 1, "x", [
        [null, 1],
        [1, 1],
      ])
    ).toEqual({ error: "#VALUE!", message: "列值必须是数字，“x”不是数字。" });
    expect(call("COMMISSION", 1, [[0, 0.1]], null, "x")).toEqual({
      error: "#VALUE!",
      message: "目标值必须是数字，“x”不是数字。",
    });
  });

  it("should refuse a range where a single value is expected", () => {
    expect(call("PRORATE", [[1000, 2000]], 10, 30)).toEqual({
      error: "#VALUE!",
      message: "amount must be a single value, not a range of 2 cells.",
    });
    expect(call("PRORATE", [[1000]], 15, 30)).toEqual(value(500));
  });
});

describe("Excel error values in inputs", () => {
  it("should propagate an input's CustomFunctions.Error itself", () => {
    const na = new StubError("#N/A", "from upstream");
    expect(call("ATTAINMENT", na, 100)).toEqual({ error: "#N/A", message: "from upstream" });
    expect(call("WEIGHTED", [[90, new StubError("#DIV/0!")]], [[0.5, 0.5]])).toEqual({
      error: "#DIV/0!",
    });
    expect(
      call("CURVE", 1, [
        [0, 0],
        [1, new StubError("#NUM!")],
      ])
    ).toEqual({ error: "#NUM!" });
  });

  it("should propagate error values handed over as Excel.ErrorCellValue objects", () => {
    expect(call("GROWTH", { type: "Error", errorType: "Div0", basicValue: "#DIV/0!" }, 1)).toEqual({
      error: "#DIV/0!",
    });
    expect(call("GROWTH", 1, { type: "Error", errorType: "NotAvailable" })).toEqual({
      error: "#N/A",
    });
  });

  it("should report errors a custom function cannot return (#REF!, #NAME?, #SPILL!) as #VALUE! naming the input", () => {
    expect(call("PAY", 1, 1, new StubError("#REF!"))).toEqual({
      error: "#VALUE!",
      message: "coefficient holds the error #REF!; correct that cell first.",
    });
    setDisplayLanguage("zh-CN");
    expect(call("PAY", 1, 1, 1, { type: "Error", errorType: "Spill" })).toEqual({
      error: "#VALUE!",
      message: "提成中有错误值 #SPILL!，请先更正该单元格。",
    });
  });

  it("should keep an error in DISTRIBUTE's scores to its own cell", () => {
    const r = call("DISTRIBUTE", [[90], [new StubError("#N/A")], [80]]);
    expect(r).toEqual(value([["A"], [{ error: "#N/A" }], ["B"]]));
  });
});

describe("data types (a host that passes them as objects despite the metadata)", () => {
  it("should read a formatted number's basic value", () => {
    expect(
      call("ATTAINMENT", { type: "FormattedNumber", basicValue: 0.85, numberFormat: "0%" }, 1)
    ).toEqual(value(0.85));
    expect(call("GRADE", { type: "Double", basicValue: 96 })).toEqual(value("S"));
  });

  it("should refuse an entity where a number is required", () => {
    const r = call("GROWTH", { type: "Entity", text: "Contoso" }, 1);
    expect(r).toEqual(expect.objectContaining({ error: "#VALUE!" }));
  });
});

describe("ranges of any shape", () => {
  it("should read scores and weights row by row whatever their shapes", () => {
    const byRow = call(
      "WEIGHTED",
      [
        [90, 80],
        [70, 60],
      ],
      [[0.4], [0.3], [0.2], [0.1]]
    ) as {
      value: number;
    };
    expect(byRow.value).toBeCloseTo(90 * 0.4 + 80 * 0.3 + 70 * 0.2 + 60 * 0.1, 12);
  });

  it("should read ragged rows as they come", () => {
    expect(call("WEIGHTED", [[90], [80, 70]], [[0.5, 0.3, 0.2]])).toEqual(value(83));
    expect(call("FEEDBACK", [[90]], [[80, 85], [75]], [[88, 92, null]])).toEqual(value(88));
  });

  it("should accept a single value for a range argument", () => {
    expect(call("FEEDBACK", 90, 80, 70)).toEqual(value(84));
    expect(call("DISTRIBUTE", 95)).toEqual(value([["B"]])); // one score: cut-offs S 0, A 0, B 1
  });

  it("should return DISTRIBUTE's labels in the shape of its scores", () => {
    const r = call("DISTRIBUTE", [
      [95, 90, 85],
      [80, null, 70],
    ]);
    expect("value" in r && (r.value as unknown[][]).map((row) => row.length)).toEqual([3, 3]);
  });
});

describe("trailing blank rows of a table", () => {
  const blankRows = [[null, null], ["", " "], []];
  it("should be ignored in every table argument", () => {
    expect(call("CURVE", 1.2, [[0.6, 0.5], [1, 1], [1.5, 2], ...blankRows])).toEqual(value(1.4));
    expect(call("GRADE", 72, [[90, "A"], [70, "B"], ...blankRows])).toEqual(value("B"));
    expect(call("DISTRIBUTE", [[2], [1]], [["A", 0.5], ["B", 0.5], ...blankRows])).toEqual(
      value([["A"], ["B"]])
    );
    expect(call("COEFFICIENT", "B", [["A", 1.2], ["B", 1], ...blankRows])).toEqual(value(1));
    expect(call("COMMISSION", 150, [[0, 0.1], [100, 0.2], ...blankRows])).toEqual(value(20));
    expect(
      call("MATRIX", 1, 1, [
        [null, 0, 1],
        [0, 1, 2],
        [1, 3, 4],
        [null, null, null],
      ])
    ).toEqual(value(4));
  });

  it("should not hide a blank row inside the table", () => {
    expect(
      call("COMMISSION", 150, [
        [0, 0.1],
        [null, null],
        [100, 0.2],
      ])
    ).toEqual({ error: "#VALUE!", message: "tiers: row 2 has a blank cell." });
  });
});

describe("results", () => {
  it("should be #NUM! when the result is beyond Excel's numbers", () => {
    expect(call("GROWTH", 1e308, -1e308)).toEqual({ error: "#NUM!" });
    expect(call("PAY", 1e308, 1e308, 10)).toEqual({ error: "#NUM!" });
  });

  it("should never be −0", () => {
    const r = call("ATTAINMENT", -0, 5) as { value: number };
    expect(Object.is(r.value, 0)).toBe(true);
  });

  it("should be pure: same inputs, same result, inputs untouched", () => {
    const scores = [[95, null], ["x", 80], [70]];
    const copy = JSON.parse(JSON.stringify(scores));
    const first = call("DISTRIBUTE", scores);
    expect(call("DISTRIBUTE", scores)).toEqual(first);
    expect(scores).toEqual(copy);
  });

  it("should ignore the Invocation object Excel passes last", () => {
    const fn = excel.globals.associations.get("GROWTH")!;
    expect(fn(110, 100, { address: "Sheet1!B2" })).toBeCloseTo(0.1, 12);
  });
});
