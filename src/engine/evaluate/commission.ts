/**
 * The monthly commission ledger: tiered commission on the month's basis (collections or signed
 * amount), the gate, the monthly cap, the share paid now and the share deferred to the year-end
 * settlement, and clawbacks recovered from commission (carried forward, or deducted at once).
 * Every amount is rounded to the cent as Excel's ROUND rounds, at the line it appears on.
 */
import { commissionUnchecked } from "../primitives";
import { reaches, roundMoney } from "../numeric";
import type { CompiledPlan } from "./compile";
import { CellState, Frame } from "./frame";

export const enum CommissionStatus {
  Ok = 0,
  /** The basis amount is blank or unreadable. */
  BasisMissing = 1,
  /** Attainment bounds or the attainment gate need a sales target above 0. */
  TargetMissing = 2,
  /** The grade gate needs the period's grade, which could not be computed. */
  GradeMissing = 3,
  /** Two different rows for the same person and month: neither can be paid on. */
  Conflict = 4,
}

export const enum Gate {
  Open = 0,
  Attainment = 1,
  Grade = 2,
}

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

/**
 * Builds the ledger for a month frame sorted by id then month. `gradeOf(id, period)` returns the
 * grade index of the evaluation period a month lies in (−1 when it has none).
 */
export function commissionLedger(
  cp: CompiledPlan,
  months: Frame,
  gradeOfMonth: (monthRow: number) => number
): Ledger {
  const n = months.n;
  const c = cp.plan.commission;
  const p = cp.pay;
  const L: Ledger = {
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
  };
  const basisField = c.basis === "collected" ? p.collected : p.signed;
  const bounds = new Float64Array(cp.tierFrom.length);
  const needsTarget = c.boundType === "attainment" || c.gate.minAttainment !== null;
  const minGradeIndex =
    c.gate.minGrade === null
      ? -1
      : cp.plan.grading.grades.findIndex(
          (g) => g.label.trim().toLowerCase() === c.gate.minGrade!.trim().toLowerCase()
        );
  const deductAtOnce = c.clawback === "deductFromPay";
  const val = (k: number, r: number) =>
    k >= 0 && months.states[k][r] === CellState.Ok ? months.values[k][r] : NaN;

  let balance = 0;
  let current: Settlement | null = null;
  const close = () => {
    if (!current) return;
    const s = current;
    if (s.ok) {
      s.deferred = roundMoney(s.deferred);
      s.recovered = deductAtOnce ? 0 : Math.min(balance, s.deferred);
      s.settlement = roundMoney(s.deferred - s.recovered);
      balance = roundMoney(balance - s.recovered);
      s.outstanding = balance;
    } else {
      s.deferred = s.recovered = s.settlement = s.outstanding = NaN;
    }
    L.settlements.push(s);
    current = null;
  };

  for (let r = 0; r < n; r++) {
    const id = months.ids[r];
    const period = months.periods[r];
    if (!current || current.id !== id || !period.startsWith(current.year)) {
      const year = period.slice(0, 4);
      const sameId: boolean = current !== null && current.id === id;
      close();
      if (!sameId) balance = 0;
      current = {
        id,
        year,
        rows: [],
        deferred: 0,
        recovered: 0,
        settlement: 0,
        outstanding: 0,
        ok: true,
      };
    }
    current.rows.push(r);

    const basis = val(basisField, r);
    const signed = val(p.signed, r);
    const target = val(p.salesTarget, r);
    L.basis[r] = basis;
    L.attainment[r] = target > 0 && !Number.isNaN(signed) ? signed / target : NaN;
    const claw = val(p.clawback, r);
    L.clawback[r] = Number.isNaN(claw) ? 0 : claw;

    let status = CommissionStatus.Ok;
    if (months.conflicts[r]) status = CommissionStatus.Conflict;
    else if (Number.isNaN(basis)) status = CommissionStatus.BasisMissing;
    else if (needsTarget && !(target > 0)) status = CommissionStatus.TargetMissing;
    let gradeIndex = -1;
    if (status === CommissionStatus.Ok && minGradeIndex >= 0) {
      gradeIndex = gradeOfMonth(r);
      if (gradeIndex < 0) status = CommissionStatus.GradeMissing;
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
      if (!deductAtOnce) balance = roundMoney(balance + L.clawback[r]);
      L.balance[r] = balance;
      current.ok = false;
      continue;
    }
    const scale = c.boundType === "attainment" ? target : 1;
    L.boundScale[r] = scale;
    for (let t = 0; t < bounds.length; t++) bounds[t] = cp.tierFrom[t] * scale;
    const gross = commissionUnchecked(basis > 0 ? basis : 0, bounds, cp.tierRates, c.method);
    L.gross[r] = gross;
    let gate = Gate.Open;
    if (c.gate.minAttainment !== null && !reaches(L.attainment[r], c.gate.minAttainment))
      gate = Gate.Attainment;
    else if (minGradeIndex >= 0 && gradeIndex > minGradeIndex) gate = Gate.Grade;
    L.gate[r] = gate;
    let amount = gate === Gate.Open ? gross : 0;
    if (c.capPerMonth !== null && amount > c.capPerMonth) {
      amount = c.capPerMonth;
      L.capped[r] = 1;
    }
    const earned = roundMoney(amount);
    const paidNow = roundMoney(earned * c.paidShare);
    const deferred = roundMoney(earned - paidNow);
    L.earned[r] = earned;
    L.paidNow[r] = paidNow;
    L.deferred[r] = deferred;
    current.deferred += deferred;
    let recovered: number;
    if (deductAtOnce) {
      recovered = L.clawback[r];
    } else {
      balance = roundMoney(balance + L.clawback[r]);
      recovered = Math.min(balance, paidNow);
      balance = roundMoney(balance - recovered);
    }
    L.recovered[r] = recovered;
    L.balance[r] = balance;
    L.net[r] = roundMoney(paidNow - recovered);
  }
  close();
  return L;
}
