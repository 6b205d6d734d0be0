import * as React from "react";
import { Caption1, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import {
  columnLetter,
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
  /** Plan columns that several file columns match and the user has not chosen yet: those columns. */
  unresolved?: Readonly<Record<string, readonly number[]>>;
  /** A choice made (the key it was made for and the new mapping). */
  onChange(mapping: ColumnMapping, key: string): void;
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
  choose: {
    color: tokens.colorPaletteDarkOrangeForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
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
  unresolved = {},
  onChange,
}: ColumnMappingEditorProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, language } = useSession();
  const headers = table.header
    .map((h, i) => ({ i, text: h === null || h === undefined ? "" : String(h) }))
    .filter((h) => h.text.trim() !== "");
  const seen = new Set<string>();
  const repeated = new Set(headers.map((h) => h.text).filter((x) => seen.has(x) || !seen.add(x)));
  return (
    <ul className={styles.list}>
      {mappingTargets(plan, language).map((target) => {
        const selected = mapping[target.key];
        const id = `map-${target.key}`;
        const lacking = target.required && selected === undefined;
        const several = unresolved[target.key];
        const letters = several?.map((c) => columnLetter((table.firstColumn ?? 0) + c)).join(", ");
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
                aria-invalid={lacking || Boolean(several) || undefined}
                aria-describedby={several ? `${id}-several` : undefined}
                onChange={(_, d) => {
                  const next = { ...mapping };
                  if (d.value === "") delete next[target.key];
                  else next[target.key] = Number(d.value);
                  onChange(next, target.key);
                }}
              >
                <option value="">{t.data.notInFile}</option>
                {headers.map((h) => (
                  <option key={h.i} value={String(h.i)}>
                    {repeated.has(h.text)
                      ? `${h.text} (${columnLetter((table.firstColumn ?? 0) + h.i)})`
                      : h.text}
                  </option>
                ))}
              </Select>
              {several && (
                <Caption1 id={`${id}-several`} className={styles.choose}>
                  {t.data.ambiguousColumns(letters ?? "")}
                </Caption1>
              )}
              {sample && <Caption1 className={styles.example}>{t.data.example(sample)}</Caption1>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
