import * as React from "react";
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular, ArrowDownloadRegular, SaveRegular } from "@fluentui/react-icons";
import { planChecksum, validatePlan, type Plan } from "../../engine";
import { useHost } from "../hostContext";
import { downloadText, planFileName, planFileText } from "../../app/planFile";
import { canDownload } from "../../app/planSave";
import { SavePlanDialog } from "../components/SavePlanDialog";
import { useSession } from "../session";
import { useAction } from "../useAction";
import { ErrorBar } from "../components/ErrorBar";
import { IssueList } from "../components/IssueList";
import { NeedsPlanWorkbook } from "../components/NeedsPlanWorkbook";
import { ViewTitle } from "../components/ViewTitle";
import { checkWorkbook, teamsOf } from "../../app/workflow";
import { issuesUnder } from "../components/plan/planEditing";
import { PlanSections } from "../components/plan/PlanSections";

const useStyles = makeStyles({
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
});

/**
 * Plan editor. The Plan sheet is the source of truth: the editor starts from what the sheet says,
 * writes the edited plan back to it, and reads it again, so what the pane shows is what the sheet holds.
 */
export function PlanView(): React.JSX.Element {
  const styles = useStyles();
  const host = useHost();
  const {
    strings: t,
    language,
    workbook,
    plan,
    planIssues,
    loadPlan,
    confirmReplace,
    format,
    closing,
    loadClosing,
    check,
    setCheck,
  } = useSession();
  const load = useAction();
  const save = useAction();
  const [draft, setDraft] = React.useState<Plan | null>(() =>
    plan ? structuredClone(plan) : null
  );
  const [dirty, setDirty] = React.useState(false);
  const [saved, setSaved] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  const hasSheet = Boolean(workbook?.sheets.plan);

  React.useEffect(() => {
    if (hasSheet && !plan) void load.run(loadPlan);
    // load once per Plan sheet; `load` is stable enough for this purpose
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hasSheet, plan, loadPlan]);

  // a plan read again from the sheet replaces the draft, unless the user has unsaved edits
  const [seenPlan, setSeenPlan] = React.useState(plan);
  if (plan !== seenPlan) {
    setSeenPlan(plan);
    if (plan && !dirty) setDraft(structuredClone(plan));
  }

  // closed periods keep their plan; a changed plan under the same version would blur which one a scorecard used
  React.useEffect(() => {
    if (hasSheet) loadClosing().catch(() => undefined);
  }, [hasSheet, loadClosing]);
  const sameVersion = React.useMemo(() => {
    if (!draft || !dirty || !closing) return [];
    const sum = planChecksum(draft);
    return [...closing.closed.values()]
      .filter((e) => e.planVersion === draft.version && e.planChecksum !== sum)
      .map((e) => e.period);
  }, [draft, dirty, closing]);

  // The leads' teams are picked from the Data sheet's teams: read it once team commission is on.
  const teamOn = Boolean(draft?.commission.team);
  React.useEffect(() => {
    if (!teamOn || check || !plan || !hasSheet) return;
    checkWorkbook(host, plan).then(setCheck, () => undefined);
  }, [teamOn, check, plan, hasSheet, host, setCheck]);
  const teams = React.useMemo(() => teamsOf(check?.data.rows ?? []), [check]);

  const issues = React.useMemo(() => (draft ? validatePlan(draft) : []), [draft]);
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.filter((i) => i.severity === "warning").length;
  const sheetIssues = planIssues.filter((i) => i.location);

  const edit = React.useCallback((change: (p: Plan) => void) => {
    setDraft((d) => {
      if (!d) return d;
      const next = structuredClone(d);
      change(next);
      return next;
    });
    setDirty(true);
    setSaved(false);
  }, []);

  const write = () =>
    save.run(async () => {
      if (!draft) return;
      await host.writePlan(draft, language, { confirmReplace });
      setDirty(false);
      await loadPlan();
      setSaved(true);
    });

  const reload = () =>
    load.run(async () => {
      setDirty(false);
      setSaved(false);
      const r = await loadPlan();
      if (r.plan) setDraft(structuredClone(r.plan));
    });

  if (workbook && !hasSheet) {
    return (
      <>
        <ViewTitle>{t.plan.title}</ViewTitle>
        <NeedsPlanWorkbook />
      </>
    );
  }
  if (!draft) {
    return (
      <>
        <ViewTitle>{t.plan.title}</ViewTitle>
        {load.busy || !workbook ? <Spinner size="small" label={t.plan.loading} /> : null}
        <ErrorBar error={load.error} onRetry={() => void reload()} />
        {sheetIssues.length > 0 && (
          <IssueList
            issues={sheetIssues}
            language={language}
            label={t.plan.sheetProblems}
            onGoTo={(l) => void host.goToCell(l)}
          />
        )}
      </>
    );
  }

  const sectionBadge = (path: string) => {
    const n = issuesUnder(issues, path).filter((i) => i.severity === "error").length;
    return n > 0 ? (
      <Badge size="small" color="danger" appearance="filled" aria-label={t.plan.counts(n, 0)}>
        {n}
      </Badge>
    ) : null;
  };
  const props = { plan: draft, edit, issues, language };
  return (
    <>
      <ViewTitle>{`${t.plan.title} · ${format.text(draft.name)}`}</ViewTitle>
      {sheetIssues.length > 0 && (
        <>
          <Text weight="semibold">{t.plan.sheetProblems}</Text>
          <IssueList
            issues={sheetIssues}
            language={language}
            label={t.plan.sheetProblems}
            onGoTo={(l) => void host.goToCell(l)}
          />
        </>
      )}
      <MessageBar intent={errors ? "error" : warnings ? "warning" : "success"}>
        <MessageBarBody>
          {errors || warnings ? t.plan.counts(errors, warnings) : t.plan.valid}
        </MessageBarBody>
      </MessageBar>
      {(errors > 0 || warnings > 0) && (
        <IssueList issues={issues} language={language} label={t.issues.label} pageSize={5} />
      )}
      <div className={styles.toolbar}>
        <Button
          appearance="primary"
          icon={<SaveRegular />}
          disabled={!dirty || errors > 0 || save.busy}
          onClick={() => void write()}
        >
          {save.busy ? t.plan.saving : t.plan.save}
        </Button>
        <Button
          icon={<ArrowClockwiseRegular />}
          disabled={load.busy || save.busy}
          onClick={() => void reload()}
        >
          {t.plan.reload}
        </Button>
        <Button
          icon={<ArrowDownloadRegular />}
          onClick={() =>
            // Excel for Mac's webview ignores downloads: there, the browser or a copy (planSave.ts)
            canDownload(host.platform())
              ? downloadText(planFileName(draft), planFileText(draft))
              : setSaving(true)
          }
        >
          {t.plan.download}
        </Button>
      </div>
      <SavePlanDialog plan={draft} open={saving} onClose={() => setSaving(false)} />
      {sameVersion.length > 0 && draft && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t.plan.closedVersion(draft.version, sameVersion.join(", "))}
          </MessageBarBody>
        </MessageBar>
      )}
      <div role="status">
        {dirty && errors > 0 && <Text size={200}>{t.plan.fixToSave}</Text>}
        {dirty && errors === 0 && <Text size={200}>{t.plan.unsaved}</Text>}
        {saved && !dirty && <Text size={200}>{t.plan.saved}</Text>}
      </div>
      <ErrorBar
        error={save.error ?? load.error}
        onRetry={save.error ? () => void write() : () => void reload()}
      />
      <PlanSections section={props} badge={sectionBadge} teams={teams} />
    </>
  );
}
