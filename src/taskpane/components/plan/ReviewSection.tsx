import * as React from "react";
import {
  Button,
  Field,
  Select,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { reviewOf, type Plan, type ReviewSettings } from "../../../engine";
import { useHost } from "../../hostContext";
import { useSession } from "../../session";
import { NumberField } from "../NumberField";
import { validationAt, type SectionProps } from "./planEditing";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(120px, 1fr))",
    "& > *": { minWidth: 0 },
    "& .fui-Select, & select": { minWidth: 0 },
    gap: tokens.spacingHorizontalS,
  },
});

/** The plan's review settings, written in full so an edit never leaves them half set. */
function reviewIn(p: Plan): ReviewSettings {
  return (p.review ??= reviewOf(p));
}

/**
 * The annual review's consequences: the promotion rule (晋升建议: annual grade or better, years
 * running, no period below a grade) and the profit-share pool (分红: on/off, pool per year,
 * rounding); and adding the Grade history sheet (历年评级) the rule reads prior years from.
 */
export function ReviewSection({ plan, edit, issues, language }: SectionProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t } = useSession();
  const host = useHost();
  const w = t.review;
  const v = (path: string) => validationAt(issues, path, language);
  const { promotion: pr, profitShare: ps } = reviewOf(plan);
  const labels = plan.grading.grades.map((g) => g.label);
  const [note, setNote] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const addHistory = async () => {
    setBusy(true);
    try {
      const r = await host.addGradeHistorySheet(language);
      setNote(r ? w.historyAdded(r.sheets[0] ?? "") : w.historyThere);
    } catch (e) {
      setNote(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const gradeOptions = labels.map((l) => (
    <option key={l} value={l}>
      {l}
    </option>
  ));
  return (
    <div className={styles.box} role="group" aria-label={w.title}>
      <Switch
        checked={pr.enabled}
        label={w.promotion}
        onChange={(_, d) => edit((p) => void (reviewIn(p).promotion.enabled = d.checked))}
      />
      <Text size={200}>{w.promotionHint}</Text>
      {pr.enabled && (
        <div className={styles.grid}>
          <Field
            label={w.minGrade}
            size="small"
            validationMessage={v("review.promotion.minGrade")?.message}
          >
            <Select
              size="small"
              value={pr.minGrade}
              onChange={(_, d) => edit((p) => void (reviewIn(p).promotion.minGrade = d.value))}
            >
              {gradeOptions}
            </Select>
          </Field>
          <NumberField
            label={w.years}
            value={pr.years}
            validation={v("review.promotion.years")}
            onChange={(x) => edit((p) => void (reviewIn(p).promotion.years = x ?? 1))}
          />
          <Field
            label={w.worstGrade}
            size="small"
            validationMessage={v("review.promotion.worstGrade")?.message}
          >
            <Select
              size="small"
              value={pr.worstGrade ?? ""}
              onChange={(_, d) =>
                edit(
                  (p) => void (reviewIn(p).promotion.worstGrade = d.value === "" ? null : d.value)
                )
              }
            >
              <option value="">{w.noWorst}</option>
              {gradeOptions}
            </Select>
          </Field>
        </div>
      )}
      <Switch
        checked={ps.enabled}
        label={w.profitShare}
        onChange={(_, d) => edit((p) => void (reviewIn(p).profitShare.enabled = d.checked))}
      />
      <Text size={200}>{w.profitShareHint}</Text>
      {ps.enabled && (
        <div className={styles.grid}>
          <NumberField
            label={w.pool}
            value={ps.pool}
            validation={v("review.profitShare.pool")}
            onChange={(x) => edit((p) => void (reviewIn(p).profitShare.pool = x ?? 0))}
          />
          <Field label={w.decimals} size="small">
            <Select
              size="small"
              value={String(ps.decimals)}
              onChange={(_, d) =>
                edit((p) => void (reviewIn(p).profitShare.decimals = d.value === "0" ? 0 : 2))
              }
            >
              <option value="2">{w.cent}</option>
              <option value="0">{w.yuan}</option>
            </Select>
          </Field>
        </div>
      )}
      <Text size={200}>{w.history}</Text>
      <div>
        <Button size="small" disabled={busy} onClick={() => void addHistory()}>
          {w.addHistory}
        </Button>
      </div>
      {note && (
        <Text size={200} role="status">
          {note}
        </Text>
      )}
    </div>
  );
}
