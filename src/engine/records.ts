/**
 * Input records: one data row per salesperson and month, one rating per 360 feedback entry, and
 * the readers that turn a table of cells (a sheet, a CSV file, a selection) into them. Readers are
 * tolerant of column order, extra columns and header language, accept what CRM exports contain,
 * and return a located issue for everything they cannot read — they never drop a row silently.
 */
import { CellInput, readNumber, toHalfWidth } from "./coerce";
import { Issue, columnLetter, issue } from "./issues";
import { defineMessages } from "./messages";
import type { FieldDef, Plan } from "./plan/model";
import { IDENTITY_COLUMNS, IdentityColumn, PAY_FIELDS } from "./plan/model";
import { Period, readPeriod } from "./periods";

export interface SourceRef {
  sheet: string;
  /** 1-based sheet (or file line) row. */
  row: number;
  /** Column letter of each field and identity column in that sheet (one object per table). */
  columns?: Readonly<Record<string, string>>;
}

export interface DataRow {
  id: string;
  name: string;
  team: string;
  /** Month key, e.g. "2024-01". */
  period: string;
  /** Values by field key; null is a blank cell (or a column the data does not have). */
  values: Record<string, number | null>;
  /** Field keys whose cells held something unreadable (an error issue says what). */
  invalid: string[];
  /** Field keys whose column is absent from the data altogether. */
  absent: string[];
  /** Another row (its sheet row number) for the same person and month with other values: neither can be used. */
  conflict: number | null;
  source: SourceRef;
}

export type RaterType = "superior" | "peer" | "customer";

export interface FeedbackRating {
  id: string;
  /** Month, quarter or year key the rating belongs to. */
  period: string;
  rater: RaterType;
  score: number;
  raterName: string;
  source: SourceRef;
}

/** A rectangular block of cells as read from a sheet or file. */
export interface CellTable {
  sheet: string;
  /** 1-based sheet row of the header line. */
  headerRow: number;
  header: CellInput[];
  rows: CellInput[][];
  /** 1-based sheet row of rows[0]; default headerRow + 1. */
  firstDataRow?: number;
  /** 0-based sheet column of header[0]; default 0 (column A). */
  firstColumn?: number;
}

/** Column index (0-based, into the table) for each identity column and field key. */
export type ColumnMapping = Record<string, number>;

export const RECORD_MESSAGES = defineMessages({
  columnNotFound: {
    en: 'Column "{name}" was not found in the header row.',
    zh: "表头中没有找到“{name}”列。",
  },
  columnAmbiguous: {
    en: 'Columns {columns} could all be "{name}"; the first is used.',
    zh: "{columns} 列都可能是“{name}”，已使用第一列。",
  },
  columnIgnored: {
    en: 'Column "{header}" is not part of the plan and was ignored.',
    zh: "“{header}”列不属于方案，已忽略。",
  },
  idMissing: {
    en: "The employee id is blank; the row cannot be attributed to anyone.",
    zh: "员工编号为空，无法确定该行属于谁。",
  },
  periodUnreadable: {
    en: '"{text}" is not a month; write it as 2024-03.',
    zh: "“{text}”不是有效月份，请写成 2024-03 的格式。",
  },
  periodNotMonth: {
    en: "{text} is a {kind}; data rows are monthly (e.g. 2024-03).",
    zh: "{text} 不是月份；数据行按月填写（如 2024-03）。",
  },
  periodNormalized: { en: '"{text}" was read as {key}.', zh: "“{text}”已按 {key} 读取。" },
  numberUnreadable: { en: '"{text}" is not a number.', zh: "“{text}”不是数字。" },
  booleanInNumber: { en: "TRUE/FALSE is not a number.", zh: "TRUE/FALSE 不是数字。" },
  numberNormalized: { en: '"{text}" was read as {value}.', zh: "“{text}”已按 {value} 读取。" },
  valueBlank: { en: "{field} is blank.", zh: "{field}为空。" },
  valueNegative: {
    en: "{field} is negative ({value}); it cannot be.",
    zh: "{field}为负数（{value}），不应为负。",
  },
  returnsExceedSales: {
    en: "{field} is negative ({value}): returns exceed sales this month.",
    zh: "{field}为负数（{value}）：本月退货超过签约。",
  },
  scoreOutOfRange: {
    en: "{field} is {value}; a score lies between 0 and 100.",
    zh: "{field}为 {value}，分数应在 0 到 100 之间。",
  },
  targetZeroWarning: {
    en: "{field} is 0; this month's attainment for it cannot be computed.",
    zh: "{field}为 0，本月无法计算相应完成率。",
  },
  daysInvalid: {
    en: "Days in month is {value}; it must be above 0.",
    zh: "当月天数为 {value}，必须大于 0。",
  },
  daysNotCalendar: {
    en: "Days in month is {days}, but {period} has {calendar} days: is the month right?",
    zh: "当月天数为 {days}，但 {period} 有 {calendar} 天：月份是否填写正确？",
  },
  daysExceed: {
    en: "Days worked ({worked}) exceed days in month ({days}); pay is not prorated above 100%.",
    zh: "出勤天数（{worked}）超过当月天数（{days}），薪酬不会超过 100% 计发。",
  },
  partialPeriod: {
    en: "Worked {worked} of {days} days: base and performance pay are prorated.",
    zh: "出勤 {worked}/{days} 天：基本工资和绩效工资按比例折算。",
  },
  nameTrimmed: {
    en: 'The name "{text}" has extra spaces; read as "{name}".',
    zh: "姓名“{text}”含多余空格，已按“{name}”读取。",
  },
  formulaText: {
    en: 'The name starts with "{first}"; it is kept and written as text, never as a formula.',
    zh: "姓名以“{first}”开头，将作为文本保存，不会作为公式执行。",
  },
  nameChanged: {
    en: 'Employee {id} is named "{name}" here but "{other}" in row {row}.',
    zh: "员工 {id} 在此处名为“{name}”，而在第 {row} 行名为“{other}”。",
  },
  duplicateRow: {
    en: "This row repeats row {row} exactly and was skipped.",
    zh: "该行与第 {row} 行完全相同，已跳过。",
  },
  conflictingRow: {
    en: "Employee {id} already has a row for {period} (row {row}) with other values; correct the month of one of them or delete one.",
    zh: "员工 {id} 在 {period} 已有一行（第 {row} 行）且数值不同，请更正其中一行的月份或删除一行。",
  },
  raterUnreadable: {
    en: '"{text}" is not a rater type; use superior, peer or customer (上级/同事/客户).',
    zh: "“{text}”不是评价人类型，请填写 上级、同事 或 客户。",
  },
  ratingOutOfRange: {
    en: "The rating {value} is outside 0–100.",
    zh: "评分 {value} 不在 0 到 100 之间。",
  },
  ratingMissing: { en: "The rating is blank.", zh: "评分为空。" },
  feedbackPeriodUnreadable: {
    en: '"{text}" is not a period; write 2024-03, 2024-Q1 or 2024.',
    zh: "“{text}”不是有效期间，请写成 2024-03、2024-Q1 或 2024。",
  },
});

/** Normalizes header text for matching: half-width, no spaces, unified brackets, lower case. */
export function normalizeHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")")
    .replace(/\s+/g, "")
    .toLowerCase();
}

function withoutUnit(text: string): string {
  return text.replace(/\((元|cny|rmb|天|days|小时|hours|0[–-]100|%)\)$/i, "");
}

const IDENTITY_NAMES: Record<IdentityColumn, string[]> = {
  id: ["id", "employee id", "employeeid", "员工编号", "工号", "编号", "销售员编号"],
  name: ["name", "employee", "姓名", "销售员", "员工姓名"],
  team: ["team", "department", "部门", "团队", "小组", "销售部门"],
  period: ["period", "month", "月份", "期间", "月度", "考核期间"],
};

/** Header names in both languages for an identity column. */
export const IDENTITY_HEADERS: Record<IdentityColumn, { en: string; zh: string }> = {
  id: { en: "Employee ID", zh: "员工编号" },
  name: { en: "Name", zh: "姓名" },
  team: { en: "Team", zh: "部门" },
  period: { en: "Period", zh: "月份" },
};

function candidates(f: FieldDef): string[] {
  const names = [f.key, f.name.en, f.name.zh, ...f.aliases];
  const out = new Set<string>();
  for (const n of names) {
    const h = normalizeHeader(n);
    out.add(h);
    out.add(withoutUnit(h));
  }
  return [...out];
}

export interface MappingResult {
  mapping: ColumnMapping;
  issues: Issue[];
}

/**
 * Finds each identity column and plan field in a header row. Extra columns are reported and
 * ignored; a required column that is absent is an error; optional fields may be absent.
 */
export function mapColumns(table: CellTable, plan: Plan, saved?: ColumnMapping): MappingResult {
  const issues: Issue[] = [];
  const firstColumn = table.firstColumn ?? 0;
  const headers = table.header.map((h) => (h === null || h === undefined ? "" : String(h)));
  const normalized = headers.map((h) => normalizeHeader(h));
  const byName = new Map<string, number[]>();
  normalized.forEach((h, i) => {
    if (!h) return;
    for (const k of new Set([h, withoutUnit(h)])) {
      const list = byName.get(k) ?? [];
      list.push(i);
      byName.set(k, list);
    }
  });
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  const want: {
    key: string;
    names: string[];
    display: { en: string; zh: string };
    optional: boolean;
  }[] = [
    ...IDENTITY_COLUMNS.map((k) => ({
      key: k,
      names: IDENTITY_NAMES[k].map(normalizeHeader),
      display: IDENTITY_HEADERS[k],
      optional: k === "team",
    })),
    ...plan.fields.map((f) => ({
      key: f.key,
      names: candidates(f),
      display: f.name,
      optional: f.optional,
    })),
  ];
  for (const w of want) {
    const s = saved?.[w.key];
    if (s !== undefined && s >= 0 && s < headers.length && headers[s] !== "") {
      mapping[w.key] = s;
      used.add(s);
      continue;
    }
    const found = new Set<number>();
    for (const n of w.names) for (const i of byName.get(n) ?? []) if (!used.has(i)) found.add(i);
    const list = [...found].sort((a, b) => a - b);
    if (list.length === 0) {
      if (!w.optional) {
        issues.push(
          issue(
            "error",
            "columnNotFound",
            { name: w.display },
            { location: { sheet: table.sheet, row: table.headerRow } }
          )
        );
      }
      continue;
    }
    if (list.length > 1) {
      issues.push(
        issue(
          "warning",
          "columnAmbiguous",
          { name: w.display, columns: list.map((i) => columnLetter(firstColumn + i)).join(", ") },
          {
            location: {
              sheet: table.sheet,
              row: table.headerRow,
              column: columnLetter(firstColumn + list[0]),
            },
          }
        )
      );
    }
    mapping[w.key] = list[0];
    used.add(list[0]);
  }
  headers.forEach((h, i) => {
    if (h.trim() !== "" && !used.has(i)) {
      issues.push(
        issue(
          "info",
          "columnIgnored",
          { header: h },
          {
            location: {
              sheet: table.sheet,
              row: table.headerRow,
              column: columnLetter(firstColumn + i),
              header: h,
            },
          }
        )
      );
    }
  });
  return { mapping, issues };
}

function cellText(v: CellInput): string {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v : String(v);
}

function isBlankRow(row: CellInput[]): boolean {
  for (const c of row)
    if (!(c === null || c === undefined || (typeof c === "string" && c.trim() === "")))
      return false;
  return true;
}

/** Fields that may be negative: amounts that returns can push below zero, and adjustments. */
export function mayBeNegative(f: FieldDef): boolean {
  if (f.key === PAY_FIELDS.adjustment) return true;
  return (
    f.unit === "currency" &&
    f.role === "measure" &&
    f.key !== PAY_FIELDS.collected &&
    f.key !== PAY_FIELDS.due
  );
}

export interface DataReading {
  rows: DataRow[];
  issues: Issue[];
  mapping: ColumnMapping;
}

/**
 * Reads the Data sheet (or a CRM export) into data rows. Every problem is an issue located by
 * sheet, row and column; rows with unreadable cells are kept with those cells marked invalid, so
 * the scorecard can say exactly what blocks them.
 */
export function readDataTable(table: CellTable, plan: Plan, saved?: ColumnMapping): DataReading {
  const { mapping, issues } = mapColumns(table, plan, saved);
  const rows: DataRow[] = [];
  if (mapping.id === undefined || mapping.period === undefined) return { rows, issues, mapping };
  const firstColumn = table.firstColumn ?? 0;
  const firstRow = table.firstDataRow ?? table.headerRow + 1;
  const headers = table.header.map(cellText);
  const loc = (r: number, key: string) => {
    const c = mapping[key];
    return {
      sheet: table.sheet,
      row: r,
      column: c === undefined ? undefined : columnLetter(firstColumn + c),
      header: c === undefined ? undefined : headers[c],
    };
  };
  const columns: Record<string, string> = {};
  for (const [k, c] of Object.entries(mapping)) columns[k] = columnLetter(firstColumn + c);
  const seen = new Map<string, { row: DataRow; signature: string }>();
  const names = new Map<string, { name: string; row: number; reported: Set<string> }>();
  const fields = plan.fields;
  // Fields without a column: one list shared by every row of the table.
  const absent: string[] = fields.filter((f) => mapping[f.key] === undefined).map((f) => f.key);
  // Every row's values start as a copy of one template, so all rows share one object shape
  // (V8 keeps them in fast mode; objects filled key by key from {} fall back to dictionaries).
  const template: Record<string, number | null> = Object.fromEntries(
    fields.map((f) => [f.key, null])
  );

  // Trailing blank rows are ignored; blank rows in between are skipped silently too.
  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows[i];
    if (!cells || isBlankRow(cells)) continue;
    const r = firstRow + i;
    const get = (key: string): CellInput =>
      mapping[key] === undefined ? null : cells[mapping[key]];

    const id = toHalfWidth(cellText(get("id"))).trim();
    if (id === "") {
      issues.push(issue("error", "idMissing", {}, { location: loc(r, "id") }));
      continue;
    }
    const rawName = cellText(get("name"));
    const name = rawName.trim();
    const team = cellText(get("team")).trim();
    const periodCell = get("period");
    const pr = readPeriod(periodCell);
    if (!pr.ok) {
      issues.push(
        issue(
          "error",
          "periodUnreadable",
          { text: cellText(periodCell) },
          { location: loc(r, "period"), subject: { id } }
        )
      );
      continue;
    }
    const period: Period = pr.period;
    if (period.kind !== "month") {
      issues.push(
        issue(
          "error",
          "periodNotMonth",
          { text: period.key, kind: period.kind },
          { location: loc(r, "period"), subject: { id } }
        )
      );
      continue;
    }
    const subject = { id, period: period.key };
    if (pr.normalized && typeof periodCell === "string") {
      issues.push(
        issue(
          "warning",
          "periodNormalized",
          { text: periodCell, key: period.key },
          { location: loc(r, "period"), subject }
        )
      );
    }
    if (rawName !== name)
      issues.push(
        issue(
          "warning",
          "nameTrimmed",
          { text: rawName, name },
          { location: loc(r, "name"), subject }
        )
      );
    if (/^[=+\-@]/.test(name))
      issues.push(
        issue("warning", "formulaText", { first: name[0] }, { location: loc(r, "name"), subject })
      );

    const values: Record<string, number | null> = { ...template };
    const invalid: string[] = [];
    for (const f of fields) {
      if (mapping[f.key] === undefined) {
        values[f.key] = null;
        continue;
      }
      const cell = get(f.key);
      const reading = readNumber(cell);
      const where = { location: loc(r, f.key), subject };
      if (reading.kind === "blank") {
        values[f.key] = null;
        if (!f.optional) issues.push(issue("warning", "valueBlank", { field: f.name }, where));
        continue;
      }
      if (reading.kind === "boolean") {
        values[f.key] = null;
        invalid.push(f.key);
        issues.push(issue("error", "booleanInNumber", {}, where));
        continue;
      }
      if (reading.kind === "text") {
        values[f.key] = null;
        invalid.push(f.key);
        issues.push(issue("error", "numberUnreadable", { text: reading.text }, where));
        continue;
      }
      let v = reading.value;
      if (typeof cell === "string" && /[\uff01-\uff5e\u3000]/.test(cell)) {
        issues.push(issue("warning", "numberNormalized", { text: cell, value: v }, where));
      }
      if (f.unit === "ratio" && typeof cell === "number" && v > 1.5 && v <= 100) {
        // A percentage typed as a plain number (85 for 85%) in a ratio column.
        issues.push(
          issue("warning", "numberNormalized", { text: String(cell), value: v / 100 }, where)
        );
        v = v / 100;
      }
      const fieldName = f.name;
      if (v < 0) {
        if (mayBeNegative(f)) {
          if (f.key !== PAY_FIELDS.adjustment)
            issues.push(
              issue("warning", "returnsExceedSales", { field: fieldName, value: v }, where)
            );
        } else {
          values[f.key] = null;
          invalid.push(f.key);
          issues.push(issue("error", "valueNegative", { field: fieldName, value: v }, where));
          continue;
        }
      }
      if (f.unit === "score" && v > 100) {
        values[f.key] = null;
        invalid.push(f.key);
        issues.push(issue("error", "scoreOutOfRange", { field: fieldName, value: v }, where));
        continue;
      }
      if (f.role === "target" && v === 0)
        issues.push(issue("warning", "targetZeroWarning", { field: fieldName }, where));
      values[f.key] = v;
    }
    const days = values[PAY_FIELDS.daysInPeriod];
    const worked = values[PAY_FIELDS.daysWorked];
    if (
      days !== null &&
      days !== undefined &&
      days <= 0 &&
      !invalid.includes(PAY_FIELDS.daysInPeriod)
    ) {
      values[PAY_FIELDS.daysInPeriod] = null;
      invalid.push(PAY_FIELDS.daysInPeriod);
      issues.push(
        issue(
          "error",
          "daysInvalid",
          { value: days },
          { location: loc(r, PAY_FIELDS.daysInPeriod), subject }
        )
      );
    } else if (days) {
      const calendar = new Date(Date.UTC(period.year, period.index, 0)).getUTCDate();
      if (days !== calendar)
        issues.push(
          issue(
            "warning",
            "daysNotCalendar",
            { days, period: period.key, calendar },
            { location: loc(r, PAY_FIELDS.daysInPeriod), subject }
          )
        );
    }
    if (days && days > 0 && worked !== null && worked !== undefined) {
      if (worked > days)
        issues.push(
          issue(
            "warning",
            "daysExceed",
            { worked, days },
            { location: loc(r, PAY_FIELDS.daysWorked), subject }
          )
        );
      else if (worked < days)
        issues.push(
          issue(
            "info",
            "partialPeriod",
            { worked, days },
            { location: loc(r, PAY_FIELDS.daysWorked), subject }
          )
        );
    }

    const row: DataRow = {
      id,
      name,
      team,
      period: period.key,
      values,
      invalid,
      absent,
      conflict: null,
      source: { sheet: table.sheet, row: r, columns },
    };
    const signature = JSON.stringify([name, team, values, invalid]);
    const k = id + "\u0000" + period.key;
    const prior = seen.get(k);
    if (prior) {
      if (prior.signature === signature) {
        issues.push(
          issue(
            "warning",
            "duplicateRow",
            { row: prior.row.source.row },
            { location: { sheet: table.sheet, row: r }, subject }
          )
        );
      } else {
        issues.push(
          issue(
            "error",
            "conflictingRow",
            { id, period: period.key, row: prior.row.source.row },
            { location: { sheet: table.sheet, row: r }, subject }
          )
        );
        // Neither row can be trusted: the person-month is blocked until one of them is fixed.
        prior.row.conflict = r;
      }
      continue;
    }
    seen.set(k, { row, signature });
    const known = names.get(id);
    if (!known) names.set(id, { name, row: r, reported: new Set([name]) });
    else if (!known.reported.has(name)) {
      known.reported.add(name);
      issues.push(
        issue(
          "warning",
          "nameChanged",
          { id, name, other: known.name, row: known.row },
          { location: loc(r, "name"), subject }
        )
      );
    }
    rows.push(row);
  }
  return { rows, issues, mapping };
}

const RATERS: Record<string, RaterType> = {
  superior: "superior",
  manager: "superior",
  上级: "superior",
  主管: "superior",
  peer: "peer",
  peers: "peer",
  colleague: "peer",
  同事: "peer",
  customer: "customer",
  customers: "customer",
  client: "customer",
  客户: "customer",
};

export const FEEDBACK_HEADERS = {
  id: { en: "Employee ID", zh: "员工编号", names: IDENTITY_NAMES.id },
  period: {
    en: "Period",
    zh: "期间",
    names: ["period", "期间", "月份", "季度", "年度", "考核期间"],
  },
  rater: {
    en: "Rater type",
    zh: "评价人类型",
    names: ["rater type", "ratertype", "rater", "评价人类型", "评价人", "评价类型"],
  },
  score: { en: "Score", zh: "评分", names: ["score", "rating", "评分", "分数", "得分"] },
  raterName: { en: "Rater", zh: "评价人姓名", names: ["rater name", "ratername", "评价人姓名"] },
} as const;

export interface FeedbackReading {
  ratings: FeedbackRating[];
  issues: Issue[];
}

/** Reads the Feedback sheet: one row per rating (employee, period, rater type, score). */
export function readFeedbackTable(table: CellTable): FeedbackReading {
  const issues: Issue[] = [];
  const ratings: FeedbackRating[] = [];
  const firstColumn = table.firstColumn ?? 0;
  const firstRow = table.firstDataRow ?? table.headerRow + 1;
  const headers = table.header.map(cellText);
  const norm = headers.map(normalizeHeader);
  const col: Partial<Record<keyof typeof FEEDBACK_HEADERS, number>> = {};
  for (const [key, h] of Object.entries(FEEDBACK_HEADERS) as [
    keyof typeof FEEDBACK_HEADERS,
    (typeof FEEDBACK_HEADERS)[keyof typeof FEEDBACK_HEADERS],
  ][]) {
    const names = h.names.map(normalizeHeader);
    const i = norm.findIndex(
      (n) => names.includes(n) || n === normalizeHeader(h.en) || n === normalizeHeader(h.zh)
    );
    if (i >= 0) col[key] = i;
    else if (key !== "raterName")
      issues.push(
        issue(
          "error",
          "columnNotFound",
          { name: { en: h.en, zh: h.zh } },
          { location: { sheet: table.sheet, row: table.headerRow } }
        )
      );
  }
  if (
    col.id === undefined ||
    col.period === undefined ||
    col.rater === undefined ||
    col.score === undefined
  )
    return { ratings, issues };
  const loc = (r: number, c: number) => ({
    sheet: table.sheet,
    row: r,
    column: columnLetter(firstColumn + c),
    header: headers[c],
  });
  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows[i];
    if (!cells || isBlankRow(cells)) continue;
    const r = firstRow + i;
    const id = toHalfWidth(cellText(cells[col.id])).trim();
    if (!id) {
      issues.push(issue("error", "idMissing", {}, { location: loc(r, col.id) }));
      continue;
    }
    const pr = readPeriod(cells[col.period]);
    if (!pr.ok) {
      issues.push(
        issue(
          "error",
          "feedbackPeriodUnreadable",
          { text: cellText(cells[col.period]) },
          { location: loc(r, col.period), subject: { id } }
        )
      );
      continue;
    }
    const subject = { id, period: pr.period.key };
    const raterText = cellText(cells[col.rater]);
    const rater = RATERS[normalizeHeader(raterText)];
    if (!rater) {
      issues.push(
        issue(
          "error",
          "raterUnreadable",
          { text: raterText },
          { location: loc(r, col.rater), subject }
        )
      );
      continue;
    }
    const reading = readNumber(cells[col.score]);
    if (reading.kind !== "number") {
      if (reading.kind === "blank")
        issues.push(issue("error", "ratingMissing", {}, { location: loc(r, col.score), subject }));
      else
        issues.push(
          issue(
            "error",
            "numberUnreadable",
            { text: cellText(cells[col.score]) },
            { location: loc(r, col.score), subject }
          )
        );
      continue;
    }
    if (reading.value < 0 || reading.value > 100) {
      issues.push(
        issue(
          "error",
          "ratingOutOfRange",
          { value: reading.value },
          { location: loc(r, col.score), subject }
        )
      );
      continue;
    }
    ratings.push({
      id,
      period: pr.period.key,
      rater,
      score: reading.value,
      raterName: col.raterName === undefined ? "" : cellText(cells[col.raterName]).trim(),
      source: { sheet: table.sheet, row: r },
    });
  }
  return { ratings, issues };
}
