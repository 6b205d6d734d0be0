/**
 * The Office.js surface of the Excel double: `Excel.run`, a RequestContext whose commands are
 * queued and applied only on `context.sync()`, and proxy objects for the subset of the Excel API
 * the adapter uses. Excel's rules kept here because they catch real bugs:
 * - reading a property that was not loaded and synced throws PropertyNotLoaded; `isNullObject` is
 *   only known after a sync;
 * - writes are queued and applied in order on sync; an error stops the batch where it occurred
 *   (earlier commands stay applied, as in Excel); loaded data arrives only if the sync succeeds;
 * - every sync's request is measured as the UTF-8 JSON of its commands, and one over 5 MB fails
 *   with RequestPayloadSizeLimitExceeded before anything is applied (Excel on the web); a
 *   response over 5 MB fails with ResponsePayloadSizeLimitExceeded;
 * - each API needs its ExcelApi requirement set (ApiNotFound otherwise);
 * - a failure can be injected at the Nth sync: before anything is applied, after half of the
 *   batch, or after all of it (the answer is lost).
 */
import {
  DoubleError,
  type ChartModel,
  type NameModel,
  type SheetModel,
  type TableModel,
  type WorkbookModel,
} from "./model";
import { MAX_COLS, MAX_ROWS, formatAddress, parseAddress, sheetPrefix, type Rect } from "./parse";
import { defaultProfile, supports, type HostProfile } from "./profiles";
import { EXCEL_API_SETS } from "./api-sets.generated";
import { registeredNames, type CalculationType } from "./calculation";
import type { ExcelClass } from "./classes";

/**
 * The ExcelApi set of a member, as @types/office-js documents it (./api-sets.generated.ts, made by
 * scripts/api-sets.ts). A member the table lacks is one Excel does not have: that throws.
 */
export function excelApiSet(excel: ExcelClass, member: string): string {
  const version = EXCEL_API_SETS[excel]?.[member];
  if (version === undefined)
    throw new Error(`@types/office-js gives Excel.${excel}.${member} no ExcelApi set`);
  return version;
}

/**
 * An Excel member: by name on the proxy's own class, by class and name, or an explicit set for an
 * internal member @types/office-js does not declare.
 */
type Member = string | [ExcelClass, string] | { version: string };

export const LIMIT_BYTES = 5 * 1024 * 1024;

export interface SyncRecord {
  index: number;
  requestBytes: number;
  responseBytes: number;
  commands: number;
  /** Commands that change the workbook. */
  writes: number;
  /** suspendApiCalculationUntilNextSync was queued in this batch. */
  calculationSuspended: boolean;
  failed?: string;
}

export interface Fault {
  /** 0-based index of the sync (counted across all Excel.run calls on this double) that fails. */
  atSync: number;
  mode: "before" | "partial" | "after";
  code?: string;
}

interface Command {
  json: unknown;
  write: boolean;
  minApi?: string;
  suspend?: boolean;
  apply(): void;
  settle?(): void;
  response?(): number;
}

function utf8(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

export class DoubleHost {
  readonly syncs: SyncRecord[] = [];
  fault?: Fault;
  /** Commands applied, by name (e.g. "set:formulas", "call:copyFrom"), for assertions. */
  readonly commandCounts = new Map<string, number>();
  /** What Office.context.document.settings holds once saved. */
  readonly settings = new Map<string, unknown>();
  /** Office's theme is dark. */
  dark = false;
  /** URLs Office.context.ui.openBrowserWindow opened in the system's browser. */
  readonly browserWindows: string[] = [];

  constructor(
    readonly model: WorkbookModel,
    public profile: HostProfile = defaultProfile(),
    public displayLanguage = "en-US"
  ) {
    const names = new Map<string, Map<string, string>>();
    model.registered = () => {
      let found = names.get(this.displayLanguage);
      if (!found) names.set(this.displayLanguage, (found = registeredNames(this.displayLanguage)));
      return found;
    };
  }

  /** The host's ExcelApi version (changing it keeps the profile's other sets). */
  get apiVersion(): string {
    return this.profile.sets.ExcelApi ?? "1.1";
  }
  set apiVersion(version: string) {
    this.profile = { ...this.profile, sets: { ...this.profile.sets, ExcelApi: version } };
  }

  isSetSupported(name: string, version = "1.1"): boolean {
    return supports(this.profile, name, version);
  }

  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.runIn(new RequestContext(this), batch);
  }

  /** Excel.run(context, batch): continue in an earlier context (e.g. to remove an event handler). */
  async runIn<T>(
    context: unknown,
    batch: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T> {
    if (!(context instanceof RequestContext) || context.host !== this)
      throw new DoubleError("InvalidArgument", "Not a context of this workbook.");
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pending() > 0) await context.sync(); // Excel.run flushes what is left
    return result;
  }
}

export class RequestContext {
  private queue: Command[] = [];
  private nextId = 1;
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;

  constructor(readonly host: DoubleHost) {
    this.workbook = new WorkbookProxy(this);
    this.application = new ApplicationProxy(this);
  }

  get model(): WorkbookModel {
    return this.host.model;
  }

  id(): number {
    return this.nextId++;
  }

  push(c: Command): void {
    this.queue.push(c);
  }

  pending(): number {
    return this.queue.length;
  }

  /**
   * Apply what was queued, as one request. `requestBytes` is the size of the real request when
   * Microsoft's client sent it (test/support/office-client); otherwise the double measures the
   * JSON of its own commands.
   */
  async sync(options: { requestBytes?: number } = {}): Promise<void> {
    const commands = this.queue;
    this.queue = [];
    const host = this.host;
    const rec: SyncRecord = {
      index: host.syncs.length,
      requestBytes: options.requestBytes ?? utf8(JSON.stringify(commands.map((c) => c.json))),
      responseBytes: 0,
      commands: commands.length,
      writes: commands.filter((c) => c.write).length,
      calculationSuspended: commands.some((c) => c.suspend),
    };
    host.syncs.push(rec);
    await Promise.resolve();
    const failWith = (e: DoubleError): never => {
      rec.failed = e.code;
      throw e;
    };
    if (rec.requestBytes > LIMIT_BYTES) {
      failWith(
        new DoubleError(
          "RequestPayloadSizeLimitExceeded",
          "The request payload size has exceeded the limit."
        )
      );
    }
    const fault = host.fault && host.fault.atSync === rec.index ? host.fault : undefined;
    const injected = () =>
      new DoubleError(
        fault?.code ?? "GeneralException",
        `Injected failure at sync ${rec.index} (${fault?.mode}).`
      );
    if (fault?.mode === "before") failWith(injected());
    const count = fault?.mode === "partial" ? Math.floor(commands.length / 2) : commands.length;
    for (let i = 0; i < count; i++) {
      const c = commands[i];
      try {
        if (c.minApi && !host.isSetSupported("ExcelApi", c.minApi))
          throw new DoubleError("ApiNotFound", `The API needs ExcelApi ${c.minApi}.`);
        c.apply();
        const key = (c.json as { k?: string }).k;
        if (key) host.commandCounts.set(key, (host.commandCounts.get(key) ?? 0) + 1);
      } catch (e) {
        if (e instanceof DoubleError) failWith(e);
        failWith(new DoubleError("GeneralException", (e as Error).message));
      }
    }
    if (fault) failWith(injected());
    // Excel calculates what changed after a request, unless the request suspended calculation
    if (rec.writes > 0 && !rec.calculationSuspended) host.model.calculation.run("automatic");
    rec.responseBytes = commands.reduce((n, c) => n + (c.response ? c.response() : 0), 0);
    if (rec.responseBytes > LIMIT_BYTES) {
      failWith(
        new DoubleError(
          "ResponsePayloadSizeLimitExceeded",
          "The response payload size has exceeded the limit."
        )
      );
    }
    for (const c of commands) c.settle?.();
  }
}

// ---------------------------------------------------------------------------------------------
// base proxy

type Loadable = string | string[] | { select?: string | string[] } | undefined;

function propertyList(props: Loadable): string[] | undefined {
  if (props === undefined) return undefined;
  const raw =
    typeof props === "string"
      ? props
      : Array.isArray(props)
        ? props.join(",")
        : Array.isArray(props.select)
          ? props.select.join(",")
          : (props.select ?? "");
  return raw
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
}

function argJson(a: unknown): unknown {
  return a instanceof ClientObject ? { ref: a.oid } : a;
}

export abstract class ClientObject<T> {
  readonly oid: number;
  private resolved?: { value: T | null };
  private loaded = new Map<string, unknown>();
  private settledNull?: boolean;

  constructor(
    protected readonly ctx: RequestContext,
    private readonly resolver: () => T | null,
    creation?: {
      parent?: ClientObject<unknown>;
      method: string;
      args?: unknown[];
      /** The Excel class and member whose set the creation needs (default: the parent's). */
      api?: [ExcelClass, string];
    }
  ) {
    this.oid = ctx.id();
    if (creation) {
      ctx.push({
        json: {
          i: this.oid,
          p: creation.parent?.oid,
          m: creation.method,
          a: (creation.args ?? []).map(argJson),
        },
        write: false,
        minApi: creation.api
          ? excelApiSet(...creation.api)
          : creation.parent
            ? excelApiSet(creation.parent.excel, creation.method)
            : undefined,
        apply: () => {
          this.resolve();
        },
        settle: () => {
          this.settledNull = this.resolved?.value === null;
        },
      });
    }
  }

  protected get m(): WorkbookModel {
    return this.ctx.model;
  }

  /** Bind to the model object (once; later renames do not re-bind, as in Excel). */
  resolve(): T | null {
    if (!this.resolved) this.resolved = { value: this.resolver() };
    return this.resolved.value;
  }

  preset(value: T): void {
    this.resolved = { value };
  }

  target(): T {
    const v = this.resolve();
    if (v === null) throw new DoubleError("InvalidObjectPath", "The object is a null object.");
    if (isDeleted(v))
      throw new DoubleError("ItemNotFound", "The requested resource doesn't exist.");
    return v;
  }

  get isNullObject(): boolean {
    if (this.settledNull === undefined) {
      throw new DoubleError(
        "PropertyNotLoaded",
        "isNullObject is only known after context.sync()."
      );
    }
    return this.settledNull;
  }

  /** A loaded property's value by name (what Excel returns for it); PropertyNotLoaded before. */
  loadedValue(name: string): unknown {
    return this.get(name);
  }

  /** Read a loaded property; throws PropertyNotLoaded before load + sync. */
  protected get<V>(name: string): V {
    if (!this.loaded.has(name)) {
      throw new DoubleError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
      );
    }
    return this.loaded.get(name) as V;
  }

  setLoaded(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
    if (this.settledNull === undefined) this.settledNull = false;
  }

  /** The Excel class this proxy stands for (the requirement sets of its members). */
  abstract readonly excel: ExcelClass;

  private setOf(member: Member): string {
    if (typeof member === "string") return excelApiSet(this.excel, member);
    return Array.isArray(member) ? excelApiSet(...member) : member.version;
  }

  /** Queue a property set; `member` is the Excel member when the command's key differs. */
  protected put(prop: string, value: unknown, apply: (t: T) => void, member: Member = prop): void {
    this.ctx.push({
      json: { i: this.oid, k: `set:${prop}`, v: argJson(value) },
      write: true,
      minApi: this.setOf(member),
      apply: () => apply(this.target()),
    });
  }

  /** Queue a method call; `member` is the Excel member when the command's key differs. */
  protected call(
    method: string,
    args: unknown[],
    apply: (t: T) => void,
    member: Member = method,
    write = true
  ): void {
    this.ctx.push({
      json: { i: this.oid, k: `call:${method}`, a: args.map(argJson) },
      write,
      minApi: this.setOf(member),
      apply: () => apply(this.target()),
    });
  }

  /** Property values for load(); undefined for unknown properties. */
  protected abstract read(prop: string, t: T): unknown;
  protected abstract defaultProps(): string[];

  load(props?: Loadable): this {
    const list = propertyList(props) ?? this.defaultProps();
    let data: Record<string, unknown> = {};
    this.ctx.push({
      json: { i: this.oid, k: "load", a: list },
      write: false,
      apply: () => {
        data = {};
        // loading a null object is allowed; it just stays without properties
        if (this.resolve() === null) return;
        const t = this.target();
        for (const p of list) {
          const v = this.read(p, t);
          if (v === undefined) throw new DoubleError("InvalidArgument", `Unknown property '${p}'.`);
          data[p] = v;
        }
      },
      response: () => utf8(JSON.stringify(data)),
      settle: () => {
        if (this.resolve() === null) this.settledNull = true;
        else this.setLoaded(data);
      },
    });
    return this;
  }

  toJSON(): unknown {
    return { id: this.oid };
  }
}

function isDeleted(v: unknown): boolean {
  if (typeof v !== "object" || v === null) return false;
  if ("deleted" in v && (v as SheetModel).deleted) return true;
  if ("sheet" in v && typeof (v as { sheet: unknown }).sheet === "object") {
    const s = (v as { sheet: SheetModel }).sheet;
    return s !== null && "deleted" in s && s.deleted;
  }
  return false;
}

/** A collection whose `items` can be loaded. */
export abstract class Collection<
  T,
  P extends { setLoaded(values: Record<string, unknown>): void },
> extends ClientObject<null> {
  private itemProxies?: P[];

  protected abstract list(): T[];
  protected abstract wrap(item: T): P;
  protected abstract itemProps(): string[];
  /** What an item proxy's read() receives for an item (charts are read with their sheet). */
  protected readTarget(item: T): unknown {
    return item;
  }

  get items(): P[] {
    if (!this.itemProxies)
      throw new DoubleError(
        "PropertyNotLoaded",
        "The property 'items' is not available. Load the collection and sync first."
      );
    return this.itemProxies;
  }

  protected read(): unknown {
    return undefined;
  }

  protected defaultProps(): string[] {
    return [];
  }

  /**
   * The item at a position of the collection, as it is when the request is read (how Microsoft's
   * client addresses an item it loaded without an id).
   */
  getItemAt(index: number): P {
    const found = this.list()[index];
    if (found === undefined) throw new DoubleError("ItemNotFound", `There is no item ${index}.`);
    return this.wrap(found);
  }

  override load(props?: Loadable): this {
    const requested = (propertyList(props) ?? this.itemProps())
      .map((p) => p.replace(/^items\//, ""))
      .filter((p) => p !== "items");
    const list = requested.length > 0 ? requested : this.itemProps();
    let rows: { item: T; data: Record<string, unknown> }[] = [];
    this.ctx.push({
      json: { i: this.oid, k: "load", a: list },
      write: false,
      apply: () => {
        rows = this.list().map((item) => {
          const probe = this.wrap(item);
          const data: Record<string, unknown> = {};
          for (const p of list) {
            const v = (probe as unknown as { read(p: string, t: unknown): unknown }).read(
              p,
              this.readTarget(item)
            );
            if (v === undefined)
              throw new DoubleError("InvalidArgument", `Unknown property '${p}'.`);
            data[p] = v;
          }
          return { item, data };
        });
      },
      response: () => utf8(JSON.stringify(rows.map((r) => r.data))),
      settle: () => {
        this.itemProxies = rows.map((r) => {
          const p = this.wrap(r.item);
          p.setLoaded(r.data);
          return p;
        });
      },
    });
    return this;
  }
}

// ---------------------------------------------------------------------------------------------
// workbook, application

class ApplicationProxy extends ClientObject<WorkbookModel> {
  readonly excel = "Application" as const;
  constructor(ctx: RequestContext) {
    super(ctx, () => ctx.model);
  }
  protected read(prop: string, m: WorkbookModel): unknown {
    // "Pending" while changes wait for a recalculation (calculation was suspended)
    if (prop === "calculationState") return m.calculation.pending ? "Pending" : "Done";
    return undefined;
  }
  protected defaultProps(): string[] {
    return ["calculationState"];
  }
  get calculationState(): string {
    return this.get("calculationState");
  }
  /** Recalculation (./calculation.ts: what it recalculates and what that costs). */
  calculate(type: string): void {
    this.ctx.push({
      json: { k: "call:calculate", a: [type] },
      write: false,
      minApi: excelApiSet("Application", "calculate"),
      apply: () => {
        if (!["Recalculate", "Full", "FullRebuild"].includes(type))
          throw new DoubleError("InvalidArgument", `Unknown calculation type ${type}.`);
        this.ctx.model.calculation.run(type as CalculationType);
      },
    });
  }
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.push({
      json: { k: "call:suspendApiCalculationUntilNextSync" },
      write: false,
      suspend: true,
      minApi: excelApiSet("Application", "suspendApiCalculationUntilNextSync"),
      apply: () => undefined,
    });
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly tables: TableCollectionProxy;
  constructor(private readonly ctx: RequestContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.names = new NamedItemCollectionProxy(ctx, () => null);
    this.tables = new TableCollectionProxy(ctx, () => null);
  }

  get application(): ApplicationProxy {
    return this.ctx.application;
  }

  /** Selection changes (ExcelApi 1.2): handlers registered on sync, called after each change. */
  get onSelectionChanged(): {
    add(handler: (args: unknown) => Promise<unknown>): { context: RequestContext; remove(): void };
  } {
    const ctx = this.ctx;
    return {
      add(handler) {
        ctx.push({
          json: { k: "call:onSelectionChanged.add" },
          write: false,
          minApi: excelApiSet("Workbook", "onSelectionChanged"),
          apply: () => ctx.model.selectionListeners.add(handler),
        });
        return {
          context: ctx,
          remove() {
            ctx.push({
              json: { k: "call:onSelectionChanged.remove" },
              write: false,
              apply: () => ctx.model.selectionListeners.delete(handler),
            });
          },
        };
      },
    };
  }

  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ ...this.ctx.model.selection }), {
      method: "getSelectedRange",
      api: ["Workbook", "getSelectedRange"],
    });
  }

  getActiveCell(): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const s = this.ctx.model.selection;
        return { sheet: s.sheet, rect: { row: s.rect.row, col: s.rect.col, rows: 1, cols: 1 } };
      },
      { method: "getActiveCell", api: ["Workbook", "getActiveCell"] }
    );
  }
}

// ---------------------------------------------------------------------------------------------
// worksheets

class WorksheetCollectionProxy extends Collection<SheetModel, WorksheetProxy> {
  readonly excel = "WorksheetCollection" as const;
  constructor(ctx: RequestContext) {
    super(ctx, () => null);
  }
  protected list(): SheetModel[] {
    return this.m.live();
  }
  protected wrap(item: SheetModel): WorksheetProxy {
    const p = new WorksheetProxy(this.ctx, () => item);
    p.preset(item);
    return p;
  }
  protected itemProps(): string[] {
    return ["name", "visibility", "position", "id"];
  }

  add(name?: string): WorksheetProxy {
    const sheet = new WorksheetProxy(this.ctx, () => null);
    this.ctx.push({
      json: { i: sheet.oid, k: "call:worksheets.add", a: [name] },
      write: true,
      minApi: excelApiSet("WorksheetCollection", "add"),
      apply: () => sheet.preset(this.m.addSheet(name)),
    });
    return sheet;
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(
      this.ctx,
      () => {
        const s = this.m.findSheet(key);
        if (!s) throw new DoubleError("ItemNotFound", `The worksheet "${key}" doesn't exist.`);
        return s;
      },
      { parent: this, method: "getItem", args: [key] }
    );
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.m.findSheet(key) ?? null, {
      parent: this,
      method: "getItemOrNullObject",
      args: [key],
    });
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.m.active, {
      parent: this,
      method: "getActiveWorksheet",
    });
  }
}

class WorksheetProxy extends ClientObject<SheetModel> {
  readonly excel = "Worksheet" as const;
  protected read(prop: string, s: SheetModel): unknown {
    switch (prop) {
      case "name":
        return s.name;
      case "visibility":
        return s.visibility;
      case "position":
        return this.m.position(s);
      case "id":
        return s.id;
      case "tabColor":
        return s.tabColor;
      default:
        return undefined;
    }
  }
  protected defaultProps(): string[] {
    return ["name", "visibility", "position", "id"];
  }

  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.put("name", v, (s) => this.m.renameSheet(s, v));
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(v: string) {
    this.put("visibility", v, (s) => this.m.setVisibility(s, v as SheetModel["visibility"]));
  }
  get position(): number {
    return this.get("position");
  }
  set position(v: number) {
    this.put("position", v, (s) => {
      const live = this.m.live();
      if (v < 0 || v >= live.length)
        throw new DoubleError("InvalidArgument", "Position out of range.");
      const all = this.m.sheets.filter((x) => x !== s);
      const anchor = live.filter((x) => x !== s)[v];
      all.splice(anchor ? all.indexOf(anchor) : all.length, 0, s);
      this.m.sheets = all;
    });
  }
  get id(): string {
    return this.get("id");
  }
  get tabColor(): string {
    return this.get("tabColor");
  }
  set tabColor(v: string) {
    this.put("tabColor", v, (s) => (s.tabColor = v));
  }

  delete(): void {
    this.call("delete", [], (s) => this.m.deleteSheet(s));
  }
  activate(): void {
    this.call("activate", [], (s) => {
      if (s.visibility !== "Visible")
        throw new DoubleError("InvalidOperation", "A hidden sheet can't be activated.");
      this.m.active = s;
      this.m.selection = { sheet: s, rect: { row: 0, col: 0, rows: 1, cols: 1 } };
    });
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const sheet = this.target();
        if (address === undefined)
          return { sheet, rect: { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } };
        try {
          return { sheet, rect: parseAddress(address) };
        } catch {
          throw new DoubleError("InvalidArgument", `Bad address ${address}.`);
        }
      },
      { parent: this, method: "getRange", args: [address] }
    );
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        if (
          row < 0 ||
          col < 0 ||
          rows < 1 ||
          cols < 1 ||
          row + rows > MAX_ROWS ||
          col + cols > MAX_COLS
        ) {
          throw new DoubleError("InvalidArgument", `Bad range (${row}, ${col}, ${rows}, ${cols}).`);
        }
        return { sheet: this.target(), rect: { row, col, rows, cols } };
      },
      { parent: this, method: "getRangeByIndexes", args: [row, col, rows, cols] }
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const sheet = this.target();
        const rect = this.m.usedRange(sheet, valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      { parent: this, method: "getUsedRangeOrNullObject", args: [valuesOnly] }
    );
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const sheet = this.target();
        return {
          sheet,
          rect: this.m.usedRange(sheet, valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 },
        };
      },
      { parent: this, method: "getUsedRange", args: [valuesOnly] }
    );
  }

  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.ctx, () => this.target());
  }
  get charts(): ChartCollectionProxy {
    return new ChartCollectionProxy(this.ctx, () => this.target());
  }
  get names(): NamedItemCollectionProxy {
    return new NamedItemCollectionProxy(this.ctx, () => this.target());
  }
  get freezePanes(): FreezePanesProxy {
    return new FreezePanesProxy(this.ctx, () => this.target());
  }
  get pageLayout(): PageLayoutProxy {
    return new PageLayoutProxy(this.ctx, () => this.target());
  }
  get horizontalPageBreaks(): PageBreaksProxy {
    return new PageBreaksProxy(this.ctx, () => this.target());
  }
}

// ---------------------------------------------------------------------------------------------
// ranges

interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

function rangeArg(ctx: RequestContext, from: SheetModel, value: unknown): RangeRef {
  if (value instanceof RangeProxy) return value.target();
  if (typeof value === "string") {
    try {
      return { sheet: from, rect: parseAddress(value) };
    } catch {
      throw new DoubleError("InvalidArgument", `Bad address ${value}.`);
    }
  }
  void ctx;
  throw new DoubleError("InvalidArgument", "Expected a Range or an address.");
}

class RangeProxy extends ClientObject<RangeRef> {
  readonly excel = "Range" as const;
  protected read(prop: string, r: RangeRef): unknown {
    const big = () => {
      if (r.rect.rows * r.rect.cols > 5_000_000)
        throw new DoubleError("RangeExceedsLimit", "Too many cells.");
    };
    const grid = (f: (row: number, col: number) => unknown) => {
      big();
      return Array.from({ length: r.rect.rows }, (_, i) =>
        Array.from({ length: r.rect.cols }, (_2, j) => f(r.rect.row + i, r.rect.col + j))
      );
    };
    switch (prop) {
      case "address":
        return `${sheetPrefix(r.sheet.name)}${formatAddress(r.rect)}`;
      case "rowIndex":
        return r.rect.row;
      case "columnIndex":
        return r.rect.col;
      case "rowCount":
        return r.rect.rows;
      case "columnCount":
        return r.rect.cols;
      case "values": {
        // while PERF functions still compute, Excel shows #BUSY! in their cells
        const busy = this.m.calculation.takeBusyRead();
        return grid((row, col) =>
          busy && this.m.callsFunctions(r.sheet, row, col)
            ? "#BUSY!"
            : this.m.valueAt(r.sheet, row, col)
        );
      }
      case "formulas":
        return grid((row, col) => this.m.formulaAt(r.sheet, row, col));
      case "numberFormat":
        return grid((row, col) => r.sheet.numberFormatAt(row, col));
      default:
        return undefined;
    }
  }
  protected defaultProps(): string[] {
    return ["address", "rowIndex", "columnIndex", "rowCount", "columnCount"];
  }

  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }

  private writeGrid(prop: string, value: unknown): void {
    this.put(prop, value, (r) => {
      const rows = value as unknown[][];
      if (
        !Array.isArray(rows) ||
        rows.length !== r.rect.rows ||
        rows.some((row) => !Array.isArray(row) || row.length !== r.rect.cols)
      ) {
        throw new DoubleError(
          "InvalidArgument",
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
        );
      }
      rows.forEach((row, i) =>
        row.forEach((v, j) => this.m.enter(r.sheet, r.rect.row + i, r.rect.col + j, v))
      );
    });
  }

  get values(): unknown[][] {
    return this.get("values");
  }
  set values(v: unknown[][]) {
    this.writeGrid("values", v);
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown[][]) {
    this.writeGrid("formulas", v);
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.put("numberFormat", v, (r) => this.m.setNumberFormat(r.sheet, r.rect, v));
  }
  set columnHidden(v: boolean) {
    this.put("columnHidden", v, (r) => {
      if (!v && r.rect.cols === MAX_COLS) r.sheet.colHidden.clear();
      else {
        for (let c = r.rect.col; c < r.rect.col + r.rect.cols; c++) {
          if (v) r.sheet.colHidden.add(c);
          else r.sheet.colHidden.delete(c);
        }
      }
    });
  }

  /**
   * Outline by columns, as Excel does it: group adds a level to each column of the range (at most
   * 8 levels), ungroup takes the outermost off (InvalidOperation where no column is grouped),
   * hideGroupDetails hides the grouped columns of the range. Rows are not modelled.
   */
  group(groupOption: string): void {
    this.call("group", [groupOption], (r) => {
      const cols = this.outlineColumns(groupOption, r);
      if (cols.some((c) => (r.sheet.colOutline.get(c) ?? 0) >= 8))
        throw new DoubleError("InvalidOperation", "An outline has at most eight levels.");
      for (const c of cols) r.sheet.colOutline.set(c, (r.sheet.colOutline.get(c) ?? 0) + 1);
    });
  }
  ungroup(groupOption: string): void {
    this.call("ungroup", [groupOption], (r) => {
      const cols = this.outlineColumns(groupOption, r).filter((c) => r.sheet.colOutline.has(c));
      if (cols.length === 0)
        throw new DoubleError("InvalidOperation", "There is no group in the range to ungroup.");
      for (const c of cols) {
        const level = r.sheet.colOutline.get(c)! - 1;
        if (level > 0) r.sheet.colOutline.set(c, level);
        else r.sheet.colOutline.delete(c);
      }
    });
  }
  hideGroupDetails(groupOption: string): void {
    this.call("hideGroupDetails", [groupOption], (r) => {
      for (const c of this.outlineColumns(groupOption, r))
        if (r.sheet.colOutline.has(c)) r.sheet.colHidden.add(c);
    });
  }
  private outlineColumns(groupOption: string, r: RangeRef): number[] {
    if (groupOption !== "ByColumns")
      throw new DoubleError("NotImplemented", "The double models column outlines only.");
    return Array.from({ length: r.rect.cols }, (_, i) => r.rect.col + i);
  }

  get format(): RangeFormatProxy {
    return new RangeFormatProxy(this.ctx, () => this.target());
  }
  get dataValidation(): DataValidationProxy {
    return new DataValidationProxy(this.ctx, () => this.target());
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.target().sheet);
  }
  get conditionalFormats(): {
    add(type: string): { dataBar: { positiveFormat: { fillColor: string } } };
    clearAll(): void;
  } {
    const ctx = this.ctx;
    const oid = this.oid;
    const target = () => this.target();
    return {
      add(type: string) {
        let entry: SheetModel["conditionalFormats"][number] | undefined;
        ctx.push({
          json: { i: oid, k: "call:conditionalFormats.add", a: [type] },
          write: true,
          minApi: excelApiSet("ConditionalFormatCollection", "add"),
          apply: () => {
            const r = target();
            if (type !== "DataBar")
              throw new DoubleError("NotImplemented", "The double models data bars only.");
            entry = { rect: { ...r.rect }, type };
            r.sheet.conditionalFormats.push(entry);
          },
        });
        const positiveFormat = {
          set fillColor(color: string) {
            ctx.push({
              json: { i: oid, k: "set:dataBar.positiveFormat.fillColor", v: color },
              write: true,
              minApi: excelApiSet("ConditionalDataBarPositiveFormat", "fillColor"),
              apply: () => {
                if (!entry)
                  throw new DoubleError(
                    "InvalidObjectPath",
                    "The conditional format was not added."
                  );
                entry.fillColor = color;
              },
            });
          },
          get fillColor(): string {
            throw new DoubleError("PropertyNotLoaded", "fillColor was not loaded.");
          },
        };
        return { dataBar: { positiveFormat } };
      },
      clearAll() {
        ctx.push({
          json: { i: oid, k: "call:conditionalFormats.clearAll" },
          write: true,
          minApi: excelApiSet("ConditionalFormatCollection", "clearAll"),
          apply: () => {
            const r = target();
            const overlaps = (a: Rect, b: Rect) =>
              a.row < b.row + b.rows &&
              b.row < a.row + a.rows &&
              a.col < b.col + b.cols &&
              b.col < a.col + a.cols;
            r.sheet.conditionalFormats = r.sheet.conditionalFormats.filter(
              (c) => !overlaps(c.rect, r.rect)
            );
          },
        });
      },
    };
  }

  getEntireColumn(): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const r = this.target();
        return {
          sheet: r.sheet,
          rect: { row: 0, col: r.rect.col, rows: MAX_ROWS, cols: r.rect.cols },
        };
      },
      { parent: this, method: "getEntireColumn" }
    );
  }
  getEntireRow(): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const r = this.target();
        return {
          sheet: r.sheet,
          rect: { row: r.rect.row, col: 0, rows: r.rect.rows, cols: MAX_COLS },
        };
      },
      { parent: this, method: "getEntireRow" }
    );
  }
  getCell(row: number, col: number): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const r = this.target();
        return {
          sheet: r.sheet,
          rect: { row: r.rect.row + row, col: r.rect.col + col, rows: 1, cols: 1 },
        };
      },
      { parent: this, method: "getCell", args: [row, col] }
    );
  }

  /** Row `index` of the range (Microsoft's client cuts large writes into rows and bounding rectangles). */
  getRow(index: number): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const r = this.target();
        if (index < 0 || index >= r.rect.rows)
          throw new DoubleError("InvalidArgument", `Row ${index} is outside the range.`);
        return { sheet: r.sheet, rect: { ...r.rect, row: r.rect.row + index, rows: 1 } };
      },
      { parent: this, method: "getRow", args: [index] }
    );
  }
  /** The smallest range holding this one and `other` (same sheet). */
  getBoundingRect(other: unknown): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const a = this.target();
        const b = rangeArg(this.ctx, a.sheet, other);
        if (b.sheet !== a.sheet)
          throw new DoubleError("InvalidArgument", "The ranges are on different sheets.");
        const row = Math.min(a.rect.row, b.rect.row);
        const col = Math.min(a.rect.col, b.rect.col);
        const rows = Math.max(a.rect.row + a.rect.rows, b.rect.row + b.rect.rows) - row;
        const cols = Math.max(a.rect.col + a.rect.cols, b.rect.col + b.rect.cols) - col;
        return { sheet: a.sheet, rect: { row, col, rows, cols } };
      },
      { parent: this, method: "getBoundingRect", args: [other] }
    );
  }
  /** What Microsoft's client asks before writing a large array in pieces: the sizes must match. */
  _ValidateArraySize(rows: number, cols: number): void {
    this.call(
      "_ValidateArraySize",
      [rows, cols],
      (r) => {
        if (rows !== r.rect.rows || cols !== r.rect.cols)
          throw new DoubleError(
            "InvalidArgument",
            "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
          );
      },
      { version: "1.3" }, // internal: not in @types/office-js; office.js checks ExcelApi 1.3
      false
    );
  }

  clear(applyTo = "All"): void {
    this.call("clear", [applyTo], (r) => this.m.clear(r.sheet, r.rect, applyTo));
  }
  /** Calculates the range (the double: what changed and depends on it). */
  calculate(): void {
    this.call("calculate", [], () => this.m.calculation.run("Recalculate"), "calculate", false);
  }
  copyFrom(source: unknown, copyType = "All", skipBlanks = false, transpose = false): void {
    this.call("copyFrom", [source, copyType, skipBlanks, transpose], (r) => {
      if (skipBlanks || transpose)
        throw new DoubleError("NotImplemented", "The double copies without skipBlanks/transpose.");
      const from = rangeArg(this.ctx, r.sheet, source);
      this.m.copy(from, { sheet: r.sheet, rect: from.rect }, copyType);
    });
  }
  merge(across = false): void {
    this.call("merge", [across], (r) => {
      if (across) throw new DoubleError("NotImplemented", "merge(across) is not modelled.");
      const inside = (a: Rect, b: Rect) =>
        a.row >= b.row &&
        a.col >= b.col &&
        a.row + a.rows <= b.row + b.rows &&
        a.col + a.cols <= b.col + b.cols;
      const overlaps = (a: Rect, b: Rect) =>
        a.row < b.row + b.rows &&
        b.row < a.row + a.rows &&
        a.col < b.col + b.cols &&
        b.col < a.col + a.cols;
      if (this.m.tables.some((t) => t.sheet === r.sheet && overlaps(t.rect, r.rect)))
        throw new DoubleError("InvalidOperation", "Cells in a table can't be merged.");
      r.sheet.merges = r.sheet.merges.filter((m) => !inside(m, r.rect));
      if (r.sheet.merges.some((m) => overlaps(m, r.rect)))
        throw new DoubleError("InvalidOperation", "Merged areas can't overlap.");
      r.sheet.merges.push({ ...r.rect });
    });
  }
  unmerge(): void {
    this.call("unmerge", [], (r) => {
      const overlaps = (a: Rect, b: Rect) =>
        a.row < b.row + b.rows &&
        b.row < a.row + a.rows &&
        a.col < b.col + b.cols &&
        b.col < a.col + a.cols;
      r.sheet.merges = r.sheet.merges.filter((m) => !overlaps(m, r.rect));
    });
  }
  select(): void {
    this.call("select", [], (r) => {
      if (r.sheet.visibility !== "Visible")
        throw new DoubleError("InvalidOperation", "Cells on a hidden sheet can't be selected.");
      this.m.active = r.sheet;
      this.m.selection = { sheet: r.sheet, rect: { ...r.rect } };
      this.m.fireSelection();
    });
  }
}

class RangeFormatProxy extends ClientObject<RangeRef> {
  readonly excel = "RangeFormat" as const;
  protected read(): unknown {
    return undefined;
  }
  protected defaultProps(): string[] {
    return [];
  }
  private style(key: string, value: unknown): void {
    this.put(key, value, (r) => this.m.setStyle(r.sheet, r.rect, key, value));
  }
  set columnWidth(v: number) {
    this.put("columnWidth", v, (r) => {
      if (!(v >= 0 && v <= 255 * 7.5))
        throw new DoubleError("InvalidArgument", "Column width out of range.");
      for (let c = r.rect.col; c < r.rect.col + r.rect.cols; c++) r.sheet.colWidths.set(c, v);
    });
  }
  set rowHeight(v: number) {
    this.put("rowHeight", v, (r) => {
      if (!(v >= 0 && v <= 409))
        throw new DoubleError("InvalidArgument", "Row height out of range.");
      for (let row = r.rect.row; row < r.rect.row + r.rect.rows; row++)
        r.sheet.rowHeights.set(row, v);
    });
  }
  set wrapText(v: boolean) {
    this.style("wrapText", v);
  }
  set horizontalAlignment(v: string) {
    this.style("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    this.style("verticalAlignment", v);
  }
  get font(): StyleProxy {
    return new StyleProxy(this.ctx, () => this.target(), "font", "RangeFont");
  }
  get fill(): StyleProxy {
    return new StyleProxy(this.ctx, () => this.target(), "fill", "RangeFill");
  }
  get borders(): { getItem(index: string): StyleProxy } {
    return {
      getItem: (index: string) =>
        new StyleProxy(this.ctx, () => this.target(), `border.${index}`, "RangeBorder"),
    };
  }
}

/** font, fill and one border: every property set is a style on the cells of the range. */
class StyleProxy extends ClientObject<RangeRef> {
  constructor(
    ctx: RequestContext,
    resolver: () => RangeRef,
    private readonly prefix: string,
    readonly excel: "RangeFont" | "RangeFill" | "RangeBorder"
  ) {
    super(ctx, resolver);
    return new globalThis.Proxy(this, {
      set: (target, prop, value) => {
        if (
          typeof prop === "string" &&
          ["bold", "italic", "color", "size", "name", "style", "weight", "underline"].includes(prop)
        ) {
          const key = `${target.prefix}.${prop}`;
          target.put(key, value, (r) => target.m.setStyle(r.sheet, r.rect, key, value), prop);
          return true;
        }
        return Reflect.set(target, prop, value);
      },
    });
  }
  protected read(): unknown {
    return undefined;
  }
  protected defaultProps(): string[] {
    return [];
  }
}

class DataValidationProxy extends ClientObject<RangeRef> {
  readonly excel = "DataValidation" as const;
  protected read(): unknown {
    return undefined;
  }
  protected defaultProps(): string[] {
    return [];
  }
  private entry(r: RangeRef) {
    const same = (a: Rect, b: Rect) =>
      a.row === b.row && a.col === b.col && a.rows === b.rows && a.cols === b.cols;
    let v = r.sheet.validations.find((x) => same(x.rect, r.rect));
    if (!v) {
      v = { rect: { ...r.rect } };
      r.sheet.validations.push(v);
    }
    return v;
  }
  set rule(rule: unknown) {
    this.put("rule", rule, (r) => {
      const x = rule as {
        list?: { source?: unknown };
        decimal?: { formula1?: unknown; operator?: unknown };
      };
      if (x.list) {
        const src = x.list.source;
        if (typeof src !== "string" || src === "")
          throw new DoubleError("InvalidArgument", "A list needs a source.");
        if (!src.startsWith("=") && src.length > 255)
          throw new DoubleError("InvalidArgument", "A list source is limited to 255 characters.");
      } else if (x.decimal) {
        if (x.decimal.formula1 === undefined || typeof x.decimal.operator !== "string")
          throw new DoubleError(
            "InvalidArgument",
            "A decimal rule needs formula1 and an operator."
          );
      } else throw new DoubleError("InvalidArgument", "Unsupported rule.");
      const entry = this.entry(r);
      entry.rule = rule;
      // a source formula is stored like a cell formula: it follows sheet renames
      const src = x.list?.source;
      entry.source =
        typeof src === "string" && src.startsWith("=")
          ? this.m.bindFormula(src.slice(1))
          : undefined;
    });
  }
  set prompt(p: unknown) {
    this.put("prompt", p, (r) => (this.entry(r).prompt = p));
  }
  set errorAlert(p: unknown) {
    this.put("errorAlert", p, (r) => (this.entry(r).errorAlert = p));
  }
  clear(): void {
    this.call(
      "dataValidation.clear",
      [],
      (r) => {
        const overlaps = (a: Rect, b: Rect) =>
          a.row < b.row + b.rows &&
          b.row < a.row + a.rows &&
          a.col < b.col + b.cols &&
          b.col < a.col + a.cols;
        r.sheet.validations = r.sheet.validations.filter((v) => !overlaps(v.rect, r.rect));
      },
      "clear"
    );
  }
}

// ---------------------------------------------------------------------------------------------
// names

class NamedItemCollectionProxy extends Collection<NameModel, NamedItemProxy> {
  readonly excel = "NamedItemCollection" as const;
  constructor(
    ctx: RequestContext,
    private readonly scope: () => SheetModel | null
  ) {
    super(ctx, () => null);
  }
  private key(name: string): string {
    const s = this.scope();
    return (s ? s.id + "!" : "") + name.toUpperCase();
  }
  protected list(): NameModel[] {
    const s = this.scope();
    return [...this.m.names.values()].filter((n) => n.scope === s);
  }
  protected wrap(item: NameModel): NamedItemProxy {
    const p = new NamedItemProxy(this.ctx, () => item);
    p.preset(item);
    return p;
  }
  protected itemProps(): string[] {
    return ["name", "type", "value", "comment", "visible"];
  }

  add(name: string, reference: unknown, comment = ""): NamedItemProxy {
    const item = new NamedItemProxy(this.ctx, () => null);
    this.ctx.push({
      json: { i: item.oid, k: "call:names.add", a: [name, argJson(reference), comment] },
      write: true,
      minApi: excelApiSet("NamedItemCollection", "add"),
      apply: () => {
        const s = this.scope();
        const ref = reference instanceof RangeProxy ? reference.target() : reference;
        if (typeof ref !== "string" && (typeof ref !== "object" || ref === null))
          throw new DoubleError("InvalidArgument", "Bad reference.");
        item.preset(this.m.addName(name, ref as RangeRef | string, comment, s));
      },
    });
    return item;
  }

  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(
      this.ctx,
      () => {
        const n = this.m.names.get(this.key(name));
        if (!n) throw new DoubleError("ItemNotFound", `The name "${name}" doesn't exist.`);
        return n;
      },
      { parent: this, method: "getItem", args: [name] }
    );
  }

  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => this.m.names.get(this.key(name)) ?? null, {
      parent: this,
      method: "getItemOrNullObject",
      args: [name],
    });
  }
}

class NamedItemProxy extends ClientObject<NameModel> {
  readonly excel = "NamedItem" as const;
  protected read(prop: string, n: NameModel): unknown {
    switch (prop) {
      case "name":
        return n.name;
      case "type":
        return this.m.nameType(n);
      case "value":
        return this.m.nameValue(n);
      case "comment":
        return n.comment;
      case "visible":
        return n.visible;
      case "scope":
        return n.scope ? "Worksheet" : "Workbook";
      default:
        return undefined;
    }
  }
  protected defaultProps(): string[] {
    return ["name", "type", "value", "comment", "visible"];
  }
  override target(): NameModel {
    const n = super.target();
    if (![...this.m.names.values()].includes(n))
      throw new DoubleError("ItemNotFound", "The name was deleted.");
    return n;
  }
  get name(): string {
    return this.get("name");
  }
  get type(): string {
    return this.get("type");
  }
  get value(): unknown {
    return this.get("value");
  }
  get comment(): string {
    return this.get("comment");
  }
  set comment(v: string) {
    this.put("comment", v, (n) => {
      if (v.length > 255)
        throw new DoubleError("InvalidArgument", "A name's comment is limited to 255 characters.");
      n.comment = v;
    });
  }
  get visible(): boolean {
    return this.get("visible");
  }
  set visible(v: boolean) {
    this.put("visible", v, (n) => (n.visible = v));
  }
  delete(): void {
    this.call(
      "name.delete",
      [],
      (n) => {
        for (const [k, x] of this.m.names) if (x === n) this.m.names.delete(k);
      },
      "delete"
    );
  }
  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const n = this.target();
        return n.range && !n.range.sheet.deleted
          ? { sheet: n.range.sheet, rect: n.range.rect }
          : null;
      },
      { parent: this, method: "getRangeOrNullObject" }
    );
  }
}

// ---------------------------------------------------------------------------------------------
// tables

class TableCollectionProxy extends Collection<TableModel, TableProxy> {
  readonly excel = "TableCollection" as const;
  constructor(
    ctx: RequestContext,
    private readonly scope: () => SheetModel | null
  ) {
    super(ctx, () => null);
  }
  protected list(): TableModel[] {
    const s = this.scope();
    return this.m.tables.filter((t) => s === null || t.sheet === s);
  }
  protected wrap(item: TableModel): TableProxy {
    const p = new TableProxy(this.ctx, () => item);
    p.preset(item);
    return p;
  }
  protected itemProps(): string[] {
    return ["name", "style"];
  }

  add(address: unknown, hasHeaders: boolean): TableProxy {
    const table = new TableProxy(this.ctx, () => null);
    this.ctx.push({
      json: { i: table.oid, k: "call:tables.add", a: [argJson(address), hasHeaders] },
      write: true,
      minApi: excelApiSet("TableCollection", "add"),
      apply: () => {
        let ref: RangeRef;
        if (address instanceof RangeProxy) ref = address.target();
        else {
          const s = this.scope();
          if (!s)
            throw new DoubleError(
              "NotImplemented",
              "The double needs a Range or a worksheet's table collection."
            );
          ref = rangeArg(this.ctx, s, address);
        }
        table.preset(this.m.addTable(ref.sheet, ref.rect, hasHeaders));
      },
    });
    return table;
  }

  getItem(name: string): TableProxy {
    return new TableProxy(
      this.ctx,
      () => {
        const t = this.list().find((x) => x.name.toUpperCase() === name.toUpperCase());
        if (!t) throw new DoubleError("ItemNotFound", `The table "${name}" doesn't exist.`);
        return t;
      },
      { parent: this, method: "getItem", args: [name] }
    );
  }

  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(
      this.ctx,
      () => this.list().find((x) => x.name.toUpperCase() === name.toUpperCase()) ?? null,
      { parent: this, method: "getItemOrNullObject", args: [name] }
    );
  }
}

class TableProxy extends ClientObject<TableModel> {
  readonly excel = "Table" as const;
  protected read(prop: string, t: TableModel): unknown {
    return prop === "name" ? t.name : prop === "style" ? t.style : undefined;
  }
  protected defaultProps(): string[] {
    return ["name", "style"];
  }
  override target(): TableModel {
    const t = super.target();
    if (!this.m.tables.includes(t))
      throw new DoubleError("ItemNotFound", "The table doesn't exist.");
    return t;
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.put("name", v, (t) => this.m.renameTable(t, v));
  }
  set style(v: string) {
    this.put("style", v, (t) => (t.style = v));
  }
  getHeaderRowRange(): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const t = this.target();
        return { sheet: t.sheet, rect: { ...t.rect, rows: 1 } };
      },
      { parent: this, method: "getHeaderRowRange" }
    );
  }
  convertToRange(): void {
    this.call("convertToRange", [], (t) => (this.m.tables = this.m.tables.filter((x) => x !== t)));
  }
  delete(): void {
    this.call(
      "table.delete",
      [],
      (t) => {
        this.m.tables = this.m.tables.filter((x) => x !== t);
        this.m.clear(t.sheet, t.rect, "All");
      },
      "delete"
    );
  }
}

// ---------------------------------------------------------------------------------------------
// charts

class ChartCollectionProxy extends Collection<ChartModel, ChartProxy> {
  readonly excel = "ChartCollection" as const;
  constructor(
    ctx: RequestContext,
    private readonly sheet: () => SheetModel
  ) {
    super(ctx, () => null);
  }
  protected list(): ChartModel[] {
    return this.sheet().charts;
  }
  protected wrap(item: ChartModel): ChartProxy {
    const p = new ChartProxy(this.ctx, () => ({ sheet: this.sheet(), chart: item }));
    p.preset({ sheet: this.sheet(), chart: item });
    return p;
  }
  protected itemProps(): string[] {
    return ["name"];
  }
  protected override readTarget(item: ChartModel): unknown {
    return { sheet: this.sheet(), chart: item };
  }
  add(type: string, source: unknown, seriesBy = "Auto"): ChartProxy {
    const chart = new ChartProxy(this.ctx, () => null);
    this.ctx.push({
      json: { i: chart.oid, k: "call:charts.add", a: [type, argJson(source), seriesBy] },
      write: true,
      minApi: excelApiSet("ChartCollection", "add"),
      apply: () => {
        const sheet = this.sheet();
        if (!(source instanceof RangeProxy))
          throw new DoubleError("InvalidArgument", "A chart needs a source range.");
        const values = source.target();
        const model: ChartModel = {
          name: `Chart ${sheet.charts.length + 1}`,
          type,
          title: "",
          series: [{ name: "Series1", values }],
        };
        sheet.charts.push(model);
        chart.preset({ sheet, chart: model });
      },
    });
    return chart;
  }
  getItem(name: string): ChartProxy {
    return new ChartProxy(
      this.ctx,
      () => {
        const sheet = this.sheet();
        const c = sheet.charts.find((x) => x.name === name);
        if (!c) throw new DoubleError("ItemNotFound", `The chart "${name}" doesn't exist.`);
        return { sheet, chart: c };
      },
      { parent: this, method: "getItem", args: [name] }
    );
  }
}

interface ChartRef {
  sheet: SheetModel;
  chart: ChartModel;
}

class ChartProxy extends ClientObject<ChartRef> {
  readonly excel = "Chart" as const;
  protected read(prop: string, c: ChartRef): unknown {
    return prop === "name" ? c.chart.name : undefined;
  }
  protected defaultProps(): string[] {
    return ["name"];
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.put("name", v, (c) => (c.chart.name = v));
  }
  get title(): { text: string } {
    const put = (text: string) =>
      this.put("title.text", text, (c) => (c.chart.title = text), ["ChartTitle", "text"]);
    return {
      get text(): string {
        throw new DoubleError("PropertyNotLoaded", "title.text was not loaded.");
      },
      set text(v: string) {
        put(v);
      },
    };
  }
  get series(): { getItemAt(i: number): SeriesProxy; add(name: string): SeriesProxy } {
    return {
      getItemAt: (i: number) =>
        new SeriesProxy(
          this.ctx,
          () => {
            const c = this.target();
            const s = c.chart.series[i];
            if (!s) throw new DoubleError("ItemNotFound", `No series ${i}.`);
            return s;
          },
          {
            parent: this,
            method: "series.getItemAt",
            args: [i],
            api: ["ChartSeriesCollection", "getItemAt"],
          }
        ),
      add: (name: string) => {
        const series = new SeriesProxy(this.ctx, () => null);
        this.ctx.push({
          json: { i: series.oid, k: "call:series.add", a: [name] },
          write: true,
          minApi: excelApiSet("ChartSeriesCollection", "add"),
          apply: () => {
            const c = this.target();
            const s = {
              name,
              values: { sheet: c.sheet, rect: { row: 0, col: 0, rows: 1, cols: 1 } },
            };
            c.chart.series.push(s);
            series.preset(s);
          },
        });
        return series;
      },
    };
  }
  setPosition(start: unknown, end?: unknown): void {
    this.call("setPosition", [start, end], (c) => {
      const addr = (v: unknown) =>
        v instanceof RangeProxy ? formatAddress(v.target().rect) : String(v);
      c.chart.position = { start: addr(start), end: end === undefined ? undefined : addr(end) };
    });
  }
  delete(): void {
    this.call(
      "chart.delete",
      [],
      (c) => (c.sheet.charts = c.sheet.charts.filter((x) => x !== c.chart)),
      "delete"
    );
  }
}

type SeriesModel = ChartModel["series"][number];

class SeriesProxy extends ClientObject<SeriesModel> {
  readonly excel = "ChartSeries" as const;
  protected read(prop: string, s: SeriesModel): unknown {
    return prop === "name" ? s.name : undefined;
  }
  protected defaultProps(): string[] {
    return ["name"];
  }
  set name(v: string) {
    this.put("name", v, (s) => (s.name = v));
  }
  setValues(source: unknown): void {
    this.call(
      "setValues",
      [source],
      (s) => (s.values = rangeArg(this.ctx, s.values.sheet, source))
    );
  }
  setXAxisValues(source: unknown): void {
    this.call(
      "setXAxisValues",
      [source],
      (s) => (s.xValues = rangeArg(this.ctx, s.values.sheet, source))
    );
  }
}

// ---------------------------------------------------------------------------------------------
// panes and printing

/**
 * Frozen panes. On a hidden sheet Excel refuses them (office-js #1463: unfreeze throws on a
 * hidden sheet; #2196: freezeRows fails with GeneralException), and freezing an inactive sheet
 * fires a worksheet activation Excel's window does not show (#3148), recorded in `activations`.
 */
class FreezePanesProxy extends ClientObject<SheetModel> {
  readonly excel = "WorksheetFreezePanes" as const;
  protected read(): unknown {
    return undefined;
  }
  protected defaultProps(): string[] {
    return [];
  }
  private freeze(method: string, args: unknown[], set: (s: SheetModel) => SheetModel["freeze"]) {
    this.call(method, args, (s) => {
      if (s.visibility !== "Visible")
        throw new DoubleError(
          "GeneralException",
          `There was an internal error while processing the request (WorksheetFreezePanes.${method} on the hidden sheet "${s.name}").`
        );
      if (this.m.active !== s) this.m.activations.push(s.name);
      s.freeze = set(s);
    });
  }
  freezeRows(n = 1): void {
    this.freeze("freezeRows", [n], () => ({ rows: n, cols: 0 }));
  }
  freezeColumns(n = 1): void {
    this.freeze("freezeColumns", [n], () => ({ rows: 0, cols: n }));
  }
  freezeAt(range: unknown): void {
    this.freeze("freezeAt", [range], (s) => {
      const r = rangeArg(this.ctx, s, range);
      return { rows: r.rect.row + r.rect.rows, cols: r.rect.col + r.rect.cols };
    });
  }
  unfreeze(): void {
    this.freeze("unfreeze", [], () => ({ rows: 0, cols: 0 }));
  }
}

class PageLayoutProxy extends ClientObject<SheetModel> {
  readonly excel = "PageLayout" as const;
  protected read(): unknown {
    return undefined;
  }
  protected defaultProps(): string[] {
    return [];
  }
  set orientation(v: string) {
    this.put("orientation", v, (s) => (s.page.orientation = v));
  }
  set paperSize(v: string) {
    this.put("paperSize", v, (s) => (s.page.paperSize = v));
  }
  set zoom(v: unknown) {
    this.put("zoom", v, (s) => (s.page.zoom = v));
  }
  setPrintArea(area: unknown): void {
    this.call("setPrintArea", [area], (s) => (s.page.printArea = rangeArg(this.ctx, s, area).rect));
  }
  setPrintTitleRows(rows: unknown): void {
    this.call(
      "setPrintTitleRows",
      [rows],
      (s) => (s.page.titleRows = rangeArg(this.ctx, s, rows).rect)
    );
  }
}

class PageBreaksProxy extends ClientObject<SheetModel> {
  readonly excel = "PageBreakCollection" as const;
  protected read(): unknown {
    return undefined;
  }
  protected defaultProps(): string[] {
    return [];
  }
  add(at: unknown): void {
    this.call(
      "pageBreaks.add",
      [at],
      (s) => {
        const row = rangeArg(this.ctx, s, at).rect.row;
        if (!s.page.rowBreaks.includes(row))
          s.page.rowBreaks = [...s.page.rowBreaks, row].sort((a, b) => a - b);
      },
      "add"
    );
  }
  removePageBreaks(): void {
    this.call("removePageBreaks", [], (s) => (s.page.rowBreaks = []));
  }
}
