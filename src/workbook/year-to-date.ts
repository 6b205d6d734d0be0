/**
 * Year to date (年度累计): per salesperson, what the closed periods of the year paid (their frozen
 * pay lines: base, quarterly performance pay, commission, bonus), what the same periods give when
 * computed now with the plan each was closed with, the catch-up between them — paid as an
 * adjustment in the next open period; closed periods stay as they are — and the commission
 * deferred so far, which the year-end settlement pays, with any clawback still owed. Values only:
 * a snapshot of the engine's yearToDate().
 */
import type { Language } from "../engine/messages";
import type { YearToDateRow } from "../engine/close";
import { Grid } from "./grid";
import { localizeMoney, MONEY } from "./money";
import { shownPeriod } from "./sheets/context";
import type { Cell, SheetLayout } from "./layout";
import { sheet as emptySheet } from "./layout";
import type { Words } from "./text";
import { say, SHEET_NAMES } from "./text";

const W = {
  title: {
    en: "Year to date {year} · from the closed periods",
    zh: "{year} 年度累计 · 依据已结账期间",
  },
  note: {
    en: "Paid: the closed periods' frozen scorecards. Recomputed: the same periods computed now from the current data with the plan each period was closed with. Catch-up = recomputed − paid, paid (or recovered) as an adjustment in the next open period; closed periods stay as they are. Deferred commission to date is settled at year end.",
    zh: "已发放：各已结账期间冻结评分卡的数值。重新计算：按当前数据、以各期间结账时的方案重新计算同一期间。补差 = 重新计算 − 已发放，作为下一个未结账期间的调整项发放（或扣回）；已结账期间保持不变。截至目前的递延提成在年底结算。",
  },
  periods: { en: "Closed periods: {list}", zh: "已结账期间：{list}" },
  id: { en: "Employee ID", zh: "员工编号" },
  name: { en: "Name", zh: "姓名" },
  team: { en: "Team", zh: "部门" },
  closed: { en: "Closed periods", zh: "已结账期间" },
  paidBase: { en: "Paid: base", zh: "已发：基本工资" },
  paidPerf: { en: "Paid: performance pay", zh: "已发：绩效工资" },
  paidCommission: { en: "Paid: commission", zh: "已发：销售提成" },
  paidTeamCommission: { en: "Paid: team commission", zh: "已发：团队提成" },
  paidGuarantee: {
    en: "Paid: new-hire guarantee (top-up − recovered)",
    zh: "已发：新人保底（补足 − 扣回）",
  },
  paidBonus: { en: "Paid: bonus / adjustments", zh: "已发：奖金/奖惩" },
  paidAppeal: { en: "Paid: appeal adjustment", zh: "已发：申诉调整" },
  paidTotal: { en: "Paid: total", zh: "已发：合计" },
  nowPerf: { en: "Recomputed: performance pay", zh: "重算：绩效工资" },
  nowCommission: { en: "Recomputed: commission", zh: "重算：销售提成" },
  nowTotal: { en: "Recomputed: total", zh: "重算：合计" },
  catchUp: { en: "Catch-up (adjustment)", zh: "补差（调整项）" },
  deferred: {
    en: "Commission deferred to date (year-end settlement)",
    zh: "截至目前递延提成（年底结算）",
  },
  clawback: { en: "Clawback still owed", zh: "仍待追回" },
  total: { en: "Total", zh: "合计" },
  notComputable: { en: "cannot be recomputed now", zh: "当前无法重新计算" },
} as const satisfies Record<string, Words>;

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);
}

const HEADER_ROW = 4;

/** The Year to date sheet for one year. */
export function yearToDateSheet(
  rows: readonly YearToDateRow[],
  year: string,
  closedPeriods: readonly string[],
  language: Language,
  name = say(SHEET_NAMES.year_to_date, language)
): SheetLayout {
  const L = (w: Words) => say(w, language);
  // zh-CN: 2024年第一季度 (labels for reading; nothing reads these cells back)
  const P = (keys: readonly string[]) => keys.map((k) => shownPeriod(k, language)).join(", ");
  const s = emptySheet("year_to_date", name, "output");
  const g = new Grid();
  g.set(0, 0, fill(L(W.title), { year }));
  g.set(1, 0, L(W.note));
  g.set(2, 0, fill(L(W.periods), { list: P(closedPeriods) }));
  // team commission, the new-hire guarantee and appeals are shown where some closed period has them
  const has = (k: "teamCommission" | "guarantee" | "appeal") =>
    rows.some((r) => r.paid[k] !== 0 || (r.recomputed !== null && r.recomputed[k] !== 0));
  type Column = readonly [Words, (r: YearToDateRow) => Cell];
  const optional = (k: "teamCommission" | "guarantee" | "appeal", w: Words): Column[] =>
    has(k) ? [[w, (r) => r.paid[k]]] : [];
  const columns: Column[] = [
    [W.id, (r) => r.id],
    [W.name, (r) => r.name],
    [W.team, (r) => r.team],
    [W.closed, (r) => P(r.periods)],
    [W.paidBase, (r) => r.paid.base],
    [W.paidPerf, (r) => r.paid.performancePay],
    [W.paidCommission, (r) => r.paid.commission],
    ...optional("teamCommission", W.paidTeamCommission),
    ...optional("guarantee", W.paidGuarantee),
    [W.paidBonus, (r) => r.paid.bonus],
    ...optional("appeal", W.paidAppeal),
    [W.paidTotal, (r) => r.paid.total],
    [W.nowPerf, (r) => (r.recomputed ? r.recomputed.performancePay : L(W.notComputable))],
    [W.nowCommission, (r) => (r.recomputed ? r.recomputed.commission : null)],
    [W.nowTotal, (r) => (r.recomputed ? r.recomputed.total : null)],
    [W.catchUp, (r) => r.catchUp],
    [W.deferred, (r) => r.deferredToDate],
    [W.clawback, (r) => r.clawbackOutstanding],
  ];
  const header = columns.map(([w]) => w);
  g.line(HEADER_ROW, 0, header.map(L));
  const formats = [null, null, null, null, ...new Array<string>(header.length - 4).fill(MONEY)];
  const sum = new Array<number>(header.length).fill(0);
  rows.forEach((r, i) => {
    const line: Cell[] = columns.map(([, value]) => value(r));
    line.forEach((c, k) => {
      if (k >= 4 && typeof c === "number") sum[k] += c;
    });
    g.line(HEADER_ROW + 1 + i, 0, line, formats);
  });
  const totalRow = HEADER_ROW + 1 + rows.length;
  g.line(
    totalRow,
    0,
    [L(W.total), null, null, null, ...sum.slice(4).map((v) => Math.round(v * 100) / 100)],
    formats
  );
  s.blocks.push(g.block());
  s.columns = [
    { width: 11 },
    { width: 9 },
    { width: 11 },
    { width: 18 },
    ...new Array(header.length - 4).fill(null).map(() => ({ width: 13, numberFormat: MONEY })),
  ];
  const width = header.length;
  s.merges = [
    { row: 0, column: 0, rows: 1, columns: width },
    { row: 1, column: 0, rows: 1, columns: width },
    { row: 2, column: 0, rows: 1, columns: width },
  ];
  s.styles = [
    { range: { row: 0, column: 0, rows: 1, columns: width }, bold: true, fontSize: 14 },
    { range: { row: 1, column: 0, rows: 1, columns: width }, wrap: true, fontColor: "#595959" },
    {
      range: { row: HEADER_ROW, column: 0, rows: 1, columns: width },
      bold: true,
      fill: "#DDEBF7",
      wrap: true,
      vertical: "center",
    },
    {
      range: { row: HEADER_ROW + 1, column: 12, rows: Math.max(1, rows.length), columns: 1 },
      bold: true,
      fill: "#FFF2CC",
    },
    { range: { row: totalRow, column: 0, rows: 1, columns: width }, bold: true, border: "top" },
  ];
  s.freeze = { rows: HEADER_ROW + 1, columns: 2 };
  s.tabColor = "#548235";
  return localizeMoney(s, language);
}
