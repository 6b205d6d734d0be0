/**
 * The monthly commission ledger: tiered commission on the month's basis (collections or signed
 * amount), the gate, the monthly cap, the share paid now and the share deferred to the year-end
 * settlement, and clawbacks recovered from commission (carried forward, or deducted at once).
 * Every amount is rounded to the cent as Excel's ROUND rounds, at the line it appears on.
 */
import {
  CommissionStatus,
  commissionGate,
  commissionUnchecked,
  earnedCommission,
  Gate,
  monthAttainment,
  netCommission,
  clawbackBalance,
  clawbackRecovered,
  commissionCapped,
  commissionDeferred,
  commissionPaidNow,
  settleYear,
  monthStatus,
} from "../rules/commission";
import { roundMoney } from "../numeric";
import type { CompiledPlan } from "./compile";
import { CellState, Frame } from "./frame";

export { CommissionStatus, Gate };

export interface Ledger {
  frame: Frame;
  basis: Float64Array;
  /** Tier bounds are multiplied by this (1 for currency bounds; the month's target otherwise). */
  boundScale: Float64Array;
  /** Sales attainment of the month (signed ÷ target), NaN when there is no target. */
  attainment: Float64Array;
  gross: Float64Array;
  gate: Uint8Array;
  capped: Uint8Array;
  earned: Float64Array;
  paidNow: Float64Array;
  deferred: Float64Array;
  clawback: Float64Array;
  recovered: Float64Array;
  balance: Float64Array;
  /** Commission line of the month's pay: paid now less clawback recovered. */
  net: Float64Array;
  status: Uint8Array;
  settlements: Settlement[];
  /**
   * 团队提成 (team.ts): the team basis of a lead's month (the members' basis summed) and the team
   * commission on it, to the cent; 0 on the rows of people who lead no team, NaN where it cannot
   * be paid (see teamStatus).
   */
  teamBasis: Float64Array;
  team: Float64Array;
  /** Whether the team commission can be paid on a lead's month, and why not. */
  teamStatus: Uint8Array;
  /** The lead (index into plan.commission.team.leads) of each month row, −1 for others. */
  teamLead: Int32Array;
  /** The month rows whose basis a lead's month sums, in order, by the lead's month row. */
  teamMembers: Map<number, number[]>;
  /** The member row that stops the team commission (blank basis, two rows), else −1. */
  teamProblem: Int32Array;
}

/** Year-end settlement of the deferred share, per employee and year. */
export interface Settlement {
  id: string;
  year: string;
  /** Month rows (into the month frame) of that year. */
  rows: number[];
  deferred: number;
  /** Outstanding clawback recovered from the deferred share. */
  recovered: number;
  settlement: number;
  /** Clawback still outstanding after the settlement (carried into the next year). */
  outstanding: number;
  ok: boolean;
}

function emptyLedger(months: Frame): Ledger {
  const n = months.n;
  return {
    frame: months,
    basis: new Float64Array(n),
    boundScale: new Float64Array(n),
    attainment: new Float64Array(n),
    gross: new Float64Array(n),
    gate: new Uint8Array(n),
    capped: new Uint8Array(n),
    earned: new Float64Array(n),
    paidNow: new Float64Array(n),
    deferred: new Float64Array(n),
    clawback: new Float64Array(n),
    recovered: new Float64Array(n),
    balance: new Float64Array(n),
    net: new Float64Array(n),
    status: new Uint8Array(n),
    settlements: [],
    teamBasis: new Float64Array(n),
    team: new Float64Array(n),
    teamStatus: new Uint8Array(n),
    teamLead: new Int32Array(n).fill(-1),
    teamMembers: new Map(),
    teamProblem: new Int32Array(n).fill(-1),
  };
}

/** The plan's commission rules as the ledger applies them month by month. */
interface LedgerRules {
  cp: CompiledPlan;
  months: Frame;
  basisField: number;
  needsTarget: boolean;
  minGradeIndex: number;
  deductAtOnce: boolean;
  /** Scratch: the tier bounds of the month in currency. */
  bounds: Float64Array;
  gradeOfMonth: (monthRow: number) => number;
}

function ledgerRules(
  cp: CompiledPlan,
  months: Frame,
  gradeOfMonth: (monthRow: number) => number
): LedgerRules {
  const c = cp.plan.commission;
  const minGrade = c.gate.minGrade;
  return {
    cp,
    months,
    basisField: c.basis === "collected" ? cp.pay.collected : cp.pay.signed,
    needsTarget: c.boundType === "attainment" || c.gate.minAttainment !== null,
    minGradeIndex:
      minGrade === null
        ? -1
        : cp.plan.grading.grades.findIndex(
            (g) => g.label.trim().toLowerCase() === minGrade.trim().toLowerCase()
          ),
    deductAtOnce: c.clawback === "deductFromPay",
    bounds: new Float64Array(cp.tierFrom.length),
    gradeOfMonth,
  };
}

function cellOf(months: Frame, k: number, r: number): number {
  return k >= 0 && months.states[k][r] === CellState.Ok ? months.values[k][r] : Number.NaN;
}

/**
 * One month of the ledger: reads the month, checks it can be paid on, then the tiers, gate, cap,
 * paid share and clawback. The clawback balance after the month is `L.balance[r]` (read from
 * there, not returned: a number returned from a call this size is boxed); clears `year.ok` when
 * the month cannot be paid on.
 */
function ledgerMonth(
  R: LedgerRules,
  L: Ledger,
  r: number,
  opening: number,
  year: Settlement
): void {
  const { cp, months } = R;
  const c = cp.plan.commission;
  const p = cp.pay;
  const basis = cellOf(months, R.basisField, r);
  const signed = cellOf(months, p.signed, r);
  const target = cellOf(months, p.salesTarget, r);
  L.basis[r] = basis;
  L.attainment[r] = monthAttainment(signed, target);
  const claw = cellOf(months, p.clawback, r);
  L.clawback[r] = Number.isNaN(claw) ? 0 : claw;

  const conflict = months.conflicts[r] !== 0;
  let status = monthStatus(conflict, basis, R.needsTarget ? target : null, null);
  let gradeIndex = -1;
  if (status === CommissionStatus.Ok && R.minGradeIndex >= 0) {
    // The period's grade is asked for only when the month can otherwise be paid on.
    gradeIndex = R.gradeOfMonth(r);
    status = monthStatus(conflict, basis, R.needsTarget ? target : null, gradeIndex);
  }
  L.status[r] = status;
  if (status !== CommissionStatus.Ok) {
    L.boundScale[r] =
      L.gross[r] =
      L.earned[r] =
      L.paidNow[r] =
      L.deferred[r] =
      L.recovered[r] =
      L.net[r] =
        NaN;
    // The clawback is still owed; it waits in the balance for the next commission.
    const balance = R.deductAtOnce ? opening : roundMoney(opening + L.clawback[r]);
    L.balance[r] = balance;
    year.ok = false;
    return;
  }
  const scale = c.boundType === "attainment" ? target : 1;
  L.boundScale[r] = scale;
  const bounds = R.bounds;
  for (let t = 0; t < bounds.length; t++) bounds[t] = cp.tierFrom[t] * scale;
  const gross = commissionUnchecked(basis > 0 ? basis : 0, bounds, cp.tierRates, c.method);
  L.gross[r] = gross;
  const gate = commissionGate(L.attainment[r], c.gate.minAttainment, gradeIndex, R.minGradeIndex);
  L.gate[r] = gate;
  const earned = earnedCommission(gross, gate, c.capPerMonth);
  if (commissionCapped(gross, gate, c.capPerMonth)) L.capped[r] = 1;
  const paidNow = commissionPaidNow(earned, c.paidShare);
  const deferred = commissionDeferred(earned, paidNow);
  L.earned[r] = earned;
  L.paidNow[r] = paidNow;
  L.deferred[r] = deferred;
  year.deferred += deferred;
  const clawback = L.clawback[r];
  const recovered = clawbackRecovered(opening, clawback, paidNow, R.deductAtOnce);
  const balance = clawbackBalance(opening, clawback, recovered, R.deductAtOnce);
  L.recovered[r] = recovered;
  L.balance[r] = balance;
  L.net[r] = netCommission(paidNow, recovered);
}

/** Closes a person's year: the settlement of its deferred share; returns the balance after it. */
function closeYear(L: Ledger, year: Settlement, balance: number, deductAtOnce: boolean): number {
  if (year.ok) {
    const settled = settleYear(year.deferred, balance, deductAtOnce);
    year.deferred = settled.deferred;
    year.recovered = settled.recovered;
    year.settlement = settled.settlement;
    year.outstanding = settled.outstanding;
    balance = settled.outstanding;
  } else {
    year.deferred = year.recovered = year.settlement = year.outstanding = NaN;
  }
  L.settlements.push(year);
  return balance;
}

/**
 * Builds the ledger for a month frame sorted by id then month. `gradeOf(id, period)` returns the
 * grade index of the evaluation period a month lies in (−1 when it has none).
 */
export function commissionLedger(
  cp: CompiledPlan,
  months: Frame,
  gradeOfMonth: (monthRow: number) => number
): Ledger {
  const L = emptyLedger(months);
  const R = ledgerRules(cp, months, gradeOfMonth);
  let balance = 0;
  let current: Settlement | null = null;
  for (let r = 0; r < months.n; r++) {
    const id = months.ids[r];
    const period = months.periods[r];
    if (!current || current.id !== id || !period.startsWith(current.year)) {
      const sameId: boolean = current !== null && current.id === id;
      if (current) balance = closeYear(L, current, balance, R.deductAtOnce);
      if (!sameId) balance = 0;
      current = {
        id,
        year: period.slice(0, 4),
        rows: [],
        deferred: 0,
        recovered: 0,
        settlement: 0,
        outstanding: 0,
        ok: true,
      };
    }
    current.rows.push(r);
    ledgerMonth(R, L, r, balance, current);
    balance = L.balance[r];
  }
  if (current) closeYear(L, current, balance, R.deductAtOnce);
  return L;
}
