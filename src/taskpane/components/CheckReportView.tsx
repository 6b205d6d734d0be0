import * as React from "react";
import {
  Body1Strong,
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { CellLocation } from "../../engine";
import { columnLetter } from "../../engine";
import type { SheetRole } from "../../workbook/layout";
import { cellName, type CheckReport, type Finding, type SheetCheck } from "../../workbook/verify";
import { useSession } from "../session";
import type { InputChange } from "../../app/verify";

export interface CheckReportViewProps {
  report: CheckReport;
  /** Verify workbook's comparison of the inputs with Generate's; absent right after Generate. */
  inputs?: InputChange[];
  planChanged?: boolean;
  onGoTo(location: CellLocation): void;
  /** Rewrites a sheet as values; absent where the pane cannot (nothing to rewrite from). */
  onRewrite?(role: SheetRole, sheet: string): void;
  rewriting?: boolean;
}

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  findings: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusSmall,
  },
  line: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: "baseline",
  },
  ref: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  value: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  formula: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  edited: {
    color: tokens.colorPaletteRedForeground1,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Findings shown per sheet before "…and N more". */
const SHOWN = 12;

/** One disagreement: where, what Excel shows, what the add-in calculates, the formula. */
function FindingItem({ f, onGoTo }: { f: Finding; onGoTo(l: CellLocation): void }) {
  const styles = useStyles();
  const { strings: t, format } = useSession();
  const show = (v: unknown) =>
    v === null || v === undefined || v === ""
      ? t.check.empty
      : typeof v === "number"
        ? format.number(v, 6)
        : String(v);
  const ref = cellName(f.row, f.column);
  return (
    <li className={styles.item}>
      <div className={styles.line}>
        <Link
          className={styles.ref}
          onClick={() => onGoTo({ sheet: f.sheet, row: f.row + 1, column: columnLetter(f.column) })}
          aria-label={t.common.goTo(`${f.sheet}!${ref}`)}
        >
          {ref}
        </Link>
        <span>
          {t.check.excel}
          {t.check.colon}
          <strong className={styles.value}>{show(f.excel)}</strong>
        </span>
        <span>
          {t.check.engine}
          {t.check.colon}
          <strong className={styles.value}>{show(f.engine)}</strong>
        </span>
      </div>
      {f.formula && (
        <code className={styles.formula} title={f.formula}>
          {f.formula}
        </code>
      )}
      {f.kind === "formula" && (
        <Caption1 className={styles.edited} title={f.written ?? undefined}>
          {t.check.edited}
          {f.written ? ` · ${t.check.writtenFormula(f.written)}` : ""}
        </Caption1>
      )}
    </li>
  );
}

function SheetFindings(props: {
  check: SheetCheck;
  onGoTo(l: CellLocation): void;
  onRewrite?(role: SheetRole, sheet: string): void;
  rewriting?: boolean;
}) {
  const styles = useStyles();
  const { strings: t } = useSession();
  const { check, onGoTo, onRewrite, rewriting } = props;
  const id = `check-${check.role}`;
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Body1Strong as="h4" id={id} className={styles.heading}>
        {t.check.sheetHeading(check.sheet, check.findings.length)}
      </Body1Strong>
      <ul className={styles.findings} aria-labelledby={id}>
        {check.findings.slice(0, SHOWN).map((f) => (
          <FindingItem key={`${f.row},${f.column}`} f={f} onGoTo={onGoTo} />
        ))}
      </ul>
      {check.findings.length > SHOWN && (
        <Caption1>{t.check.more(check.findings.length - SHOWN)}</Caption1>
      )}
      {onRewrite && (
        <div>
          <Button
            size="small"
            disabled={rewriting}
            onClick={() => onRewrite(check.role, check.sheet)}
          >
            {rewriting ? t.check.rewriting : t.check.rewrite(check.sheet)}
          </Button>
        </div>
      )}
    </section>
  );
}

function InputChanges({
  inputs,
  onGoTo,
}: {
  inputs: InputChange[];
  onGoTo(l: CellLocation): void;
}) {
  const styles = useStyles();
  const { strings: t } = useSession();
  if (inputs.length === 0) return <Caption1>{t.check.inputsNone}</Caption1>;
  return (
    <>
      <ul className={styles.list}>
        {inputs.slice(0, SHOWN).map((c, i) => {
          const who = `${c.id} ${c.period}`;
          if (c.kind === "feedback") return <li key={i}>{t.check.input.feedback(who)}</li>;
          const where = `${c.sheet ?? ""}!${c.column ?? ""}${c.row ?? ""}`;
          const location = { sheet: c.sheet ?? "", row: c.row ?? 1, column: c.column };
          return (
            <li key={i}>
              <Link onClick={() => onGoTo(location)}>{t.check.input[c.kind](where, who)}</Link>
            </li>
          );
        })}
      </ul>
      {inputs.length > SHOWN && <Caption1>{t.check.more(inputs.length - SHOWN)}</Caption1>}
      <Caption1>{t.check.regenerate}</Caption1>
    </>
  );
}

/** The self-check's result: agreement, or each disagreement by sheet and cell; changed inputs. */
export function CheckReportView(props: CheckReportViewProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, format } = useSession();
  const { report, inputs, planChanged, onGoTo, onRewrite, rewriting } = props;
  const cells = report.sheets.reduce((n, s) => n + s.cells, 0);
  const findings = report.sheets.reduce((n, s) => n + s.findings.length, 0);
  const cellCount = format.number(cells, 0);
  const names = report.sheets.some((s) => s.findings.some((f) => f.excel === "#NAME?"));
  return (
    <section className={styles.section} aria-labelledby="check-title">
      <Body1Strong as="h3" id="check-title" className={styles.heading}>
        {t.check.title}
      </Body1Strong>
      <MessageBar intent={findings === 0 ? "success" : "error"}>
        <MessageBarBody>
          {findings === 0 ? t.check.agree(cellCount) : t.check.disagree(findings, cellCount)}
        </MessageBarBody>
      </MessageBar>
      {report.pending > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.check.pending(report.pending)}</MessageBarBody>
        </MessageBar>
      )}
      {report.missing.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.check.missing(report.missing.join(", "))}</MessageBarBody>
        </MessageBar>
      )}
      {planChanged && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.check.planChanged}</MessageBarBody>
        </MessageBar>
      )}
      {names && <Caption1>{t.check.nameHint}</Caption1>}
      {report.sheets
        .filter((s) => s.rowsChecked < s.rows)
        .map((s) => (
          <Caption1 key={s.role}>
            {t.check.sampled(s.sheet, format.number(s.rowsChecked, 0), format.number(s.rows, 0))}
          </Caption1>
        ))}
      {report.sheets
        .filter((s) => s.findings.length > 0)
        .map((s) => (
          <SheetFindings
            key={s.role}
            check={s}
            onGoTo={onGoTo}
            onRewrite={onRewrite}
            rewriting={rewriting}
          />
        ))}
      {inputs && (
        <section className={styles.section} aria-labelledby="check-inputs">
          <Body1Strong as="h4" id="check-inputs" className={styles.heading}>
            {t.check.inputsTitle}
          </Body1Strong>
          <InputChanges inputs={inputs} onGoTo={onGoTo} />
        </section>
      )}
    </section>
  );
}
