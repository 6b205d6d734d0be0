import * as React from "react";
import { Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import type { Direction, MissingPolicy, Scoring, ScoringMethod } from "../../../engine";
import { useSession } from "../../session";
import { NumberField } from "../NumberField";
import { validationAt, type SectionProps } from "./planEditing";

export interface ScoringEditorProps extends SectionProps {
  index: number;
}

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(120px, 1fr))",
    "& > *": { minWidth: 0 },
    "& .fui-Select, & select": { minWidth: 0 },
    gap: tokens.spacingHorizontalS,
  },
  point: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr auto",
    columnGap: tokens.spacingHorizontalXS,
    alignItems: "end",
  },
});

/** The parameters a method starts with when the user switches to it. */
export function defaultScoring(method: ScoringMethod): Scoring {
  switch (method) {
    case "linear":
      return { method, floor: 0, cap: 1.2, fullScore: 100 };
    case "curve":
      return {
        method,
        mode: "linear",
        on: "attainment",
        points: [
          { x: 0.6, y: 60 },
          { x: 1, y: 100 },
          { x: 1.2, y: 120 },
        ],
      };
    case "direct":
      return { method, cap: 1 };
    case "deduction":
      return { method, fullScore: 100 };
    case "feedback":
      return { method, cap: 1 };
  }
}

/** An indicator's scoring method and its parameters, direction, default target and missing-value rule. */
export function ScoringEditor({
  index,
  plan,
  edit,
  issues,
  language,
}: ScoringEditorProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, format } = useSession();
  const ind = plan.indicators[index];
  const s = ind.scoring;
  const path = `indicators.${ind.key}`;
  const name = format.text(ind.name);
  const methods: ScoringMethod[] =
    ind.input.kind === "feedback" ? ["feedback"] : ["linear", "curve", "direct", "deduction"];
  const set = (change: (sc: Scoring) => void) => edit((p) => change(p.indicators[index].scoring));
  const scoringIssue = validationAt(issues, `${path}.scoring`, language);
  const targetField = ind.target.field
    ? plan.fields.find((f) => f.key === ind.target.field)
    : undefined;
  return (
    <div className={styles.box} role="group" aria-label={t.plan.editIndicator(name)}>
      <Field
        label={t.plan.method}
        size="small"
        validationState={scoringIssue?.state}
        validationMessage={scoringIssue?.message}
      >
        <Select
          size="small"
          value={s.method}
          onChange={(_, d) =>
            edit(
              (p) => void (p.indicators[index].scoring = defaultScoring(d.value as ScoringMethod))
            )
          }
        >
          {methods.map((m) => (
            <option key={m} value={m}>
              {t.plan.methods[m]}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.grid}>
        {s.method === "linear" && (
          <>
            <NumberField
              label={t.plan.floor}
              percent
              value={s.floor}
              onChange={(v) => set((x) => void (x.method === "linear" && (x.floor = v ?? 0)))}
            />
            <NumberField
              label={t.plan.cap}
              percent
              value={s.cap}
              onChange={(v) => set((x) => void (x.method === "linear" && (x.cap = v ?? 0)))}
            />
            <NumberField
              label={t.plan.fullScore}
              value={s.fullScore}
              onChange={(v) => set((x) => void (x.method === "linear" && (x.fullScore = v ?? 0)))}
            />
          </>
        )}
        {(s.method === "direct" || s.method === "feedback") && (
          <NumberField
            label={t.plan.scoreCap}
            percent
            value={s.cap}
            onChange={(v) =>
              set(
                (x) => void ((x.method === "direct" || x.method === "feedback") && (x.cap = v ?? 0))
              )
            }
          />
        )}
        {s.method === "deduction" && (
          <NumberField
            label={t.plan.fullScore}
            value={s.fullScore}
            onChange={(v) => set((x) => void (x.method === "deduction" && (x.fullScore = v ?? 0)))}
          />
        )}
        {s.method === "curve" && (
          <>
            <Field label={t.plan.curveOn} size="small">
              <Select
                size="small"
                value={s.on}
                onChange={(_, d) =>
                  set(
                    (x) => void (x.method === "curve" && (x.on = d.value as "attainment" | "value"))
                  )
                }
              >
                <option value="attainment">{t.plan.curveOnValues.attainment}</option>
                <option value="value">{t.plan.curveOnValues.value}</option>
              </Select>
            </Field>
            <Field label={t.plan.curveMode} size="small">
              <Select
                size="small"
                value={s.mode}
                onChange={(_, d) =>
                  set((x) => void (x.method === "curve" && (x.mode = d.value as "linear" | "step")))
                }
              >
                <option value="linear">{t.plan.curveModes.linear}</option>
                <option value="step">{t.plan.curveModes.step}</option>
              </Select>
            </Field>
          </>
        )}
        <Field
          label={t.plan.direction}
          size="small"
          validationState={validationAt(issues, `${path}.direction`, language)?.state}
        >
          <Select
            size="small"
            value={ind.direction}
            onChange={(_, d) =>
              edit((p) => void (p.indicators[index].direction = d.value as Direction))
            }
          >
            <option value="higher">{t.plan.directions.higher}</option>
            <option value="lower">{t.plan.directions.lower}</option>
          </Select>
        </Field>
        <NumberField
          label={t.plan.target}
          allowBlank
          value={ind.target.default}
          validation={validationAt(issues, `${path}.target`, language)}
          hint={targetField ? t.plan.targetFromData(format.text(targetField.name)) : undefined}
          onChange={(v) => edit((p) => void (p.indicators[index].target.default = v))}
        />
        <Field label={t.plan.missing} size="small">
          <Select
            size="small"
            value={ind.missing}
            onChange={(_, d) =>
              edit((p) => void (p.indicators[index].missing = d.value as MissingPolicy))
            }
          >
            {(["error", "zero", "renormalize"] as const).map((m) => (
              <option key={m} value={m}>
                {t.plan.missingPolicies[m]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {s.method === "curve" && (
        <div role="group" aria-label={t.plan.curvePoints}>
          <Text size={200} weight="semibold">
            {t.plan.curvePoints}
          </Text>
          {s.points.map((pt, k) => (
            <div key={k} className={styles.point}>
              <NumberField
                label={t.plan.pointX(k + 1)}
                percent={s.on === "attainment"}
                value={pt.x}
                onChange={(v) =>
                  set((x) => void (x.method === "curve" && (x.points[k].x = v ?? 0)))
                }
              />
              <NumberField
                label={t.plan.pointY(k + 1)}
                value={pt.y}
                onChange={(v) =>
                  set((x) => void (x.method === "curve" && (x.points[k].y = v ?? 0)))
                }
              />
              <Button
                size="small"
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={t.plan.removePoint(k + 1)}
                title={t.plan.removePoint(k + 1)}
                disabled={s.points.length <= 1}
                onClick={() => set((x) => void (x.method === "curve" && x.points.splice(k, 1)))}
              />
            </div>
          ))}
          <Button
            size="small"
            appearance="subtle"
            icon={<AddRegular />}
            onClick={() =>
              set((x) => {
                if (x.method !== "curve") return;
                const last = x.points[x.points.length - 1];
                x.points.push(
                  last ? { x: Number((last.x + 0.1).toPrecision(12)), y: last.y } : { x: 1, y: 100 }
                );
              })
            }
          >
            {t.plan.addPoint}
          </Button>
        </div>
      )}
    </div>
  );
}
