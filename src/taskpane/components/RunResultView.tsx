import * as React from "react";
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Body1Strong,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { ScorecardRow } from "../../engine";
import { useHost } from "../hostContext";
import { useSession, type Run } from "../session";
import { GradeChart } from "./GradeChart";
import { IssueList } from "./IssueList";

export interface RunResultViewProps {
  run: Run;
}

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  stats: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(120px, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  term: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  stat: {
    display: "flex",
    flexDirection: "column",
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  narrow: { width: "48px" },
  num: {
    textAlign: "right",
    fontVariantNumeric: "tabular-nums",
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  table: { tableLayout: "auto" },
});

const SHOWN = 5;

/** What a generation produced: totals, the grade distribution against quotas, teams, the ranking's ends and the problems. */
export function RunResultView({ run }: RunResultViewProps): React.JSX.Element {
  const styles = useStyles();
  const host = useHost();
  const { strings: t, format, language, showExplanation, plan } = useSession();
  // worked out by the run task, off the pane's thread
  const summary = run.summary;
  const ranked = summary.ranking;
  // each shown row with its rank (its place in the ranking)
  const places = (from: number, to: number) =>
    Array.from({ length: Math.max(0, to - from) }, (_, k) => ({
      rank: from + k + 1,
      row: run.rows[ranked[from + k]],
    }));
  const top = places(0, Math.min(SHOWN, ranked.length));
  const bottom =
    ranked.length > SHOWN ? places(Math.max(SHOWN, ranked.length - SHOWN), ranked.length) : [];
  const problems = Array.from(summary.problems).flatMap((k) =>
    run.rows[k].problems.filter((i) => i.severity === "error")
  );
  // 团队提成: a lead without a row in a month, a team the data never names (the run's own issues).
  const teamIssues = run.evaluation.issues.filter((i) => i.code.startsWith("team"));
  const separator = language === "zh-CN" ? "、" : ", ";
  // the grade spread checked against the quotas in every grading mode (engine: grading.spread)
  const departures = run.evaluation.grading.issues.filter((i) => i.code === "distributionDeparts");
  const gradeName = (label: string | null) => {
    const g = (plan ?? run.evaluation.plan).grading.grades.find((x) => x.label === label);
    return g ? format.text(g.name) : "";
  };

  const ranking = (rows: { rank: number; row: ScorecardRow }[], title: string, id: string) => (
    <section className={styles.section} aria-labelledby={id}>
      <Body1Strong as="h3" id={id} className={styles.heading}>
        {title}
      </Body1Strong>
      <Table size="extra-small" className={styles.table} aria-labelledby={id}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: 40 }}>{t.generate.rank}</TableHeaderCell>
            <TableHeaderCell>{t.generate.name}</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.num, styles.narrow)}>
              {t.generate.score}
            </TableHeaderCell>
            <TableHeaderCell style={{ width: 44 }}>{t.generate.grade}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(({ rank, row: r }) => (
            <TableRow key={r.index}>
              <TableCell className={styles.num}>{rank}</TableCell>
              <TableCell>
                <Button
                  appearance="transparent"
                  size="small"
                  aria-label={t.generate.explain(r.name)}
                  onClick={() => showExplanation(r.index)}
                >
                  {r.name}
                </Button>
                <Caption1>{r.team}</Caption1>
              </TableCell>
              <TableCell className={styles.num}>{format.score(r.total)}</TableCell>
              <TableCell title={gradeName(r.grade)}>{r.grade ?? "—"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );

  return (
    <div className={styles.section}>
      <MessageBar intent="success">
        <MessageBarBody>{t.generate.done(run.written.sheets.join(separator))}</MessageBarBody>
        {run.written.location && (
          <MessageBarActions>
            <Button size="small" onClick={() => void host.goToCell(run.written.location!)}>
              {t.common.goToCell}
            </Button>
          </MessageBarActions>
        )}
      </MessageBar>
      <Body1Strong as="h3" className={styles.heading}>
        {t.generate.resultTitle}
      </Body1Strong>
      <dl className={styles.stats}>
        {[
          [t.generate.scored, String(summary.scored)],
          [t.generate.blocked, String(summary.blocked)],
          [t.generate.totalPay, format.money(summary.totalPay)],
          [t.generate.commission, format.money(summary.commission)],
        ].map(([label, value]) => (
          <div key={label} className={styles.stat}>
            <dt className={styles.term}>{label}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      <section className={styles.section} aria-labelledby="result-grades">
        <Body1Strong as="h3" id="result-grades" className={styles.heading}>
          {t.generate.distribution}
        </Body1Strong>
        <GradeChart grades={summary.grades} />
        {departures.length > 0 ? (
          <>
            <MessageBar intent="warning">
              <MessageBarBody>{t.generate.spreadDeparts(departures.length)}</MessageBarBody>
            </MessageBar>
            <IssueList
              issues={departures}
              language={language}
              label={t.generate.spreadLabel}
              pageSize={4}
            />
          </>
        ) : (
          <Caption1>{t.generate.spreadWithin}</Caption1>
        )}
      </section>
      <section className={styles.section} aria-labelledby="result-teams">
        <Body1Strong as="h3" id="result-teams" className={styles.heading}>
          {t.generate.teams}
        </Body1Strong>
        <Table size="extra-small" className={styles.table} aria-labelledby="result-teams">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.generate.team}</TableHeaderCell>
              <TableHeaderCell className={styles.num} style={{ width: 44 }}>
                {t.generate.people}
              </TableHeaderCell>
              <TableHeaderCell className={mergeClasses(styles.num, styles.narrow)}>
                {t.generate.averageScore}
              </TableHeaderCell>
              <TableHeaderCell className={styles.num} style={{ width: 96 }}>
                {t.generate.totalPay}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {summary.teams.map((team) => (
              <TableRow key={team.team}>
                <TableCell>{team.team || "—"}</TableCell>
                <TableCell className={styles.num}>{team.people}</TableCell>
                <TableCell className={styles.num}>{format.score(team.averageScore)}</TableCell>
                <TableCell className={styles.num}>{format.money(team.totalPay)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
      {ranking(top, t.generate.top, "result-top")}
      {bottom.length > 0 && ranking(bottom, t.generate.bottom, "result-bottom")}
      {teamIssues.length > 0 && (
        <section className={styles.section} aria-labelledby="result-team">
          <Body1Strong as="h3" id="result-team" className={styles.heading}>
            {t.generate.teamProblems(teamIssues.length)}
          </Body1Strong>
          <IssueList
            issues={teamIssues}
            language={language}
            label={t.generate.teamProblems(teamIssues.length)}
            onGoTo={(l) => void host.goToCell(l)}
          />
        </section>
      )}
      {problems.length > 0 && (
        <section className={styles.section} aria-labelledby="result-problems">
          <Body1Strong as="h3" id="result-problems" className={styles.heading}>
            {t.generate.problems(summary.problems.length)}
          </Body1Strong>
          <IssueList
            issues={problems}
            language={language}
            label={t.generate.problems(summary.problems.length)}
            onGoTo={(l) => void host.goToCell(l)}
          />
        </section>
      )}
    </div>
  );
}
