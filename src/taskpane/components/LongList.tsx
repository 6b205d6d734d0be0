import * as React from "react";
import { Button, Caption1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { SearchRegular } from "@fluentui/react-icons";
import { useSession } from "../session";

/**
 * Long lists of salespeople (a sales force of 10,000): found by name or ID, and shown a page at a
 * time.
 *
 * Long lists are shown a page at a time: all of them at once would hold
 * the pane's thread for seconds. `usePage` keeps how many are shown; a new choice of what is
 * listed calls `reset`.
 */
export const PAGE = 30;

export function usePage(): { limit: number; more: () => void; reset: () => void } {
  const [limit, setLimit] = React.useState(PAGE);
  return {
    limit,
    more: React.useCallback(() => setLimit((l) => l + PAGE), []),
    reset: React.useCallback(() => setLimit(PAGE), []),
  };
}

/** The people whose name or employee ID holds the text (any case); all when it is empty. */
export function findPeople<T extends { name: string; id: string }>(list: T[], text: string): T[] {
  const q = text.trim().toLowerCase();
  if (!q) return list;
  return list.filter((p) => p.name.toLowerCase().includes(q) || p.id.toLowerCase().includes(q));
}

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** "Showing 30 of 10,000" and a button for the next page; nothing once every item is shown. */
export function ShowMore(props: {
  shown: number;
  total: number;
  onMore: () => void;
}): React.JSX.Element | null {
  const styles = useStyles();
  const { strings: t } = useSession();
  const { shown, total } = props;
  if (shown >= total) return null;
  return (
    <div className={styles.row}>
      <Caption1>{t.common.showing(shown, total)}</Caption1>
      <Button appearance="secondary" size="small" onClick={props.onMore}>
        {t.common.showMore(Math.min(PAGE, total - shown))}
      </Button>
    </div>
  );
}

/** The Find box of a list of salespeople: by name or employee ID. */
export function FindField(props: {
  value: string;
  onChange: (text: string) => void;
  hint?: string;
}): React.JSX.Element {
  const { strings: t } = useSession();
  return (
    <Field label={t.common.find} size="small" hint={props.hint}>
      <Input
        size="small"
        type="search"
        contentBefore={<SearchRegular />}
        value={props.value}
        placeholder={t.common.findPlaceholder}
        onChange={(_, d) => props.onChange(d.value)}
      />
    </Field>
  );
}
