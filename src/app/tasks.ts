/**
 * The pane's heavy work as pure tasks, by name: reading a CSV file, checking the input sheets,
 * running the plan, laying out the Data sheet of an import and the output sheets of a run, the
 * self-check's targets, the statements, the what-if comparison, the monthly tracking. They
 * run off the pane's thread in a Web Worker (src/worker) or, where there is no Worker (Node, the
 * component tests), in the pane's thread (./compute.ts). Inputs and results are plain data that
 * structured cloning carries; each task gets a `progress` callback for what it is doing.
 */
import {
  dataHeaderSpec,
  FEEDBACK_HEADER_SPEC,
  readCsvFile,
  readDataFile,
  readDataHead,
  readDataTable,
  whatIf,
  type CellInput,
  type CellTable,
  type DataFileHead,
  type DataRow,
  type FeedbackRating,
  type WhatIfResult,
  type ColumnMapping,
  type DataReading,
  type HeaderSpec,
  type Issue,
  type Plan,
  type TableReading,
  type Evaluation,
  type Language,
} from "../engine";
import type { SentLayout, SheetRole } from "../workbook/layout";
import { packLayout } from "../workbook/pack";
import { checkTargets, statementsLayout, type CheckTarget } from "./outputSheets";
import { reviveEvaluation } from "./revive";
import { generateRecord, generateRecordText } from "./verify";
import type {
  FileBytes,
  ImportRequest,
  OutputRequest,
  Progress,
  StatementRequest,
  TargetLettersRequest,
  TrackingRequest,
  WorkbookInputs,
} from "./host";
import { targetLettersLayout, type LettersLayout } from "./letterSheets";
import { dataImportLayout } from "./inputSheets";
import { monthsToTrack, trackingEvaluation, trackingList, type TrackingList } from "./tracking";
import { withFileTable } from "./imports";
import { workbookLayouts } from "./layouts";
import type { LayoutBuilders, LayoutContext, OutputContext, SheetRead } from "./ports";
import { readingUnder, runPlan, type DataCheck, type RunResult } from "./workflow";

/**
 * Which header a file is read for: the Data sheet's under a plan, or the 360 ratings' (a header
 * spec holds functions, which do not cross to the worker: the worker builds it).
 */
export type HeaderFor = { data: Plan } | { feedback: true };

export function headerSpecFor(what: HeaderFor): HeaderSpec {
  return "data" in what ? dataHeaderSpec(what.data) : FEEDBACK_HEADER_SPEC;
}

/** What the Data view shows before an import: how many rows it reads, leaves out, and the issues. */
export interface ImportPreviewData {
  rows: number;
  leftOut: number;
  issues: Issue[];
}

/** The inputs and results of every task, by name (the worker's message protocol is typed by it). */
export interface TaskTypes {
  readFile: { input: { bytes: Uint8Array; name: string; header: HeaderFor }; output: TableReading };
  /** A CRM export's header and first rows, streamed (the Data view's mapping is chosen from them). */
  readDataHead: {
    input: { file: FileBytes; plan: Plan; sample: number };
    output: DataFileHead;
  };
  /** What an import will read: of `file` when given (streamed into columns), else of `table`. */
  preview: {
    input: { table: CellTable; plan: Plan; mapping: ColumnMapping; file?: FileBytes };
    output: ImportPreviewData;
  };
  /** The input sheets checked; `closed`: the Close log's closed periods (upheld appeals there are named). */
  check: {
    input: { inputs: WorkbookInputs; plan: Plan; closed?: string[] };
    output: DataCheck | null;
  };
  run: {
    input: { plan: Plan; check: DataCheck; period: string; group: string; exclude: string[] };
    output: RunResult;
  };
  dataImport: {
    input: { request: ImportRequest; data: SheetRead; context: LayoutContext };
    output: { rows: number; layout: SentLayout };
  };
  outputs: {
    input: { request: OutputRequest; context: OutputContext };
    output: SentLayout;
  };
  checkTargets: {
    input: { request: OutputRequest; context: OutputContext; asValues: SheetRole[] };
    output: CheckTarget[];
  };
  statements: {
    input: { request: StatementRequest; context: LayoutContext; before: CellInput[][] | null };
    output: { layout: SentLayout; changed: string[] };
  };
  generateRecord: {
    input: {
      request: Omit<OutputRequest, "evaluation">;
      options: { period: string; group: string };
      at: string;
    };
    /** The record as the settings keep it (JSON: written off the pane's thread too). */
    output: string;
  };
  whatIf: {
    input: { plan: Plan; draft: Plan; rows: DataRow[]; ratings: FeedbackRating[] };
    output: WhatIfResult;
  };
  /** The Tracking view's evaluation (the whole data) and the months it can track. */
  tracking: {
    input: { plan: Plan; check: DataCheck };
    output: { evaluation: Evaluation; months: string[] };
  };
  /** A month's salespeople of every team, from the evaluation `tracking` gave. */
  trackingList: {
    input: { evaluation: Evaluation; month: string; language: Language };
    output: TrackingList | null;
  };
  /** The Tracking sheet of a request, with the months and notes the sheet holds (`before`). */
  trackingSheet: {
    input: { request: TrackingRequest; context: OutputContext; before: CellInput[][] | null };
    output: SentLayout;
  };
  targetLetters: {
    input: {
      request: TargetLettersRequest;
      context: LayoutContext;
      before: CellInput[][] | null;
    };
    output: LettersLayout<SentLayout>;
  };
}

export type TaskName = keyof TaskTypes;
export type TaskInput<N extends TaskName> = TaskTypes[N]["input"];
export type TaskOutput<N extends TaskName> = TaskTypes[N]["output"];

export type Tasks = {
  [N in TaskName]: (
    input: TaskInput<N>,
    progress: (p: Progress) => void
  ) => TaskOutput<N> | Promise<TaskOutput<N>>;
};

/** The tasks over a set of layouts (the worker and the pane both use src/workbook's, layouts.ts). */
export function tasksOver(layouts: LayoutBuilders): Tasks {
  return {
    readFile: ({ bytes, name, header }, progress) =>
      readCsvFile(bytes, name, headerSpecFor(header), (p) =>
        progress({ done: p.done, total: p.total })
      ),
    readDataHead: ({ file, plan, sample }, progress) =>
      readDataHead(file.bytes, file.name, plan, sample, {
        onProgress: (p) => progress({ done: p.done, total: p.total }),
      }),
    async preview({ table, plan, mapping, file }): Promise<ImportPreviewData> {
      if (file) {
        const read = await readDataFile(file.bytes, file.name, plan, { mapping, exact: true });
        // the same bytes gave the header the mapping was chosen from: a refusal now is a change
        if (!read.ok) return { rows: 0, leftOut: 0, issues: read.issues };
        const { columns, leftOut, issues } = read.data;
        return { rows: columns.n, leftOut: leftOut.length, issues };
      }
      const r: DataReading = readDataTable(table, plan, mapping, { exact: true });
      return { rows: r.rows.length, leftOut: r.leftOut.length, issues: r.issues };
    },
    check: ({ inputs, plan, closed }) => readingUnder(inputs, plan, new Set(closed)),
    run: ({ plan, check, period, group, exclude }) =>
      runPlan(plan, check, period, group, new Set(exclude)),
    dataImport: async ({ request, data, context }) =>
      dataImportLayout(layouts, await withFileTable(request), data, context),
    outputs: ({ request, context }) => layouts.outputs(revived(request), context),
    checkTargets: ({ request, context, asValues }) =>
      checkTargets(layouts, revived(request), context, asValues),
    statements: ({ request, context, before }) =>
      statementsLayout(layouts, request, context, before),
    // the inputs' checksums of a Generate (one per salesperson: heavy for a large sales force)
    generateRecord: ({ request, options, at }) =>
      generateRecordText(generateRecord(request as OutputRequest, options, new Date(at))),
    whatIf: ({ plan, draft, rows, ratings }) => whatIf(plan, draft, rows, ratings),
    tracking: ({ plan, check }) => {
      const evaluation = trackingEvaluation(plan, check);
      return { evaluation, months: monthsToTrack(evaluation) };
    },
    trackingList: ({ evaluation, month, language }) =>
      trackingList(reviveEvaluation(evaluation), month, "", language),
    trackingSheet: ({ request, context, before }) =>
      layouts.tracking(revived(request), context, before),
    targetLetters: ({ request, context, before }, progress) =>
      targetLettersLayout(layouts, request, context, before, progress),
  };
}

export const TASKS: Tasks = tasksOver(workbookLayouts);

/** A request whose evaluation crossed from the pane, with its classes back. */
function revived<R extends OutputRequest>(request: R): R {
  reviveEvaluation(request.evaluation);
  return request;
}

/** What a task's result needs after crossing from the worker to the pane. */
/**
 * What the worker does to a task's result before it crosses to the pane: the layouts' large
 * blocks are packed (src/workbook/pack.ts), which the pane decodes a chunk of rows at a time as
 * it writes them. Applied in one place, src/worker/serve.ts; a task run in the pane's thread
 * (./inThread.ts) gives its result as it is (its blocks as laid out: equally valid).
 */
export const PACK: { [N in TaskName]?: (output: TaskOutput<N>) => TaskOutput<N> } = {
  outputs: (layout) => packLayout(layout),
  dataImport: (r) => ({ ...r, layout: packLayout(r.layout) }),
  statements: (r) => ({ ...r, layout: packLayout(r.layout) }),
  trackingSheet: (layout) => packLayout(layout),
  targetLetters: (r) => (r.layout ? { ...r, layout: packLayout(r.layout) } : r),
};

export const REVIVE: { [N in TaskName]?: (output: TaskOutput<N>) => void } = {
  run: (r) => void reviveEvaluation(r.evaluation),
  tracking: (r) => void reviveEvaluation(r.evaluation),
};
