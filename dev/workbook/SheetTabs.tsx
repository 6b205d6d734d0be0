import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { PreviewWorkbook } from "./PreviewWorkbook";

export interface SheetTabsProps {
  workbook: PreviewWorkbook;
  version: number;
}

const useStyles = makeStyles({
  bar: {
    display: "flex",
    overflowX: "auto",
    borderTop: "1px solid #d0d0d0",
    backgroundColor: "#f3f3f3",
    flexShrink: 0,
  },
  tab: {
    border: "none",
    borderRight: "1px solid #d0d0d0",
    backgroundColor: "transparent",
    padding: "4px 12px",
    fontSize: "12px",
    fontFamily: tokens.fontFamilyBase,
    cursor: "pointer",
    whiteSpace: "nowrap",
    color: "#333",
    borderBottom: "3px solid transparent",
  },
  active: {
    backgroundColor: "#ffffff",
    color: "#0f6d31",
    fontWeight: 600,
    borderBottom: "3px solid #107c41",
  },
});

/** The workbook's sheet tabs (keyboard: Tab to a tab, Enter/Space to open it). */
export function SheetTabs({ workbook }: SheetTabsProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.bar} role="tablist" aria-label="Sheets">
      {workbook.sheets().map((s) => (
        <button
          key={s.id}
          type="button"
          role="tab"
          aria-selected={s.id === workbook.active}
          className={mergeClasses(styles.tab, s.id === workbook.active && styles.active)}
          style={s.tabColor ? { boxShadow: `inset 0 -3px 0 ${s.tabColor}` } : undefined}
          onClick={() => workbook.activate(s.id)}
        >
          {s.name}
        </button>
      ))}
    </div>
  );
}
