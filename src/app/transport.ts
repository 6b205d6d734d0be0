/**
 * Large values crossing between the pane and its worker in slices. Structured cloning runs on
 * the thread that posts (serializing) and on the one that receives (deserializing), in one go:
 * a Data sheet of 30,000 rows or a scorecard layout cloned whole would hold the pane's thread
 * for hundreds of milliseconds. So before a value is posted, every long array in it (a sheet's
 * rows, a reading's rows) is taken out and sent as slices of SLICE items, each its own message
 * and so its own task on either side; the value goes last with a marker where each array was,
 * and the receiver puts the arrays back. Typed arrays and short arrays go as they are.
 */

/** Items of a long array per message. */
export const SLICE = 1500;
/** How deep the value is searched for long arrays (a layout's cells are at depth 5). */
const DEPTH = 8;
const MARK = "__perfSlices";

interface Marker {
  [MARK]: number;
  length: number;
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

/**
 * Takes the long arrays out of a value (plain objects and arrays only; the value itself is
 * copied along the paths that lead to them, never changed).
 */
export function split(value: unknown): Split {
  const arrays: unknown[][] = [];
  const walk = (v: unknown, depth: number): unknown => {
    if (Array.isArray(v)) {
      if (v.length > SLICE) {
        arrays.push(v);
        return { [MARK]: arrays.length - 1, length: v.length } satisfies Marker;
      }
      if (depth >= DEPTH) return v;
      let copy: unknown[] | null = null;
      for (let i = 0; i < v.length; i++) {
        const w = walk(v[i], depth + 1);
        if (w !== v[i]) (copy ??= [...v])[i] = w;
      }
      return copy ?? v;
    }
    if (!plainObject(v) || depth >= DEPTH) return v;
    let copy: Record<string, unknown> | null = null;
    for (const k of Object.keys(v)) {
      const w = walk(v[k], depth + 1);
      if (w !== v[k]) (copy ??= { ...v })[k] = w;
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
      if (isMarker(v)) return this.arrays[v[MARK]] ?? [];
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
