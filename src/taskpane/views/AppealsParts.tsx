import * as React from "react";
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  APPEAL_STATUSES,
  APPEAL_WORDS,
  SIGN_OFF_ROLES,
  signOffState,
  type Appeal,
  type AppealStatus,
  type SignOff,
  type SignOffRole,
} from "../../engine";
import type { Decision } from "../../app/appeals";
import { useSession } from "../session";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  itemText: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
  roles: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    listStyleType: "none",
    margin: 0,
    padding: 0,
    fontSize: tokens.fontSizeBase200,
  },
});

/** A status or role in the pane's language. */
export function useWords() {
  const { language } = useSession();
  const zh = language === "zh-CN";
  return {
    status: (s: AppealStatus) => (zh ? APPEAL_WORDS.status[s].zh : APPEAL_WORDS.status[s].en),
    role: (r: SignOffRole) => (zh ? APPEAL_WORDS.role[r].zh : APPEAL_WORDS.role[r].en),
  };
}

export interface AppealListProps {
  appeals: readonly Appeal[];
  names: ReadonlyMap<string, string>;
  busy: boolean;
  onDecide(appeal: Appeal): void;
}

/**
 * The period's appeals, one item each (a narrow pane has no room for a table's columns): number,
 * salesperson and the number appealed; status, effect on pay and decision; the Decide button.
 */
export function AppealList({ appeals, names, busy, onDecide }: AppealListProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, format } = useSession();
  const w = useWords();
  if (appeals.length === 0) return <Caption1>{t.appeals.none}</Caption1>;
  return (
    <ul className={styles.list} aria-label={t.appeals.listTitle(appeals[0].period)}>
      {appeals.map((a) => (
        <li key={a.row} className={styles.item}>
          <div className={styles.itemText}>
            <Text size={200} weight="semibold">
              {[a.no, `${a.id} ${names.get(a.id) ?? a.name}`.trim(), a.subject]
                .filter((x) => x)
                .join(" · ")}
            </Text>
            <Caption1>
              {[
                w.status(a.status),
                a.status === "upheld" ? `${t.appeals.amount} ${format.money(a.amount)}` : "",
                a.decision,
              ]
                .filter((x) => x)
                .join(" · ")}
            </Caption1>
          </div>
          <Button size="small" disabled={busy} onClick={() => onDecide(a)}>
            {t.appeals.decide}
          </Button>
        </li>
      ))}
    </ul>
  );
}

export interface DecideDialogProps {
  appeal: Appeal | null;
  /** Who decides by default (the name the pane remembers). */
  who: string;
  onSave(appeal: Appeal, d: Omit<Decision, "decidedOn">): void;
  onCancel(): void;
}

/** Decide an appeal: status, decision, effect on pay, decided by (the date is today). */
export function DecideDialog(props: DecideDialogProps): React.JSX.Element {
  return (
    <Dialog open={props.appeal !== null} onOpenChange={(_, d) => !d.open && props.onCancel()}>
      <DialogSurface>
        {props.appeal && <DecideForm key={props.appeal.row} {...props} appeal={props.appeal} />}
      </DialogSurface>
    </Dialog>
  );
}

/** The decision's fields, starting from what the appeal's row holds. */
function DecideForm({
  appeal,
  who,
  onSave,
  onCancel,
}: DecideDialogProps & { appeal: Appeal }): React.JSX.Element {
  const styles = useStyles();
  const { strings: t } = useSession();
  const w = useWords();
  const [status, setStatus] = React.useState<AppealStatus>(
    appeal.status === "pending" ? "upheld" : appeal.status
  );
  const [decision, setDecision] = React.useState(appeal.decision);
  const [amount, setAmount] = React.useState(appeal.amount ? String(appeal.amount) : "");
  const [by, setBy] = React.useState(appeal.decidedBy || who);
  const value = amount.trim() === "" ? 0 : Number(amount.replace(/[,，¥\s]/g, ""));
  const badAmount = !Number.isFinite(value) || Math.round(value * 100) / 100 !== value;
  const decided = status === "upheld" || status === "rejected";
  const incomplete = decided && (decision.trim() === "" || by.trim() === "");
  return (
    <DialogBody>
      <DialogTitle>{t.appeals.decideTitle(appeal.no)}</DialogTitle>
      <DialogContent className={styles.form}>
        <Field label={t.appeals.status} size="small">
          <Select
            size="small"
            value={status}
            onChange={(_, d) => setStatus(d.value as AppealStatus)}
          >
            {APPEAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {w.status(s)}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label={t.appeals.decision}
          hint={t.appeals.decisionHint}
          size="small"
          required={decided}
        >
          <Textarea value={decision} onChange={(_, d) => setDecision(d.value)} />
        </Field>
        <Field
          label={t.appeals.effect}
          hint={t.appeals.effectHint}
          size="small"
          validationState={badAmount ? "error" : "none"}
          validationMessage={badAmount ? t.appeals.badAmount : undefined}
        >
          <Input size="small" value={amount} onChange={(_, d) => setAmount(d.value)} />
        </Field>
        <Field label={t.appeals.decidedBy} size="small" required={decided}>
          <Input size="small" value={by} onChange={(_, d) => setBy(d.value)} />
        </Field>
        {incomplete && <Caption1>{t.appeals.needDecision}</Caption1>}
      </DialogContent>
      <DialogActions fluid>
        <Button
          appearance="primary"
          disabled={badAmount || incomplete}
          onClick={() => onSave(appeal, { status, decision, amount: value, decidedBy: by })}
        >
          {t.appeals.save}
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          {t.common.cancel}
        </Button>
      </DialogActions>
    </DialogBody>
  );
}

export interface SignOffSectionProps {
  period: string;
  signOffs: readonly SignOff[];
  who: string;
  busy: boolean;
  onRecord(role: SignOffRole, name: string): void;
}

/** The period's sign-off: each role signed (who, when) or not; record one; what is missing. */
export function SignOffSection({
  period,
  signOffs,
  who,
  busy,
  onRecord,
}: SignOffSectionProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, language } = useSession();
  const zh = language === "zh-CN";
  const w = useWords();
  const state = signOffState(signOffs, period);
  const [role, setRole] = React.useState<SignOffRole>(state.missing[0] ?? "manager");
  const [name, setName] = React.useState(who);
  return (
    <div className={styles.form}>
      <ul className={styles.roles} aria-label={t.appeals.signOffTitle(period)}>
        {SIGN_OFF_ROLES.map((r) => {
          const s = state.byRole[r];
          return (
            <li key={r}>
              {s
                ? t.appeals.signed(w.role(r), s.name, s.date)
                : `${w.role(r)}${zh ? "：" : ": "}${t.appeals.notSigned}`}
            </li>
          );
        })}
      </ul>
      <Caption1>
        {state.missing.length === 0
          ? t.appeals.allSigned
          : t.appeals.missing(state.missing.map(w.role).join(zh ? "、" : ", "))}
      </Caption1>
      <Field label={t.appeals.role} size="small">
        <Select size="small" value={role} onChange={(_, d) => setRole(d.value as SignOffRole)}>
          {SIGN_OFF_ROLES.map((r) => (
            <option key={r} value={r}>
              {w.role(r)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.appeals.signedBy} size="small" required>
        <Input size="small" value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <div>
        <Button
          size="small"
          disabled={busy || name.trim() === ""}
          onClick={() => onRecord(role, name)}
        >
          {t.appeals.signButton}
        </Button>
      </div>
    </div>
  );
}
