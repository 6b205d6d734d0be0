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
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
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
  table: { tableLayout: "auto" },
  nowrap: { whiteSpace: "nowrap" },
  roles: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
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

/** The period's appeals: number, salesperson, number appealed, status, effect on pay, Decide. */
export function AppealList({ appeals, names, busy, onDecide }: AppealListProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t } = useSession();
  const w = useWords();
  if (appeals.length === 0) return <Caption1>{t.appeals.none}</Caption1>;
  return (
    <Table size="extra-small" className={styles.table} aria-label={t.appeals.status}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t.appeals.no}</TableHeaderCell>
          <TableHeaderCell>{t.appeals.person}</TableHeaderCell>
          <TableHeaderCell>{t.appeals.subject}</TableHeaderCell>
          <TableHeaderCell>{t.appeals.status}</TableHeaderCell>
          <TableHeaderCell>{t.appeals.amount}</TableHeaderCell>
          <TableHeaderCell>{t.close.action}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {appeals.map((a) => (
          <TableRow key={a.row}>
            <TableCell className={styles.nowrap}>{a.no}</TableCell>
            <TableCell>{`${a.id} ${names.get(a.id) ?? a.name}`.trim()}</TableCell>
            <TableCell>{a.subject}</TableCell>
            <TableCell>
              <span className={styles.roles}>
                <span>{w.status(a.status)}</span>
                {a.decision && <Caption1>{a.decision}</Caption1>}
              </span>
            </TableCell>
            <TableCell>{a.status === "upheld" ? a.amount.toFixed(2) : ""}</TableCell>
            <TableCell>
              <Button size="small" disabled={busy} onClick={() => onDecide(a)}>
                {t.appeals.decide}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
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
