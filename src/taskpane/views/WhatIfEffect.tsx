import * as React from "react";
import {
  Body1Strong,
  Button,
  Caption1,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { isError, type WhatIfResult, type WhatIfRow } from "../../engine";
import type { CostFigures } from "../../engine/evaluate/cost";
import type { Formatter } from "../format";
import { useSession } from "../session";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  stats: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(120px, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  stat: {
    display: "flex",
    flexDirection: "column",
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  term: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  cost: { color: tokens.colorPaletteDarkOrangeForeground1 },
  saving: { color: tokens.colorPaletteGreenForeground1 },
  num: {
    textAlign: "right",
    fontVariantNumeric: "tabular-nums",
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  table: { tableLayout: "auto" },
  who: { display: "flex", flexDirection: "column" },
});

const SHOWN = 10;

/** A change in money, with its sign when it is a cost. */
function signed(format: Formatter, v: number | null): string {
  return v !== null && v > 0 ? `+${format.money(v)}` : format.money(v);
}

type Summary = WhatIfResult["summary"];

export interface WhatIfEffectProps {
  result: WhatIfResult;
  /** Only the salespeople whose pay or grade changes. */
  onlyChanged: boolean;
  setOnlyChanged(only: boolean): void;
  showAll: boolean;
  setShowAll(all: boolean): void;
}

/** The What-if view's effect of the change: cost, pay, grade moves, by team and per salesperson. */
export function WhatIfEffect({
  result,
  onlyChanged,
  setOnlyChanged,
  showAll,
  setShowAll,
}: WhatIfEffectProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, format } = useSession();
  const s = result.summary;
  return (
    <section className={styles.section} aria-labelledby="whatif-effect">
      <Body1Strong as="h3" id="whatif-effect" className={styles.heading}>
        {t.whatIf.effect}
      </Body1Strong>
      <Text size={200} role="status">
        {t.whatIf.summary(signed(format, s.cost), s.upgrades, s.downgrades)}
      </Text>
      <WhatIfStats summary={s} />
      {s.rowsWithoutPay > 0 && <Caption1>{t.whatIf.rowsWithoutPay(s.rowsWithoutPay)}</Caption1>}
      {Object.keys(s.gradeMoves).length > 0 && (
        <Text size={200}>
          {`${t.whatIf.gradeMoves}: ${Object.entries(s.gradeMoves)
            .map(([k, n]) => `${k} × ${n}`)
            .join(", ")}`}
        </Text>
      )}
      <Table size="extra-small" aria-label={t.whatIf.byTeam} className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.whatIf.team}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{t.whatIf.before}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{t.whatIf.after}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{t.whatIf.change}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {s.byTeam.map((x) => (
            <TableRow key={x.team}>
              <TableCell>{x.team}</TableCell>
              <TableCell className={styles.num}>{format.money(x.payBefore)}</TableCell>
              <TableCell className={styles.num}>{format.money(x.payAfter)}</TableCell>
              <TableCell className={styles.num}>{signed(format, x.cost)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {s.planCost && <WhatIfPlanCost cost={s.planCost} />}
      <Switch
        checked={onlyChanged}
        label={t.whatIf.onlyChanged}
        onChange={(_, d) => setOnlyChanged(d.checked)}
      />
      <WhatIfPeople
        rows={result.rows}
        onlyChanged={onlyChanged}
        showAll={showAll}
        setShowAll={setShowAll}
      />
    </section>
  );
}

/** Incentive cost ÷ signed revenue now and with the change: in total and by team, month and grade. */
function WhatIfPlanCost({ cost }: { cost: NonNullable<Summary["planCost"]> }): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, format } = useSession();
  const ratio = (f: CostFigures | null) =>
    f === null || isError(f.ofSigned)
      ? f !== null && isError(f.ofSigned) && f.ofSigned.key === "noRevenue"
        ? t.whatIf.noRevenue
        : "—"
      : format.percent(f.ofSigned, 2);
  const line = (key: string, name: string, before: CostFigures, after: CostFigures | null) => (
    <TableRow key={key}>
      <TableCell>{name}</TableCell>
      <TableCell className={styles.num}>{ratio(before)}</TableCell>
      <TableCell className={styles.num}>{ratio(after)}</TableCell>
    </TableRow>
  );
  const table = (id: string, head: string, rows: React.JSX.Element[]) => (
    <Table
      size="extra-small"
      aria-label={`${t.whatIf.planCost} · ${head}`}
      className={styles.table}
      key={id}
    >
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{head}</TableHeaderCell>
          <TableHeaderCell className={styles.num}>{t.whatIf.before}</TableHeaderCell>
          <TableHeaderCell className={styles.num}>{t.whatIf.after}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>{rows}</TableBody>
    </Table>
  );
  return (
    <section className={styles.section} aria-labelledby="whatif-plan-cost">
      <Body1Strong as="h4" id="whatif-plan-cost" className={styles.heading}>
        {t.whatIf.planCost}
      </Body1Strong>
      <Caption1>{t.whatIf.planCostNote}</Caption1>
      <Table size="extra-small" aria-labelledby="whatif-plan-cost" className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.whatIf.team}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{t.whatIf.before}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{t.whatIf.after}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {line("", t.whatIf.overall, cost.before, cost.after)}
          {cost.byTeam.map((x) => line(x.team, x.team, x.before, x.after))}
        </TableBody>
      </Table>
      {table(
        "month",
        t.whatIf.costMonth,
        cost.byMonth.map((x) => line(x.month, x.month, x.before, x.after))
      )}
      {table(
        "grade",
        t.whatIf.costGrade,
        cost.byGrade.map((x) => line(x.grade, x.grade, x.before, x.after))
      )}
    </section>
  );
}

/** The comparison's totals: cost, pay before and after, upgrades and downgrades. */
function WhatIfStats({ summary: s }: { summary: Summary }): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, format } = useSession();
  return (
    <dl className={styles.stats}>
      <div className={styles.stat}>
        <dt className={styles.term}>{t.whatIf.cost}</dt>
        <dd
          className={`${styles.value} ${s.cost > 0 ? styles.cost : s.cost < 0 ? styles.saving : ""}`}
          data-testid="whatif-cost"
        >
          {signed(format, s.cost)}
        </dd>
      </div>
      <div className={styles.stat}>
        <dt className={styles.term}>{t.whatIf.payBefore}</dt>
        <dd className={styles.value}>{format.money(s.payBefore)}</dd>
      </div>
      <div className={styles.stat}>
        <dt className={styles.term}>{t.whatIf.payAfter}</dt>
        <dd className={styles.value}>{format.money(s.payAfter)}</dd>
      </div>
      <div className={styles.stat}>
        <dt className={styles.term}>{t.whatIf.upgrades}</dt>
        <dd className={styles.value}>{s.upgrades}</dd>
      </div>
      <div className={styles.stat}>
        <dt className={styles.term}>{t.whatIf.downgrades}</dt>
        <dd className={styles.value}>{s.downgrades}</dd>
      </div>
    </dl>
  );
}

interface WhatIfPeopleProps {
  rows: WhatIfRow[];
  onlyChanged: boolean;
  showAll: boolean;
  setShowAll(all: boolean): void;
}

/** Per salesperson, the biggest changes first (the first ten unless all are asked for). */
function WhatIfPeople({
  rows: all,
  onlyChanged,
  showAll,
  setShowAll,
}: WhatIfPeopleProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, format } = useSession();
  const rows = all
    .filter(
      (r) => !onlyChanged || (r.payChange !== null && r.payChange !== 0) || r.gradeMove !== "same"
    )
    .sort(
      (a, b) =>
        Math.abs(b.payChange ?? 0) - Math.abs(a.payChange ?? 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    );
  const shown = showAll ? rows : rows.slice(0, SHOWN);
  // the period is said only when the comparison covers more than one
  const periodsCompared = new Set(all.map((r) => r.period)).size;
  const grade = (r: WhatIfRow) =>
    r.before.grade === r.after.grade
      ? (r.after.grade ?? "—")
      : `${r.before.grade ?? "—"} → ${r.after.grade ?? "—"}`;
  return (
    <>
      <Table size="extra-small" aria-label={t.whatIf.perPerson} className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.whatIf.person}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{t.whatIf.before}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{t.whatIf.after}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{t.whatIf.change}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((r) => (
            <TableRow key={`${r.id} ${r.period}`} data-id={r.id}>
              <TableCell>
                <span className={styles.who}>
                  <span title={`${r.id} · ${r.period}`}>
                    {periodsCompared > 1 ? `${r.name} · ${r.period}` : r.name}
                  </span>
                  <Caption1 aria-label={`${t.whatIf.grade} ${grade(r)}`}>{grade(r)}</Caption1>
                </span>
              </TableCell>
              <TableCell className={styles.num}>{format.money(r.before.totalPay)}</TableCell>
              <TableCell className={styles.num}>{format.money(r.after.totalPay)}</TableCell>
              <TableCell className={styles.num}>{signed(format, r.payChange)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {!showAll && rows.length > SHOWN && (
        <Button size="small" appearance="subtle" onClick={() => setShowAll(true)}>
          {t.whatIf.showAll(rows.length)}
        </Button>
      )}
    </>
  );
}
