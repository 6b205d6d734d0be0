/**
 * Numeric helpers shared by every calculation: boundary tolerance and Excel-compatible rounding.
 * Pure; no dependencies.
 */

/** Relative tolerance used at band and tier boundaries (functions.md: 1e-9). */
export const BOUNDARY_TOLERANCE = 1e-9;

/** Tolerance between two magnitudes: relative to the larger one, absolute near zero. */
export function tolerance(a: number, b: number): number {
  // Math.max(1, |a|, |b|) written out: a NaN gives NaN as Math.max does (every comparison fails)
  const x = a < 0 ? -a : a;
  const y = b < 0 ? -b : b;
  if (x !== x || y !== y) return Number.NaN;
  const m = x > y ? (x > 1 ? x : 1) : y > 1 ? y : 1;
  return BOUNDARY_TOLERANCE * m;
}

/** `value >= bound`, where a value within tolerance below the bound still reaches it. */
export function reaches(value: number, bound: number): boolean {
  // at or above the bound it reaches without the tolerance (an infinite bound keeps the full
  // rule: there Infinity − Infinity is NaN and nothing reaches)
  if (value >= bound && bound !== Number.POSITIVE_INFINITY) return true;
  return value >= bound - tolerance(value, bound);
}

/** `value < bound` beyond tolerance: the complement of {@link reaches}. */
export function fallsShort(value: number, bound: number): boolean {
  return !reaches(value, bound);
}

/** Two numbers equal within the boundary tolerance. */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= tolerance(a, b);
}

/**
 * Excel's ROUND: half away from zero on the decimal value Excel shows (15 significant digits),
 * not on the binary value. `round(2.675, 2) === 2.68`, `round(-2.675, 2) === -2.68`,
 * `round(1.005, 2) === 1.01`.
 */
export function excelRound(value: number, digits = 0): number {
  if (!Number.isFinite(value) || value === 0) return value === 0 ? 0 : value;
  const d = Math.trunc(digits);
  const magnitude = Math.abs(value);
  // When value × 10^digits is beyond 2^53 there is no digit left to round away (and scaling could overflow).
  if (d >= 0 && magnitude * 10 ** d >= 9007199254740992) return value;
  // Fast path: away from a half, the binary and the decimal value round the same way.
  if (d >= 0 && d <= 10) {
    const p = POWERS[d];
    const scaled = magnitude * p;
    if (scaled < 4503599627370496) {
      const fl = Math.floor(scaled);
      const frac = scaled - fl;
      if (Math.abs(frac - 0.5) > 1e-6) {
        const r = (frac > 0.5 ? fl + 1 : fl) / p;
        return r === 0 ? 0 : value < 0 ? -r : r;
      }
    }
  }
  const shown = Number(magnitude.toPrecision(15));
  let rounded: number;
  if (d >= 0) {
    const p = 10 ** d;
    const scaled = Number((shown * p).toPrecision(15));
    rounded = Math.floor(scaled + 0.5) / p;
  } else {
    const p = 10 ** -d;
    const scaled = Number((shown / p).toPrecision(15));
    rounded = Math.floor(scaled + 0.5) * p;
  }
  if (rounded === 0) return 0;
  return value < 0 ? -rounded : rounded;
}

const POWERS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

/**
 * Money is rounded to the cent as Excel's ROUND(x, 2) does: excelRound(value, 2), with its fast
 * path written here so that hot loops inline it (a call to excelRound returns its number boxed).
 */
export function roundMoney(value: number): number {
  const magnitude = value < 0 ? -value : value;
  const scaled = magnitude * 100;
  // finite, not zero and far from 2^53: away from a half, binary and decimal round alike
  if (scaled > 0 && scaled < 4503599627370496) {
    const fl = Math.floor(scaled);
    const frac = scaled - fl;
    if (Math.abs(frac - 0.5) > 1e-6) {
      const r = (frac > 0.5 ? fl + 1 : fl) / 100;
      return r === 0 ? 0 : value < 0 ? -r : r;
    }
  }
  return excelRound(value, 2);
}

/** A computed number for display: NaN (no value could be computed) becomes null. */
export function orNull(v: number): number | null {
  return Number.isNaN(v) ? null : v;
}

/** A finite number (not NaN, not ±Infinity). */
export function isFiniteNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/** Sum of an array of numbers (plain loop; no allocation). */
export function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

/** Clamp into [lo, hi]. */
export function clamp(value: number, lo: number, hi: number): number {
  return value < lo ? lo : value > hi ? hi : value;
}

/**
 * Weights may be written as fractions (sum 1) or points (sum 100). Returns the scale to divide
 * by (1 or 100), or null when the sum is neither within `tol` (absolute, as the contract says).
 */
export function weightScale(total: number, tol = 1e-6): 1 | 100 | null {
  if (Math.abs(total - 1) <= tol) return 1;
  if (Math.abs(total - 100) <= tol) return 100;
  return null;
}
