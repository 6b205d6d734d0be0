import * as React from "react";
import { Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { DistributionGroup, GradeMode } from "../../../engine";
import { useSession } from "../../session";
import { NumberField } from "../NumberField";
import { total, validationAt, type SectionProps } from "./planEditing";
import { WeightTotal } from "./WeightTotal";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  table: {
    display: "grid",
    gridTemplateColumns: "36px 1fr 1fr 1fr",
    gap: tokens.spacingHorizontalXS,
    alignItems: "start",
  },
  head: { color: tokens.colorNeutralForeground3, alignSelf: "end" },
  label: { paddingTop: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  matrix: { display: "grid", gap: tokens.spacingHorizontalXXS, overflowX: "auto" },
});

/** Grade bands, coefficients (绩效系数) and quotas (强制分布), the grading mode and the coefficient matrix. */
export function GradesSection({ plan, edit, issues, language }: SectionProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, format } = useSession();
  const g = plan.grading;
  const v = (path: string) => validationAt(issues, path, language);
  const tableIssue = v("grading.grades");
  return (
    <div className={styles.box}>
      <Field label={t.plan.gradeMode} size="small">
        <Select
          size="small"
          value={g.mode}
          onChange={(_, d) => edit((p) => void (p.grading.mode = d.value as GradeMode))}
        >
          {(["bands", "forced", "bandsWithCheck"] as const).map((m) => (
            <option key={m} value={m}>
              {t.plan.gradeModes[m]}
            </option>
          ))}
        </Select>
      </Field>
      {g.mode !== "bands" && (
        <Field label={t.plan.group} size="small">
          <Select
            size="small"
            value={g.group}
            onChange={(_, d) => edit((p) => void (p.grading.group = d.value as DistributionGroup))}
          >
            <option value="company">{t.plan.groups.company}</option>
            <option value="team">{t.plan.groups.team}</option>
          </Select>
        </Field>
      )}
      <div role="group" aria-label={t.plan.gradesTable}>
        <div className={styles.table}>
          <Text size={200} className={styles.head} aria-hidden="true">
            {t.plan.gradeLabel}
          </Text>
          <Text size={200} className={styles.head} aria-hidden="true">
            {t.plan.gradeMin}
          </Text>
          <Text size={200} className={styles.head} aria-hidden="true">
            {t.plan.gradeCoefficient}
          </Text>
          <Text size={200} className={styles.head} aria-hidden="true">
            {t.plan.gradeQuota}
          </Text>
          {g.grades.map((gr, i) => {
            const base = `grading.grades.${gr.label || i}`;
            const title = `${gr.label} ${format.text(gr.name)}`;
            return (
              <React.Fragment key={i}>
                <Text className={styles.label} title={format.text(gr.name)}>
                  {gr.label}
                </Text>
                <NumberField
                  hideLabel
                  label={t.plan.gradeField(title, t.plan.gradeMin)}
                  value={gr.min}
                  validation={v(`${base}.min`)}
                  onChange={(x) => edit((p) => void (p.grading.grades[i].min = x ?? 0))}
                />
                <NumberField
                  hideLabel
                  label={t.plan.gradeField(title, t.plan.gradeCoefficient)}
                  value={gr.coefficient}
                  validation={v(`${base}.coefficient`)}
                  onChange={(x) => edit((p) => void (p.grading.grades[i].coefficient = x ?? 0))}
                />
                <NumberField
                  hideLabel
                  percent
                  label={t.plan.gradeField(title, t.plan.gradeQuota)}
                  value={gr.quota}
                  validation={v(`${base}.quota`)}
                  onChange={(x) => edit((p) => void (p.grading.grades[i].quota = x ?? 0))}
                />
              </React.Fragment>
            );
          })}
        </div>
      </div>
      {g.mode !== "bands" && (
        <WeightTotal sum={total(g.grades.map((x) => x.quota))} label={t.plan.quotasTotal} />
      )}
      {tableIssue && (
        <Text size={200} role="alert">
          {tableIssue.message}
        </Text>
      )}
      <Field label={t.plan.coefficientMode} size="small">
        <Select
          size="small"
          value={g.coefficientMode}
          onChange={(_, d) =>
            edit((p) => void (p.grading.coefficientMode = d.value as "grade" | "matrix"))
          }
        >
          <option value="grade">{t.plan.coefficientModes.grade}</option>
          <option value="matrix">{t.plan.coefficientModes.matrix}</option>
        </Select>
      </Field>
      {g.coefficientMode === "matrix" && (
        <div role="group" aria-label={t.plan.matrixTable}>
          <Text size={200}>{t.plan.matrixTable}</Text>
          <div
            className={styles.matrix}
            style={{
              gridTemplateColumns: `repeat(${g.matrix.columns.length + 1}, minmax(64px, 1fr))`,
            }}
          >
            <span />
            {g.matrix.columns.map((c, j) => (
              <NumberField
                key={`c${j}`}
                hideLabel
                percent
                label={`${t.plan.coefficientModes.matrix}: ${j + 1}`}
                value={c}
                onChange={(x) => edit((p) => void (p.grading.matrix.columns[j] = x ?? 0))}
              />
            ))}
            {g.matrix.rows.map((r, i) => (
              <React.Fragment key={`r${i}`}>
                <NumberField
                  hideLabel
                  percent
                  label={`${t.plan.coefficientModes.matrix}: ${String.fromCharCode(65 + i)}`}
                  value={r}
                  onChange={(x) => edit((p) => void (p.grading.matrix.rows[i] = x ?? 0))}
                />
                {g.matrix.columns.map((c, j) => (
                  <NumberField
                    key={`${i}-${j}`}
                    hideLabel
                    label={t.plan.matrixCell(format.percent(r, 0), format.percent(c, 0))}
                    value={g.matrix.cells[i]?.[j] ?? null}
                    onChange={(x) => edit((p) => void (p.grading.matrix.cells[i][j] = x ?? 0))}
                  />
                ))}
              </React.Fragment>
            ))}
          </div>
          {v("grading.matrix") && (
            <Text size={200} role="alert">
              {v("grading.matrix")?.message}
            </Text>
          )}
        </div>
      )}
    </div>
  );
}
