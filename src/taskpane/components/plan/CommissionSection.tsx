import * as React from "react";
import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import type { CommissionMethod } from "../../../engine";
import { useSession } from "../../session";
import { NumberField } from "../NumberField";
import { TierChart } from "../TierChart";
import { validationAt, type SectionProps } from "./planEditing";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))",
    "& > *": { minWidth: 0 },
    "& .fui-Select, & select": { minWidth: 0 },
    gap: tokens.spacingHorizontalS,
  },
  tier: {
    display: "grid",
    gridTemplateColumns: "1fr 96px auto",
    columnGap: tokens.spacingHorizontalXS,
    alignItems: "end",
  },
});

/** 阶梯提成: basis, method, tiers with their payout chart, gate, cap, deferral and clawbacks. */
export function CommissionSection({
  plan,
  edit,
  issues,
  language,
}: SectionProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t } = useSession();
  const c = plan.commission;
  const v = (path: string) => validationAt(issues, path, language);
  const attainment = c.boundType === "attainment";
  return (
    <div className={styles.box}>
      <div className={styles.grid}>
        <Field label={t.plan.basis} size="small">
          <Select
            size="small"
            value={c.basis}
            onChange={(_, d) =>
              edit((p) => void (p.commission.basis = d.value as "collected" | "signed"))
            }
          >
            <option value="collected">{t.plan.bases.collected}</option>
            <option value="signed">{t.plan.bases.signed}</option>
          </Select>
        </Field>
        <Field label={t.plan.commissionMethod} size="small">
          <Select
            size="small"
            value={c.method}
            onChange={(_, d) =>
              edit((p) => void (p.commission.method = d.value as CommissionMethod))
            }
          >
            <option value="marginal">{t.plan.commissionMethods.marginal}</option>
            <option value="whole">{t.plan.commissionMethods.whole}</option>
          </Select>
        </Field>
        <Field label={t.plan.boundType} size="small">
          <Select
            size="small"
            value={c.boundType}
            onChange={(_, d) =>
              edit((p) => void (p.commission.boundType = d.value as "currency" | "attainment"))
            }
          >
            <option value="currency">{t.plan.boundTypes.currency}</option>
            <option value="attainment">{t.plan.boundTypes.attainment}</option>
          </Select>
        </Field>
      </div>
      <div role="group" aria-label={t.plan.tiers}>
        {c.tiers.map((tier, i) => (
          <div key={i} className={styles.tier}>
            <NumberField
              label={t.plan.tierFrom(i + 1)}
              percent={attainment}
              value={tier.from}
              validation={v(`commission.tiers[${i}]`)}
              onChange={(x) => edit((p) => void (p.commission.tiers[i].from = x ?? 0))}
            />
            <NumberField
              label={t.plan.tierRate(i + 1)}
              percent
              value={tier.rate}
              onChange={(x) => edit((p) => void (p.commission.tiers[i].rate = x ?? 0))}
            />
            <Button
              size="small"
              appearance="subtle"
              icon={<DeleteRegular />}
              aria-label={t.plan.removeTier(i + 1)}
              title={t.plan.removeTier(i + 1)}
              disabled={c.tiers.length <= 1}
              onClick={() => edit((p) => void p.commission.tiers.splice(i, 1))}
            />
          </div>
        ))}
        <Button
          size="small"
          appearance="subtle"
          icon={<AddRegular />}
          onClick={() =>
            edit((p) => {
              const tiers = p.commission.tiers;
              const last = tiers[tiers.length - 1];
              const step = attainment ? 0.2 : 100000;
              tiers.push(
                last
                  ? { from: Number((last.from + step).toPrecision(12)), rate: last.rate }
                  : { from: 0, rate: 0.02 }
              );
            })
          }
        >
          {t.plan.addTier}
        </Button>
      </div>
      <TierChart tiers={c.tiers} method={c.method} boundType={c.boundType} />
      <div className={styles.grid}>
        <NumberField
          label={t.plan.gateAttainment}
          percent
          allowBlank
          value={c.gate.minAttainment}
          validation={v("commission.gate.minAttainment")}
          onChange={(x) => edit((p) => void (p.commission.gate.minAttainment = x))}
        />
        <Field
          label={t.plan.gateGrade}
          size="small"
          validationState={v("commission.gate.minGrade")?.state}
          validationMessage={v("commission.gate.minGrade")?.message}
        >
          <Select
            size="small"
            value={c.gate.minGrade ?? ""}
            onChange={(_, d) =>
              edit((p) => void (p.commission.gate.minGrade = d.value === "" ? null : d.value))
            }
          >
            <option value="">{t.common.none}</option>
            {plan.grading.grades.map((g) => (
              <option key={g.label} value={g.label}>
                {g.label}
              </option>
            ))}
          </Select>
        </Field>
        <NumberField
          label={t.plan.capPerMonth}
          allowBlank
          value={c.capPerMonth}
          validation={v("commission.capPerMonth")}
          onChange={(x) => edit((p) => void (p.commission.capPerMonth = x))}
        />
        <NumberField
          label={t.plan.paidShare}
          percent
          value={c.paidShare}
          validation={v("commission.paidShare")}
          onChange={(x) => edit((p) => void (p.commission.paidShare = x ?? 0))}
        />
        <Field label={t.plan.clawback} size="small">
          <Select
            size="small"
            value={c.clawback}
            onChange={(_, d) =>
              edit(
                (p) => void (p.commission.clawback = d.value as "carryForward" | "deductFromPay")
              )
            }
          >
            <option value="carryForward">{t.plan.clawbacks.carryForward}</option>
            <option value="deductFromPay">{t.plan.clawbacks.deductFromPay}</option>
          </Select>
        </Field>
      </div>
    </div>
  );
}
