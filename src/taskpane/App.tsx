import * as React from "react";
import {
  FluentProvider,
  Text,
  Title2,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { Language } from "../engine/messages";

export interface AppProps {
  /** The language the pane speaks, from Office's display language. */
  language: Language;
  /** Follow Office's dark theme. */
  dark?: boolean;
}

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
});

const STRINGS: Record<Language, { title: string; intro: string }> = {
  "en-US": {
    title: "Sales Performance Plan",
    intro:
      "Scores, grades and pays sales staff by the 2024 sales performance plan. Type the PERF " +
      "functions into any workbook, or use this pane to build the plan workbook and scorecards; " +
      "the workbooks keep calculating without the add-in.",
  },
  "zh-CN": {
    title: "销售绩效方案",
    intro:
      "按2024年销售人员绩效方案计算得分、等级与薪酬。可在任意工作簿中输入 PERF 函数，" +
      "也可在此窗格中生成方案工作簿和计分卡；工作簿在没有加载项时也能照常计算。",
  },
};

/** The task pane's root: Fluent theme, title and a one-paragraph introduction. */
export function App({ language, dark = false }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const text = STRINGS[language];
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <main className={styles.root} lang={language}>
        <Title2 as="h1">{text.title}</Title2>
        <Text as="p">{text.intro}</Text>
      </main>
    </FluentProvider>
  );
}
