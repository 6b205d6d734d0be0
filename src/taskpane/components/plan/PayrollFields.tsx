import * as React from "react";
import { Field, Select, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import {
  guaranteeOf,
  PAY_DEFAULTS,
  paySchedule,
  withServiceMonthField,
  type PerformanceSchedule,
  type Plan,
} from "../../../engine";
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

/** The plan's guarantee, written in full so an edit never leaves it half set. */
function guaranteeIn(p: Plan) {
  return (p.pay.guarantee ??= { ...PAY_DEFAULTS.guarantee });
}

/**
 * When performance pay is paid (quarter end, or monthly advances with a true-up) and the new-hire
 * guarantee (新人保底): on/off, minimum, first N months, recovered from later commission or not.
 * Switching the guarantee on adds the Data's month-of-service column to the plan.
 */
export function PayrollFields({ plan, edit, issues, language }: SectionProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t } = useSession();
  const v = (path: string) => validationAt(issues, path, language);
  const { schedule, advanceShare } = paySchedule(plan);
  const g = guaranteeOf(plan);
  const monthly = plan.periods.evaluation === "month";
  return (
    <div className={styles.box} role="group" aria-label={t.plan.payroll}>
      <Text size={200} weight="semibold">
        {t.plan.payroll}
      </Text>
      <div className={styles.grid}>
        <Field
          label={t.plan.schedule}
          hint={monthly ? t.plan.scheduleMonthly : undefined}
          size="small"
        >
          <Select
            size="small"
            value={schedule}
            disabled={monthly}
            onChange={(_, d) => edit((p) => void (p.pay.schedule = d.value as PerformanceSchedule))}
          >
            <option value="quarterEnd">{t.plan.schedules.quarterEnd}</option>
            <option value="monthlyAdvance">{t.plan.schedules.monthlyAdvance}</option>
          </Select>
        </Field>
        {schedule === "monthlyAdvance" && !monthly && (
          <NumberField
            label={t.plan.advanceShare}
            percent
            value={advanceShare}
            validation={v("pay.advanceShare")}
            onChange={(x) => edit((p) => void (p.pay.advanceShare = x ?? 0))}
          />
        )}
      </div>
      <Switch
        checked={g.enabled}
        label={t.plan.guarantee}
        onChange={(_, d) =>
          edit((p) => {
            guaranteeIn(p).enabled = d.checked;
            if (d.checked) p.fields = withServiceMonthField(p).fields;
          })
        }
      />
      {g.enabled && (
        <>
          <Text size={200}>{t.plan.guaranteeHint}</Text>
          <div className={styles.grid}>
            <NumberField
              label={t.plan.guaranteeMinimum}
              value={g.minimum}
              validation={v("pay.guarantee.minimum")}
              onChange={(x) => edit((p) => void (guaranteeIn(p).minimum = x ?? 0))}
            />
            <NumberField
              label={t.plan.guaranteeMonths}
              value={g.months}
              validation={v("pay.guarantee.months")}
              onChange={(x) => edit((p) => void (guaranteeIn(p).months = x ?? 0))}
            />
          </div>
          <Switch
            checked={g.recoverable}
            label={t.plan.guaranteeRecoverable}
            onChange={(_, d) => edit((p) => void (guaranteeIn(p).recoverable = d.checked))}
          />
        </>
      )}
    </div>
  );
}
