/**
 * Large values crossing between the pane and its worker in slices. Structured cloning runs on
 * the thread that posts (serializing) and on the one that receives (deserializing), in one go:
 * a Data sheet of 30,000 rows or a scorecard layout cloned whole would hold the pane's thread
 * for hundreds of milliseconds. So before a value is posted, every long array, Map and Set in it
 * (a sheet's rows, a reading's rows, an evaluation's indexes) is taken out and sent as slices,
 * each its own message and so its own task on either side; the value goes last with a marker
 * where each was, and the receiver puts them back. Typed arrays and short arrays, Maps and Sets
 * go as they are (large ones are named, below).
 *
 * A slice holds as many items as post in about MESSAGE_MS (./Slicer: items differ a hundredfold
 * in weight, a number against a salesperson's evaluation, and receiving a message costs a few
 * times what posting it did). And what crossed once need not cross again: each long array sent
 * whole is named, both sides keep it under its name (the pane weakly, by the object it holds;
 * the worker in a store of bounded size), and a value holding it again sends a reference, which
 * the receiver resolves; one it no longer holds makes it ask for the task again in full. Values
 * that crossed are never changed in place by either side.
 */
import { settleFrame } from "../engine";

/** Long arrays (more items than this) are taken out of a value and sent in slices. */
export const SLICE = 500;
/** What posting one message of slices should take, in milliseconds. */
export const MESSAGE_MS = 4;
/**
 * Typed arrays of this many bytes or more are named too (an evaluation's score columns: tens of
 * megabytes that would be copied, and counted against the pane's memory, at every crossing).
 */
const NAMED_BYTES = 64 * 1024;
/**
 * Bytes a slice holds at most (typed arrays' bytes and strings' characters; but one item at
 * least): a slice of a packed layout's chunks, a few hundred kilobytes each, sized by what the
 * light items before it took to post would be a message of a hundred megabytes.
 */
export const SLICE_BYTES = 1024 * 1024;
/** Items in the first slice of a value, before anything is known of their weight. */
const FIRST_SLICE = 64;
const MOST_SLICE = 8192;
/** How deep the value is searched for long arrays (a layout's cells are at depth 5). */
const DEPTH = 8;
const MARK = "__perfSlices";
const REF = "__perfRef";

/** What a taken value is rebuilt as: an array (default), a Map, a Set, or its one item. */
type Kind = "map" | "set" | "one";

interface Marker {
  [MARK]: number;
  length: number;
  /** What the slices rebuild: an array (default), a Map (of its entries), a Set, or one item. */
  kind?: Kind;
  /** Its name, when the receiver is to keep it (and may be sent a reference to it later). */
  name?: string;
}

/** A long array, Map or Set the receiver holds already, by its name. */
interface Ref {
  [REF]: string;
  length: number;
}

/** How a side names what it sends whole, and tells what the other side holds. */
export interface Naming {
  /** The name the other side holds this array, Map or Set by, if it does. */
  known(v: object): string | undefined;
  /** Names an array, Map or Set about to be sent whole (undefined: not to be kept). */
  name(v: object): string | undefined;
}

/** Where a receiver keeps what it was sent by name, and finds what it is sent references to. */
export interface Keeper {
  keep(name: string, v: unknown): void;
  find(name: string): unknown;
}

/** The value referred to names the receiver does not hold (any more). */
export class MissingError extends Error {
  constructor(readonly names: string[]) {
    super(`The worker no longer holds ${names.length} of the values referred to.`);
    this.name = "MissingError";
  }
}

/** A long array's slice. */
export interface Slice {
  array: number;
  items: unknown[];
}

export interface Split {
  /** The value with a marker for each array taken out. */
  value: unknown;
  /** The arrays taken out, by marker number. */
  arrays: unknown[][];
  /** What was named or referred to, by name (an answer may refer to it: see `join`). */
  names: Map<string, object>;
}

function isMarker(v: unknown): v is Marker {
  return typeof v === "object" && v !== null && MARK in v;
}

function isRef(v: unknown): v is Ref {
  return typeof v === "object" && v !== null && REF in v;
}

/** A plain object (of any realm: a cloned message's objects may come from another one). */
function plainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Values structured cloning copies as they are (no own properties to look into). */
function opaque(v: object): boolean {
  return (
    ArrayBuffer.isView(v) ||
    v instanceof ArrayBuffer ||
    v instanceof Date ||
    v instanceof RegExp ||
    v instanceof Error
  );
}

/**
 * Takes the long arrays, Maps and Sets out of a value (looking into arrays and objects — class
 * instances too, which cloning turns into plain objects anyway; the value itself is copied along
 * the paths that lead to them, never changed). With `naming`, those the other side holds become
 * references, and the others are named for it to keep.
 */
export function split(value: unknown, naming?: Naming): Split {
  const arrays: unknown[][] = [];
  const names = new Map<string, object>();
  const take = (whole: object, items: () => unknown[], length: number, kind?: Kind) => {
    const known = naming?.known(whole);
    if (known !== undefined) {
      names.set(known, whole);
      return { [REF]: known, length } satisfies Ref;
    }
    const list = items();
    arrays.push(list);
    const marker: Marker = { [MARK]: arrays.length - 1, length: list.length };
    if (kind) marker.kind = kind;
    const name = naming?.name(whole);
    if (name !== undefined) {
      marker.name = name;
      names.set(name, whole);
    }
    return marker;
  };
  const typed = (v: ArrayBufferView) =>
    naming && v.byteLength >= NAMED_BYTES ? take(v, () => [v], 1, "one") : v;
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v !== "object" || v === null) return v;
    if (Array.isArray(v)) {
      if (v.length > SLICE) return take(v, () => v, v.length);
      if (depth >= DEPTH) return v;
      let copy: unknown[] | null = null;
      for (let i = 0; i < v.length; i++) {
        const w = walk(v[i], depth + 1);
        if (w !== v[i]) (copy ??= [...v])[i] = w;
      }
      return copy ?? v;
    }
    if (v instanceof Map)
      return v.size > SLICE ? take(v, () => [...v.entries()], v.size, "map") : v;
    if (v instanceof Set) return v.size > SLICE ? take(v, () => [...v.values()], v.size, "set") : v;
    if (ArrayBuffer.isView(v)) return typed(v);
    if (opaque(v) || depth >= DEPTH) return v;
    settleFrame(v);
    const record = v as Record<string, unknown>;
    let copy: Record<string, unknown> | null = null;
    for (const k of Object.keys(record)) {
      const w = walk(record[k], depth + 1);
      if (w !== record[k]) (copy ??= { ...record })[k] = w;
    }
    return copy ?? v;
  };
  return { value: walk(value, 0), arrays, names };
}

/** Each array in slices of `size` items, in order. */
export function* slices(arrays: unknown[][], size = SLICE): Generator<Slice> {
  for (let a = 0; a < arrays.length; a++)
    for (let i = 0; i < arrays[a].length; i += size)
      yield { array: a, items: arrays[a].slice(i, i + size) };
}

const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());

/**
 * Slices whose size follows what posting the last one took: as many items as post in about
 * MESSAGE_MS, growing at most twofold a slice (a light array's slices soon hold thousands of
 * items, a heavy one's a few dozen).
 */
export class Slicer {
  size = FIRST_SLICE;

  /** One slice of `items` took `ms` to post. */
  posted(items: number, ms: number): void {
    const fit = ms > 0 ? Math.floor((items * MESSAGE_MS) / ms) : MOST_SLICE;
    this.size = Math.max(1, Math.min(MOST_SLICE, 2 * this.size, fit));
  }
}

/** How many of the items from `from` (at most `size`, at least one) hold SLICE_BYTES or less. */
function fitBytes(items: unknown[], from: number, size: number): number {
  let bytes = 0;
  const end = Math.min(items.length, from + size);
  for (let i = from; i < end; i++) {
    const v = items[i];
    bytes += ArrayBuffer.isView(v) ? v.byteLength : typeof v === "string" ? v.length : 0;
    if (bytes > SLICE_BYTES && i > from) return i - from;
  }
  return end - from;
}

/**
 * Posts the arrays in slices sized by a Slicer (and SLICE_BYTES); `between` runs after each (false stops the
 * sending: cancelled). True when every slice was posted.
 */
export async function postSlices(
  arrays: unknown[][],
  post: (slice: Slice) => void,
  between?: () => Promise<boolean>
): Promise<boolean> {
  const slicer = new Slicer();
  for (let a = 0; a < arrays.length; a++) {
    const all = arrays[a];
    for (let i = 0; i < all.length;) {
      const items = all.slice(i, i + fitBytes(all, i, slicer.size));
      const start = now();
      post({ array: a, items });
      slicer.posted(items.length, now() - start);
      i += items.length;
      if (between && !(await between())) return false;
    }
  }
  return true;
}

/** Collects slices as they come and puts the arrays back into the value. */
export class Assembler {
  private readonly arrays: unknown[][] = [];

  add(slice: Slice): void {
    const into = (this.arrays[slice.array] ??= []);
    for (const item of slice.items) into.push(item);
  }

  /**
   * The value with its arrays put back; named ones are given to `keeper`, references found in
   * it (a MissingError when it holds none of that name). `seen` gets the name of each named or
   * referred-to value (the worker's answer may refer to those of the task's input).
   */
  join(value: unknown, keeper?: Keeper, seen?: Map<object, string>): unknown {
    const missing: string[] = [];
    const walk = (v: unknown, depth: number): unknown => {
      if (isMarker(v)) {
        const items = this.arrays[v[MARK]] ?? [];
        const whole =
          v.kind === "map"
            ? new Map(items as [unknown, unknown][])
            : v.kind === "set"
              ? new Set(items)
              : v.kind === "one"
                ? items[0]
                : items;
        if (v.name !== undefined) {
          keeper?.keep(v.name, whole);
          seen?.set(whole as object, v.name);
        }
        return whole;
      }
      if (isRef(v)) {
        const found = keeper?.find(v[REF]);
        if (found === undefined) missing.push(v[REF]);
        else seen?.set(found as object, v[REF]);
        return found;
      }
      if (depth >= DEPTH) return v;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) v[i] = walk(v[i], depth + 1);
        return v;
      }
      if (!plainObject(v)) return v;
      for (const k of Object.keys(v)) v[k] = walk(v[k], depth + 1);
      return v;
    };
    const out = walk(value, 0);
    if (missing.length) throw new MissingError(missing);
    return out;
  }
}

/** What the pane holds that its worker holds too, by name (weakly: the pane may drop it). */
export class PaneNames implements Naming, Keeper {
  private names = new WeakMap<object, string>();
  private next = 1;

  known(v: object): string | undefined {
    return this.names.get(v);
  }

  name(v: object): string {
    const name = `p${this.next++}`;
    this.names.set(v, name);
    return name;
  }

  keep(name: string, v: unknown): void {
    if (typeof v === "object" && v !== null) this.names.set(v, name);
  }

  find(): undefined {
    return undefined; // the worker never refers to what the pane holds
  }

  /** A new worker holds nothing. */
  forget(): void {
    this.names = new WeakMap();
  }
}

/** Items the worker keeps of what crossed (the oldest used are let go beyond it). */
const KEPT_ITEMS = 4_000_000;

/** What the worker holds that the pane holds too, by name, the most recently used last. */
export class WorkerNames implements Naming, Keeper {
  private readonly kept = new Map<string, { v: unknown; items: number }>();
  private items = 0;
  private next = 1;

  known(): undefined {
    return undefined; // results are sent whole (the pane keeps their names)
  }

  name(v: object): string {
    const name = `w${this.next++}`;
    this.keep(name, v);
    return name;
  }

  keep(name: string, v: unknown): void {
    // a typed array counts as an item per 64 bytes
    const items =
      v instanceof Map || v instanceof Set
        ? v.size
        : Array.isArray(v)
          ? v.length
          : ArrayBuffer.isView(v)
            ? Math.ceil(v.byteLength / 64)
            : 1;
    this.kept.set(name, { v, items });
    this.items += items;
    for (const [k, e] of this.kept) {
      if (this.items <= KEPT_ITEMS || k === name) break;
      this.kept.delete(k);
      this.items -= e.items;
    }
  }

  find(name: string): unknown {
    const e = this.kept.get(name);
    if (!e) return undefined;
    this.kept.delete(name); // now the most recently used
    this.kept.set(name, e);
    return e.v;
  }
}
