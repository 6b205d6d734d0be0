/**
 * Plan versions and period close. Closing a period freezes its results with a stamp: who, when,
 * the plan version and a checksum of the plan, and checksums of the period's inputs (overall and
 * per salesperson). Later, the same checksums computed from the workbook's current inputs say
 * whether — and for whom — anything changed after the close. Year-to-date figures and catch-up
 * amounts come from the closed periods' frozen pay lines next to a recomputation.
 */
import type { Plan } from "./plan/model";
import type { DataRow, FeedbackRating } from "./records";
import { parsePeriodKey, within } from "./periods";
import { sha256 } from "./sha256";
import type { Evaluation } from "./evaluate/evaluate";
import { scorecardRows } from "./evaluate/rows";
import { roundMoney } from "./numeric";

export interface PeriodStamp {
  period: string;
  planName: string;
  planVersion: string;
  planChecksum: string;
  inputChecksum: string;
  /** First 16 hex digits of each salesperson's input checksum. */
  personChecksums: Record<string, string>;
  closedAt: string;
  closedBy: string;
  rows: number;
}

/** JSON with object keys sorted, so equal plans give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return "[" + value.map(canonicalJson).join(",") + "]";
  const o = value as Record<string, unknown>;
  return (
    "{" +
    Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => JSON.stringify(k) + ":" + canonicalJson(o[k]))
      .join(",") +
    "}"
  );
}

export function planChecksum(plan: Plan): string {
  return sha256(canonicalJson(plan));
}

/** The data rows (months) and ratings that lie within a period. */
export function periodInputs(
  rows: readonly DataRow[],
  ratings: readonly FeedbackRating[],
  period: string
): { rows: DataRow[]; ratings: FeedbackRating[] } {
  const outer = parsePeriodKey(period);
  if (!outer) return { rows: [], ratings: [] };
  const inside = (key: string) => {
    const p = parsePeriodKey(key);
    return p !== null && within(p, outer);
  };
  return {
    rows: rows.filter((r) => inside(r.period)),
    ratings: ratings.filter((r) => inside(r.period)),
  };
}

/**
 * A data row's inputs as the checksums see them: identity, conflict mark and each field's value
 * ("!" when unreadable, "" when blank), in the plan's field order.
 */
export function inputRowParts(plan: Plan, r: DataRow): string[] {
  const values = plan.fields.map((f) =>
    r.invalid.includes(f.key)
      ? "!"
      : r.values[f.key] === null || r.values[f.key] === undefined
        ? ""
        : String(r.values[f.key])
  );
  return [r.id, r.name, r.team, r.period, String(r.conflict ?? ""), ...values];
}

function rowText(plan: Plan, r: DataRow): string {
  return inputRowParts(plan, r).join("\u001f");
}

function ratingText(r: FeedbackRating): string {
  return [r.id, r.period, r.rater, r.score].join("\u001f");
}

/** Checksums of a period's inputs: overall and per salesperson, independent of row order. */
export function inputChecksums(
  plan: Plan,
  rows: readonly DataRow[],
  ratings: readonly FeedbackRating[],
  period: string
): { overall: string; people: Record<string, string>; rows: number } {
  const inputs = periodInputs(rows, ratings, period);
  const byPerson = new Map<string, string[]>();
  for (const r of inputs.rows) {
    const list = byPerson.get(r.id) ?? [];
    list.push("d" + rowText(plan, r));
    byPerson.set(r.id, list);
  }
  for (const r of inputs.ratings) {
    const list = byPerson.get(r.id) ?? [];
    list.push("f" + ratingText(r));
    byPerson.set(r.id, list);
  }
  const people: Record<string, string> = {};
  const ids = [...byPerson.keys()].sort();
  for (const id of ids) people[id] = sha256(byPerson.get(id)!.sort().join("\u001e")).slice(0, 16);
  const overall = sha256(period + "\u001d" + ids.map((id) => id + ":" + people[id]).join("\u001d"));
  return { overall, people, rows: inputs.rows.length };
}

/** The stamp for closing a period now. */
export function closePeriod(
  plan: Plan,
  rows: readonly DataRow[],
  ratings: readonly FeedbackRating[],
  period: string,
  closedBy: string,
  closedAt: Date
): PeriodStamp {
  const c = inputChecksums(plan, rows, ratings, period);
  return {
    period,
    planName: plan.name.zh || plan.name.en,
    planVersion: plan.version,
    planChecksum: planChecksum(plan),
    inputChecksum: c.overall,
    personChecksums: c.people,
    closedAt: closedAt.toISOString(),
    closedBy,
    rows: c.rows,
  };
}

export interface CloseCheck {
  inputsChanged: boolean;
  /** Salespeople whose inputs differ, were added, or were removed since the close. */
  changed: string[];
  added: string[];
  removed: string[];
  /** The current plan differs from the one the period was closed with. */
  planChanged: boolean;
}

/** Compares a closed period's stamp with the workbook's current inputs and plan. */
export function checkClosedPeriod(
  stamp: PeriodStamp,
  plan: Plan,
  rows: readonly DataRow[],
  ratings: readonly FeedbackRating[]
): CloseCheck {
  const now = inputChecksums(plan, rows, ratings, stamp.period);
  const before = stamp.personChecksums;
  const changed: string[] = [];
  const added: string[] = [];
  const removed: string[] = [];
  for (const [id, h] of Object.entries(now.people)) {
    if (!(id in before)) added.push(id);
    else if (before[id] !== h) changed.push(id);
  }
  for (const id of Object.keys(before)) if (!(id in now.people)) removed.push(id);
  return {
    inputsChanged: now.overall !== stamp.inputChecksum,
    changed,
    added,
    removed,
    planChanged: planChecksum(plan) !== stamp.planChecksum,
  };
}

/** A frozen pay line of a closed period, as read back from its values-only scorecard. */
export interface ClosedPayLine {
  id: string;
  name: string;
  team: string;
  period: string;
  base: number;
  performancePay: number;
  commission: number;
  /** 团队提成 (0 when the plan has none or the person leads no team). */
  teamCommission: number;
  /** New-hire guarantee: top-up less what was recovered (0 without the guarantee). */
  guarantee: number;
  bonus: number;
  /** 申诉调整: the period's upheld appeals (0 without). */
  appeal: number;
  totalPay: number;
}

export interface PayTotals {
  base: number;
  performancePay: number;
  commission: number;
  teamCommission: number;
  guarantee: number;
  bonus: number;
  appeal: number;
  total: number;
}

/** The pay lines a year to date adds up, in the order the sheet shows them. */
const PAY_KEYS = [
  "base",
  "performancePay",
  "commission",
  "teamCommission",
  "guarantee",
  "bonus",
  "appeal",
  "total",
] as const satisfies readonly (keyof PayTotals)[];

export interface YearToDateRow {
  id: string;
  name: string;
  team: string;
  year: string;
  /** Closed periods of the year this person was paid in. */
  periods: string[];
  /** What the closed periods paid (their frozen values). */
  paid: PayTotals;
  /** What the same periods give when computed now (null if any of them cannot be computed). */
  recomputed: PayTotals | null;
  /** recomputed − paid: owed to (positive) or by (negative) the salesperson; paid as an adjustment, closed periods stay as they are. */
  catchUp: number | null;
  /** Commission deferred in the closed months so far (settled at year end). */
  deferredToDate: number | null;
  /** Clawback still to recover after the last closed month. */
  clawbackOutstanding: number | null;
}

function zero(): PayTotals {
  const t = {} as PayTotals;
  for (const k of PAY_KEYS) t[k] = 0;
  return t;
}

/** A period's pay lines as the Scorecard had them (or as they are now): the total under `total`. */
function linesOf(line: Omit<ClosedPayLine, "id" | "name" | "team" | "period">): PayTotals {
  return { ...line, total: line.totalPay };
}

function addInto(t: PayTotals, lines: PayTotals): void {
  for (const k of PAY_KEYS) t[k] += lines[k];
}

/**
 * Year to date from the closed periods: what was paid, what the same periods give now, and the
 * catch-up between them; with the deferred commission accrued so far from the ledger.
 */
export function yearToDate(
  closed: readonly ClosedPayLine[],
  ev: Evaluation,
  year: string
): YearToDateRow[] {
  const now = new Map(scorecardRows(ev).map((r) => [r.id + "\u0000" + r.period, r]));
  const people = new Map<string, YearToDateRow>();
  for (const line of closed) {
    if (!line.period.startsWith(year)) continue;
    let row = people.get(line.id);
    if (!row) {
      row = {
        id: line.id,
        name: line.name,
        team: line.team,
        year,
        periods: [],
        paid: zero(),
        recomputed: zero(),
        catchUp: null,
        deferredToDate: 0,
        clawbackOutstanding: 0,
      };
      people.set(line.id, row);
    }
    row.periods.push(line.period);
    addInto(row.paid, linesOf(line));
    const r = now.get(line.id + "\u0000" + line.period);
    if (
      row.recomputed &&
      r &&
      r.base !== null &&
      r.performancePay !== null &&
      r.commission !== null &&
      r.bonus !== null &&
      r.totalPay !== null
    ) {
      // with a total, the period's team commission and guarantee lines are known (0 without them)
      const guarantee =
        ev.periodPay.guaranteeTopUp[r.index] - ev.periodPay.guaranteeRecovered[r.index];
      addInto(
        row.recomputed,
        linesOf({
          base: r.base,
          performancePay: r.performancePay,
          commission: r.commission,
          teamCommission: r.teamCommission ?? 0,
          guarantee: Number.isNaN(guarantee) ? 0 : guarantee,
          bonus: r.bonus,
          appeal: r.appeal ?? 0,
          totalPay: r.totalPay,
        })
      );
    } else row.recomputed = null;
  }
  // Deferred commission and clawback balance of the closed months, from the ledger.
  const L = ev.ledger;
  const mf = L.frame;
  for (const row of people.values()) {
    const closedPeriods = row.periods
      .map((p) => parsePeriodKey(p))
      .filter((p): p is NonNullable<typeof p> => p !== null);
    let deferred = 0;
    let lastBalance: number | null = 0;
    for (let m = 0; m < mf.n; m++) {
      if (mf.ids[m] !== row.id) continue;
      const mp = parsePeriodKey(mf.periods[m]);
      if (!mp || !closedPeriods.some((p) => within(mp, p))) continue;
      if (Number.isNaN(L.deferred[m])) {
        row.deferredToDate = null;
        lastBalance = null;
        break;
      }
      deferred += L.deferred[m];
      lastBalance = L.balance[m];
    }
    if (row.deferredToDate !== null) row.deferredToDate = roundMoney(deferred);
    row.clawbackOutstanding = lastBalance;
    for (const t of [row.paid, row.recomputed])
      if (t) for (const k of PAY_KEYS) t[k] = roundMoney(t[k]);
    row.catchUp = row.recomputed ? roundMoney(row.recomputed.total - row.paid.total) : null;
  }
  return [...people.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Year to date over periods closed with different plans: each part is yearToDate() of one plan's
 * closed periods with an evaluation under that plan (so a plan change after a close never enters
 * that period's catch-up). Sums per salesperson; a part that cannot be recomputed makes the
 * recomputation null; the clawback still owed is the latest closed period's.
 */
export function mergeYearToDate(parts: readonly (readonly YearToDateRow[])[]): YearToDateRow[] {
  const people = new Map<string, YearToDateRow[]>();
  for (const part of parts)
    for (const r of part) {
      const list = people.get(r.id) ?? [];
      list.push(r);
      people.set(r.id, list);
    }
  const add = (a: PayTotals, b: PayTotals): PayTotals => {
    const t = { ...a };
    addInto(t, b);
    return t;
  };
  const round = (t: PayTotals): PayTotals => {
    const r = { ...t };
    for (const k of PAY_KEYS) r[k] = roundMoney(r[k]);
    return r;
  };
  const out: YearToDateRow[] = [];
  for (const [id, list] of people) {
    const byLast = [...list].sort((a, b) => {
      const x = a.periods[a.periods.length - 1] ?? "";
      const y = b.periods[b.periods.length - 1] ?? "";
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const latest = byLast[byLast.length - 1];
    const paid = round(list.reduce((t, r) => add(t, r.paid), zero()));
    const recomputed = list.every((r) => r.recomputed)
      ? round(list.reduce((t, r) => add(t, r.recomputed!), zero()))
      : null;
    const deferred = list.every((r) => r.deferredToDate !== null)
      ? roundMoney(list.reduce((t, r) => t + r.deferredToDate!, 0))
      : null;
    out.push({
      id,
      name: latest.name,
      team: latest.team,
      year: latest.year,
      periods: list.flatMap((r) => r.periods).sort(),
      paid,
      recomputed,
      catchUp: recomputed ? roundMoney(recomputed.total - paid.total) : null,
      deferredToDate: deferred,
      clawbackOutstanding: latest.clawbackOutstanding,
    });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
