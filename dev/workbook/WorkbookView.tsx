import * as React from "react";
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { parseCsv } from "../../src/engine";
import type { PreviewWorkbook } from "./PreviewWorkbook";
import { FormulaBar } from "./FormulaBar";
import { GridView } from "./GridView";
import { SheetTabs } from "./SheetTabs";

export interface WorkbookViewProps {
  workbook: PreviewWorkbook;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    minHeight: 0,
    height: "100%",
    backgroundColor: "#fff",
  },
  toolbar: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    padding: "6px 8px",
    backgroundColor: "#107c41",
    color: "#fff",
    flexShrink: 0,
  },
  title: { color: "#fff", flexGrow: 1 },
  note: { color: "#e6f2ea" },
  hidden: { display: "none" },
});

/** The same workbook, re-rendered on every change. */
export function useWorkbookVersion(workbook: PreviewWorkbook): number {
  return React.useSyncExternalStore(
    React.useCallback((cb) => workbook.subscribe(cb), [workbook]),
    () => workbook.version
  );
}

/** The preview workbook: toolbar, formula bar, the active sheet's grid and the sheet tabs. */
export function WorkbookView({ workbook }: WorkbookViewProps): React.JSX.Element {
  const styles = useStyles();
  const version = useWorkbookVersion(workbook);
  const input = React.useRef<HTMLInputElement>(null);
  const openCsv = async (file: File | undefined) => {
    if (!file) return;
    const table = parseCsv(await file.text(), file.name);
    const sheet = workbook.addUserSheet(file.name.replace(/\.[^.]*$/, ""));
    workbook.writeValues(
      sheet.id,
      0,
      0,
      [table.header, ...table.rows].map((r) => r.map((c) => (c === undefined ? null : c)))
    );
    workbook.activate(sheet.id);
  };
  return (
    <div className={styles.root}>
      <div className={styles.toolbar}>
        <Text weight="semibold" className={styles.title}>
          Preview workbook
        </Text>
        <Caption1 className={styles.note}>
          development preview · formulas evaluated by HyperFormula
        </Caption1>
        <input
          ref={input}
          type="file"
          accept=".csv,text/csv"
          className={styles.hidden}
          aria-label="Open a CSV file as a new sheet"
          tabIndex={-1}
          onChange={(e) => {
            void openCsv(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
        <Button size="small" onClick={() => input.current?.click()}>
          Open CSV as sheet
        </Button>
      </div>
      <FormulaBar workbook={workbook} version={version} />
      <GridView workbook={workbook} version={version} />
      <SheetTabs workbook={workbook} version={version} />
    </div>
  );
}
