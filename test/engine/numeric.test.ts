import { excelRound, reaches, roundMoney, tolerance, weightScale } from "../../src/engine";

describe("excelRound (Excel's ROUND)", () => {
  it.each([
    [2.675, 2, 2.68],
    [-2.675, 2, -2.68],
    [1.005, 2, 1.01],
    [0.285, 2, 0.29],
    [1.2345, 3, 1.235],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [2.5, 0, 3],
    [1234.5, -1, 1230],
    [1235, -1, 1240],
    [-1235, -1, -1240],
    [3310.344827586207, 2, 3310.34],
    [1241.3793103448277, 2, 1241.38],
    [0.1 + 0.2, 2, 0.3],
    [1e-10, 2, 0],
    [123456789.125, 2, 123456789.13],
  ])("should round %p to %p digits as %p", (x, d, want) => {
    expect(excelRound(x, d)).toBe(want);
  });
  it("should keep zero unsigned", () => {
    expect(Object.is(excelRound(-0.001, 2), 0)).toBe(true);
  });
  it("should leave values with no digit to round away as they are, without overflowing", () => {
    expect(excelRound(1.7e308, 2)).toBe(1.7e308);
    expect(excelRound(-(2 ** 53) - 2, 0)).toBe(-(2 ** 53) - 2);
    expect(excelRound(123.456, 400)).toBe(123.456);
  });
  it("should pass NaN and infinities through", () => {
    expect(excelRound(NaN, 2)).toBeNaN();
    expect(excelRound(Infinity, 2)).toBe(Infinity);
  });
  it("should round money to the cent", () => {
    expect(roundMoney(5951.1305)).toBe(5951.13);
    expect(roundMoney(1481.484)).toBe(1481.48);
  });
});

describe("boundary tolerance", () => {
  it("should let 94.99999999999999 reach 95", () => {
    expect(reaches(94.99999999999999, 95)).toBe(true);
    expect(reaches(94.9999, 95)).toBe(false);
  });
  it("should be relative for large magnitudes and absolute near zero", () => {
    expect(tolerance(0, 0)).toBe(1e-9);
    expect(tolerance(1e6, 1)).toBeCloseTo(1e-3, 12);
    expect(reaches(1e6 - 5e-4, 1e6)).toBe(true);
    expect(reaches(-1e-10, 0)).toBe(true);
  });
  it("should recognise weights written as fractions or points", () => {
    expect(weightScale(0.4 + 0.15 + 0.2 + 0.15 + 0.1)).toBe(1);
    expect(weightScale(100)).toBe(100);
    expect(weightScale(0.95)).toBeNull();
    expect(weightScale(99.9)).toBeNull();
  });
});

describe("excelRound's fast path agrees with the decimal reading", () => {
  it("should equal rounding the 15-significant-digit decimal string for random values", () => {
    // Reference: round the value Excel shows, digit by digit, half away from zero.
    const reference = (x: number, d: number) => {
      const shown = Number(Math.abs(x).toPrecision(15));
      const scaled = Number((shown * 10 ** d).toPrecision(15));
      const r = Math.floor(scaled + 0.5) / 10 ** d;
      return r === 0 ? 0 : x < 0 ? -r : r;
    };
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const mismatches: [number, number, number, number][] = [];
    for (let i = 0; i < 200000; i++) {
      const d = i % 4;
      const cents = Math.floor(rand() * 1e8) / 1000; // three decimals: many exact halves
      const x = (i % 3 === 0 ? -1 : 1) * (i % 2 ? cents : cents * rand() * 7);
      const got = excelRound(x, d);
      const want = reference(x, d);
      if (got !== want) mismatches.push([x, d, got, want]);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});
