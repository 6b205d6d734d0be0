/**
 * What the writer (./writer.ts) takes and gives back: its options, progress, outcome per sheet,
 * notes and request statistics.
 */
import type { ReplaceChoice } from "../app/host";
import type { MessageParams } from "../engine/messages";
import type { SheetRole } from "../workbook/layout";
import type { Phase } from "./batch";
import type { Host, OfficeFailure } from "./host";
import type { OfficeMessageKey } from "./messages";

export interface ApplyProgress {
  phase: "inspecting" | Phase | "done";
  /** Round trips finished / planned for the writing. */
  completed: number;
  total: number;
  /** The sheet the last round trip worked on. */
  sheet?: string;
}

export interface WriterApplyOptions {
  onProgress?: (progress: ApplyProgress) => void;
  /**
   * The user edited an add-in sheet that the layout would replace: replace it, keep it and write
   * a new sheet beside it ("new"), or stop without changing anything. Without this callback the
   * edited sheet is kept ("new").
   */
  confirmReplace?: (sheetName: string, info: { role: SheetRole }) => Promise<ReplaceChoice>;
  /** Request budget in bytes (default 2 MB, at most 4 MB). */
  chunkBytes?: number;
  /** Cancel: stops before the next round trip and undoes what was done (./cancel.ts). */
  signal?: AbortSignal;
  /** Rewrite output sheets even when their content would not change. */
  force?: boolean;
  /**
   * Input sheets to rewrite although they exist (the plan editor saving the Plan sheet). Other
   * input sheets that exist are kept as they are.
   */
  rewriteInputs?: SheetRole[];
  host?: Host;
}

export type SheetAction = "created" | "replaced" | "unchanged" | "kept" | "createdAlongside";

export interface SheetOutcome {
  role: SheetRole;
  /** The sheet's name in the workbook. */
  name: string;
  action: SheetAction;
}

export interface Note {
  key: OfficeMessageKey;
  params: MessageParams;
  message: string;
}

export interface ApplyStats {
  syncs: number;
  /** Largest estimated request of any round trip, in bytes. */
  largestRequestBytes: number;
  /** The estimated request bytes of each round trip, in order. */
  requestBytes: number[];
}

export type ApplyResult =
  | { status: "done"; sheets: SheetOutcome[]; notes: Note[]; stats: ApplyStats }
  | { status: "cancelled"; notes: Note[]; stats: ApplyStats }
  | { status: "failed"; error: OfficeFailure; message: string; notes: Note[]; stats: ApplyStats };
