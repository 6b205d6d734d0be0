import * as React from "react";
import { Select, makeStyles } from "@fluentui/react-components";
import type { Language } from "../../engine";
import { useSession } from "../session";

const useStyles = makeStyles({ select: { minWidth: "88px" } });

/** The pane's language: Office's display language at start, switchable here. */
export function LanguageSelect(): React.JSX.Element {
  const styles = useStyles();
  const { language, setLanguage, strings: t } = useSession();
  return (
    <Select
      className={styles.select}
      size="small"
      aria-label={t.language.label}
      value={language}
      onChange={(_, data) => setLanguage(data.value as Language)}
    >
      <option value="zh-CN">{t.language.zh}</option>
      <option value="en-US">{t.language.en}</option>
    </Select>
  );
}
