import { readNumber, readPeriod, toHalfWidth } from "../../src/engine";

describe("readNumber: what CRM exports contain", () => {
  it.each([
    ["85%", 0.85],
    ["1,200", 1200],
    ["123,456.78", 123456.78],
    ["１２０", 120],
    ["１２３，４５６.００", 123456],
    ["-18,500.00", -18500],
    [" 12 ", 12],
    ["(1,234.5)", -1234.5],
    ["¥1,234", 1234],
    ["￥１，２３４", 1234],
    ["1234元", 1234],
    ["1.5e3", 1500],
    ["12.5 %", 0.125],
    ["+7", 7],
  ])("should read %p as %p", (text, want) => {
    const r = readNumber(text);
    expect(r).toEqual(expect.objectContaining({ kind: "number", value: want }));
  });
  it.each([["N/A"], ["abc"], ["1,2,3"], ["12-3"], ["1 234,5"], ["--5"], ["%"]])(
    "should reject %p as text",
    (text) => {
      expect(readNumber(text)).toEqual({ kind: "text", text });
    }
  );
  it("should treat null, undefined and blank text as blank, booleans as booleans", () => {
    expect(readNumber(null).kind).toBe("blank");
    expect(readNumber(undefined).kind).toBe("blank");
    expect(readNumber("   ").kind).toBe("blank");
    expect(readNumber(true).kind).toBe("boolean");
  });
  it("should say when text needed more than a plain parse", () => {
    expect(readNumber("12")).toEqual({ kind: "number", value: 12, normalized: false });
    expect(readNumber(12)).toEqual({ kind: "number", value: 12, normalized: false });
    expect(readNumber("１２")).toEqual({ kind: "number", value: 12, normalized: true });
  });
  it("should turn full-width forms into half-width", () => {
    expect(toHalfWidth("ＡＢＣ　１２％")).toBe("ABC 12%");
  });
});

describe("readPeriod", () => {
  it.each([
    ["2024-03", "2024-03", false],
    ["2024/3", "2024-03", true],
    ["2024-3", "2024-03", true],
    ["2024.03", "2024-03", true],
    ["2024年3月", "2024-03", true],
    ["202403", "2024-03", true],
    ["2024-03-15", "2024-03", true],
    ["２０２４－０３", "2024-03", true],
    ["2024-Q1", "2024-Q1", false],
    ["2024q2", "2024-Q2", true],
    ["2024年第三季度", "2024-Q3", true],
    ["2024", "2024", false],
  ])("should read %p as %p", (text, key, normalized) => {
    expect(readPeriod(text)).toEqual(
      expect.objectContaining({ ok: true, normalized, period: expect.objectContaining({ key }) })
    );
  });
  it("should read an Excel date serial as its month only in a date cell", () => {
    // 45352 = 2024-03-01; in a cell not formatted as a date it is just a number
    expect(readPeriod(45352, { dateCell: true })).toEqual(
      expect.objectContaining({ ok: true, period: expect.objectContaining({ key: "2024-03" }) })
    );
    expect(readPeriod(45352)).toEqual({ ok: false, reason: "number" });
  });
  it.each([
    ["2024年04月01日", "2024-04"],
    ["2024年4月", "2024-04"],
    ["2024.10", "2024-10"],
    ["2024/4/15", "2024-04"],
    ["15/4/2024", "2024-04"],
    ["4/15/2024", "2024-04"],
    ["Apr 2024", "2024-04"],
    ["2024-04-01 00:00:00", "2024-04"],
    ["2024年第二季度", "2024-Q2"],
    ["2024年二季度", "2024-Q2"],
    ["2024Q2", "2024-Q2"],
    ["Q2 2024", "2024-Q2"],
    ["2024年度", "2024"],
  ])("should read the unambiguous form %p as %p", (text, key) => {
    expect(readPeriod(text)).toEqual(
      expect.objectContaining({ ok: true, period: expect.objectContaining({ key }) })
    );
  });
  it.each([["2024.1"], ["4/5/2024"], ["Apr-24"]])(
    "should refuse %p, which can mean two months",
    (text) => {
      expect(readPeriod(text)).toEqual({ ok: false, reason: "ambiguous" });
    }
  );
  it("should read yyyymm and a year typed as numbers, and refuse 2024.1 typed as a number", () => {
    expect(readPeriod(202404)).toEqual(
      expect.objectContaining({ ok: true, period: expect.objectContaining({ key: "2024-04" }) })
    );
    expect(readPeriod(2024.04)).toEqual(
      expect.objectContaining({ ok: true, period: expect.objectContaining({ key: "2024-04" }) })
    );
    expect(readPeriod(2024.1)).toEqual({ ok: false, reason: "ambiguous" });
  });
  it.each([["2024-13"], ["March"], ["20243"], [""], ["2024-Q5"]])("should reject %p", (text) => {
    expect(readPeriod(text).ok).toBe(false);
  });
});
