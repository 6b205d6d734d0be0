/**
 * Large values crossing between the pane and its worker in slices. Structured cloning runs on
 * the thread that posts (serializing) and on the one that receives (deserializing), in one go:
 * a Data sheet of 30,000 rows or a scorecard layout cloned whole would hold the pane's thread
 * for hundreds of milliseconds. So before a value is posted, every long array, Map and Set in it
 * (a sheet's rows, a reading's rows, an evaluation's indexes) is taken out and sent as slices of
 * SLICE items, each its own message and so its own task on either side; the value goes last with
 * a marker where each was, and the receiver puts them back. Typed arrays and short arrays, Maps
 * and Sets go as they are.
 */

/** Items of a long array per message. */
import { settleFrame } from "../engine";

export const SLICE = 500;
/** How deep the value is searched for long arrays (a layout's cells are at depth 5). */
const DEPTH = 8;
const MARK = "__perfSlices";

interface Marker {
  [MARK]: number;
  length: number;
  /** What the slices rebuild: an array (default), a Map (of its entries) or a Set. */
  kind?: "map" | "set";
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
}

function isMarker(v: unknown): v is Marker {
  return typeof v === "object" && v !== null && MARK in v;
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
 * the paths that lead to them, never changed).
 */
export function split(value: unknown): Split {
  const arrays: unknown[][] = [];
  const take = (items: unknown[], kind?: Marker["kind"]): Marker => {
    arrays.push(items);
    return { [MARK]: arrays.length - 1, length: items.length, ...(kind ? { kind } : {}) };
  };
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v !== "object" || v === null) return v;
    if (Array.isArray(v)) {
      if (v.length > SLICE) return take(v);
      if (depth >= DEPTH) return v;
      let copy: unknown[] | null = null;
      for (let i = 0; i < v.length; i++) {
        const w = walk(v[i], depth + 1);
        if (w !== v[i]) (copy ??= [...v])[i] = w;
      }
      return copy ?? v;
    }
    if (v instanceof Map) return v.size > SLICE ? take([...v.entries()], "map") : v;
    if (v instanceof Set) return v.size > SLICE ? take([...v.values()], "set") : v;
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
  return { value: walk(value, 0), arrays };
}

/** Each array in slices of SLICE items, in order. */
export function* slices(arrays: unknown[][]): Generator<Slice> {
  for (let a = 0; a < arrays.length; a++)
    for (let i = 0; i < arrays[a].length; i += SLICE)
      yield { array: a, items: arrays[a].slice(i, i + SLICE) };
}

/** Collects slices as they come and puts the arrays back into the value. */
export class Assembler {
  private readonly arrays: unknown[][] = [];

  add(slice: Slice): void {
    const into = (this.arrays[slice.array] ??= []);
    for (const item of slice.items) into.push(item);
  }

  join(value: unknown): unknown {
    const walk = (v: unknown, depth: number): unknown => {
      if (isMarker(v)) {
        const items = this.arrays[v[MARK]] ?? [];
        if (v.kind === "map") return new Map(items as [unknown, unknown][]);
        if (v.kind === "set") return new Set(items);
        return items;
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
    return walk(value, 0);
  }
}
