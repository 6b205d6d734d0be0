/**
 * Applies a {@link WorkbookLayout} to the open workbook through Office.js, in one `Excel.run`.
 *
 * Safety (shared/spec/workbook.md, "Safety: nothing is lost"):
 * - Ownership. Every sheet the add-in writes is marked by a hidden workbook-scoped name
 *   `PERF_SHEET_<role>` (./marks.ts). A sheet without that mark is the user's and is never
 *   written, renamed or deleted; when it has the name a layout asks for, the add-in writes under
 *   "name (2)". Input sheets (Plan, Data, Feedback) are written once and then kept.
 * - Edits. Before replacing an output sheet the add-in reads it back and compares a hash of its
 *   formulas and values with the hash recorded in the mark (also its used range and its number
 *   of tables and charts). If they differ the user edited it, and `confirmReplace` decides:
 *   replace it, keep it and write a new sheet beside it, or cancel everything.
 * - Staging. Content is written into hidden temporary sheets ("~perf~<role>"). A new sheet is
 *   renamed to its final name at the end; an existing sheet is replaced by clearing it and
 *   copying the finished temporary sheet over it in one batch (Range.copyFrom), which keeps
 *   references from other sheets to its cells intact. A failure at any point leaves the user's
 *   sheets untouched, the previous add-in sheets intact (or, during the final swap, marked
 *   "replacing"), and unfinished work hidden; the next run deletes the leftovers and redoes the
 *   job without asking again.
 * - Formula injection. Text is written with Excel's text prefix when Excel would reinterpret it
 *   (./cells.ts), so "=HYPERLINK(…)" as a name is stored as text.
 *
 * Speed ("Speed in Excel"): values and formulas go in row chunks of at most `chunkBytes`
 * (≤ 4 MB) per request, so round trips grow with size ÷ chunk, never with rows; all values
 * before any format; calculation suspended in every batch that writes; number formats, widths and
 * styles applied to whole columns or ranges.
 */
import { formatMessage, type Language, type MessageParams } from "../engine/messages";
import {
  blockRowCount,
  isFormula,
  listOf,
  type SentLayout,
  type SentSheet,
  type SheetRole,
} from "../workbook/layout";
import {
  batchBytes,
  clampBudget,
  commandBytes,
  REQUEST_BYTES,
  requestBytes,
  runSteps,
  type Step,
} from "./batch";
import {
  blockReader,
  GridDigest,
  gridRows,
  gridSize,
  shapeHash,
  withExcelTableHeaders,
} from "./content";
import { localizeFunctionNames } from "../functions/names";
import { renameSheetReferences, sheetReferences } from "./formula";
import {
  detectFeatures,
  officeHost,
  REQUIREMENTS,
  toOfficeFailure,
  type Features,
  type OfficeFailure,
} from "./host";
import { encodeMark, isOwnedNameComment, markName, type SheetMark } from "./marks";
import type { OfficeMessageKey } from "./messages";
import { findEdits, inspectSheets, type Inspection, type Reading } from "./inspect";
import { stagingName, uniqueSheetName, validSheetName } from "./names";
import {
  clearBytes,
  clearSheet,
  columnSteps,
  contentFormatSteps,
  structureSteps,
  valueSteps,
  type Queue,
  type SheetSteps,
} from "./sheetSteps";
import { loadWorkbookState, type OwnedSheet, type WorkbookInventory } from "./workbook";
import type { ReplaceChoice } from "../app/host";
import { cancelPoint, undoCancelled } from "./cancel";

export type {
  ApplyProgress,
  ApplyResult,
  ApplyStats,
  Note,
  SheetAction,
  SheetOutcome,
  WriterApplyOptions,
} from "./writerTypes";
import type { ApplyResult, ApplyStats, Note, WriterApplyOptions } from "./writerTypes";

/** Hashing a sheet's grid, the pane's thread pauses once this many milliseconds have passed. */
const BUSY_MS = 8;

type Plan =
  | { role: SheetRole; layout: SentSheet; action: "kept" | "unchanged"; name: string }
  | {
      role: SheetRole;
      layout: SentSheet;
      action: "created" | "createdAlongside";
      name: string;
      /** The mark currently names another sheet (the edited one kept beside the new one). */
      moveMark: boolean;
    }
  | {
      role: SheetRole;
      layout: SentSheet;
      action: "replaced";
      name: string;
      owned: OwnedSheet;
      oldTables: string[];
      oldCharts: string[];
    };

/** A sheet the writer writes (not kept, not unchanged). */
type Written = Exclude<Plan, { action: "kept" | "unchanged" }>;

class Notes {
  readonly list: Note[] = [];
  constructor(private readonly language: Language) {}
  add(key: OfficeMessageKey, params: MessageParams = {}): void {
    this.list.push({ key, params, message: formatMessage(key, params, this.language) });
  }
}

/**
 * Write `layout` into the open workbook. One `Excel.run`; never throws for Excel failures
 * (they come back as `status: "failed"` with Excel's error code and debug info).
 */
export async function applyLayout(
  layout: SentLayout,
  options: WriterApplyOptions = {}
): Promise<ApplyResult> {
  const host = options.host ?? officeHost();
  const notes = new Notes(layout.language);
  const stats: ApplyStats = { syncs: 0, largestRequestBytes: 0, requestBytes: [] };
  const features = detectFeatures(host);
  const fail = (
    error: OfficeFailure,
    key: OfficeMessageKey,
    params: MessageParams
  ): ApplyResult => ({
    status: "failed",
    error,
    message: formatMessage(key, params, layout.language),
    notes: notes.list,
    stats,
  });
  if (!features.core) {
    return fail(
      { code: "UnsupportedHost", message: `ExcelApi ${REQUIREMENTS.core}` },
      "officeUnsupportedHost",
      { version: REQUIREMENTS.core }
    );
  }
  const roles = new Set<SheetRole>();
  for (const s of layout.sheets) {
    if (roles.has(s.role))
      return fail(
        { code: "LayoutInvalid", message: `duplicate role ${s.role}` },
        "officeLayoutInvalid",
        { role: s.role }
      );
    roles.add(s.role);
  }
  const sheets = layout.sheets.map((s) => {
    const fixed = withExcelTableHeaders(s);
    for (const table of fixed.changed)
      notes.add("officeTableHeaderChanged", { table, sheet: s.name });
    return fixed.sheet;
  });
  try {
    return await host.run((context) =>
      new Writer(
        context,
        { ...layout, sheets },
        options,
        { features, displayLanguage: host.displayLanguage() },
        notes,
        stats
      ).run()
    );
  } catch (error) {
    const failure = toOfficeFailure(error);
    return fail(failure, "officeWriteFailed", { code: failure.code, detail: failure.message });
  }
}

class Writer {
  private readonly budget: number;
  private readonly sheetCache = new Map<string, Excel.Worksheet>();
  /** Each sheet's grid: its size and the bytes its cells take (GridDigest). */
  private readonly grids = new Map<SheetRole, { rows: number; cols: number; bytes: number }>();
  private readonly hashes = new Map<SheetRole, string>();
  private readonly shapes = new Map<SheetRole, string>();
  /** Sheet name → role for what is about to be written: layout names, then the add-in's sheets now. */
  private roleOf: (name: string) => SheetRole | undefined = () => undefined;
  /** Layout sheet name (upper case) → role, for canonical formulas of what is about to be written. */
  private readonly layoutRoles = new Map<string, SheetRole>();
  private readonly finalQueues = new Set<Step["queue"]>(); // steps past which there is no undo

  private readonly features: Features;
  /** Office's display language: the names Excel registered the PERF functions under. */
  private readonly displayLanguage: string | undefined;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly layout: SentLayout,
    private readonly options: WriterApplyOptions,
    host: { features: Features; displayLanguage: string | undefined },
    private readonly notes: Notes,
    private readonly stats: ApplyStats
  ) {
    this.features = host.features;
    this.displayLanguage = host.displayLanguage;
    this.budget = clampBudget(options.chunkBytes);
    for (const s of layout.sheets) {
      this.layoutRoles.set(s.name.toUpperCase(), s.role);
      this.layoutRoles.set(validSheetName(s.name, s.role).toUpperCase(), s.role);
    }
  }

  async run(): Promise<ApplyResult> {
    const progress = this.options.onProgress;
    progress?.({ phase: "inspecting", completed: 0, total: 0 });
    const state = await loadWorkbookState(this.context);
    this.count(REQUEST_BYTES + requestBytes(3, 3));

    const conflict = this.nameConflict(state);
    if (conflict) {
      return {
        status: "failed",
        error: { code: "NameConflict", message: conflict },
        message: formatMessage("officeNameConflict", { name: conflict }, this.layout.language),
        notes: this.notes.list,
        stats: this.stats,
      };
    }

    // Formulas may name the layout's sheets (by their layout names) or the add-in's sheets already
    // in the workbook (by their names now): both stand for a role in the hash.
    const current = new Map<string, SheetRole>();
    for (const o of state.owned.values()) current.set(o.sheet.toUpperCase(), o.role);
    this.roleOf = (name: string) =>
      this.layoutRoles.get(name.toUpperCase()) ?? current.get(name.toUpperCase());
    for (const s of this.layout.sheets) {
      // a row at a time (a packed block's decoded a chunk at a time), the pane answering between
      const { rows, cols } = gridSize(s);
      const digest = new GridDigest(rows, cols, this.roleOf);
      let since = Date.now();
      for (const row of gridRows(s)) {
        digest.addRow(row);
        if (Date.now() - since < BUSY_MS) continue;
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        since = Date.now();
      }
      this.grids.set(s.role, { rows, cols, bytes: digest.bytes });
      this.hashes.set(s.role, digest.digest());
      this.shapes.set(s.role, shapeHash(s));
      await new Promise<void>((resolve) => setTimeout(resolve, 0)); // the pane answers input
    }

    const reading = this.reading();
    const inspections = await inspectSheets(reading, state);
    const edited = await findEdits(reading, state, inspections);

    const choices = new Map<SheetRole, ReplaceChoice>();
    for (const s of this.layout.sheets) {
      const owned = state.owned.get(s.role);
      if (!owned || !edited.has(s.role)) continue;
      const choice = this.options.confirmReplace
        ? await this.options.confirmReplace(owned.sheet, { role: s.role })
        : "new";
      if (choice === "cancel") return this.cancelled();
      choices.set(s.role, choice);
    }
    const plans = this.plan(state, inspections, edited, choices);
    const steps = this.steps(state, plans, inspections);
    let done = 0;
    const cancel = cancelPoint(this.options.signal);
    const after = (batch: Step[], index: number, total: number) => {
      this.count(batchBytes(batch));
      done = index + 1;
      const { phase, sheet } = batch[batch.length - 1];
      progress?.({ phase, completed: done, total, sheet });
    };
    await runSteps(this.context, steps, this.budget, after, cancel.stop);
    if (cancel.stopped()) {
      await undoCancelled(this.context, state, plans, this.budget, (n) => this.count(n));
      return this.cancelled();
    }
    progress?.({ phase: "done", completed: done, total: done });
    return {
      status: "done",
      sheets: plans.map((p) => ({ role: p.role, name: p.name, action: p.action })),
      notes: this.notes.list,
      stats: this.stats,
    };
  }

  private cancelled(): ApplyResult {
    this.notes.add("officeCancelled");
    return { status: "cancelled", notes: this.notes.list, stats: this.stats };
  }
  /** JSON bytes a chunk of values may take: the budget less what every request carries. */
  /** What the reads before writing need of the writer. */
  private reading(): Reading {
    return {
      context: this.context,
      layout: this.layout,
      rewriteInputs: this.options.rewriteInputs,
      budget: this.budget,
      sheet: (name) => this.sheet(name),
      count: (bytes) => this.count(bytes),
    };
  }

  private chunkBudget(): number {
    return this.budget - REQUEST_BYTES - requestBytes(1, 2);
  }

  private count(bytes: number): void {
    this.stats.requestBytes.push(bytes);
    this.stats.syncs++;
    this.stats.largestRequestBytes = Math.max(this.stats.largestRequestBytes, bytes);
  }

  /** A name the layout defines that exists in the workbook but is not the add-in's. */
  private nameConflict(state: WorkbookInventory): string | undefined {
    const existing = new Map(state.names.map((n) => [n.name.toUpperCase(), n]));
    const tables = new Set(state.tables.map((t) => t.toUpperCase()));
    for (const s of this.layout.sheets) {
      const owned = state.owned.get(s.role);
      if (
        s.kind === "input" &&
        owned &&
        owned.mark.state === "ok" &&
        !this.options.rewriteInputs?.includes(s.role)
      )
        continue; // kept: its names stay
      for (const n of s.names) {
        const found = existing.get(n.name.toUpperCase());
        if (found && !isOwnedNameComment(found.comment)) return n.name;
        if (tables.has(n.name.toUpperCase())) return n.name;
      }
    }
    return undefined;
  }

  private sheet(name: string): Excel.Worksheet {
    const key = name.toUpperCase();
    let ws = this.sheetCache.get(key);
    if (!ws) {
      ws = this.context.workbook.worksheets.getItem(name);
      this.sheetCache.set(key, ws);
    }
    return ws;
  }

  private plan(
    state: WorkbookInventory,
    inspections: Map<string, Inspection>,
    edited: Set<SheetRole>,
    choices: Map<SheetRole, ReplaceChoice>
  ): Plan[] {
    const taken = state.sheets.filter((s) => !state.leftovers.includes(s.name)).map((s) => s.name);
    const plans: Plan[] = [];
    for (const s of this.layout.sheets) {
      const owned = state.owned.get(s.role);
      const seen = owned ? inspections.get(owned.sheet.toUpperCase()) : undefined;
      const replace = (): Plan => ({
        role: s.role,
        layout: s,
        action: "replaced",
        name: owned!.sheet,
        owned: owned!,
        oldTables: seen?.tables ?? [],
        oldCharts: seen?.charts ?? [],
      });
      const create = (alongside: boolean): Plan => {
        const name = uniqueSheetName(s.name, taken, s.role);
        taken.push(name);
        if (name !== validSheetName(s.name, s.role))
          this.notes.add("officeSheetRenamed", { requested: s.name, name });
        return {
          role: s.role,
          layout: s,
          action: alongside ? "createdAlongside" : "created",
          name,
          moveMark: alongside,
        };
      };
      if (!owned) {
        plans.push(create(false));
      } else if (owned.mark.state !== "ok") {
        plans.push(replace()); // unfinished work of an earlier run: the add-in's own, no question
      } else if (s.kind === "input" && this.options.rewriteInputs?.includes(s.role)) {
        plans.push(replace()); // an explicit save of this input sheet
      } else if (s.kind === "input") {
        this.notes.add("officeInputKept", { name: owned.sheet });
        plans.push({ role: s.role, layout: s, action: "kept", name: owned.sheet });
      } else if (edited.has(s.role)) {
        if (choices.get(s.role) === "replace") plans.push(replace());
        else {
          const p = create(true);
          this.notes.add("officeWrittenAlongside", { previous: owned.sheet, name: p.name });
          plans.push(p);
        }
      } else if (
        !this.options.force &&
        owned.mark.hash === this.hashes.get(s.role) &&
        owned.mark.shape === this.shapes.get(s.role)
      ) {
        plans.push({ role: s.role, layout: s, action: "unchanged", name: owned.sheet });
      } else {
        plans.push(replace());
      }
    }
    // An unchanged sheet whose formulas name a role that now lives on another sheet (the edited
    // one was kept and a new one written) must be rewritten to point at the new sheet.
    const moved = new Set(plans.filter((p) => p.action === "createdAlongside").map((p) => p.role));
    if (moved.size > 0) {
      plans.forEach((p, i) => {
        const owned = state.owned.get(p.role);
        if (p.action !== "unchanged" || !owned) return;
        if (![...this.referencedRoles(p.layout)].some((r) => moved.has(r))) return;
        const seen = inspections.get(owned.sheet.toUpperCase());
        plans[i] = {
          role: p.role,
          layout: p.layout,
          action: "replaced",
          name: owned.sheet,
          owned,
          oldTables: seen?.tables ?? [],
          oldCharts: seen?.charts ?? [],
        };
      });
    }
    for (const p of plans) {
      if (p.action === "replaced" && !this.features.copyFrom)
        this.notes.add("officeReplacedInPlace", { sheet: p.name });
    }
    return plans;
  }

  /** Roles of the other layout sheets that a sheet's formulas and names refer to. */
  private referencedRoles(sheet: SentSheet): Set<SheetRole> {
    const out = new Set<SheetRole>();
    const note = (formula: string) => {
      for (const name of sheetReferences(formula)) {
        const role = this.roleOf(name);
        if (role && role !== sheet.role) out.add(role);
      }
    };
    for (const b of sheet.blocks) {
      const at = blockReader(b);
      for (let i = 0, n = blockRowCount(b); i < n; i++)
        for (const c of at(i) ?? []) if (isFormula(c)) note(c.formula);
    }
    for (const n of sheet.names) note(n.ref);
    for (const v of sheet.validations) if (v.source) note(v.source);
    return out;
  }

  /** Everything to queue, in order: setup, values, formats, then each sheet's finish. */
  private steps(
    state: WorkbookInventory,
    plans: Plan[],
    inspections: Map<string, Inspection>
  ): Step[] {
    const written = plans.filter(
      (p): p is Written => p.action !== "kept" && p.action !== "unchanged"
    );
    const { contentSheet, mapFormula } = this.writeTargets(plans, state);

    const steps: Step[] = [];
    let current: string | undefined;
    const step: Queue = (phase, bytes, queue) =>
      steps.push({ phase, bytes, write: true, queue, sheet: current });

    this.setupSteps(state, written, contentSheet, step);
    // --- values and formulas, all sheets, in chunks; then the formats of the content
    for (const p of written) {
      current = p.name;
      const target = contentSheet.get(p.role)!;
      valueSteps(p.layout, target, this.chunkBudget(), {
        step,
        ws: () => this.sheet(target),
        mapFormula,
      });
    }
    for (const p of written) {
      current = p.name;
      const target = contentSheet.get(p.role)!;
      contentFormatSteps(p.layout, target, this.chunkBudget(), {
        step,
        ws: () => this.sheet(target),
      });
    }

    // --- finish each sheet: swap in or rename, then sheet-level structure, then the mark
    const tableNames = this.tableNamespace(state, plans, inspections);
    const finished: [string, SheetMark][] = [];
    for (const p of written) {
      current = p.name;
      finished.push([
        markName(p.role),
        this.finishSteps(p, contentSheet.get(p.role)!, mapFormula, tableNames, state, step),
      ]);
    }
    // --- commit: only now are the marks "ok", after every sheet is in place under its final
    // name, so a sheet marked ok never refers to a temporary sheet a later run would delete
    current = undefined;
    for (const [name, mark] of finished) {
      step("finishing", commandBytes(name, encodeMark(mark)), (c) => {
        c.workbook.names.getItem(name).comment = encodeMark(mark);
      });
    }
    // Calculation was suspended while writing, and Excel leaves propagating the changes to the
    // add-in (suspendApiCalculationUntilNextSync): one recalculation of what changed and what
    // depends on it, in a round trip of its own so that it is not suspended itself. Never "Full":
    // that recalculates every open workbook and re-runs every PERF call (office-js #6678, #6150).
    if (written.length > 0) {
      steps.push({
        phase: "finishing",
        bytes: commandBytes(),
        write: false,
        alone: true,
        queue: (c) => c.application.calculate("Recalculate"),
      });
    }
    for (const s of steps) if (this.finalQueues.has(s.queue)) s.final = true;
    return steps;
  }

  /**
   * Where each sheet's content goes while it is being written, and the formula mapping for that
   * time: sheets by the names they have now, PERF functions by the names Excel registered them under.
   */
  private writeTargets(
    plans: Plan[],
    state: WorkbookInventory
  ): { contentSheet: Map<SheetRole, string>; mapFormula: (f: string) => string } {
    const contentSheet = new Map<SheetRole, string>();
    /** Layout name → the name formulas must use while writing. */
    const writeName = new Map<string, string>();
    // the add-in's sheets as they are named now stand for their roles too (layouts may use either)
    for (const p of plans) {
      const owned = state.owned.get(p.role);
      if (owned)
        writeName.set(
          owned.sheet.toUpperCase(),
          p.action === "created" || p.action === "createdAlongside" ? stagingName(p.role) : p.name
        );
    }
    for (const p of plans) {
      let name = p.name;
      if (p.action === "created" || p.action === "createdAlongside") name = stagingName(p.role);
      writeName.set(p.layout.name.toUpperCase(), name);
      writeName.set(validSheetName(p.layout.name, p.role).toUpperCase(), name);
      if (p.action === "replaced")
        contentSheet.set(p.role, this.features.copyFrom ? stagingName(p.role) : p.name);
      else if (p.action === "created" || p.action === "createdAlongside")
        contentSheet.set(p.role, stagingName(p.role));
    }
    const mapFormula = (f: string) =>
      localizeFunctionNames(
        renameSheetReferences(f, (sheet) => writeName.get(sheet.toUpperCase())),
        this.displayLanguage
      );
    return { contentSheet, mapFormula };
  }

  /** Setup: remove what a failed run left, prepare in-place targets, add temporary sheets. */
  private setupSteps(
    state: WorkbookInventory,
    written: Written[],
    contentSheet: Map<SheetRole, string>,
    step: Queue
  ): void {
    for (const name of state.staleMarks)
      step("setup", commandBytes(name), (c) => c.workbook.names.getItem(name).delete());
    for (const name of state.leftovers)
      step("setup", commandBytes(name), () => this.sheet(name).delete());
    // Every sheet about to be replaced is marked "replacing" before anything else changes: if the
    // job stops halfway, the next run replaces these without asking again (the user agreed, or
    // they were unedited), even when another role's sheet has moved meanwhile.
    for (const p of written) {
      if (p.action !== "replaced") continue;
      step("setup", commandBytes(p.name) * 2, (c) =>
        this.setMark(c, p.owned.markName, p, "replacing")
      );
      if (!this.features.copyFrom) {
        const clear = () => clearSheet(this.sheet(p.name), this.oldParts(p, state), this.features);
        this.finalQueues.add(clear); // cleared in place: from here the job can only be completed
        step("setup", clearBytes(p.oldTables, p.oldCharts), clear);
      }
    }
    for (const p of written) {
      const target = contentSheet.get(p.role)!;
      if (p.action === "replaced" && !this.features.copyFrom) continue;
      step("setup", commandBytes(target) * 2, (c) => {
        const ws = c.workbook.worksheets.add(target);
        ws.visibility = "Hidden";
        this.sheetCache.set(target.toUpperCase(), ws);
      });
    }
  }

  /** What clearSheet removes from a sheet being replaced. */
  private oldParts(
    p: Extract<Plan, { action: "replaced" }>,
    state: WorkbookInventory
  ): { tables: string[]; charts: string[]; hidden: boolean; outline: number } {
    return {
      tables: p.oldTables,
      charts: p.oldCharts,
      hidden: this.hiddenByUser(p.name, state),
      outline: state.owned.get(p.role)?.mark.outline ?? 0,
    };
  }

  /** Table names already used by the workbook (tables and defined names share a namespace). */
  private tableNamespace(
    state: WorkbookInventory,
    plans: Plan[],
    inspections: Map<string, Inspection>
  ): Set<string> {
    const freed = new Set<string>();
    for (const p of plans)
      if (p.action === "replaced") for (const t of p.oldTables) freed.add(t.toUpperCase());
    // tables on leftover temporary sheets go with them
    for (const name of state.leftovers)
      for (const t of inspections.get(name.toUpperCase())?.tables ?? []) freed.add(t.toUpperCase());
    const taken = new Set<string>();
    for (const t of state.tables) if (!freed.has(t.toUpperCase())) taken.add(t.toUpperCase());
    for (const n of state.names) taken.add(n.name.toUpperCase());
    for (const p of plans) for (const n of p.layout.names) taken.add(n.name.toUpperCase());
    return taken;
  }

  /** One sheet's finish: swapped in or named, its columns and structure, shown. Returns its mark. */
  private finishSteps(
    p: Written,
    content: string,
    mapFormula: (f: string) => string,
    tableNames: Set<string>,
    state: WorkbookInventory,
    step: Queue
  ): SheetMark {
    const destination = p.action === "replaced" ? p.name : content;
    this.swapInSteps(p, content, state, step);
    const sheetSteps: SheetSteps = {
      step,
      ws: () => this.sheet(destination),
      sheet: p.name,
      mapFormula,
      features: this.features,
      notes: this.notes,
    };
    columnSteps(p.layout, sheetSteps);
    const existingNames = new Set(state.names.map((n) => n.name.toUpperCase()));
    const chartsMade = structureSteps(p.layout, tableNames, existingNames, sheetSteps);
    this.showSteps(p, content, state, step);
    return this.markFor(p, "ok", chartsMade);
  }

  /**
   * A rewritten sheet is swapped in from its finished copy (ExcelApi 1.9), else it was cleared; a
   * new sheet gets its mark, "writing" until the commit.
   */
  private swapInSteps(p: Written, content: string, state: WorkbookInventory, step: Queue): void {
    const layout = p.layout;
    const grid = this.grids.get(p.role)!;
    const mark = markName(p.role);
    if (p.action === "replaced" && this.features.copyFrom) {
      step("finishing", clearBytes(p.oldTables, p.oldCharts) + requestBytes(3, 2), () => {
        const target = this.sheet(p.name);
        clearSheet(target, this.oldParts(p, state), this.features);
        // everything written to the temporary sheet: the cells and any styled range beyond them
        let rows = grid.rows;
        let cols = grid.cols;
        for (const st of listOf(layout.styles)) {
          rows = Math.max(rows, st.range.row + st.range.rows);
          cols = Math.max(cols, st.range.column + st.range.columns);
        }
        if (rows > 0 && cols > 0) {
          const from = this.sheet(content).getRangeByIndexes(0, 0, rows, cols);
          target.getRangeByIndexes(0, 0, rows, cols).copyFrom(from, "All", false, false);
        }
        this.sheet(content).delete();
      });
    } else if (p.action === "created" || p.action === "createdAlongside") {
      step("finishing", requestBytes(3, 3, mark, encodeMark(this.markFor(p, "writing"))), (c) => {
        if (p.moveMark) c.workbook.names.getItem(mark).delete();
        const named = c.workbook.names.add(
          mark,
          this.sheet(content).getRange(), // the whole sheet: survives deleted rows and columns
          encodeMark(this.markFor(p, "writing"))
        );
        named.visible = false;
      });
    }
  }

  /** A new sheet takes its name and is shown; then its panes are frozen. */
  private showSteps(p: Written, content: string, state: WorkbookInventory, step: Queue): void {
    if (p.action === "created" || p.action === "createdAlongside") {
      step("finishing", commandBytes(p.name) * 2, () => {
        const sheet = this.sheet(content);
        sheet.name = p.name;
        sheet.visibility = "Visible";
        this.sheetCache.set(p.name.toUpperCase(), sheet);
      });
    }
    // Panes are frozen once the sheet is shown: Excel refuses them on a hidden sheet (office-js
    // #1463, #2196). A sheet the user hid keeps the panes it had.
    const freeze = p.layout.freeze;
    if (freeze && (freeze.rows > 0 || freeze.columns > 0) && !this.hiddenByUser(p.name, state)) {
      step("finishing", requestBytes(2, 1), () => {
        const panes = this.sheet(p.name).freezePanes;
        const { rows, columns } = freeze;
        if (rows > 0 && columns > 0)
          panes.freezeAt(this.sheet(p.name).getRangeByIndexes(0, 0, rows, columns));
        else if (rows > 0) panes.freezeRows(rows);
        else panes.freezeColumns(columns);
      });
    }
  }

  private markFor(p: Written, state: SheetMark["state"], charts = 0): SheetMark {
    const grid = this.grids.get(p.role)!;
    return {
      role: p.role,
      kind: p.layout.kind,
      state,
      hash: this.hashes.get(p.role)!,
      shape: this.shapes.get(p.role)!,
      rows: grid.rows,
      cols: grid.cols,
      tables: p.layout.tables.length,
      charts,
      bytes: grid.bytes,
      outline: this.features.outline
        ? Math.max(0, ...p.layout.columns.map((c) => c.outlineLevel ?? 0))
        : 0,
    };
  }

  private setMark(
    c: Excel.RequestContext,
    name: string,
    p: Written,
    state: SheetMark["state"]
  ): void {
    c.workbook.names.getItem(name).comment = encodeMark(this.markFor(p, state));
  }

  /** An add-in sheet that exists and that the user hid (the add-in leaves it hidden). */
  private hiddenByUser(name: string, state: WorkbookInventory): boolean {
    const found = state.sheets.find((s) => s.name.toUpperCase() === name.toUpperCase());
    return found !== undefined && found.visibility !== "Visible";
  }
}
