import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1Strong,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Spinner,
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
import { ArrowUndoRegular, SaveRegular } from "@fluentui/react-icons";
import {
  hasErrors,
  validatePlan,
  whatIf,
  type Plan,
  type WhatIfResult,
  type WhatIfRow,
} from "../../engine";
import { useHost } from "../hostContext";
import { nextVersion, planChanges, today } from "../planChanges";
import { useSession } from "../session";
import { useAction } from "../useAction";
import { useDataCheck } from "../useDataCheck";
import { evaluationPeriods, selectReading } from "../../app/workflow";
import { ErrorBar } from "../components/ErrorBar";
import { IssueList } from "../components/IssueList";
import { NeedsPlanWorkbook } from "../components/NeedsPlanWorkbook";
import { ViewTitle } from "../components/ViewTitle";
import { CommissionSection } from "../components/plan/CommissionSection";
import { DimensionsSection } from "../components/plan/DimensionsSection";
import { GradesSection } from "../components/plan/GradesSection";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
  },
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
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))",
    "& > *": { minWidth: 0 },
    gap: tokens.spacingHorizontalS,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const SHOWN = 10;

/**
 * What-if: edit a copy of the plan (tier rates, weights and targets, grade bands, coefficients and
 * quotas, with the Plan editor's own controls) and see, before anything is written, each
 * salesperson's pay and grade now and with the change, and the cost of the change in total and
 * by team (the engine's whatIf over the Data sheet's open periods). Apply writes the changed plan
 * to the Plan sheet as a new version; Discard forgets it.
 */
export function WhatIfView(): React.JSX.Element {
  const styles = useStyles();
  const host = useHost();
  const {
    strings: t,
    format,
    language,
    workbook,
    plan,
    loadPlan,
    check,
    closing,
    navigate,
    confirmReplace,
  } = useSession();
  const prepare = useDataCheck();
  const save = useAction();
  const [draft, setDraft] = React.useState<Plan | null>(() =>
    plan ? structuredClone(plan) : null
  );
  const [dirty, setDirty] = React.useState(false);
  const [applied, setApplied] = React.useState<string | null>(null);
  const [scope, setScope] = React.useState("");
  const [onlyChanged, setOnlyChanged] = React.useState(true);
  const [showAll, setShowAll] = React.useState(false);
  const [version, setVersion] = React.useState("");
  const [effective, setEffective] = React.useState(today());
  const hasSheet = Boolean(workbook?.sheets.plan);

  // a plan read again from the sheet replaces the draft unless it holds unapplied changes
  const [seenPlan, setSeenPlan] = React.useState(plan);
  if (plan !== seenPlan) {
    setSeenPlan(plan);
    if (plan && !dirty) setDraft(structuredClone(plan));
  }

  const edit = React.useCallback((change: (p: Plan) => void) => {
    setDraft((d) => {
      if (!d) return d;
      const next = structuredClone(d);
      change(next);
      return next;
    });
    setDirty(true);
    setApplied(null);
  }, []);

  const closed = React.useMemo(() => new Set(closing?.closed.keys() ?? []), [closing]);
  const periods = React.useMemo(
    () =>
      plan && check ? evaluationPeriods(check.data.rows, plan).filter((p) => !closed.has(p)) : [],
    [plan, check, closed]
  );
  const inScope = React.useMemo(() => {
    if (!plan || !check) return null;
    const reading = selectReading(check.data, plan, scope, "", closed);
    const ids = new Set(reading.rows.map((r) => r.id));
    return { rows: reading.rows, ratings: check.feedback.ratings.filter((r) => ids.has(r.id)) };
  }, [plan, check, scope, closed]);

  const issues = React.useMemo(() => (draft ? validatePlan(draft) : []), [draft]);
  const errors = hasErrors(issues);
  const changes = React.useMemo(
    () => (plan && draft ? planChanges(plan, draft, language) : []),
    [plan, draft, language]
  );
  // the comparison follows the edits without holding up the typing
  const deferred = React.useDeferredValue(draft);
  const result: WhatIfResult | null = React.useMemo(() => {
    if (!plan || !deferred || !inScope || errors) return null;
    return whatIf(plan, deferred, inScope.rows, inScope.ratings);
  }, [plan, deferred, inScope, errors]);

  const discard = () => {
    if (plan) setDraft(structuredClone(plan));
    setDirty(false);
  };

  const apply = () =>
    save.run(async () => {
      if (!draft || !plan) return;
      const v = (version || nextVersion(plan.version)).trim();
      const next: Plan = { ...structuredClone(draft), version: v, effectiveDate: effective };
      const written = await host.writePlan(next, language, { confirmReplace });
      if (written.cancelled) return;
      await loadPlan();
      setDirty(false);
      setVersion("");
      setApplied(v);
    });

  if (workbook && !hasSheet) {
    return (
      <>
        <ViewTitle>{t.whatIf.title}</ViewTitle>
        <NeedsPlanWorkbook />
      </>
    );
  }

  const rows: WhatIfRow[] = (result?.rows ?? [])
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
  const periodsCompared = new Set((result?.rows ?? []).map((r) => r.period)).size;
  const s = result?.summary;
  const signed = (v: number | null) =>
    v !== null && v > 0 ? `+${format.money(v)}` : format.money(v);
  const grade = (r: WhatIfRow) =>
    r.before.grade === r.after.grade
      ? (r.after.grade ?? "—")
      : `${r.before.grade ?? "—"} → ${r.after.grade ?? "—"}`;
  const props = draft ? { plan: draft, edit, issues, language } : null;

  return (
    <>
      <ViewTitle>{t.whatIf.title}</ViewTitle>
      <Text size={200}>{t.whatIf.intro}</Text>
      {prepare.busy && <Spinner size="tiny" label={t.common.working} />}
      <ErrorBar error={prepare.error} />
      {check && check.data.rows.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>{t.whatIf.noData}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={t.whatIf.scope} size="small">
        <Select size="small" value={scope} onChange={(_, d) => setScope(d.value)}>
          <option value="">{t.whatIf.allOpen}</option>
          {periods.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
      </Field>
      {closed.size > 0 && <Caption1>{t.whatIf.closedOut([...closed].sort().join(", "))}</Caption1>}

      <section className={styles.section} aria-labelledby="whatif-changes">
        <Body1Strong as="h3" id="whatif-changes" className={styles.heading}>
          {t.whatIf.changes}
        </Body1Strong>
        {changes.length === 0 ? (
          <Text size={200}>{t.whatIf.noChanges}</Text>
        ) : (
          <ul className={styles.list}>
            {changes.map((c) => (
              <li key={c.what}>
                <Text size={200}>{`${c.what}: ${c.before} → ${c.after}`}</Text>
              </li>
            ))}
          </ul>
        )}
        {errors && (
          <>
            <MessageBar intent="error">
              <MessageBarBody>{t.whatIf.planErrors}</MessageBarBody>
            </MessageBar>
            <IssueList
              issues={issues.filter((i) => i.severity === "error")}
              language={language}
              label={t.issues.label}
              pageSize={5}
            />
          </>
        )}
      </section>

      {changes.length > 0 && s && (
        <section className={styles.section} aria-labelledby="whatif-effect">
          <Body1Strong as="h3" id="whatif-effect" className={styles.heading}>
            {t.whatIf.effect}
          </Body1Strong>
          <Text size={200} role="status">
            {t.whatIf.summary(signed(s.cost), s.upgrades, s.downgrades)}
          </Text>
          <dl className={styles.stats}>
            <div className={styles.stat}>
              <dt className={styles.term}>{t.whatIf.cost}</dt>
              <dd
                className={`${styles.value} ${s.cost > 0 ? styles.cost : s.cost < 0 ? styles.saving : ""}`}
                data-testid="whatif-cost"
              >
                {signed(s.cost)}
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
                  <TableCell className={styles.num}>{signed(x.cost)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Switch
            checked={onlyChanged}
            label={t.whatIf.onlyChanged}
            onChange={(_, d) => setOnlyChanged(d.checked)}
          />
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
                  <TableCell className={styles.num}>{signed(r.payChange)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {!showAll && rows.length > SHOWN && (
            <Button size="small" appearance="subtle" onClick={() => setShowAll(true)}>
              {t.whatIf.showAll(rows.length)}
            </Button>
          )}
        </section>
      )}

      {changes.length > 0 && plan && (
        <section className={styles.section} aria-labelledby="whatif-apply">
          <Body1Strong as="h3" id="whatif-apply" className={styles.heading}>
            {t.whatIf.apply}
          </Body1Strong>
          <div className={styles.grid}>
            <Field label={t.whatIf.version} size="small">
              <Input
                size="small"
                value={version || nextVersion(plan.version)}
                onChange={(_, d) => setVersion(d.value)}
              />
            </Field>
            <Field label={t.whatIf.effectiveDate} size="small">
              <Input
                size="small"
                type="date"
                value={effective}
                onChange={(_, d) => setEffective(d.value)}
              />
            </Field>
          </div>
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              icon={<SaveRegular />}
              disabled={errors || save.busy || !host.available()}
              onClick={() => void apply()}
            >
              {save.busy ? t.whatIf.applying : t.whatIf.apply}
            </Button>
            <Button icon={<ArrowUndoRegular />} disabled={save.busy} onClick={discard}>
              {t.whatIf.discard}
            </Button>
          </div>
          <ErrorBar error={save.error} onRetry={() => void apply()} />
        </section>
      )}
      {applied && (
        <MessageBar intent="success">
          <MessageBarBody>{t.whatIf.applied(applied)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => navigate("generate")}>
              {t.whatIf.toGenerate}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {props && (
        <Accordion multiple collapsible defaultOpenItems={["tiers"]}>
          <AccordionItem value="tiers">
            <AccordionHeader as="h3">{t.whatIf.sections.tiers}</AccordionHeader>
            <AccordionPanel className={styles.panel}>
              <CommissionSection {...props} />
            </AccordionPanel>
          </AccordionItem>
          <AccordionItem value="grades">
            <AccordionHeader as="h3">{t.whatIf.sections.grades}</AccordionHeader>
            <AccordionPanel className={styles.panel}>
              <GradesSection {...props} />
            </AccordionPanel>
          </AccordionItem>
          <AccordionItem value="weights">
            <AccordionHeader as="h3">{t.whatIf.sections.weights}</AccordionHeader>
            <AccordionPanel className={styles.panel}>
              <DimensionsSection {...props} />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </>
  );
}
