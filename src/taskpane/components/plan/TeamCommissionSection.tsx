import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  Select,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import { formatMessage, type CommissionMethod, type TeamCommissionSettings } from "../../../engine";
import { useSession } from "../../session";
import { NumberField } from "../NumberField";
import { TierChart } from "../TierChart";
import { validationAt, type SectionProps, type Validation } from "./planEditing";

export interface TeamCommissionSectionProps extends SectionProps {
  /** The teams of the Data sheet (empty when it has not been read): the leads' teams are picked from them. */
  teams: readonly string[];
}

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))",
    "& > *": { minWidth: 0 },
    "& .fui-Select, & select": { minWidth: 0 },
    gap: tokens.spacingHorizontalS,
  },
  row: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr auto",
    columnGap: tokens.spacingHorizontalXS,
    alignItems: "end",
    "& > *": { minWidth: 0 },
    "& .fui-Select, & select": { minWidth: 0 },
  },
  note: { color: tokens.colorNeutralForeground3 },
});

/** What team commission starts with when it is switched on. */
function startingTeam(): TeamCommissionSettings {
  return { method: "marginal", tiers: [{ from: 0, rate: 0.005 }], leads: [], includeOwn: false };
}

/** The lead's team: picked from the Data sheet's teams when known (a team it does not hold is flagged). */
function LeadTeam({
  i,
  value,
  teams,
  validation,
  onChange,
}: {
  i: number;
  value: string;
  teams: readonly string[];
  validation: Validation | undefined;
  onChange: (team: string) => void;
}): React.JSX.Element {
  const { strings: t } = useSession();
  const label = t.plan.leadTeam(i + 1);
  const field = { validationState: validation?.state, validationMessage: validation?.message };
  if (teams.length === 0)
    return (
      <Field label={label} size="small" {...field}>
        <Input size="small" value={value} onChange={(_, d) => onChange(d.value)} />
      </Field>
    );
  const options = value === "" || teams.includes(value) ? teams : [value, ...teams];
  return (
    <Field label={label} size="small" {...field}>
      <Select size="small" value={value} onChange={(_, d) => onChange(d.value)}>
        <option value="">{t.plan.pickTeam}</option>
        {options.map((x) => (
          <option key={x} value={x}>
            {x}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The team tiers, with their payout chart. */
function TeamTiers({
  team,
  edit,
  issues,
  language,
}: SectionProps & { team: TeamCommissionSettings }) {
  const styles = useStyles();
  const { strings: t } = useSession();
  const v = (path: string) => validationAt(issues, path, language);
  const set = (change: (x: TeamCommissionSettings) => void) =>
    edit((p) => p.commission.team && change(p.commission.team));
  return (
    <div role="group" aria-label={t.plan.teamTiers}>
      {team.tiers.map((tier, i) => (
        <div key={i} className={styles.row}>
          <NumberField
            label={t.plan.tierFrom(i + 1)}
            value={tier.from}
            validation={v(`commission.team.tiers[${i}]`)}
            onChange={(x) => set((s) => void (s.tiers[i].from = x ?? 0))}
          />
          <NumberField
            label={t.plan.tierRate(i + 1)}
            percent
            value={tier.rate}
            onChange={(x) => set((s) => void (s.tiers[i].rate = x ?? 0))}
          />
          <Button
            size="small"
            appearance="subtle"
            icon={<DeleteRegular />}
            aria-label={`${t.plan.teamTiers}: ${t.plan.removeTier(i + 1)}`}
            title={t.plan.removeTier(i + 1)}
            disabled={team.tiers.length <= 1}
            onClick={() => set((s) => void s.tiers.splice(i, 1))}
          />
        </div>
      ))}
      <Button
        size="small"
        appearance="subtle"
        icon={<AddRegular />}
        onClick={() =>
          set((s) => {
            const last = s.tiers[s.tiers.length - 1];
            s.tiers.push(
              last
                ? { from: Number((last.from + 500000).toPrecision(12)), rate: last.rate }
                : { from: 0, rate: 0.005 }
            );
          })
        }
      >
        {`${t.plan.teamTiers}: ${t.plan.addTier}`}
      </Button>
      <TierChart tiers={team.tiers} method={team.method} boundType="currency" />
    </div>
  );
}

/** The leads, one per team; a team the Data sheet does not hold is flagged (no one would be paid on it). */
function TeamLeads({
  team,
  teams,
  edit,
  issues,
  language,
}: TeamCommissionSectionProps & { team: TeamCommissionSettings }) {
  const styles = useStyles();
  const { strings: t } = useSession();
  const v = (path: string) => validationAt(issues, path, language);
  const set = (change: (x: TeamCommissionSettings) => void) =>
    edit((p) => p.commission.team && change(p.commission.team));
  const unknown = (name: string, id: string): Validation | undefined =>
    teams.length > 0 && name.trim() !== "" && !teams.includes(name.trim())
      ? { state: "warning", message: formatMessage("teamUnknown", { team: name, id }, language) }
      : undefined;
  return (
    <div role="group" aria-label={t.plan.teamLeads}>
      {team.leads.map((lead, i) => (
        <div key={i} className={styles.row}>
          <LeadTeam
            i={i}
            value={lead.team}
            teams={teams}
            validation={v(`commission.team.leads[${i}].team`) ?? unknown(lead.team, lead.id)}
            onChange={(x) => set((s) => void (s.leads[i].team = x))}
          />
          <Field
            label={t.plan.leadId(i + 1)}
            size="small"
            validationState={v(`commission.team.leads[${i}].id`)?.state}
            validationMessage={v(`commission.team.leads[${i}].id`)?.message}
          >
            <Input
              size="small"
              value={lead.id}
              onChange={(_, d) => set((s) => void (s.leads[i].id = d.value))}
            />
          </Field>
          <Button
            size="small"
            appearance="subtle"
            icon={<DeleteRegular />}
            aria-label={t.plan.removeLead(i + 1)}
            title={t.plan.removeLead(i + 1)}
            onClick={() => set((s) => void s.leads.splice(i, 1))}
          />
        </div>
      ))}
      {v("commission.team.leads") && (
        <Caption1 className={styles.note}>{v("commission.team.leads")!.message}</Caption1>
      )}
      <Button
        size="small"
        appearance="subtle"
        icon={<AddRegular />}
        onClick={() =>
          set((s) => {
            const taken = new Set(s.leads.map((l) => l.team));
            s.leads.push({ team: teams.find((x) => !taken.has(x)) ?? "", id: "" });
          })
        }
      >
        {t.plan.addLead}
      </Button>
    </div>
  );
}

/** 团队提成: switched on or off; the tier method, the lead's own basis, the tiers and each team's lead. */
export function TeamCommissionSection(props: TeamCommissionSectionProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t } = useSession();
  const { plan, edit } = props;
  const team = plan.commission.team ?? null;
  return (
    <div className={styles.box}>
      <Switch
        checked={team !== null}
        label={t.plan.teamOn}
        onChange={(_, d) =>
          edit((p) => {
            if (d.checked) p.commission.team = startingTeam();
            else delete p.commission.team;
          })
        }
      />
      {team && (
        <>
          <Caption1 className={styles.note}>
            {t.plan.teamIntro(t.plan.bases[plan.commission.basis])}
          </Caption1>
          <div className={styles.grid}>
            <Field label={t.plan.teamMethod} size="small">
              <Select
                size="small"
                value={team.method}
                onChange={(_, d) =>
                  edit(
                    (p) =>
                      p.commission.team && (p.commission.team.method = d.value as CommissionMethod)
                  )
                }
              >
                <option value="marginal">{t.plan.commissionMethods.marginal}</option>
                <option value="whole">{t.plan.commissionMethods.whole}</option>
              </Select>
            </Field>
          </div>
          <Switch
            checked={team.includeOwn}
            label={t.plan.teamIncludeOwn}
            onChange={(_, d) =>
              edit((p) => p.commission.team && (p.commission.team.includeOwn = d.checked))
            }
          />
          <TeamTiers {...props} team={team} />
          <TeamLeads {...props} team={team} />
        </>
      )}
    </div>
  );
}
