import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { columnLetter } from "../../src/engine";
import type { PreviewWorkbook } from "./PreviewWorkbook";

export interface FormulaBarProps {
  workbook: PreviewWorkbook;
  version: number;
}

const useStyles = makeStyles({
  bar: {
    display: "flex",
    alignItems: "center",
    columnGap: "6px",
    padding: "4px 6px",
    borderBottom: "1px solid #d0d0d0",
    backgroundColor: "#fff",
    flexShrink: 0,
  },
  name: {
    width: "120px",
    fontFamily: tokens.fontFamilyBase,
    fontSize: "12px",
    padding: "2px 4px",
    border: "1px solid #c8c8c8",
    color: "#333",
  },
  fx: { color: "#666", fontStyle: "italic", fontSize: "12px" },
  input: {
    flexGrow: 1,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: "12px",
    padding: "2px 4px",
    border: "1px solid #c8c8c8",
  },
});

/** Name box and formula bar: the selected cell's address and its formula (or value); Enter writes it. */
export function FormulaBar({ workbook, version }: FormulaBarProps): React.JSX.Element {
  const styles = useStyles();
  const s = workbook.selection;
  const cell = workbook.cell(s.sheet, s.row, s.column);
  const content = cell.formula ?? (cell.value === null ? "" : String(cell.value));
  // what the user typed, while the cell still holds what it held when they started
  const [edit, setEdit] = React.useState<{ base: string; version: number; text: string } | null>(
    null
  );
  const text = edit && edit.base === content && edit.version === version ? edit.text : content;
  const setText = (t: string) => setEdit({ base: content, version, text: t });
  const a = `${columnLetter(Math.min(s.column, s.column2))}${Math.min(s.row, s.row2) + 1}`;
  const b = `${columnLetter(Math.max(s.column, s.column2))}${Math.max(s.row, s.row2) + 1}`;
  return (
    <div className={styles.bar}>
      <output className={styles.name} aria-label="Name box" data-testid="name-box">
        {a === b ? a : `${a}:${b}`}
      </output>
      <span className={styles.fx} aria-hidden="true">
        fx
      </span>
      <input
        className={styles.input}
        aria-label="Formula bar"
        data-testid="formula-bar"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") workbook.enter(s.sheet, s.row, s.column, text);
          if (e.key === "Escape") setEdit(null);
        }}
      />
    </div>
  );
}
