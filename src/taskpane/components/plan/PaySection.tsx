import * as React from "react";
import { Field, Input, Select, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ratingScale, type RatingScale } from "../../../engine";
import { RatingScaleOptions } from "../ImportMapping";
import { useSession } from "../../session";
import { NumberField } from "../NumberField";
import { total, validationAt, type SectionProps } from "./planEditing";
import { WeightTotal } from "./WeightTotal";
import { PayrollFields } from "./PayrollFields";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(120px, 1fr))",
    "& > *": { minWidth: 0 },
    "& .fui-Select, & select": { minWidth: 0 },
    gap: tokens.spacingHorizontalS,
  },
  small: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(72px, 1fr))",
    "& > *": { minWidth: 0 },
    "& .fui-Select, & select": { minWidth: 0 },
    gap: tokens.spacingHorizontalXS,
  },
});

/** 薪酬结构 settings, the evaluation period, annual weights and 360 feedback weights. */
export function PaySection({ plan, edit, issues, language }: SectionProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t } = useSession();
  const v = (path: string) => validationAt(issues, path, language);
  const annual = plan.periods.annual;
  const fw = plan.feedback.weights;
  return (
    <div className={styles.box}>
      <Switch
        checked={plan.pay.prorate}
        label={t.plan.prorate}
        onChange={(_, d) => edit((p) => void (p.pay.prorate = d.checked))}
      />
      <div className={styles.grid}>
        <NumberField
          label={t.plan.bonusStandard}
          value={plan.pay.bonusStandard}
          validation={v("pay.bonusStandard")}
          onChange={(x) => edit((p) => void (p.pay.bonusStandard = x ?? 0))}
        />
        <Field label={t.plan.currency} size="small">
          <Input
            size="small"
            value={plan.pay.currency}
            onChange={(_, d) => edit((p) => void (p.pay.currency = d.value))}
          />
        </Field>
        <Field label={t.plan.evaluation} size="small">
          <Select
            size="small"
            value={plan.periods.evaluation}
            onChange={(_, d) =>
              edit((p) => void (p.periods.evaluation = d.value as "quarter" | "month"))
            }
          >
            <option value="quarter">{t.plan.evaluations.quarter}</option>
            <option value="month">{t.plan.evaluations.month}</option>
          </Select>
        </Field>
      </div>
      <PayrollFields plan={plan} edit={edit} issues={issues} language={language} />
      <div role="group" aria-label={t.plan.annualWeights}>
        <Text size={200} weight="semibold">
          {t.plan.annualWeights}
        </Text>
        <div className={styles.small}>
          {annual.quarterWeights.map((w, i) => (
            <NumberField
              key={i}
              label={t.plan.quarterWeight(i + 1)}
              percent
              value={w}
              onChange={(x) => edit((p) => void (p.periods.annual.quarterWeights[i] = x ?? 0))}
            />
          ))}
          <NumberField
            label={t.plan.annualFeedback}
            percent
            value={annual.feedbackWeight}
            onChange={(x) => edit((p) => void (p.periods.annual.feedbackWeight = x ?? 0))}
          />
        </div>
        <WeightTotal
          sum={total([...annual.quarterWeights, annual.feedbackWeight])}
          label={(s) => `${t.plan.annualWeights} ${s}`}
        />
      </div>
      <div role="group" aria-label={t.plan.feedbackWeights}>
        <Text size={200} weight="semibold">
          {t.plan.feedbackWeights}
        </Text>
        <div className={styles.small}>
          {(["superior", "peers", "customers"] as const).map((r, i) => (
            <NumberField
              key={r}
              label={t.plan.raters[r]}
              percent
              value={fw[i]}
              onChange={(x) => edit((p) => void (p.feedback.weights[i] = x ?? 0))}
            />
          ))}
        </div>
        <WeightTotal sum={total([...fw])} label={(s) => `${t.plan.feedbackWeights} ${s}`} />
        <Field label={t.plan.ratingScale} hint={t.plan.ratingScaleHint} size="small">
          <Select
            size="small"
            value={String(ratingScale(plan))}
            onChange={(_, d) =>
              edit((p) => void (p.feedback.scale = Number(d.value) as RatingScale))
            }
          >
            <RatingScaleOptions />
          </Select>
        </Field>
      </div>
    </div>
  );
}
