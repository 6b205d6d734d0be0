/**
 * Commission (提成明细): the monthly ledger — basis, tiers, gate, cap, share paid now and deferred,
 * clawbacks carried forward, the month's pay lines, the year-end settlement.
 */
import type { Issue } from "../../engine/issues";
import { formatIssue } from "../../engine/issues";
import { PAY_FIELDS } from "../../engine/plan/model";
import type { Evaluation } from "../../engine/evaluate/evaluate";
import { CommissionStatus, Gate, type Settlement } from "../../engine/evaluate/commission";
import { monthRows } from "../../engine/evaluate/rows";
import { teamProblems } from "../../engine/evaluate/explain";
import { TeamStatus } from "../../engine/evaluate/team";
import { teamBasisFormula, teamCommissionFormula } from "../../engine/rules/team";
import { cellValue } from "../../engine/evaluate/frame";
import {
  attainmentGateFormula,
  commissionLine,
  commissionPerfFormula,
  gradeGateFormula,
  monthAttainmentFormula,
  monthStatusFormula,
  settlementLine,
  tiersFormula as tieredFormula,
} from "../../engine/rules/commission";
import {
  proratedFormula,
  proratedPerfFormula,
  workedShareFormula,
} from "../../engine/rules/prorate";
import { quoteSheet, cell as a1cell, str } from "../a1";
import { ERR, numOr, type Value } from "../formula";
import { Grid } from "../grid";
import type { Cell, SheetLayout } from "../layout";
import { sheet as emptySheet } from "../layout";
import { PLAN_NAMES, settingName } from "../plan-sheet";
import { enumText } from "../text";
import {
  MONEY,
  PCT,
  HEADER_FILL,
  Ctx,
  T,
  monthField,
  comCell,
  comRange,
  periodOfMonths,
} from "./context";

export function commissionColumns(ctx: Ctx): void {
  const c = ctx.cc;
  const L = ctx.L;
  const plan = ctx.plan;
  const cm = plan.commission;
  const has = (k: string) => ctx.fieldIndex.has(k);
  c.add("id", L(T.id), { width: 11 });
  c.add("name", L(T.name), { width: 9 });
  c.add("team", L(T.team), { width: 11 });
  c.add("month", L(T.month), { width: 9 });
  c.add("period", L(T.period), { width: 9 });
  c.add(
    "basis",
    `${L(T.basis)}（${enumText("basis", cm.basis, ctx.lang)}）`
      .replace("（", ctx.lang === "zh-CN" ? "（" : " (")
      .replace("）", ctx.lang === "zh-CN" ? "）" : ")"),
    { width: 13, numberFormat: MONEY }
  );
  if (has(PAY_FIELDS.signed)) c.add("signed", L(T.signed), { width: 13, numberFormat: MONEY });
  if (has(PAY_FIELDS.salesTarget)) c.add("target", L(T.target), { width: 13, numberFormat: MONEY });
  if (has(PAY_FIELDS.signed) && has(PAY_FIELDS.salesTarget))
    c.add("attainment", L(T.attainment), { width: 9, numberFormat: PCT });
  c.add("ok", L(T.ok), { width: 8 });
  if (cm.boundType === "attainment") c.add("scale", L(T.scale), { width: 13, numberFormat: MONEY });
  c.add("amount", L(T.amount), { width: 13, numberFormat: MONEY });
  c.add("gross", L(T.gross), { width: 11, numberFormat: MONEY });
  if (cm.gate.minAttainment !== null || cm.gate.minGrade !== null)
    c.add("gate", L(T.gate), { width: 8 });
  if (cm.capPerMonth !== null) c.add("capped", L(T.capped), { width: 7 });
  c.add("earned", L(T.earned), { width: 11, numberFormat: MONEY });
  c.add("paidNow", L(T.paidNow), { width: 11, numberFormat: MONEY });
  c.add("deferred", L(T.deferred), { width: 10, numberFormat: MONEY });
  c.add("clawback", L(T.clawback), { width: 10, numberFormat: MONEY });
  c.add("opening", L(T.opening), { width: 11, numberFormat: MONEY });
  c.add("recovered", L(T.recovered), { width: 10, numberFormat: MONEY });
  c.add("balance", L(T.balance), { width: 11, numberFormat: MONEY });
  c.add("net", L(T.net), { width: 11, numberFormat: MONEY });
  if (plan.commission.team) {
    c.add("teamBasis", L(T.teamBasis), { width: 13, numberFormat: MONEY });
    c.add("teamCommission", L(T.teamCommission), { width: 11, numberFormat: MONEY });
  }
  if (plan.pay.prorate) {
    c.add("daysWorked", L(T.daysWorked), { width: 8, numberFormat: "0" });
    c.add("daysInMonth", L(T.daysInMonth), { width: 8, numberFormat: "0" });
  }
  c.add("share", L(T.share), { width: 8, numberFormat: "0.0%" });
  c.add("baseSalary", L(T.baseSalary), { width: 11, numberFormat: MONEY });
  c.add("base", L(T.base), { width: 11, numberFormat: MONEY });
  c.add("perfFull", L(T.perfFull), { width: 11, numberFormat: MONEY });
  c.add("perfStd", L(T.perfMonth), { width: 11, numberFormat: MONEY });
  c.add("adjustment", L(T.adjustment), { width: 10, numberFormat: MONEY });
  c.add("yDeferred", L(T.yDeferred), { width: 11, numberFormat: MONEY });
  c.add("yRecovered", L(T.yRecovered), { width: 11, numberFormat: MONEY });
  c.add("ySettlement", L(T.ySettlement), { width: 11, numberFormat: MONEY });
  c.add("yOutstanding", L(T.yOutstanding), { width: 11, numberFormat: MONEY });
  c.add("status", L(T.status), { width: 60 });
}

/** Tiered commission of `a` (a cell holding an amount ≥ 0) with bounds × scale. */
function tiersFormula(ctx: Ctx, a: string, scale: string | null): string {
  const { A, P, plan } = ctx;
  const method = plan.commission.method;
  if (ctx.style === "perf") return commissionPerfFormula(a, PLAN_NAMES.tiers, str(method), scale);
  const bounds = A.tiers.map((t) => (scale ? `${P(t.from)}*${scale}` : P(t.from)));
  const rates = A.tiers.map((t) => P(t.rate));
  return tieredFormula(a, bounds, rates, PLAN_NAMES.tierRate, method);
}

/** One Commission row being built: its month, its cells, and the references its formulas use. */
interface MonthLine {
  m: number;
  /** The evaluation row (Scorecard) the month lies in. */
  period: number;
  put: (key: string, v: Cell) => void;
  /** This row's cell of a column (relative, same sheet). */
  cell: (key: string) => string;
  /** The Monthly data cell of a field in this month, or null. */
  ref: (field: string) => string | null;
  /** A field's value in this month as the engine read it. */
  value: (field: string) => Value;
  ok: boolean;
  okRef: string;
  /** The formula when the ledger can pay on the month, else #N/A. */
  ifOk: (f: string) => string;
  /** Monthly data's "only row of the month" cell. */
  uniqueRef: string;
  /** The ledger's settlement of each person's year, by the year's last month row. */
  yearEnd: ReadonlyMap<number, Settlement>;
}

function monthLine(
  ctx: Ctx,
  m: number,
  period: number,
  line: Cell[],
  yearEnd: ReadonlyMap<number, Settlement>
): MonthLine {
  const mf = ctx.ev.months.frame;
  const ok = ctx.ev.ledger.status[m] === CommissionStatus.Ok;
  const cell = (key: string) => comCell(ctx, key, m, true);
  const okRef = cell("ok");
  return {
    m,
    period,
    put: (key, v) => {
      line[ctx.cc.get(key)] = v;
    },
    cell,
    ref: (key) => monthField(ctx, key, m),
    value: (key) => {
      const k = ctx.fieldIndex.get(key);
      return k === undefined ? "" : cellValue(mf, k, m, ERR);
    },
    ok,
    okRef,
    ifOk: (f) => `IF(${okRef},${f},#N/A)`,
    uniqueRef: `${quoteSheet(ctx.names.months)}!${a1cell(ctx.monthRow(m), ctx.mc.get("unique"))}`,
    yearEnd,
  };
}

/** Basis, signed, target, attainment and whether the ledger can pay on the month. */
function basisCells(ctx: Ctx, x: MonthLine): void {
  const { plan, ev, fx } = ctx;
  const { m, put, cell, ref, value } = x;
  const cm = plan.commission;
  const c = ctx.cc;
  const Lg = ev.ledger;
  const basisKey = cm.basis === "collected" ? PAY_FIELDS.collected : PAY_FIELDS.signed;
  put("basis", fx(ref(basisKey)!, value(basisKey)));
  if (c.has("signed")) put("signed", fx(ref(PAY_FIELDS.signed)!, value(PAY_FIELDS.signed)));
  if (c.has("target"))
    put("target", fx(ref(PAY_FIELDS.salesTarget)!, value(PAY_FIELDS.salesTarget)));
  const S = c.has("signed") ? cell("signed") : null;
  const TG = c.has("target") ? cell("target") : null;
  if (c.has("attainment"))
    put("attainment", fx(monthAttainmentFormula(S!, TG!), numOr(Lg.attainment[m], "")));
  const needsTarget = cm.boundType === "attainment" || cm.gate.minAttainment !== null;
  const okF = monthStatusFormula(
    cell("basis"),
    needsTarget ? TG : null,
    cm.gate.minGrade !== null ? gradeRef(ctx, x) : null,
    ev.months.frame.conflicts[m] ? x.uniqueRef : null
  );
  put("ok", fx(okF, x.ok));
  if (c.has("scale")) put("scale", fx(x.ifOk(TG!), x.ok ? Lg.boundScale[m] : ERR));
}

/** The Scorecard's grade of the month's evaluation period. */
function gradeRef(ctx: Ctx, x: MonthLine): string {
  const at = a1cell(ctx.periodRow(x.period), ctx.sc.get("grade"), true);
  return `${quoteSheet(ctx.names.scorecard)}!${at}`;
}

/** Amount, tiered commission, gate, cap, earned, paid now and deferred. */
function earnedCells(ctx: Ctx, x: MonthLine): void {
  const { plan, ev, fx } = ctx;
  const { m, put, cell, ok, okRef, ifOk } = x;
  const cm = plan.commission;
  const Lg = ev.ledger;
  const scale = ctx.cc.has("scale") ? cell("scale") : null;
  put("amount", fx(ifOk(`MAX(${cell("basis")},0)`), ok ? Math.max(Lg.basis[m], 0) : ERR));
  put("gross", fx(ifOk(tiersFormula(ctx, cell("amount"), scale)), ok ? Lg.gross[m] : ERR));
  let gated = cell("gross");
  if (ctx.cc.has("gate")) {
    const parts: string[] = [];
    if (cm.gate.minAttainment !== null)
      parts.push(attainmentGateFormula(cell("attainment"), settingName("minAttainment")));
    if (cm.gate.minGrade !== null)
      parts.push(
        gradeGateFormula(gradeRef(ctx, x), settingName("minGrade"), PLAN_NAMES.gradeLabel)
      );
    put(
      "gate",
      fx(
        `IF(${okRef},${parts.length === 1 ? parts[0] : `AND(${parts.join(",")})`},"")`,
        ok ? Lg.gate[m] === Gate.Open : ""
      )
    );
    gated = `IF(${cell("gate")},${gated},0)`;
  }
  if (ctx.cc.has("capped")) {
    const cap = settingName("capPerMonth");
    put(
      "capped",
      fx(`IF(${okRef},${commissionLine.overCap(gated, cap)},"")`, ok ? Lg.capped[m] === 1 : "")
    );
    gated = commissionLine.capped(gated, cap);
  }
  put("earned", fx(ifOk(commissionLine.earned(gated)), ok ? Lg.earned[m] : ERR));
  const E = cell("earned");
  put(
    "paidNow",
    fx(ifOk(commissionLine.paidNow(E, settingName("paidShare"))), ok ? Lg.paidNow[m] : ERR)
  );
  put("deferred", fx(ifOk(commissionLine.deferred(E, cell("paidNow"))), ok ? Lg.deferred[m] : ERR));
}

/**
 * Clawback, opening balance, recovered, closing balance and the commission paid. The opening
 * balance: 0 for a new person; the previous month's closing balance; at a new year the balance
 * left after the year-end settlement recovered what it could from the deferred share.
 */
function clawbackCells(ctx: Ctx, x: MonthLine): void {
  const { plan, ev, fx } = ctx;
  const { m, put, cell, ok, ifOk } = x;
  const mf = ev.months.frame;
  const Lg = ev.ledger;
  const deduct = plan.commission.clawback === "deductFromPay";
  const clawRef = x.ref(PAY_FIELDS.clawback);
  put("clawback", clawRef ? fx(`IFERROR(IF(${clawRef}="",0,${clawRef}*1),0)`, Lg.clawback[m]) : 0);
  const newPerson = m === 0 || mf.ids[m - 1] !== mf.ids[m];
  const newYear = !newPerson && mf.periods[m - 1].slice(0, 4) !== mf.periods[m].slice(0, 4);
  const before = (key: string) => comCell(ctx, key, m - 1, true);
  if (newPerson || deduct) put("opening", 0);
  else if (newYear)
    put(
      "opening",
      fx(
        `IFERROR(${before("yOutstanding")},${before("balance")})`,
        settlementBalance(ev, x.yearEnd, m - 1)
      )
    );
  else put("opening", fx(before("balance"), Lg.balance[m - 1]));
  const OP = cell("opening");
  const CL = cell("clawback");
  const PN = cell("paidNow");
  if (deduct) {
    put("recovered", fx(ifOk(CL), ok ? Lg.recovered[m] : ERR));
    put("balance", 0);
  } else {
    put("recovered", fx(ifOk(commissionLine.recovered(OP, CL, PN)), ok ? Lg.recovered[m] : ERR));
    put(
      "balance",
      fx(
        `IF(${x.okRef},${commissionLine.balance(OP, CL, cell("recovered"))},${commissionLine.owed(OP, CL)})`,
        Lg.balance[m]
      )
    );
  }
  put("net", fx(ifOk(commissionLine.net(PN, cell("recovered"))), ok ? Lg.net[m] : ERR));
}

/**
 * 团队提成 on a lead's month: the team basis, the members' basis cells of this sheet added in
 * the engine's order (each must hold a number, and a member with two rows for the month stops
 * it), and the team tiers over it to the cent; 0 on the months of people who lead no team.
 */
function teamCells(ctx: Ctx, x: MonthLine): void {
  const { ev, fx, A, P, style } = ctx;
  const { m, put, cell } = x;
  const Lg = ev.ledger;
  const mf = ev.months.frame;
  const team = ctx.plan.commission.team!;
  if (Lg.teamLead[m] < 0) {
    put("teamCommission", 0);
    return;
  }
  const members = Lg.teamMembers.get(m) ?? [];
  const unique = (r: number) =>
    `${quoteSheet(ctx.names.months)}!${a1cell(ctx.monthRow(r), ctx.mc.get("unique"))}`;
  const guards = [m, ...members].filter((r) => mf.conflicts[r] !== 0).map(unique);
  const basisF = teamBasisFormula(
    members.map((r) => comCell(ctx, "basis", r, true)),
    [...new Set(guards)]
  );
  const ok = Lg.teamStatus[m] === TeamStatus.Ok;
  put("teamBasis", fx(basisF, ok ? Lg.teamBasis[m] : ERR));
  const tiers = {
    bounds: A.teamTiers.map((t) => P(t.from)),
    rates: A.teamTiers.map((t) => P(t.rate)),
    rateRange: PLAN_NAMES.teamTierRate,
    tiersRange: PLAN_NAMES.teamTiers,
  };
  const f = teamCommissionFormula(
    cell("teamBasis"),
    tiers,
    team.method,
    str(team.method),
    style === "perf"
  );
  put("teamCommission", fx(f, ok ? Lg.team[m] : ERR));
}

/** The month's pay lines: days, share of the month, base and performance standard, adjustment. */
function payCells(ctx: Ctx, x: MonthLine): void {
  const { plan, ev, fx } = ctx;
  const { m, put, cell, ref, value, uniqueRef } = x;
  const mp = ev.monthPay;
  const conflict = ev.months.frame.conflicts[m] !== 0;
  const share = mp.share[m];
  if (plan.pay.prorate) {
    put("daysWorked", fx(ref(PAY_FIELDS.daysWorked) ?? `""`, value(PAY_FIELDS.daysWorked)));
    put("daysInMonth", fx(ref(PAY_FIELDS.daysInPeriod) ?? `""`, value(PAY_FIELDS.daysInPeriod)));
    const shareF = workedShareFormula(cell("daysWorked"), cell("daysInMonth"));
    put("share", fx(conflict ? `IF(${uniqueRef},${shareF},#N/A)` : shareF, numOr(share, ERR)));
  } else {
    const guard = `${quoteSheet(ctx.names.months)}!${a1cell(ctx.monthRow(m), ctx.mc.get("check"))}`;
    put("share", fx(`IF(AND(${guard},${uniqueRef}),1,#N/A)`, numOr(share, ERR)));
  }
  put("baseSalary", fx(ref(PAY_FIELDS.baseSalary) ?? `""`, value(PAY_FIELDS.baseSalary)));
  put("perfFull", fx(ref(PAY_FIELDS.performancePay) ?? `""`, value(PAY_FIELDS.performancePay)));
  const prorated = (full: string) => {
    if (ctx.style !== "perf" || !plan.pay.prorate) return proratedFormula(full, cell("share"));
    const f = proratedPerfFormula(full, cell("daysWorked"), cell("daysInMonth"));
    return conflict ? `IF(${uniqueRef},${f},#N/A)` : f;
  };
  const line = (key: string, full: string, v: number) =>
    put(key, fx(`IF(${cell(full)}="",#N/A,${prorated(cell(full))})`, numOr(v, ERR)));
  line("base", "baseSalary", mp.base[m]);
  line("perfStd", "perfFull", mp.performanceStandard[m]);
  const adjRef = ref(PAY_FIELDS.adjustment);
  put("adjustment", adjRef ? fx(`IFERROR(IF(${adjRef}="",0,${adjRef}*1),0)`, mp.adjustment[m]) : 0);
}

/** The year-end settlement, on the last month of a person's year (the ledger's settlement). */
function yearEndCells(ctx: Ctx, x: MonthLine, st: Settlement): void {
  const { plan, fx } = ctx;
  const { m, put, cell } = x;
  const deduct = plan.commission.clawback === "deductFromPay";
  const first = st.rows[0];
  const allOk = `AND(${comRange(ctx, "ok", first, m, true)})`;
  const v = (n: number): Value => (st.ok ? n : ERR);
  const ifAllOk = (f: string) => `IF(${allOk},${f},#N/A)`;
  const deferred = settlementLine.deferred(comRange(ctx, "deferred", first, m, true));
  put("yDeferred", fx(ifAllOk(deferred), v(st.deferred)));
  const YD = cell("yDeferred");
  put(
    "yRecovered",
    fx(ifAllOk(settlementLine.recovered(cell("balance"), YD, deduct)), v(st.recovered))
  );
  put(
    "ySettlement",
    fx(ifAllOk(settlementLine.settlement(YD, cell("yRecovered"))), v(st.settlement))
  );
  put(
    "yOutstanding",
    fx(ifAllOk(settlementLine.outstanding(cell("balance"), cell("yRecovered"))), v(st.outstanding))
  );
}

/** Reading problems of the Data rows, by sheet and row. */
function issuesByRow(readingIssues: readonly Issue[]): Map<string, Issue[]> {
  const byRow = new Map<string, Issue[]>();
  for (const i of readingIssues) {
    if (!i.location || i.severity === "info") continue;
    const k = i.location.sheet + "\u0000" + i.location.row;
    const list = byRow.get(k) ?? [];
    list.push(i);
    byRow.set(k, list);
  }
  return byRow;
}

export function commissionSheet(ctx: Ctx, readingIssues: readonly Issue[]): SheetLayout {
  const { ev, L, lang } = ctx;
  const mf = ev.months.frame;
  const c = ctx.cc;
  const s = emptySheet("commission", ctx.names.commission, "output");
  const g = new Grid();
  g.line(
    0,
    0,
    c.list.map((x) => x.header)
  );
  const rowsOf = monthRows(ev);
  // The ledger's settlement of each person's year, on the year's last month row.
  const yearEnd = new Map<number, Settlement>();
  for (const st of ev.ledger.settlements) yearEnd.set(st.rows[st.rows.length - 1], st);
  const periodOfMonth = periodOfMonths(ev);
  const readingByRow = issuesByRow(readingIssues);
  const sep = lang === "zh-CN" ? "；" : "; ";
  for (let m = 0; m < mf.n; m++) {
    const line: Cell[] = new Array(c.list.length).fill(null);
    const x = monthLine(ctx, m, periodOfMonth[m], line, yearEnd);
    x.put("id", mf.ids[m]);
    x.put("name", mf.names[m]);
    x.put("team", mf.teams[m]);
    x.put("month", mf.periods[m]);
    x.put("period", ev.periods.frame.periods[x.period]);
    basisCells(ctx, x);
    earnedCells(ctx, x);
    clawbackCells(ctx, x);
    if (c.has("teamCommission")) teamCells(ctx, x);
    payCells(ctx, x);
    const st = yearEnd.get(m);
    if (st) yearEndCells(ctx, x, st);
    const src = mf.sources[m];
    const texts = [
      ...(readingByRow.get(src.sheet + "\u0000" + src.row) ?? []),
      ...rowsOf[m].problems,
      ...teamProblems(ev, m),
    ].map((i) => formatIssue(i, lang));
    x.put("status", [...new Set(texts)].join(sep) || L({ en: "OK", zh: "正常" }));
    g.line(ctx.monthRow(m), 0, line);
  }
  s.blocks.push(g.block());
  s.columns = c.list.map((x) => x.spec);
  s.freeze = { rows: 1, columns: 4 };
  s.styles = [
    {
      range: { row: 0, column: 0, rows: 1, columns: c.list.length },
      bold: true,
      fill: HEADER_FILL,
      wrap: true,
      vertical: "center",
    },
    { range: { row: 1, column: c.get("net"), rows: Math.max(1, mf.n), columns: 1 }, bold: true },
  ];
  s.tabColor = "#C55A11";
  return s;
}

/** The opening balance of a new year: what the previous year's settlement left, as the engine has it. */
function settlementBalance(
  ev: Evaluation,
  yearEnd: ReadonlyMap<number, Settlement>,
  prev: number
): number {
  const st = yearEnd.get(prev);
  return st && st.ok ? st.outstanding : ev.ledger.balance[prev];
}
