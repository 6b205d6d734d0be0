import * as React from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownRegular, ArrowDownloadRegular, ArrowUpRegular } from "@fluentui/react-icons";
import type { Issue } from "../../engine";
import {
  PAYROLL_ENCODINGS,
  type PayrollEncoding,
  type PayrollMapping,
} from "../../engine/export/payrollCsv";
import { canDownload } from "../../app/planSave";
import {
  downloadBytes,
  linesOf,
  loadPayrollMapping,
  payListOf,
  payMonths,
  payrollFile,
  payrollSaveUrl,
  savePayrollMapping,
} from "../../app/payrollExport";
import { defaultPayrollMapping } from "../../engine/export/payrollCsv";
import { useHost } from "../hostContext";
import { useSession } from "../session";
import { useAction } from "../useAction";
import { useDataCheck } from "../useDataCheck";
import { ErrorBar } from "../components/ErrorBar";
import { IssueList } from "../components/IssueList";
import { NeedsPlanWorkbook } from "../components/NeedsPlanWorkbook";
import { ViewTitle } from "../components/ViewTitle";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  row: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  header: { flexGrow: 1, minWidth: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** One pay-list column in the editor: whether it goes into the file, and under which header. */
interface Row {
  field: string;
  label: string;
  header: string;
  on: boolean;
}

/** The mapping as editor rows: its columns in its order, then the pay list's other columns, off. */
function rowsOf(mapping: PayrollMapping, labels: Map<string, string>): Row[] {
  const rows: Row[] = mapping.columns
    .filter((c) => labels.has(c.field))
    .map((c) => ({ field: c.field, label: labels.get(c.field)!, header: c.header, on: true }));
  for (const [field, label] of labels)
    if (!rows.some((r) => r.field === field)) rows.push({ field, label, header: label, on: false });
  return rows;
}

/**
 * Payroll export (工资导出): the pay list of the workbook's data as a CSV file for the payroll
 * system, through a column mapping remembered in the workbook.
 */
export function PayrollView(): React.JSX.Element {
  const styles = useStyles();
  const host = useHost();
  const { strings: t, language, workbook, plan, check } = useSession();
  const prepare = useDataCheck();
  const exporting = useAction();
  const table = React.useMemo(() => (plan && check ? payListOf(plan, check) : null), [plan, check]);
  const labels = React.useMemo(
    () =>
      new Map(
        (table?.fields ?? []).map((f) => [f.key, language === "zh-CN" ? f.label.zh : f.label.en])
      ),
    [table, language]
  );
  const loaded = React.useMemo(
    () => (table ? loadPayrollMapping(host.settings, table, language) : null),
    [table, host, language]
  );
  /** The user's edits of the mapping; null while it is the remembered (or default) one. */
  const [draft, setDraft] = React.useState<{ rows: Row[]; encoding: PayrollEncoding } | null>(null);
  const rows = draft?.rows ?? (loaded ? rowsOf(loaded.mapping, labels) : null);
  const encoding = draft?.encoding ?? loaded?.mapping.encoding ?? "gb18030";
  const [savedNow, setSavedNow] = React.useState(false);
  const remembered = savedNow || Boolean(loaded?.remembered);
  const [month, setMonth] = React.useState<string | null>(null);
  const [outcome, setOutcome] = React.useState<{
    name: string;
    issues: Issue[];
    said: string | null;
  } | null>(null);

  if (workbook && !workbook.sheets.plan)
    return (
      <>
        <ViewTitle>{t.payroll.title}</ViewTitle>
        <NeedsPlanWorkbook />
      </>
    );

  const months = table ? payMonths(table) : [];
  const chosen = month ?? months[months.length - 1] ?? "";
  const count = table ? linesOf(table, chosen).records.length : 0;
  const mapping = (): PayrollMapping => ({
    encoding,
    columns: (rows ?? []).filter((r) => r.on).map((r) => ({ field: r.field, header: r.header })),
  });
  const setRows = (next: Row[]) => setDraft({ rows: next, encoding });
  const setEncoding = (e: PayrollEncoding) => rows && setDraft({ rows, encoding: e });
  const edit = (i: number, change: Partial<Row>) =>
    rows && setRows(rows.map((r, k) => (k === i ? { ...r, ...change } : r)));
  const move = (i: number, by: -1 | 1) => {
    if (!rows || i + by < 0 || i + by >= rows.length) return;
    const next = [...rows];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    setRows(next);
  };

  const doExport = () =>
    exporting.run(async () => {
      if (!table) return;
      const m = mapping();
      const file = payrollFile(table, chosen, m);
      await savePayrollMapping(host.settings, m);
      setSavedNow(true);
      let said: string | null = null;
      if (file.bytes) {
        if (canDownload(host.platform())) {
          downloadBytes(file.name, file.bytes);
          said = t.payroll.saved(file.name);
        } else if (
          host.openBrowserWindow(payrollSaveUrl(window.location.href, file.name, file.bytes))
        )
          said = t.payroll.opened(file.name);
        else said = t.payroll.cannotSave;
      }
      setOutcome({ name: file.name, issues: file.issues, said });
    });

  return (
    <>
      <ViewTitle>{t.payroll.title}</ViewTitle>
      <Text size={200}>{t.payroll.intro}</Text>
      {prepare.busy && <Spinner size="tiny" label={t.common.working} />}
      <ErrorBar error={prepare.error ?? exporting.error} />
      {check && months.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>{t.payroll.noData}</MessageBarBody>
        </MessageBar>
      )}
      {table && rows && months.length > 0 && (
        <>
          <div className={styles.grid}>
            <Field label={t.payroll.month} size="small" hint={t.payroll.lines(count)}>
              <Select size="small" value={chosen} onChange={(_, d) => setMonth(d.value)}>
                <option value="">{t.payroll.allMonths}</option>
                {months.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t.payroll.encoding} size="small" hint={t.payroll.encodingHint}>
              <Select
                size="small"
                value={encoding}
                onChange={(_, d) => setEncoding(d.value as PayrollEncoding)}
              >
                {PAYROLL_ENCODINGS.map((e) => (
                  <option key={e} value={e}>
                    {t.payroll.encodings[e]}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Text weight="semibold">{t.payroll.columns}</Text>
          {remembered && <Text size={200}>{t.payroll.remembered}</Text>}
          <ul className={styles.list} aria-label={t.payroll.columns}>
            {rows.map((r, i) => (
              <li key={r.field} className={styles.row}>
                <Checkbox
                  checked={r.on}
                  aria-label={t.payroll.include(r.label)}
                  onChange={(_, d) => edit(i, { on: Boolean(d.checked) })}
                />
                <Input
                  className={styles.header}
                  size="small"
                  value={r.header}
                  disabled={!r.on}
                  aria-label={t.payroll.header(r.label)}
                  onChange={(_, d) => edit(i, { header: d.value })}
                />
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<ArrowUpRegular />}
                  aria-label={t.payroll.up(r.label)}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                />
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<ArrowDownRegular />}
                  aria-label={t.payroll.down(r.label)}
                  disabled={i === rows.length - 1}
                  onClick={() => move(i, 1)}
                />
              </li>
            ))}
          </ul>
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              icon={<ArrowDownloadRegular />}
              disabled={exporting.busy}
              onClick={() => void doExport()}
            >
              {exporting.busy ? t.payroll.exporting : t.payroll.export}
            </Button>
            <Button
              onClick={() => {
                setRows(rowsOf(defaultPayrollMapping(table.fields, language, encoding), labels));
              }}
            >
              {t.payroll.reset}
            </Button>
          </div>
          {outcome && outcome.said && (
            <MessageBar intent={outcome.issues.length ? "warning" : "success"}>
              <MessageBarBody>{outcome.said}</MessageBarBody>
            </MessageBar>
          )}
          {outcome && !outcome.said && (
            <MessageBar intent="error">
              <MessageBarBody>{t.payroll.notMade}</MessageBarBody>
            </MessageBar>
          )}
          {outcome && outcome.issues.length > 0 && (
            <IssueList issues={outcome.issues} language={language} label={t.payroll.problems} />
          )}
        </>
      )}
    </>
  );
}
