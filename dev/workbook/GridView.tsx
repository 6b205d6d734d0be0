import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { columnLetter } from "../../src/engine";
import type { PreviewWorkbook, Selection } from "./PreviewWorkbook";
import { ChartView } from "./ChartView";
import { columnGroups, type ColumnGroup } from "../../src/workbook/layout";

export interface GridViewProps {
  workbook: PreviewWorkbook;
  /** The workbook's version, so the grid re-renders after every change. */
  version: number;
}

export const ROW_HEIGHT = 22;
export const HEADER_WIDTH = 44;
const MAX_ROWS = 600;
const MAX_COLUMNS = 80;

/** Excel's column width (characters) in pixels. */
export function columnPixels(width: number | undefined): number {
  return Math.round((width ?? 8.43) * 7 + 5);
}

const useStyles = makeStyles({
  scroller: {
    position: "relative",
    overflow: "auto",
    flexGrow: 1,
    minHeight: 0,
    outlineStyle: "none",
    backgroundColor: "#ffffff",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontSize: "12px",
    fontFamily: tokens.fontFamilyBase,
    color: "#1f1f1f",
  },
  corner: {
    position: "sticky",
    top: 0,
    left: 0,
    zIndex: 3,
    backgroundColor: "#f3f3f3",
    borderRight: "1px solid #d0d0d0",
    borderBottom: "1px solid #d0d0d0",
  },
  colHead: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    height: `${ROW_HEIGHT}px`,
    backgroundColor: "#f3f3f3",
    borderRight: "1px solid #d0d0d0",
    borderBottom: "1px solid #d0d0d0",
    fontWeight: "normal",
    color: "#444",
  },
  outlineToggle: {
    marginRight: "3px",
    padding: 0,
    width: "14px",
    height: "14px",
    lineHeight: "12px",
    fontSize: "11px",
    border: "1px solid #7a7a7a",
    backgroundColor: "#fff",
    cursor: "pointer",
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: "#f3f3f3",
    borderRight: "1px solid #d0d0d0",
    borderBottom: "1px solid #d0d0d0",
    textAlign: "center",
    color: "#444",
    fontWeight: "normal",
  },
  headActive: { backgroundColor: "#d6e4d9", color: "#0f6d31", fontWeight: "bold" },
  cell: {
    height: `${ROW_HEIGHT}px`,
    maxHeight: `${ROW_HEIGHT}px`,
    padding: "0 3px",
    borderRight: "1px solid #e1e1e1",
    borderBottom: "1px solid #e1e1e1",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "clip",
    boxSizing: "border-box",
    cursor: "cell",
  },
  overflow: { overflow: "visible", position: "relative", zIndex: 0 },
  selected: {
    outline: "2px solid #107c41",
    outlineOffset: "-2px",
    zIndex: 1,
    position: "relative",
  },
  inRange: { backgroundColor: "rgba(16, 124, 65, 0.10)" },
  error: { color: "#a80000" },
  editor: {
    width: "100%",
    height: `${ROW_HEIGHT - 2}px`,
    border: "none",
    padding: 0,
    font: "inherit",
    outline: "none",
    boxSizing: "border-box",
  },
});

function inRange(s: Selection, row: number, column: number): boolean {
  return (
    row >= Math.min(s.row, s.row2) &&
    row <= Math.max(s.row, s.row2) &&
    column >= Math.min(s.column, s.column2) &&
    column <= Math.max(s.column, s.column2)
  );
}

/** The active sheet as a spreadsheet grid: select, move with the keyboard, type to edit (Enter commits). */
export function GridView({ workbook, version }: GridViewProps): React.JSX.Element {
  const styles = useStyles();
  const id = workbook.active;
  const meta = workbook.sheet(id);
  const sel = workbook.selection;
  const [edit, setEdit] = React.useState<{
    sheet: number;
    row: number;
    column: number;
    text: string;
  } | null>(null);
  const editing =
    edit && edit.sheet === id && edit.row === sel.row && edit.column === sel.column ? edit : null;
  const setEditing = (e: { text: string } | null) =>
    setEdit(e ? { sheet: id, row: sel.row, column: sel.column, text: e.text } : null);
  const scroller = React.useRef<HTMLDivElement>(null);
  const dims = workbook.dimensions(id);
  const rows = Math.min(MAX_ROWS, Math.max(dims.rows + 10, 40));
  const columns = Math.min(MAX_COLUMNS, Math.max(dims.columns + 3, 12));
  // column groups (the outline): closed ones hide their columns; the +/− sits right of a group
  const groups = React.useMemo(() => columnGroups(meta.columns), [meta.columns]);
  const [opened, setOpened] = React.useState<Record<string, boolean>>({});
  const groupKey = (g: ColumnGroup) => `${id}:${g.level}:${g.column}`;
  const isOpen = (g: ColumnGroup) => opened[groupKey(g)] ?? !g.collapsed;
  const toggles = new Map<number, ColumnGroup>();
  for (const g of groups) toggles.set(g.column + g.columns, g);
  const closedBy = (c: number) =>
    groups.some((g) => !isOpen(g) && c >= g.column && c < g.column + g.columns);
  const widths = Array.from({ length: columns }, (_, c) =>
    meta.columns[c]?.hidden || closedBy(c) ? 0 : columnPixels(meta.columns[c]?.width)
  );

  React.useEffect(() => {
    const el = scroller.current?.querySelector<HTMLElement>(
      `[data-cell="${columnLetter(sel.column)}${sel.row + 1}"]`
    );
    el?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [sel.row, sel.column, id, version]);

  const move = (row: number, column: number, extend = false) => {
    const r = Math.max(0, Math.min(rows - 1, row));
    const c = Math.max(0, Math.min(columns - 1, column));
    workbook.select(
      extend
        ? { ...sel, row2: r, column2: c }
        : { sheet: id, row: r, column: c, row2: r, column2: c }
    );
  };

  const commit = (text: string, then: "down" | "right" | "stay") => {
    workbook.enter(id, sel.row, sel.column, text);
    setEditing(null);
    if (then === "down") move(sel.row + 1, sel.column);
    else if (then === "right") move(sel.row, sel.column + 1);
    scroller.current?.focus();
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (editing) return;
    const ext = e.shiftKey;
    const r = ext ? sel.row2 : sel.row;
    const c = ext ? sel.column2 : sel.column;
    switch (e.key) {
      case "ArrowDown":
        move(r + 1, c, ext);
        break;
      case "ArrowUp":
        move(r - 1, c, ext);
        break;
      case "ArrowLeft":
        move(r, c - 1, ext);
        break;
      case "ArrowRight":
        move(r, c + 1, ext);
        break;
      case "Tab":
        move(sel.row, sel.column + (e.shiftKey ? -1 : 1));
        break;
      case "Enter":
      case "F2": {
        const cell = workbook.cell(id, sel.row, sel.column);
        setEditing({ text: cell.formula ?? (cell.value === null ? "" : String(cell.value)) });
        break;
      }
      case "Delete":
      case "Backspace":
        workbook.enter(id, sel.row, sel.column, "");
        break;
      default:
        if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
          setEditing({ text: e.key });
          break;
        }
        return;
    }
    e.preventDefault();
  };

  const body: React.ReactNode[] = [];
  for (let r = 0; r < rows; r++) {
    // a row the layout sets taller (points → px), and the page-break line above a printed page
    const points = meta.rowHeights.get(r);
    const rowStyle: React.CSSProperties = {
      ...(points ? { height: `${Math.round((points * 4) / 3)}px`, maxHeight: "none" } : {}),
      ...(meta.pageBreaks.has(r) ? { borderTop: "2px dashed #2f5597" } : {}),
    };
    const cells: React.ReactNode[] = [
      <th
        key="h"
        scope="row"
        style={rowStyle}
        className={mergeClasses(
          styles.rowHead,
          r >= Math.min(sel.row, sel.row2) && r <= Math.max(sel.row, sel.row2) && styles.headActive
        )}
      >
        {r + 1}
      </th>,
    ];
    for (let c = 0; c < columns; c++) {
      const merge = workbook.mergeAt(id, r, c);
      if (merge === "covered") continue;
      const ref = `${columnLetter(c)}${r + 1}`;
      const view = workbook.cell(id, r, c);
      const st = workbook.styleAt(id, r, c);
      const isSel = sel.row === r && sel.column === c;
      const numeric = typeof view.value === "number" || view.error !== null;
      const nextEmpty =
        c + 1 < columns &&
        workbook.cell(id, r, c + 1).value === null &&
        workbook.cell(id, r, c + 1).error === null;
      const style: React.CSSProperties = {
        fontWeight: st.bold ? 600 : undefined,
        fontStyle: st.italic ? "italic" : undefined,
        backgroundColor: st.fill,
        color: st.fontColor,
        fontSize: st.fontSize ? `${Math.round(st.fontSize * 1.2)}px` : undefined,
        textAlign: st.horizontal ?? (numeric ? "right" : "left"),
        verticalAlign: st.vertical === "center" ? "middle" : (st.vertical ?? "bottom"),
        borderBottom:
          st.border === "bottom" || st.border === "thin" ? "1px solid #7a7a7a" : undefined,
        borderTop: st.border === "top" || st.border === "thin" ? "1px solid #7a7a7a" : undefined,
        whiteSpace: st.wrap ? "normal" : undefined,
        display: widths[c] === 0 ? "none" : undefined,
        ...rowStyle,
      };
      cells.push(
        <td
          key={c}
          role="gridcell"
          aria-selected={inRange(sel, r, c)}
          data-cell={ref}
          rowSpan={merge ? merge.rows : undefined}
          colSpan={merge ? merge.columns : undefined}
          className={mergeClasses(
            styles.cell,
            !numeric && view.text && nextEmpty && !st.wrap && !st.fill && styles.overflow,
            inRange(sel, r, c) && !isSel && styles.inRange,
            isSel && styles.selected,
            view.error !== null && styles.error
          )}
          style={style}
          title={view.formula ?? undefined}
          onMouseDown={(e) => {
            if (editing && isSel) return;
            if (editing) commit(editing.text, "stay");
            move(r, c, e.shiftKey);
            scroller.current?.focus();
            e.preventDefault();
          }}
          onDoubleClick={() =>
            setEditing({ text: view.formula ?? (view.value === null ? "" : String(view.value)) })
          }
        >
          {isSel && editing ? (
            <input
              className={styles.editor}
              autoFocus
              aria-label={`${meta.name}!${ref}`}
              value={editing.text}
              onChange={(e) => setEditing({ text: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  commit(editing.text, "down");
                } else if (e.key === "Tab") {
                  e.preventDefault();
                  commit(editing.text, "right");
                } else if (e.key === "Escape") {
                  e.preventDefault();
                  setEditing(null);
                  scroller.current?.focus();
                }
              }}
            />
          ) : (
            view.text
          )}
        </td>
      );
    }
    body.push(<tr key={r}>{cells}</tr>);
  }

  const left = (c: number) => HEADER_WIDTH + widths.slice(0, c).reduce((a, b) => a + b, 0);
  return (
    <div
      ref={scroller}
      className={styles.scroller}
      tabIndex={0}
      role="region"
      aria-label={`${meta.name} — ${columnLetter(sel.column)}${sel.row + 1}`}
      onKeyDown={onKeyDown}
      data-sheet={meta.name}
    >
      <table
        className={styles.table}
        style={{ width: HEADER_WIDTH + widths.reduce((a, b) => a + b, 0) }}
        role="grid"
        aria-label={meta.name}
        aria-rowcount={rows}
        aria-colcount={columns}
      >
        <colgroup>
          <col style={{ width: `${HEADER_WIDTH}px` }} />
          {/* a hidden column has no cells in the rows, so it has no <col> either */}
          {widths.map((w, c) => (w === 0 ? null : <col key={c} style={{ width: `${w}px` }} />))}
        </colgroup>
        <thead>
          <tr>
            <th className={styles.corner} aria-label={meta.name} />
            {widths.map((w, c) => (
              <th
                key={c}
                scope="col"
                className={mergeClasses(
                  styles.colHead,
                  c >= Math.min(sel.column, sel.column2) &&
                    c <= Math.max(sel.column, sel.column2) &&
                    styles.headActive
                )}
                style={{
                  display: w === 0 ? "none" : undefined,
                  borderTop: groups.some(
                    (g) => isOpen(g) && c >= g.column && c < g.column + g.columns
                  )
                    ? "2px solid #7a7a7a"
                    : undefined,
                }}
              >
                {toggles.has(c) && (
                  <button
                    type="button"
                    className={styles.outlineToggle}
                    aria-label={`${isOpen(toggles.get(c)!) ? "Hide" : "Show"} columns ${columnLetter(toggles.get(c)!.column)}–${columnLetter(c - 1)}`}
                    onClick={() => {
                      const g = toggles.get(c)!;
                      setOpened((o) => ({ ...o, [groupKey(g)]: !isOpen(g) }));
                    }}
                  >
                    {isOpen(toggles.get(c)!) ? "−" : "+"}
                  </button>
                )}
                {columnLetter(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
      {meta.charts.map((chart, i) => (
        <ChartView
          key={i}
          workbook={workbook}
          sheet={id}
          chart={chart}
          box={{
            left: left(chart.anchor.column),
            top: ROW_HEIGHT * (chart.anchor.row + 1),
            width: Math.max(
              240,
              left(chart.anchor.column + chart.anchor.columns) - left(chart.anchor.column)
            ),
            height: Math.max(160, ROW_HEIGHT * chart.anchor.rows),
          }}
        />
      ))}
    </div>
  );
}
