import * as React from "react";
import {
  Badge,
  Button,
  Caption1,
  Text,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { OpenRegular } from "@fluentui/react-icons";
import {
  formatMessage,
  type CellLocation,
  type Issue,
  type Language,
  type Severity,
} from "../../engine";
import { useStrings } from "../session";

export interface IssueListProps {
  issues: readonly Issue[];
  language: Language;
  /** Shows a "go to cell" button on located issues. */
  onGoTo?: (location: CellLocation) => void;
  /** Accessible name of the list. */
  label: string;
  /** How many to show before "show more". */
  pageSize?: number;
  /** Offer the severity filter (when the list can be long). */
  filter?: boolean;
}

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    display: "grid",
    gridTemplateColumns: "auto 1fr auto",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  text: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  where: { color: tokens.colorNeutralForeground3 },
  filters: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    alignItems: "center",
  },
});

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const BADGE: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

/** A cell as people read it: 数据!N13 (no formula quoting); a whole row: 数据 第 67 行 / Data row 67. */
export function cellName(l: CellLocation, language: Language = "en-US"): string {
  if (l.column) return `${l.sheet}!${l.column}${l.row}`;
  return language === "zh-CN" ? `${l.sheet} 第 ${l.row} 行` : `${l.sheet} row ${l.row}`;
}

/** Where an issue is, in words: "数据!N13 · 续约率", or its subject when it has no cell. */
export function issueWhere(i: Issue, language: Language = "en-US"): string {
  if (i.location)
    return cellName(i.location, language) + (i.location.header ? ` · ${i.location.header}` : "");
  if (i.subject) return i.subject.id + (i.subject.period ? ` ${i.subject.period}` : "");
  return i.path ?? "";
}

export function issueText(i: Issue, language: Language): string {
  const text = formatMessage(i.code, i.params, language);
  if (!i.label) return text;
  const label = language === "zh-CN" ? i.label.zh : i.label.en;
  return language === "zh-CN" ? `${label}：${text}` : `${label}: ${text}`;
}

/** Problems, most severe first, each located by sheet, row and column, with "go to cell". */
export function IssueList({
  issues,
  language,
  onGoTo,
  label,
  pageSize = 30,
  filter = false,
}: IssueListProps): React.JSX.Element {
  const styles = useStyles();
  const t = useStrings();
  const [shown, setShown] = React.useState<Severity | "all">("all");
  const [limit, setLimit] = React.useState(pageSize);
  const sorted = React.useMemo(
    () =>
      issues
        .map((i, n) => ({ i, n }))
        .sort((a, b) => ORDER[a.i.severity] - ORDER[b.i.severity] || a.n - b.n)
        .map((x) => x.i),
    [issues]
  );
  const counts = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  const visible = sorted.filter((i) => shown === "all" || i.severity === shown);
  if (issues.length === 0) return <Text>{t.issues.none}</Text>;
  return (
    <div>
      {filter && (
        <div className={styles.filters} role="group" aria-label={t.issues.show}>
          <ToggleButton size="small" checked={shown === "all"} onClick={() => setShown("all")}>
            {`${t.issues.all} (${issues.length})`}
          </ToggleButton>
          {(["error", "warning", "info"] as const)
            .filter((s) => counts[s] > 0)
            .map((s) => (
              <ToggleButton key={s} size="small" checked={shown === s} onClick={() => setShown(s)}>
                {`${t.common.severity[s]} (${counts[s]})`}
              </ToggleButton>
            ))}
        </div>
      )}
      <ul className={styles.list} aria-label={label}>
        {visible.slice(0, limit).map((i, n) => {
          const where = issueWhere(i, language);
          const location = i.location;
          return (
            <li key={n} className={styles.item}>
              <Badge appearance="tint" color={BADGE[i.severity]} shape="rounded" size="small">
                {t.common.severity[i.severity]}
              </Badge>
              <div className={styles.text}>
                {where && <Caption1 className={styles.where}>{where}</Caption1>}
                <Text size={200}>{issueText(i, language)}</Text>
              </div>
              {onGoTo && location ? (
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<OpenRegular />}
                  aria-label={t.common.goTo(cellName(location, language))}
                  title={t.common.goTo(cellName(location, language))}
                  onClick={() => onGoTo(location)}
                />
              ) : (
                <span />
              )}
            </li>
          );
        })}
      </ul>
      {visible.length > limit && (
        <Button appearance="transparent" size="small" onClick={() => setLimit((l) => l + pageSize)}>
          {t.issues.more(Math.min(pageSize, visible.length - limit))}
        </Button>
      )}
    </div>
  );
}
