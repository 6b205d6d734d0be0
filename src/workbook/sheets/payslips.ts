/**
 * Payslips (工资条): one strip per salesperson and pay month, to print on A4 and cut apart. Each
 * strip: a title line (payslip, month, name), then header lines and value lines of eight cells —
 * employee id, name, team, pay month, the month's pay lines in the Pay list's order, the gross
 * last — so the header is repeated on every strip, and a cut line below. Every amount is a
 * reference to its cell on the Pay list sheet (工资表) with the engine's value, or the engine's
 * value alone in the values style: the payslip never computes a number of its own.
 *
 * Printing: A4 portrait, fit to width, header lines two lines high (wrapped pay-line names), and a
 * page break between strips every as many strips as a page holds, so no strip is ever split.
 */
import { cell as a1cell, quoteSheet } from "../a1";
import { numOr } from "../formula";
import { Grid } from "../grid";
import type { Cell, RangeRef, SheetLayout, StyleSpec } from "../layout";
import { sheet as emptySheet } from "../layout";
import { payListMoney, PAY_LIST_IDENTITY } from "../payrollTable";
import { hasAppeals } from "../../engine/evaluate/appeals";
import type { Words } from "../text";
import { HEADER_FILL, MONEY, RESULT_FILL, shownPeriod, type Ctx } from "./context";

/** Cells in a strip's line. */
export const SLIP_COLUMNS = 8;

/**
 * Height of a header line: room for the longest pay-line name wrapped in a 12-character column,
 * two lines in Chinese (递延至年终（未发）), three in English (Deferred to year end (not paid)).
 */
const HEADER_POINTS = { "zh-CN": 30, "en-US": 44 } as const;

/**
 * What a strip may take of an A4 page (portrait, 0.6" margins: 756 pt), and what its other rows
 * take at most: the default row of Excel and LibreOffice in either language (15–16 pt), the title
 * in 12 pt. Strips per page are counted from these, with room to spare.
 */
const PAGE_POINTS = 740;
const ROW_POINTS = 16;
const TITLE_POINTS = 20;

export const PAYSLIP_WORDS = {
  title: { en: "Payslip", zh: "工资条" },
  cut: { en: "cut here", zh: "沿此线剪开" },
} as const satisfies Record<string, Words>;

/** Pay list columns a payslip leaves out: the guarantee's subtotal before the top-up (a working column). */
const NOT_ON_SLIP = new Set(["grossBefore"]);

function box(row: number, column: number, rows: number, columns: number): RangeRef {
  return { row, column, rows, columns };
}

/** The strip's items: identity, pay lines, blanks so the gross ends the last line, the gross. */
function slipItems(ctx: Ctx): ({ key: string; label: Words; money: boolean } | null)[] {
  const money = payListMoney(ctx.plan, hasAppeals(ctx.ev.appeals)).filter(
    (f) => !NOT_ON_SLIP.has(f.key)
  );
  const gross = money.find((f) => f.key === "gross")!;
  const items: ({ key: string; label: Words; money: boolean } | null)[] = [
    ...PAY_LIST_IDENTITY.map((f) => ({ key: f.key, label: f.label, money: false })),
    ...money.filter((f) => f !== gross).map((f) => ({ key: f.key, label: f.label, money: true })),
  ];
  while ((items.length + 1) % SLIP_COLUMNS !== 0) items.push(null);
  items.push({ key: gross.key, label: gross.label, money: true });
  return items;
}

/** Rows of one strip: title, a header and a value line per eight items, the cut line. */
export function stripRows(ctx: Ctx): number {
  return 2 + 2 * Math.ceil(slipItems(ctx).length / SLIP_COLUMNS);
}

/**
 * The Payslips sheet: a strip per pay-list line (the engine's month rows, in the Pay list's order),
 * its amounts referencing the Pay list sheet's cells (ctx.pc, laid out by payListColumns).
 */
export function payslipsSheet(ctx: Ctx): SheetLayout {
  const { ev, L, fx } = ctx;
  const P = ev.payroll;
  const mf = P.frame;
  const items = slipItems(ctx);
  const lines = Math.ceil(items.length / SLIP_COLUMNS);
  const height = stripRows(ctx);
  const stripPoints = TITLE_POINTS + lines * (HEADER_POINTS[ctx.lang] + ROW_POINTS) + ROW_POINTS;
  const perPage = Math.max(1, Math.floor(PAGE_POINTS / stripPoints));
  const line = new Map(
    payListMoney(ctx.plan, hasAppeals(ctx.ev.appeals)).map((f) => [f.key, P[f.line]])
  );
  const g = new Grid();
  const styles: StyleSpec[] = [];
  const merges: RangeRef[] = [];
  const breaks: number[] = [];
  const heights: NonNullable<SheetLayout["rowHeights"]> = [];
  const text = (key: string, m: number): Cell =>
    ({
      id: mf.ids[m],
      name: mf.names[m],
      team: mf.teams[m],
      month: shownPeriod(mf.periods[m], ctx.lang),
    })[key] ?? null;
  const amount = (key: string, m: number): Cell =>
    fx(
      `${quoteSheet(ctx.names.paylist)}!${a1cell(ctx.monthRow(m), ctx.pc.get(key), true)}`,
      numOr(line.get(key)![m], "")
    );
  for (let m = 0; m < mf.n; m++) {
    const top = m * height;
    if (m > 0 && m % perPage === 0) breaks.push(top);
    g.set(
      top,
      0,
      `${L(PAYSLIP_WORDS.title)}  ${shownPeriod(mf.periods[m], ctx.lang)}  ${mf.names[m]}`
    );
    merges.push(box(top, 0, 1, SLIP_COLUMNS));
    styles.push({ range: box(top, 0, 1, SLIP_COLUMNS), bold: true, fontSize: 12 });
    for (let k = 0; k < lines; k++) {
      const r = top + 1 + 2 * k;
      const chunk = items.slice(k * SLIP_COLUMNS, (k + 1) * SLIP_COLUMNS);
      heights.push({ row: r, rows: 1, points: HEADER_POINTS[ctx.lang] });
      g.line(
        r,
        0,
        chunk.map((it) => (it ? L(it.label) : null))
      );
      g.line(
        r + 1,
        0,
        chunk.map((it) => (!it ? null : it.money ? amount(it.key, m) : text(it.key, m))),
        chunk.map((it) => (it?.money ? MONEY : null))
      );
      styles.push(
        {
          range: box(r, 0, 1, SLIP_COLUMNS),
          bold: true,
          fill: HEADER_FILL,
          wrap: true,
          horizontal: "center",
          vertical: "center",
        },
        { range: box(r, 0, 2, SLIP_COLUMNS), border: "thin" },
        { range: box(r + 1, 0, 1, 4), horizontal: "center" }
      );
    }
    const last = top + 2 * lines;
    styles.push({ range: box(last, SLIP_COLUMNS - 1, 1, 1), bold: true, fill: RESULT_FILL });
    const cut = top + height - 1;
    g.set(
      cut,
      0,
      `✂ - - - - - - - - - - - - - - - - - - - ${L(PAYSLIP_WORDS.cut)} - - - - - - - - - - - - - - - - - - -`
    );
    merges.push(box(cut, 0, 1, SLIP_COLUMNS));
    styles.push({
      range: box(cut, 0, 1, SLIP_COLUMNS),
      horizontal: "center",
      fontColor: "#808080",
      fontSize: 8,
    });
  }
  const s = emptySheet("payslips", ctx.names.payslips, "output");
  s.blocks.push(g.block());
  s.styles = styles;
  s.merges = merges;
  s.rowHeights = heights;
  s.columns = Array.from({ length: SLIP_COLUMNS }, () => ({ width: 12 }));
  s.print = {
    area: box(0, 0, Math.max(1, mf.n * height), SLIP_COLUMNS),
    orientation: "portrait",
    paper: "A4",
    rowBreaks: breaks,
    fitToWidth: true,
  };
  s.tabColor = "#548235";
  return s;
}
