import * as React from "react";
import { Caption1, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import {
  IDENTITY_COLUMNS,
  IDENTITY_HEADERS,
  type CellTable,
  type ColumnMapping,
  type Plan,
} from "../../engine";
import { useSession } from "../session";

export interface ColumnMappingEditorProps {
  table: CellTable;
  plan: Plan;
  mapping: ColumnMapping;
  onChange(mapping: ColumnMapping): void;
}

export interface MappingTarget {
  key: string;
  name: string;
  required: boolean;
}

/** The plan's columns in Data-sheet order: identity columns, then the plan's fields. */
export function mappingTargets(plan: Plan, language: "en-US" | "zh-CN"): MappingTarget[] {
  const zh = language === "zh-CN";
  return [
    ...IDENTITY_COLUMNS.map((k) => ({
      key: k as string,
      name: zh ? IDENTITY_HEADERS[k].zh : IDENTITY_HEADERS[k].en,
      required: k !== "team",
    })),
    ...plan.fields.map((f) => ({
      key: f.key,
      name: zh ? f.name.zh : f.name.en,
      required: !f.optional,
    })),
  ];
}

export function missingRequired(plan: Plan, mapping: ColumnMapping): string[] {
  return mappingTargets(plan, "en-US")
    .filter((x) => x.required && mapping[x.key] === undefined)
    .map((x) => x.key);
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
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1.2fr)",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  name: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  example: { color: tokens.colorNeutralForeground3 },
  missing: { color: tokens.colorPaletteRedForeground1 },
});

function example(table: CellTable, column: number): string {
  for (const row of table.rows.slice(0, 20)) {
    const v = row[column];
    if (v !== null && v !== undefined && String(v).trim() !== "") return String(v);
  }
  return "";
}

/** For each plan column, the source column it comes from (or none), with an example value. */
export function ColumnMappingEditor({
  table,
  plan,
  mapping,
  onChange,
}: ColumnMappingEditorProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, language } = useSession();
  const headers = table.header
    .map((h, i) => ({ i, text: h === null || h === undefined ? "" : String(h) }))
    .filter((h) => h.text.trim() !== "");
  return (
    <ul className={styles.list}>
      {mappingTargets(plan, language).map((target) => {
        const selected = mapping[target.key];
        const id = `map-${target.key}`;
        const lacking = target.required && selected === undefined;
        const sample = selected === undefined ? "" : example(table, selected);
        return (
          <li key={target.key} className={styles.row}>
            <label htmlFor={id} className={styles.name}>
              <Text size={200} weight="semibold">
                {target.name}
              </Text>
              {target.required && (
                <Caption1 className={lacking ? styles.missing : styles.example}>
                  {t.data.required}
                </Caption1>
              )}
            </label>
            <div className={styles.name}>
              <Select
                id={id}
                size="small"
                value={selected === undefined ? "" : String(selected)}
                aria-invalid={lacking || undefined}
                onChange={(_, d) => {
                  const next = { ...mapping };
                  if (d.value === "") delete next[target.key];
                  else next[target.key] = Number(d.value);
                  onChange(next);
                }}
              >
                <option value="">{t.data.notInFile}</option>
                {headers.map((h) => (
                  <option key={h.i} value={String(h.i)}>
                    {h.text}
                  </option>
                ))}
              </Select>
              {sample && <Caption1 className={styles.example}>{t.data.example(sample)}</Caption1>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
