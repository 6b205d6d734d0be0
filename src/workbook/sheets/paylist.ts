/**
 * Pay list (工资表): one row per salesperson and pay month — base, performance pay by the plan's
 * schedule (advance and true-up when advanced monthly), commission paid, deferred, clawed back,
 * annual bonus and the year-end settlement, adjustments, the new-hire guarantee (on guarantee,
 * top-up, recovered, still owed) and the gross. Formulas over the Commission ledger (提成明细),
 * the Scorecard and the Annual sheet, each cell with the engine's value (ev.payroll); its rows are
 * the Commission sheet's rows (the engine's month rows, by id then month).
 *
 * A line that cannot be computed is "" (as the engine's NaN), and so is the gross of its month.
 */
import { guaranteeOf, PAY_FIELDS, paySchedule } from "../../engine/plan/model";
import { annualRows } from "../../engine/evaluate/rows";
import { GuaranteeMonth, grossTerms } from "../../engine/evaluate/payroll";
import { hasAppeals } from "../../engine/evaluate/appeals";
import {
  guaranteeBalanceFormula,
  guaranteeRecoveredFormula,
  guaranteeTopUpFormula,
  onGuaranteeFormula,
} from "../../engine/rules/guarantee";
import {
  payLinesSumFormula,
  performanceAdvanceFormula,
  performanceTrueUpFormula,
  type PayTerm,
} from "../../engine/rules/pay";
import { quoteSheet, range as a1range, cell as a1cell } from "../a1";
import { ERR, numOr, type Value } from "../formula";
import { Grid } from "../grid";
import type { Cell, SheetLayout } from "../layout";
import { sheet as emptySheet } from "../layout";
import { settingName } from "../plan-sheet";
import type { Words } from "../text";
import {
  MONEY,
  HEADER_FILL,
  RESULT_FILL,
  WORK_FILL,
  Cols,
  Ctx,
  T,
  comCell,
  monthField,
  periodColumn,
  periodKeyColumns,
  showsPeriodLabels,
  shownPeriod,
  putPeriod,
} from "./context";

/** The pay list's own header words. */
export const PAY_LIST_WORDS = {
  perfFor: { en: "Performance pay for", zh: "绩效所属期间" },
  perfAdvance: { en: "Performance pay advance", zh: "绩效预发" },
  perfTrueUp: { en: "Performance pay true-up", zh: "绩效季末补差" },
  perfPay: { en: "Performance pay paid", zh: "实发绩效工资" },
  commission: { en: "Commission this month", zh: "当月提成" },
  deferred: { en: "Deferred to year end (not paid)", zh: "递延至年终（未发）" },
  clawedBack: { en: "Clawed back", zh: "退款追回" },
  teamCommission: { en: "Team commission", zh: "团队提成" },
  bonus: { en: "Annual bonus", zh: "年度奖金" },
  settlement: { en: "Deferred commission settled", zh: "递延提成结算" },
  adjustment: { en: "Adjustments", zh: "奖惩调整" },
  appeal: { en: "Appeal adjustment", zh: "申诉调整" },
  grossBefore: { en: "Gross before guarantee", zh: "保底前应发" },
  onGuarantee: { en: "Guarantee month", zh: "保底月" },
  topUp: { en: "Guarantee top-up", zh: "保底补足" },
  recovered: { en: "Guarantee recovered", zh: "保底扣回" },
  owed: { en: "Guarantee still to recover", zh: "保底待扣回" },
  gross: { en: "Gross pay", zh: "应发合计" },
} as const satisfies Record<string, Words>;

const W = PAY_LIST_WORDS;

/** The pay list's columns for the plan (advance, guarantee and recovery columns when it has them). */
export function payListColumns(ctx: Ctx): Cols {
  const { plan, L } = ctx;
  const c = ctx.pc;
  const money = (key: keyof typeof W, work = false) =>
    c.add(key, L(W[key]), { width: 12, numberFormat: MONEY }, work);
  c.add("id", L(T.id), { width: 11 });
  c.add("name", L(T.name), { width: 9 });
  c.add("team", L(T.team), { width: 11 });
  periodColumn(ctx, c, "month", 9);
  money("gross");
  c.add("base", L(T.base), { width: 12, numberFormat: MONEY });
  // the quarter a performance pay is for, as a label on zh-CN sheets (2024年第一季度)
  c.add("perfFor", L(W.perfFor), { width: showsPeriodLabels(ctx.lang) ? 15 : 9 });
  if (advances(ctx)) {
    money("perfAdvance");
    money("perfTrueUp");
  }
  money("perfPay");
  money("commission");
  money("clawedBack");
  // 团队提成: the Commission ledger's column, where the plan has team commission
  if (ctx.cc.has("teamCommission")) money("teamCommission");
  money("deferred");
  money("bonus");
  money("settlement");
  money("adjustment");
  // 申诉调整: the Scorecard's, where the run has appeals
  if (hasAppeals(ctx.ev.appeals)) money("appeal");
  const g = guaranteeOf(plan);
  if (g.enabled) {
    money("grossBefore");
    c.add("onGuarantee", L(W.onGuarantee), { width: 7 });
    money("topUp");
    if (g.recoverable) {
      money("recovered");
      money("owed", true);
    }
  }
  periodKeyColumns(ctx, c);
  return c;
}

function advances(ctx: Ctx): boolean {
  return (
    ctx.plan.periods.evaluation !== "month" && paySchedule(ctx.plan).schedule === "monthlyAdvance"
  );
}

/** "" for a blank part, so a sum over it is "" (HyperFormula would count "" as 0). */
function blankIfAny(parts: readonly string[], formula: string): string {
  return `IFERROR(IF(OR(${parts.map((p) => `${p}=""`).join(",")}),"",${formula}),"")`;
}

/** One pay list row being built. */
interface PayLine {
  m: number;
  put: (key: string, v: Cell) => void;
  at: (key: string) => string;
  /** The previous row's cell of a column (the same person's previous month), or null. */
  before: (key: string) => string | null;
}

/** Base, performance pay by the schedule, commission lines, bonus, settlement, adjustment. */
function payLines(ctx: Ctx, c: Cols, x: PayLine, annualRow: Map<number, number>): void {
  const { ev, fx } = ctx;
  const P = ev.payroll;
  const { m, put, at } = x;
  const com = (key: string) => comCell(ctx, key, m, false);
  const money = (v: number): Value => numOr(v, "");
  const ref = (key: string, value: number) => put(key, fx(`IFERROR(${com(key)},"")`, money(value)));
  put("base", fx(`IFERROR(${com("base")},"")`, money(P.base[m])));
  const r = P.performanceRow[m];
  put("perfFor", r >= 0 ? shownPeriod(ev.periods.frame.periods[r], ctx.lang) : "");
  const sc =
    r >= 0
      ? `${quoteSheet(ctx.names.scorecard)}!${a1cell(ctx.periodRow(r), ctx.sc.get("perfPay"), true)}`
      : null;
  if (c.has("perfAdvance")) {
    const adv = performanceAdvanceFormula(com("perfStd"), settingName("advanceShare"));
    put("perfAdvance", fx(blankIfAny([com("perfStd")], adv), money(P.performanceAdvance[m])));
    if (sc) {
      const pf = ev.periods.frame;
      const first = pf.first[r];
      const cells = Array.from({ length: pf.end[r] - first }, (_, i) =>
        a1cell(ctx.monthRow(first + i), c.get("perfAdvance"))
      );
      const range = a1range({
        row: ctx.monthRow(first),
        column: c.get("perfAdvance"),
        rows: cells.length,
        columns: 1,
      });
      const f = blankIfAny([sc, ...cells], performanceTrueUpFormula(sc, range));
      put("perfTrueUp", fx(f, money(P.performanceTrueUp[m])));
    } else put("perfTrueUp", 0);
    const parts = [at("perfAdvance"), at("perfTrueUp")];
    put(
      "perfPay",
      fx(blankIfAny(parts, `ROUND(${parts.join("+")},2)`), money(P.performancePay[m]))
    );
  } else if (sc) put("perfPay", fx(blankIfAny([sc], sc), money(P.performancePay[m])));
  else put("perfPay", 0);
  put("commission", fx(`IFERROR(${com("paidNow")},"")`, money(P.commission[m])));
  ref("deferred", P.deferred[m]);
  put("clawedBack", fx(`IFERROR(${com("recovered")},"")`, money(P.clawedBack[m])));
  if (c.has("teamCommission")) ref("teamCommission", P.teamCommission[m]);
  const y = P.yearRow[m];
  const row = y >= 0 && ctx.ac ? annualRow.get(y) : undefined;
  for (const [key, col, v] of [
    ["bonus", "bonus", P.bonus[m]],
    ["settlement", "settlement", P.settlement[m]],
  ] as const) {
    if (row === undefined) put(key, 0);
    else {
      const an = `${quoteSheet(ctx.names.annual)}!${a1cell(row, ctx.ac!.get(col), true)}`;
      put(key, fx(blankIfAny([an], an), money(v)));
    }
  }
  put("adjustment", fx(`IFERROR(ROUND(${com("adjustment")},2),"")`, money(P.adjustment[m])));
  if (c.has("appeal")) {
    const ap = r >= 0 ? scorecardCell(ctx, r, "appeal") : null;
    put("appeal", ap ? fx(blankIfAny([ap], ap), money(P.appeal[m])) : 0);
  }
}

/** A cell of the Scorecard's row r, absolute. */
function scorecardCell(ctx: Ctx, r: number, key: string): string {
  return `${quoteSheet(ctx.names.scorecard)}!${a1cell(ctx.periodRow(r), ctx.sc.get(key), true)}`;
}

/** The gross before the guarantee's lines (or the gross, without the guarantee). */
function grossBefore(ctx: Ctx, c: Cols, x: PayLine): void {
  const { ev, fx } = ctx;
  const P = ev.payroll;
  const { m, put, at } = x;
  const terms = grossTerms({
    base: at("base"),
    performancePay: at("perfPay"),
    commission: at("commission"),
    clawedBack: at("clawedBack"),
    teamCommission: c.has("teamCommission") ? at("teamCommission") : undefined,
    bonus: at("bonus"),
    settlement: at("settlement"),
    adjustment: at("adjustment"),
    appeal: c.has("appeal") ? at("appeal") : undefined,
  });
  const f = blankIfAny(
    terms.map((t) => t.value),
    payLinesSumFormula(terms)
  );
  if (c.has("grossBefore")) put("grossBefore", fx(f, numOr(P.grossBeforeGuarantee[m], "")));
  else put("gross", fx(f, numOr(P.gross[m], "")));
}

/** On guarantee, top-up, recovered, still owed and the gross with them. */
function guaranteeCells(ctx: Ctx, c: Cols, x: PayLine): void {
  const { ev, fx } = ctx;
  const P = ev.payroll;
  const { m, put, at } = x;
  const on = P.onGuarantee[m];
  const svc = monthField(ctx, PAY_FIELDS.serviceMonth, m);
  put(
    "onGuarantee",
    fx(
      svc ? onGuaranteeFormula(svc, settingName("guaranteeMonths")) : "1=0",
      on === GuaranteeMonth.Unknown ? ERR : on === GuaranteeMonth.On
    )
  );
  const ON = at("onGuarantee");
  const GB = at("grossBefore");
  const guard = (ref: string) => `IF(${ref}="",#N/A,${ref})`;
  put(
    "topUp",
    fx(
      `IFERROR(${guaranteeTopUpFormula(ON, settingName("guaranteeMinimum"), guard(GB))},"")`,
      numOr(P.guaranteeTopUp[m], "")
    )
  );
  const terms: PayTerm<string>[] = [{ value: GB }, { value: at("topUp") }];
  if (c.has("recovered")) {
    const opening = x.before("owed") ?? "0";
    const net = `ROUND(${guard(at("commission"))}-${guard(at("clawedBack"))},2)`;
    put(
      "recovered",
      fx(
        `IFERROR(IF(${ON},0,${guaranteeRecoveredFormula(guard(opening), net)}),"")`,
        numOr(P.guaranteeRecovered[m], "")
      )
    );
    put(
      "owed",
      fx(
        `IFERROR(${guaranteeBalanceFormula(guard(opening), guard(at("topUp")), at("recovered"))},"")`,
        numOr(P.guaranteeOwed[m], "")
      )
    );
    terms.push({ value: at("recovered"), minus: true });
  }
  put(
    "gross",
    fx(
      blankIfAny(
        terms.map((t) => t.value),
        payLinesSumFormula(terms)
      ),
      numOr(P.gross[m], "")
    )
  );
}

/** The Annual sheet's row of each year row it holds (complete years, in the engine's order). */
function annualSheetRows(ctx: Ctx): Map<number, number> {
  const out = new Map<number, number>();
  let j = 0;
  annualRows(ctx.ev).forEach((r, y) => {
    if (r.yearComplete) out.set(y, 1 + j++);
  });
  return out;
}

export function payListSheet(ctx: Ctx): SheetLayout {
  const { ev } = ctx;
  const mf = ev.months.frame;
  const c = ctx.pc;
  const s = emptySheet("paylist", ctx.names.paylist, "output");
  const g = new Grid();
  g.line(
    0,
    0,
    c.list.map((x) => x.header)
  );
  const annualRow = annualSheetRows(ctx);
  for (let m = 0; m < mf.n; m++) {
    const line: Cell[] = new Array(c.list.length).fill(null);
    const row = ctx.monthRow(m);
    const samePerson = m > 0 && mf.ids[m - 1] === mf.ids[m];
    const x: PayLine = {
      m,
      put: (key, v) => {
        line[c.get(key)] = v;
      },
      at: (key) => a1cell(row, c.get(key)),
      before: (key) => (samePerson ? a1cell(row - 1, c.get(key)) : null),
    };
    x.put("id", mf.ids[m]);
    x.put("name", mf.names[m]);
    x.put("team", mf.teams[m]);
    putPeriod(ctx, x.put, (k) => c.has(k), "month", mf.periods[m]);
    payLines(ctx, c, x, annualRow);
    grossBefore(ctx, c, x);
    if (c.has("topUp")) guaranteeCells(ctx, c, x);
    g.line(row, 0, line);
  }
  s.blocks.push(g.block());
  s.columns = c.list.map((x) => x.spec);
  s.freeze = { rows: 1, columns: 4 };
  const rows = Math.max(1, mf.n);
  s.styles = [
    {
      range: { row: 0, column: 0, rows: 1, columns: c.list.length },
      bold: true,
      fill: HEADER_FILL,
      wrap: true,
      vertical: "center",
    },
    { range: { row: 1, column: c.get("gross"), rows, columns: 1 }, bold: true, fill: RESULT_FILL },
  ];
  const firstWork = c.list.findIndex((x) => x.work);
  if (firstWork >= 0)
    s.styles.push({
      range: { row: 0, column: firstWork, rows: 1, columns: c.list.length - firstWork },
      fill: WORK_FILL,
      italic: true,
    });
  s.tabColor = "#548235";
  return s;
}
