/**
 * Commission (提成明细): the monthly ledger — basis, tiers, gate, cap, share paid now and deferred,
 * clawbacks carried forward, the month's pay lines, the year-end settlement.
 */
import type { Issue } from "../../engine/issues";
import { formatIssue } from "../../engine/issues";
import { PAY_FIELDS } from "../../engine/plan/model";
import type { Evaluation } from "../../engine/evaluate/evaluate";
import { CommissionStatus, Gate } from "../../engine/evaluate/commission";
import { monthRows } from "../../engine/evaluate/rows";
import { cellValue, monthSpan, type Frame } from "../../engine/evaluate/frame";
import {
  attainmentGateFormula,
  commissionLine,
  commissionPerfFormula,
  gradeGateFormula,
  monthAttainmentFormula,
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
import { MONEY, PCT, HEADER_FILL, Ctx, T, monthField, comCell, comRange } from "./context";

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

export function commissionSheet(ctx: Ctx, readingIssues: readonly Issue[]): SheetLayout {
  const { plan, ev, fx, L, lang } = ctx;
  const mf = ev.months.frame;
  const Lg = ev.ledger;
  const mp = ev.monthPay;
  const cm = plan.commission;
  const c = ctx.cc;
  const s = emptySheet("commission", ctx.names.commission, "output");
  const g = new Grid();
  g.line(
    0,
    0,
    c.list.map((x) => x.header)
  );
  const rowsOf = monthRows(ev);
  const settlements = new Map(Lg.settlements.map((x) => [x.id + "\u0000" + x.year, x]));
  const gradeCol = ctx.sc.get("grade");
  const periodOfMonth = new Int32Array(mf.n);
  for (let r = 0; r < ev.periods.frame.n; r++) {
    const [a, b] = monthSpan(ev.periods.frame, r);
    for (let m = a; m <= b; m++) periodOfMonth[m] = r;
  }
  const readingByRow = new Map<string, Issue[]>();
  for (const i of readingIssues) {
    if (!i.location || i.severity === "info") continue;
    const k = i.location.sheet + "\u0000" + i.location.row;
    const list = readingByRow.get(k) ?? [];
    list.push(i);
    readingByRow.set(k, list);
  }
  const deduct = cm.clawback === "deductFromPay";
  const needsTarget = cm.boundType === "attainment" || cm.gate.minAttainment !== null;
  const sep = lang === "zh-CN" ? "；" : "; ";
  const cellOf = (key: string, m: number) => comCell(ctx, key, m, true);

  for (let m = 0; m < mf.n; m++) {
    const row = ctx.monthRow(m);
    const line: Cell[] = new Array(c.list.length).fill(null);
    const put = (key: string, v: Cell) => {
      line[c.get(key)] = v;
    };
    const ok = Lg.status[m] === CommissionStatus.Ok;
    const okRef = cellOf("ok", m);
    const ifOk = (f: string) => `IF(${okRef},${f},#N/A)`;
    put("id", mf.ids[m]);
    put("name", mf.names[m]);
    put("team", mf.teams[m]);
    put("month", mf.periods[m]);
    const pr = periodOfMonth[m];
    put("period", ev.periods.frame.periods[pr]);
    const basisKey = cm.basis === "collected" ? PAY_FIELDS.collected : PAY_FIELDS.signed;
    const fieldValue = (key: string): Value => {
      const k = ctx.fieldIndex.get(key);
      return k === undefined ? "" : cellValue(mf, k, m, ERR);
    };
    const ref = (key: string) => monthField(ctx, key, m);
    put("basis", fx(ref(basisKey)!, fieldValue(basisKey)));
    if (c.has("signed")) put("signed", fx(ref(PAY_FIELDS.signed)!, fieldValue(PAY_FIELDS.signed)));
    if (c.has("target"))
      put("target", fx(ref(PAY_FIELDS.salesTarget)!, fieldValue(PAY_FIELDS.salesTarget)));
    const S = c.has("signed") ? cellOf("signed", m) : null;
    const TG = c.has("target") ? cellOf("target", m) : null;
    if (c.has("attainment")) {
      put("attainment", fx(monthAttainmentFormula(S!, TG!), numOr(Lg.attainment[m], "")));
    }
    const B = cellOf("basis", m);
    const conds = [`${B}<>""`];
    if (needsTarget) conds.push(`${TG}<>""`, `${TG}>0`);
    const gradeRef = `${quoteSheet(ctx.names.scorecard)}!${a1cell(ctx.periodRow(pr), gradeCol, true)}`;
    if (cm.gate.minGrade !== null) conds.push(`${gradeRef}<>""`);
    const uniqueRef = `${quoteSheet(ctx.names.months)}!${a1cell(ctx.monthRow(m), ctx.mc.get("unique"))}`;
    if (mf.conflicts[m]) conds.push(uniqueRef);
    // The engine's ledger status: basis readable, a target above 0 when tiers or the gate need it, the grade when the gate needs it.
    put("ok", fx(`IFERROR(AND(${conds.join(",")}),1=0)`, ok));
    const scale = c.has("scale") ? cellOf("scale", m) : null;
    if (scale) put("scale", fx(ifOk(TG!), ok ? Lg.boundScale[m] : ERR));
    const amount = cellOf("amount", m);
    put("amount", fx(ifOk(`MAX(${B},0)`), ok ? Math.max(Lg.basis[m], 0) : ERR));
    put("gross", fx(ifOk(tiersFormula(ctx, amount, scale)), ok ? Lg.gross[m] : ERR));
    let gated = cellOf("gross", m);
    if (c.has("gate")) {
      const parts: string[] = [];
      if (cm.gate.minAttainment !== null) {
        const at = cellOf("attainment", m);
        parts.push(attainmentGateFormula(at, settingName("minAttainment")));
      }
      if (cm.gate.minGrade !== null)
        parts.push(gradeGateFormula(gradeRef, settingName("minGrade"), PLAN_NAMES.gradeLabel));
      put(
        "gate",
        fx(
          `IF(${okRef},${parts.length === 1 ? parts[0] : `AND(${parts.join(",")})`},"")`,
          ok ? Lg.gate[m] === Gate.Open : ""
        )
      );
      gated = `IF(${cellOf("gate", m)},${gated},0)`;
    }
    if (c.has("capped")) {
      put(
        "capped",
        fx(
          `IF(${okRef},${commissionLine.overCap(gated, settingName("capPerMonth"))},"")`,
          ok ? Lg.capped[m] === 1 : ""
        )
      );
      gated = commissionLine.capped(gated, settingName("capPerMonth"));
    }
    put("earned", fx(ifOk(commissionLine.earned(gated)), ok ? Lg.earned[m] : ERR));
    const E = cellOf("earned", m);
    put(
      "paidNow",
      fx(ifOk(commissionLine.paidNow(E, settingName("paidShare"))), ok ? Lg.paidNow[m] : ERR)
    );
    const PN = cellOf("paidNow", m);
    put("deferred", fx(ifOk(commissionLine.deferred(E, PN)), ok ? Lg.deferred[m] : ERR));
    const clawRef = ref(PAY_FIELDS.clawback);
    put(
      "clawback",
      clawRef ? fx(`IFERROR(IF(${clawRef}="",0,${clawRef}*1),0)`, Lg.clawback[m]) : 0
    );
    const CL = cellOf("clawback", m);
    // Opening balance: 0 for a new person; the previous month's closing balance; at a new year the
    // balance left after the year-end settlement recovered what it could from the deferred share.
    const newPerson = m === 0 || mf.ids[m - 1] !== mf.ids[m];
    const newYear = !newPerson && mf.periods[m - 1].slice(0, 4) !== mf.periods[m].slice(0, 4);
    const opening =
      newPerson || deduct
        ? 0
        : newYear
          ? settlementBalance(Lg, settlements, mf, m - 1)
          : Lg.balance[m - 1];
    if (newPerson || deduct) put("opening", 0);
    else if (newYear)
      put(
        "opening",
        fx(`IFERROR(${cellOf("yOutstanding", m - 1)},${cellOf("balance", m - 1)})`, opening)
      );
    else put("opening", fx(cellOf("balance", m - 1), opening));
    const OP = cellOf("opening", m);
    if (deduct) {
      put("recovered", fx(ifOk(CL), ok ? Lg.recovered[m] : ERR));
      put("balance", 0);
    } else {
      put("recovered", fx(ifOk(commissionLine.recovered(OP, CL, PN)), ok ? Lg.recovered[m] : ERR));
      put(
        "balance",
        fx(
          `IF(${okRef},${commissionLine.balance(OP, CL, cellOf("recovered", m))},${commissionLine.owed(OP, CL)})`,
          Lg.balance[m]
        )
      );
    }
    put("net", fx(ifOk(commissionLine.net(PN, cellOf("recovered", m))), ok ? Lg.net[m] : ERR));

    // Pay lines of the month.
    const share = mp.share[m];
    if (plan.pay.prorate) {
      put("daysWorked", fx(ref(PAY_FIELDS.daysWorked) ?? `""`, fieldValue(PAY_FIELDS.daysWorked)));
      put(
        "daysInMonth",
        fx(ref(PAY_FIELDS.daysInPeriod) ?? `""`, fieldValue(PAY_FIELDS.daysInPeriod))
      );
      const DW = cellOf("daysWorked", m);
      const DM = cellOf("daysInMonth", m);
      const shareF = workedShareFormula(DW, DM);
      put(
        "share",
        fx(mf.conflicts[m] ? `IF(${uniqueRef},${shareF},#N/A)` : shareF, numOr(share, ERR))
      );
    } else {
      const guard = `${quoteSheet(ctx.names.months)}!${a1cell(ctx.monthRow(m), ctx.mc.get("check"))}`;
      put("share", fx(`IF(AND(${guard},${uniqueRef}),1,#N/A)`, numOr(share, ERR)));
    }
    const SH = cellOf("share", m);
    put("baseSalary", fx(ref(PAY_FIELDS.baseSalary) ?? `""`, fieldValue(PAY_FIELDS.baseSalary)));
    put(
      "perfFull",
      fx(ref(PAY_FIELDS.performancePay) ?? `""`, fieldValue(PAY_FIELDS.performancePay))
    );
    const prorated = (full: string) => {
      if (ctx.style !== "perf" || !plan.pay.prorate) return proratedFormula(full, SH);
      const f = proratedPerfFormula(full, cellOf("daysWorked", m), cellOf("daysInMonth", m));
      return mf.conflicts[m] ? `IF(${uniqueRef},${f},#N/A)` : f;
    };
    put(
      "base",
      fx(
        `IF(${cellOf("baseSalary", m)}="",#N/A,${prorated(cellOf("baseSalary", m))})`,
        numOr(mp.base[m], ERR)
      )
    );
    put(
      "perfStd",
      fx(
        `IF(${cellOf("perfFull", m)}="",#N/A,${prorated(cellOf("perfFull", m))})`,
        numOr(mp.performanceStandard[m], ERR)
      )
    );
    const adjRef = ref(PAY_FIELDS.adjustment);
    put(
      "adjustment",
      adjRef ? fx(`IFERROR(IF(${adjRef}="",0,${adjRef}*1),0)`, mp.adjustment[m]) : 0
    );

    // Year end: on the last month of a person's year.
    const lastOfYear =
      m + 1 >= mf.n ||
      mf.ids[m + 1] !== mf.ids[m] ||
      mf.periods[m + 1].slice(0, 4) !== mf.periods[m].slice(0, 4);
    if (lastOfYear) {
      const st = settlements.get(mf.ids[m] + "\u0000" + mf.periods[m].slice(0, 4));
      let first = m;
      while (
        first > 0 &&
        mf.ids[first - 1] === mf.ids[m] &&
        mf.periods[first - 1].slice(0, 4) === mf.periods[m].slice(0, 4)
      )
        first--;
      const allOk = `AND(${comRange(ctx, "ok", first, m, true)})`;
      const okY = st ? st.ok : false;
      put(
        "yDeferred",
        fx(
          `IF(${allOk},${settlementLine.deferred(comRange(ctx, "deferred", first, m, true))},#N/A)`,
          okY && st ? st.deferred : ERR
        )
      );
      const YD = cellOf("yDeferred", m);
      put(
        "yRecovered",
        fx(
          `IF(${allOk},${settlementLine.recovered(cellOf("balance", m), YD, deduct)},#N/A)`,
          okY && st ? st.recovered : ERR
        )
      );
      put(
        "ySettlement",
        fx(
          `IF(${allOk},${settlementLine.settlement(YD, cellOf("yRecovered", m))},#N/A)`,
          okY && st ? st.settlement : ERR
        )
      );
      put(
        "yOutstanding",
        fx(
          `IF(${allOk},${settlementLine.outstanding(cellOf("balance", m), cellOf("yRecovered", m))},#N/A)`,
          okY && st ? st.outstanding : ERR
        )
      );
    }
    const mr = rowsOf[m];
    const src = mf.sources[m];
    const texts = [...(readingByRow.get(src.sheet + "\u0000" + src.row) ?? []), ...mr.problems].map(
      (i) => formatIssue(i, lang)
    );
    put("status", [...new Set(texts)].join(sep) || L({ en: "OK", zh: "正常" }));
    g.line(row, 0, line);
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
  Lg: Evaluation["ledger"],
  settlements: Map<string, Evaluation["ledger"]["settlements"][number]>,
  mf: Frame,
  prev: number
): number {
  const st = settlements.get(mf.ids[prev] + "\u0000" + mf.periods[prev].slice(0, 4));
  return st && st.ok ? st.outstanding : Lg.balance[prev];
}
