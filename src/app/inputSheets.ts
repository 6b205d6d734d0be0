/**
 * The host's input sheets (Plan, Data, Feedback): creating the plan workbook, reading the plan and
 * the inputs, and importing rows into the Data and Feedback sheets without losing the columns the
 * user added. Part of createLayoutHost (layoutHost.ts).
 */
import {
  IDENTITY_HEADERS,
  mapColumns,
  normalizeHeader,
  EXCEL_MAX_ROWS,
  type CellInput,
  type CellTable,
  type Plan,
} from "../engine";
import type { Scalar, SheetRole } from "../workbook/layout";
import { enumText } from "../workbook/text";
import {
  HostError,
  type FeedbackImportRequest,
  type ImportRequest,
  type ImportResult,
  type ReviewRowRequest,
  type SheetPlan,
  type WorkbookHost,
  type WorkbookInputs,
  type WriteOptions,
} from "./host";
import { blank, feedbackRows, importRows, withDateCells } from "./imports";
import type { LayoutBuilders, LayoutContext, SheetBackend, SheetRead, UserColumn } from "./ports";
import type { WorkbookLayout } from "../workbook/layout";
import { readGradeHistorySheet } from "../workbook/grade-history";
import { taskOptions, type Compute } from "./compute";

/** The Data sheet's lines above its first data row: the unit line and the header. */
const DATA_HEADER_ROWS = 2;

/** The header row of a sheet that holds a table: the table's, else the first row that names id and period. */
export function findHeaderRow(read: SheetRead, plan: Plan | null): number {
  if (read.headerRow !== undefined) return read.headerRow;
  const idNames = new Set([IDENTITY_HEADERS.id.en, IDENTITY_HEADERS.id.zh].map(normalizeHeader));
  for (let r = 0; r < Math.min(read.values.length, 20); r++) {
    const row = read.values[r].map((c) =>
      normalizeHeader(c === null || c === undefined ? "" : String(c))
    );
    if (row.some((h) => idNames.has(h))) return r;
    if (plan) {
      const m = mapColumns(
        { sheet: read.name, headerRow: r + 1, header: read.values[r], rows: [] },
        plan
      ).mapping;
      if (m.id !== undefined && m.period !== undefined) return r;
    }
  }
  return 0;
}

export function tableOf(read: SheetRead, headerRow: number): CellTable {
  const rows = read.values.slice(headerRow + 1);
  let end = rows.length;
  while (
    end > 0 &&
    rows[end - 1].every(
      (c) => c === null || c === undefined || (typeof c === "string" && c.trim() === "")
    )
  )
    end--;
  return {
    sheet: read.name,
    headerRow: headerRow + 1,
    header: read.values[headerRow] ?? [],
    rows: rows.slice(0, end),
  };
}

/**
 * The Data sheet's rows after an import, and the columns the user added to it (any column the
 * plan does not name, with its header and values) so that rewriting the sheet never loses them.
 * Appending keeps every row with its values; replacing moves each user value to the imported row
 * of the same salesperson and month, and is refused when a value would have nowhere to go.
 */
export function withUserColumns(
  data: SheetRead,
  plan: Plan,
  header: readonly CellInput[],
  imported: Scalar[][],
  mode: ImportRequest["mode"]
): { rows: Scalar[][]; userColumns: UserColumn[] } {
  const h = findHeaderRow(data, plan);
  const existing = tableOf(data, h);
  const mapping = mapColumns(existing, plan).mapping;
  const planColumns = new Set(Object.values(mapping));
  const width = Math.max(0, ...data.values.map((l) => l.length));
  const userAt: number[] = [];
  for (let c = 0; c < width; c++) {
    if (planColumns.has(c)) continue;
    const used = data.values.some((line) => !blank(line[c]));
    if (used) userAt.push(c);
  }
  // rows already there move with their cells as they are (only an import converts)
  const laid = (row: CellInput[]) =>
    importRows({ ...existing, rows: [row] }, mapping, header, plan, false).rows[0];
  // the rows already there (not blank), each with its user values
  const old = existing.rows
    .filter((row) => row && !row.every(blank))
    .map((row) => ({
      row: laid(row) ?? [],
      user: userAt.map((c) => (blank(row[c]) ? null : (row[c] as Scalar))),
    }));
  const target = mapColumns(
    { sheet: "", headerRow: 1, header: [...header], rows: [] },
    plan
  ).mapping;
  const key = (row: Scalar[]) =>
    `${String(row[target.id] ?? "").trim()}\u0000${String(row[target.period] ?? "").trim()}`;
  const userColumns: UserColumn[] = userAt.map((c) => ({
    unit: h > 0 && !blank(data.values[h - 1]?.[c]) ? (data.values[h - 1][c] as Scalar) : null,
    header: blank(data.values[h]?.[c]) ? null : (data.values[h][c] as Scalar),
    values: [],
  }));
  if (mode === "append") {
    const rows = [...old.map((o) => o.row), ...imported];
    userColumns.forEach((u, k) => {
      u.values = [...old.map((o) => o.user[k]), ...imported.map(() => null)];
    });
    return { rows, userColumns };
  }
  if (userAt.length === 0) return { rows: imported, userColumns };
  const byKey = new Map<string, Scalar[]>();
  for (const o of old)
    if (o.user.some((v) => v !== null) && !byKey.has(key(o.row))) byKey.set(key(o.row), o.user);
  const landing = new Set(imported.map(key));
  const lost = old.filter((o) => o.user.some((v) => v !== null) && !landing.has(key(o.row)));
  const dup = old.filter(
    (o, i) =>
      o.user.some((v) => v !== null) && old.findIndex((x) => key(x.row) === key(o.row)) !== i
  );
  if (lost.length || dup.length) {
    const names = userColumns.map((u) => `“${String(u.header ?? "")}”`).join(", ");
    throw new HostError(
      `The Data sheet has columns the add-in did not create (${names}) with values on ${lost.length + dup.length} rows that are not in this import. Replacing the rows would lose them: add the import below the rows instead, or move those values elsewhere first.`,
      "UserColumnsWouldBeLost",
      { columns: userColumns.map((u) => String(u.header ?? "")), rows: lost.length + dup.length }
    );
  }
  userColumns.forEach((u, k) => {
    u.values = imported.map((row) => byKey.get(key(row))?.[k] ?? null);
  });
  return { rows: imported, userColumns };
}

/**
 * The rows of the Appeals or Sign-off sheet after adding a row or setting cells of one (refused
 * when the row named is not one the sheet holds). Rows are kept as read, cell for cell.
 */
export function reviewRows(read: SheetRead | null, request: ReviewRowRequest): Scalar[][] {
  const rows = read ? tableOf(read, 0).rows.map((r) => r.map((c) => (c ?? null) as Scalar)) : [];
  if (request.add) rows.push([...request.add]);
  if (request.update) {
    const i = request.update.row - 2;
    if (i < 0 || i >= rows.length || rows[i].every(blank))
      throw new HostError(
        `Row ${request.update.row} of the ${request.role === "appeals" ? "Appeals" : "Sign-off"} sheet holds nothing to change; read the sheet again.`,
        "NoSuchRow"
      );
    const row = rows[i];
    for (const [c, v] of Object.entries(request.update.cells)) {
      while (row.length <= Number(c)) row.push(null);
      row[Number(c)] = v;
    }
  }
  return rows;
}

type InputOperations = Pick<
  WorkbookHost,
  | "createPlanWorkbook"
  | "readPlan"
  | "writePlan"
  | "readInputs"
  | "readSelection"
  | "addGradeHistorySheet"
  | "readGradeHistory"
  | "writeReviewRow"
>;

/** Creating the plan workbook and reading its plan and input sheets. */
export function inputOperations(backend: SheetBackend, layouts: LayoutBuilders): InputOperations {
  return {
    async createPlanWorkbook(plan, language, options = {}) {
      const sheets = await backend.addinSheets();
      return backend.applyLayout(layouts.template(plan, language, { sheets }), options);
    },

    async addGradeHistorySheet(language, options = {}) {
      const [sheets, read] = await Promise.all([
        backend.addinSheets(),
        backend.readSheet("grade_history"),
      ]);
      // the sheet holds what HR typed: never rewritten once it is there
      if (read) return null;
      return backend.applyLayout(layouts.gradeHistorySheet(language, { sheets }), options);
    },

    async readGradeHistory(plan) {
      const read = await backend.readSheet("grade_history");
      if (!read) return { entries: [], issues: [], columns: null };
      return readGradeHistorySheet(read.values, read.name, plan);
    },

    async readPlan(): Promise<SheetPlan> {
      const read = await backend.readSheet("plan");
      if (!read) return { plan: null, issues: [] };
      const r = layouts.readPlan(read.values, read.name);
      return { plan: r.plan, issues: r.issues };
    },

    async writePlan(plan, language, options = {}) {
      const sheets = await backend.addinSheets();
      return backend.applyLayout(layouts.planSheet(plan, language, { sheets }), {
        ...options,
        rewriteInputs: ["plan"],
      });
    },

    async readInputs(): Promise<WorkbookInputs> {
      const [data, feedback, gradeHistory, appeals, signOff] = await Promise.all([
        backend.readSheet("data"),
        backend.readSheet("feedback"),
        backend.readSheet("grade_history"),
        backend.readSheet("appeals"),
        backend.readSheet("sign_off"),
      ]);
      const table = (read: SheetRead | null) => {
        if (!read) return null;
        const h = findHeaderRow(read, null);
        const t = tableOf(read, h);
        return withDateCells(t, backend.numberFormats, {
          sheet: read.name,
          firstRow: h + 1,
          column: 0,
        });
      };
      return {
        data: await table(data),
        feedback: await table(feedback),
        gradeHistory: gradeHistory
          ? { name: gradeHistory.name, values: gradeHistory.values }
          : null,
        appeals: await table(appeals),
        signOff: await table(signOff),
      };
    },

    async writeReviewRow(request, options = {}) {
      const [sheets, read] = await Promise.all([
        backend.addinSheets(),
        backend.readSheet(request.role),
      ]);
      const rows = reviewRows(read, request);
      const layout = layouts.reviewSheet(request.role, request.language, { sheets }, rows);
      const result = await backend.applyLayout(layout, {
        ...options,
        rewriteInputs: [request.role],
      });
      if (result.cancelled) return result;
      const row = request.add ? rows.length + 1 : request.update!.row;
      return {
        ...result,
        location: { sheet: result.sheets[0] ?? read?.name ?? "", row, column: "A" },
      };
    },

    async readSelection(): Promise<CellTable> {
      const s = await backend.readSelection();
      if (s.values.length < 2)
        throw new HostError("Select a header row and at least one data row.", "SelectionTooSmall");
      const [header, ...rows] = s.values;
      const rowNumbers = rows.map((_, i) => s.row + 2 + i);
      const t: CellTable = {
        sheet: s.sheet,
        headerRow: s.row + 1,
        header,
        rows,
        firstColumn: s.column,
        rowNumbers,
      };
      return withDateCells(t, backend.numberFormats, {
        sheet: s.sheet,
        firstRow: s.row + 1,
        column: s.column,
      });
    },
  };
}

/**
 * The Data sheet after an import, laid out: the request's rows read by the unit rules, the rows
 * already there kept or replaced with the user's own columns, refused (HostError) when the user's
 * values would be lost or the sheet would not hold the rows. Pure: it runs off the pane's thread.
 */
export function dataImportLayout(
  layouts: LayoutBuilders,
  request: ImportRequest,
  data: SheetRead,
  context: LayoutContext
): { rows: number; layout: WorkbookLayout } {
  const { plan, language } = request;
  const header = layouts.dataHeader(plan, language);
  const imported = importRows(request.table, request.mapping, header, plan).rows;
  const { rows, userColumns } = withUserColumns(data, plan, header, imported, request.mode);
  if (rows.length + DATA_HEADER_ROWS > EXCEL_MAX_ROWS)
    throw new HostError(
      `The Data sheet would hold ${rows.length} rows; an Excel sheet holds ${EXCEL_MAX_ROWS - DATA_HEADER_ROWS} below its two header lines. Nothing was written.`,
      "TooManyRows",
      { rows: rows.length, limit: EXCEL_MAX_ROWS - DATA_HEADER_ROWS }
    );
  return {
    rows: rows.length,
    layout: layouts.dataSheet(plan, language, context, rows, userColumns),
  };
}

/** Importing rows into the Data and Feedback sheets (the Data sheet laid out by `compute`). */
export function importOperations(
  backend: SheetBackend,
  layouts: LayoutBuilders,
  compute: Compute
): Pick<WorkbookHost, "importData" | "importFeedback"> {
  const need = async (role: SheetRole): Promise<SheetRead> => {
    const read = await backend.readSheet(role);
    if (!read)
      throw new HostError(
        `The workbook has no ${role} sheet of the add-in; create the plan workbook first.`,
        "NoSheet"
      );
    return read;
  };

  return {
    async importData(request: ImportRequest, options: WriteOptions = {}): Promise<ImportResult> {
      const [sheets, data] = await Promise.all([backend.addinSheets(), need("data")]);
      // the rows laid out off the pane's thread (compute); only the write happens here
      const { rows, layout } = await compute.task(
        "dataImport",
        { request, data, context: { sheets } },
        taskOptions(options)
      );
      const result = await backend.applyLayout(layout, { ...options, rewriteInputs: ["data"] });
      if (result.cancelled) return { ...result, rows: 0 };
      const name = result.sheets[0] ?? data.name;
      return {
        ...result,
        rows,
        location: { sheet: name, row: 1, column: "A" },
      };
    },

    async importFeedback(
      request: FeedbackImportRequest,
      options: WriteOptions = {}
    ): Promise<ImportResult> {
      const [sheets, read] = await Promise.all([backend.addinSheets(), need("feedback")]);
      const { plan, language } = request;
      const added = feedbackRows(request.ratings, (r) => enumText("rater", r, language));
      // adding below keeps every row the sheet has, as it is (what it holds is not ours to judge)
      const kept =
        request.mode === "append"
          ? tableOf(read, 0)
              .rows.filter((r) => !r.every(blank))
              .map((r) => r as Scalar[])
          : [];
      const rows = [...kept, ...added];
      if (rows.length + 1 > EXCEL_MAX_ROWS)
        throw new HostError(
          `The Feedback sheet would hold ${rows.length} rows; an Excel sheet holds ${EXCEL_MAX_ROWS - 1}. Nothing was written.`,
          "TooManyRows",
          { rows: rows.length, limit: EXCEL_MAX_ROWS - 1 }
        );
      const layout = layouts.feedbackSheet(plan, language, { sheets }, rows);
      const result = await backend.applyLayout(layout, {
        ...options,
        rewriteInputs: ["feedback"],
      });
      if (result.cancelled) return { ...result, rows: 0 };
      const name = result.sheets[0] ?? read.name;
      return { ...result, rows: added.length, location: { sheet: name, row: 1, column: "A" } };
    },
  };
}
