import * as React from "react";
import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useSession } from "../../session";
import { validationAt, type SectionProps } from "./planEditing";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))",
    "& > *": { minWidth: 0 },
    "& .fui-Select, & select": { minWidth: 0 },
    gap: tokens.spacingHorizontalS,
  },
});

/** Plan name (in the pane's language), version and effective date. */
export function GeneralSection({ plan, edit, issues, language }: SectionProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t } = useSession();
  const v = (path: string) => {
    const x = validationAt(issues, path, language);
    return { validationState: x?.state, validationMessage: x?.message };
  };
  const lang = language === "zh-CN" ? "zh" : "en";
  return (
    <>
      <Field label={t.plan.name} size="small" {...v("name")}>
        <Input
          size="small"
          value={plan.name[lang]}
          onChange={(_, d) => edit((p) => void (p.name[lang] = d.value))}
        />
      </Field>
      <div className={styles.grid}>
        <Field label={t.plan.version} size="small" {...v("version")}>
          <Input
            size="small"
            value={plan.version}
            onChange={(_, d) => edit((p) => void (p.version = d.value))}
          />
        </Field>
        <Field label={t.plan.effectiveDate} size="small" {...v("effectiveDate")}>
          <Input
            size="small"
            type="date"
            value={plan.effectiveDate}
            onChange={(_, d) => edit((p) => void (p.effectiveDate = d.value))}
          />
        </Field>
      </div>
    </>
  );
}
