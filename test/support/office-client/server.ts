/**
 * A RichApi request executor that answers Microsoft's Excel client from the Excel double: what
 * Excel does with a request, over the double's workbook and with the double's rules.
 *
 * A request is `{ Actions, ObjectPaths }`. Each object path (the global workbook, a property, a
 * method, an indexer, a reference id) is resolved to the double's proxy by calling the double's
 * Office.js surface (`worksheets.getItem(…)`, `range.format`, …), each action is queued on it
 * (instantiate, query = load, method call, property set), and the double applies the batch on
 * one sync — so requirement sets, failures, limits and payload sizes are the double's, measured on
 * the real request. The answers go back the way Excel sends them: loaded properties by their
 * Excel names ("Values"), collections as `_Items`, null objects as null, reference ids for
 * objects the client keeps across requests, ids for worksheets. Anything the double does not
 * model fails with NotImplemented, never silently.
 *
 * One server per request context (one `Excel.run`): reference ids live as long as it.
 */
import { ClientObject, Collection, RequestContext, type DoubleHost } from "../excel-double/api";
import { DoubleError } from "../excel-double/model";
import type { RequestExecutor, RequestMessage, ResponseMessage } from "./load";

interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: unknown[];
}

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select?: string[]; Expand?: string[]; Top?: number; Skip?: number };
}

interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

/** What the client's ObjectPathType and ActionType numbers mean (office.js's enums). */
const PATH = { global: 1, method: 3, property: 4, indexer: 5, referenceId: 6, nullObject: 7 };
const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4, trace: 5 };

/** A path that is known to be a null object (ObjectPathType 7). */
const NULL_OBJECT = Symbol("null object");

type Answer = (() => unknown) | undefined;

export interface ServedRequest {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  failed?: string;
  /** Only reference bookkeeping (no command for the workbook): not counted as a sync of the double. */
  bookkeeping?: boolean;
}

function camel(name: string): string {
  return name.startsWith("_") ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

function pascal(name: string): string {
  return name.startsWith("_") ? name : name.charAt(0).toUpperCase() + name.slice(1);
}

function notModelled(what: string): DoubleError {
  return new DoubleError("NotImplemented", `The Excel double does not model ${what}.`);
}

function utf8Bytes(value: unknown): number {
  return Buffer.byteLength(typeof value === "string" ? value : JSON.stringify(value), "utf8");
}

/** Whether the double's proxy says it is a null object (unknown before the sync: not null). */
function isNull(target: unknown): boolean {
  if (target === NULL_OBJECT || target === null) return true;
  if (!(target instanceof ClientObject)) return false;
  try {
    return target.isNullObject;
  } catch {
    return false;
  }
}

/** Set a property the double models; a property it does not have fails loudly. */
function setProperty(target: object, name: string, value: unknown): void {
  const had = Object.prototype.hasOwnProperty.call(target, name);
  (target as Record<string, unknown>)[name] = value;
  const own = Object.getOwnPropertyDescriptor(target, name);
  if (!had && own && "value" in own) {
    delete (target as Record<string, unknown>)[name];
    throw notModelled(`setting ${target.constructor.name}.${name}`);
  }
}

export class RichApiServer implements RequestExecutor {
  private readonly context: RequestContext;
  private readonly references = new Map<string, unknown>();
  private nextReference = 1;

  constructor(
    private readonly host: DoubleHost,
    private readonly served: ServedRequest[]
  ) {
    this.context = new RequestContext(host);
  }

  async executeAsync(
    _customData: unknown,
    _flags: number,
    message: RequestMessage
  ): Promise<ResponseMessage> {
    const body = (
      typeof message.Body === "string" ? JSON.parse(message.Body) : message.Body
    ) as RequestBody;
    const record: ServedRequest = {
      requestBytes: utf8Bytes(message.Body),
      responseBytes: 0,
      actions: body.Actions.length,
    };
    this.served.push(record);
    let response: ResponseMessage;
    try {
      const answers = this.queue(body);
      // a request of reference bookkeeping only (the client's clean-up at the end of Excel.run)
      // gives the double nothing to do: it is served but is not one of the double's syncs
      if (this.context.pending() > 0)
        await this.context.sync({ requestBytes: record.requestBytes });
      else record.bookkeeping = true;
      const results: { ActionId: number; Value: unknown }[] = [];
      for (const [id, answer] of answers)
        if (answer) results.push({ ActionId: id, Value: answer() });
      response = { ErrorCode: null, Headers: {}, Body: { Results: results } };
    } catch (error) {
      const e =
        error instanceof DoubleError
          ? error
          : new DoubleError("GeneralException", (error as Error).message ?? String(error));
      record.failed = e.code;
      response = {
        ErrorCode: null,
        Headers: {},
        Body: {
          Error: {
            Code: e.code,
            Message: e.message,
            Location: e.debugInfo.errorLocation ?? "",
            HttpStatusCode: 400,
          },
        },
      };
    }
    record.responseBytes = utf8Bytes(response.Body);
    const last = this.host.syncs[this.host.syncs.length - 1];
    if (last && !record.bookkeeping) last.responseBytes = record.responseBytes;
    return response;
  }

  /** Resolve the paths and queue the actions on the double; returns how to answer each action. */
  private queue(body: RequestBody): Map<number, Answer> {
    const resolved = new Map<number, unknown>();
    const resolve = (id: number): unknown => {
      if (resolved.has(id)) return resolved.get(id);
      const info = body.ObjectPaths[String(id)];
      if (!info)
        throw new DoubleError("InvalidObjectPath", `The request has no object path ${id}.`);
      const value = this.resolvePath(info, resolve);
      resolved.set(id, value);
      return value;
    };
    const keep = new Set<number>();
    const answers = new Map<number, Answer>();
    for (const action of body.Actions) {
      if (action.ActionType === ACTION.method && action.Name === "_KeepReference")
        keep.add(action.ObjectPathId);
    }
    for (const action of body.Actions) {
      const target = resolve(action.ObjectPathId);
      answers.set(action.Id, this.queueAction(action, target, resolve, keep));
    }
    return answers;
  }

  private resolvePath(info: ObjectPathInfo, resolve: (id: number) => unknown): unknown {
    switch (info.ObjectPathType) {
      case PATH.global:
        return this.context.workbook;
      case PATH.nullObject:
        return NULL_OBJECT;
      case PATH.referenceId: {
        if (!this.references.has(info.Name))
          throw new DoubleError("InvalidObjectPath", `Unknown reference ${info.Name}.`);
        return this.references.get(info.Name);
      }
      case PATH.property:
      case PATH.method:
      case PATH.indexer: {
        const parent = resolve(info.ParentObjectPathId ?? -1);
        if (parent === NULL_OBJECT || parent === null || typeof parent !== "object")
          throw new DoubleError("InvalidObjectPath", `${info.Name} of a null object.`);
        const args = this.argumentsOf(info.ArgumentInfo, resolve);
        if (info.ObjectPathType === PATH.property) {
          const value = (parent as Record<string, unknown>)[camel(info.Name)];
          if (value === undefined || value === null || typeof value !== "object")
            throw notModelled(`${parent.constructor.name}.${camel(info.Name)}`);
          return value;
        }
        const name = info.ObjectPathType === PATH.indexer ? "getItem" : camel(info.Name);
        return this.call(parent, name, args);
      }
      default:
        throw notModelled(`object paths of type ${info.ObjectPathType}`);
    }
  }

  private argumentsOf(info: ArgumentInfo | undefined, resolve: (id: number) => unknown): unknown[] {
    const args = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds ?? [];
    const map = (value: unknown, ref: unknown): unknown => {
      if (typeof ref === "number" && ref > 0) return resolve(value as number);
      if (Array.isArray(ref) && Array.isArray(value)) return value.map((v, i) => map(v, ref[i]));
      return value;
    };
    return args.map((a, i) => map(a, refs[i]));
  }

  private call(target: object, name: string, args: unknown[]): unknown {
    const fn = (target as Record<string, unknown>)[name];
    if (typeof fn !== "function") throw notModelled(`${target.constructor.name}.${name}()`);
    return (fn as (...a: unknown[]) => unknown).apply(target, args);
  }

  private queueAction(
    action: ActionInfo,
    target: unknown,
    resolve: (id: number) => unknown,
    keep: Set<number>
  ): Answer {
    switch (action.ActionType) {
      case ACTION.instantiate:
        return () => this.instantiated(target, keep.has(action.ObjectPathId));
      case ACTION.query:
        return this.query(action, target);
      case ACTION.method: {
        if (action.Name === "_KeepReference") return undefined;
        if (action.Name === "_RemoveReference") return undefined;
        if (target === NULL_OBJECT) throw new DoubleError("InvalidObjectPath", "A null object.");
        const value = this.call(
          target as object,
          camel(action.Name),
          this.argumentsOf(action.ArgumentInfo, resolve)
        );
        return () => (value instanceof ClientObject ? null : (value ?? null));
      }
      case ACTION.setProperty: {
        if (target === NULL_OBJECT) throw new DoubleError("InvalidObjectPath", "A null object.");
        const [value] = this.argumentsOf(action.ArgumentInfo, resolve);
        setProperty(target as object, camel(action.Name), value);
        return undefined;
      }
      case ACTION.trace:
        return undefined;
      default:
        throw notModelled(`actions of type ${action.ActionType}`);
    }
  }

  /** The answer to an instantiation: null for a null object, else its reference or id. */
  private instantiated(target: unknown, keep: boolean): unknown {
    if (isNull(target)) return null;
    const value: Record<string, unknown> = {};
    if (keep) {
      const id = `double-ref-${this.nextReference++}`;
      this.references.set(id, target);
      value._ReferenceId = id;
    }
    if (target instanceof ClientObject) {
      let model: unknown;
      try {
        model = target.resolve();
      } catch {
        model = undefined; // resolved during the sync when it matters; nothing to add here
      }
      const id = (model as { id?: unknown } | null | undefined)?.id;
      if (typeof id === "string") value.Id = id;
    }
    return value;
  }

  private query(action: ActionInfo, target: unknown): Answer {
    const info = action.QueryInfo ?? {};
    if (info.Expand && info.Expand.length > 0) throw notModelled("loading navigation properties");
    if (target === NULL_OBJECT) return () => null;
    if (!(target instanceof ClientObject)) throw notModelled(`loading ${String(target)}`);
    const select = (info.Select ?? []).map((p) => p.replace(/^items\//, ""));
    if (select.length === 0) throw notModelled("a load without a property list");
    target.load(select);
    const row = (item: ClientObject<unknown>) =>
      Object.fromEntries(select.map((p) => [pascal(p), item.loadedValue(p)]));
    if (target instanceof Collection) {
      const collection = target as Collection<unknown, ClientObject<unknown>>;
      return () => ({ _Items: collection.items.map(row) });
    }
    return () => (isNull(target) ? null : row(target));
  }
}
