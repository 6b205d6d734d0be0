/**
 * Monthly data (月度数据): the Data sheet's cells the engine read, one row per salesperson and
 * month, checked as the reader checks them (blank → "", unreadable → error) and guarded against
 * the Data rows moving.
 */
import { dataCellFormula } from "../../engine/records";
import { CellState, cellValue } from "../../engine/evaluate/frame";
import { quoteSheet, cell as a1cell } from "../a1";
import { fieldFormat } from "../data-sheet";
import { ERR } from "../formula";
import { Grid } from "../grid";
import type { Cell, SheetLayout } from "../layout";
import { sheet as emptySheet } from "../layout";
import { GROUPED, HEADER_FILL, Ctx, T, periodOfMonths } from "./context";

export function monthColumns(ctx: Ctx): void {
  const c = ctx.mc;
  const L = ctx.L;
  c.add("id", L(T.id), { width: 11 });
  c.add("name", L(T.name), { width: 9 });
  c.add("team", L(T.team), { width: 11 });
  c.add("month", L(T.month), { width: 9 });
  c.add("period", L(T.period), { width: 9 });
  c.add("year", L(T.year), { width: 6 });
  c.add("dataRow", L(T.dataRow), { width: 7, numberFormat: "0", ...GROUPED });
  c.add("check", L(T.check), { width: 7, ...GROUPED });
  c.add("unique", L(T.unique), { width: 7, ...GROUPED });
  for (const f of ctx.plan.fields)
    c.add("f:" + f.key, L(f.name), { width: 12, numberFormat: fieldFormat(f.unit) });
}

export function monthsSheet(ctx: Ctx): SheetLayout {
  const { plan, ev, fx } = ctx;
  const mf = ev.months.frame;
  const s = emptySheet("months", ctx.names.months, "output");
  const g = new Grid();
  const c = ctx.mc;
  g.line(
    0,
    0,
    c.list.map((x) => x.header)
  );
  const periodOf = periodOfMonths(ev);
  const checkCol = c.get("check");
  for (let m = 0; m < mf.n; m++) {
    const row = ctx.monthRow(m);
    const src = mf.sources[m];
    const ds = quoteSheet(src.sheet);
    const idCol = src.columns?.id;
    const periodCol = src.columns?.period;
    const line: Cell[] = [
      mf.ids[m],
      mf.names[m],
      mf.teams[m],
      mf.periods[m],
      ev.periods.frame.periods[periodOf[m]],
      mf.periods[m].slice(0, 4),
      src.row,
    ];
    const conflict = mf.conflicts[m] !== 0;
    // The row check: the Data row still holds this person and month (rows not sorted or moved).
    if (!idCol || !periodCol) line.push(false);
    else
      line.push(
        fx(
          `AND(${ds}!${idCol}${src.row}=${a1cell(row, 0)},${ds}!${periodCol}${src.row}=${a1cell(row, 3)})`,
          true
        )
      );
    // Another Data row with other values for the same person and month: the engine scores the
    // month as read but pays and totals nothing until one of the two rows is corrected.
    const other = mf.conflicts[m];
    if (conflict && idCol && periodCol)
      line.push(
        fx(
          `OR(${ds}!${idCol}${other}<>${a1cell(row, 0)},${ds}!${periodCol}${other}<>${a1cell(row, 3)})`,
          false
        )
      );
    else line.push(true);
    const guard = `$${a1cell(row, checkCol).replace(/\d+$/, "")}${row + 1}`;
    plan.fields.forEach((f, k) => {
      const col = src.columns?.[f.key];
      const state = mf.states[k][m];
      if (!col || state === CellState.Absent) {
        // No such column in the data: an empty text (a reference to an empty cell would read 0).
        line.push(fx(`""`, ""));
        return;
      }
      // the engine's reading of a number in a Data cell (engine/records.ts)
      const x = `${ds}!${col}${src.row}`;
      line.push(fx(dataCellFormula(x, f, guard), cellValue(mf, k, m, ERR)));
    });
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
    },
  ];
  s.tabColor = "#A6A6A6";
  return s;
}
