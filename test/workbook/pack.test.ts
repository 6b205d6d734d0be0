/**
 * Packed blocks (src/workbook/pack.ts): what the pane reads of a packed block through the
 * accessors (`rowsOf`, `formatRowsOf`, `blockRowCount`, `blockWidth`) is exactly the block as
 * laid out, and a packed layout crosses the worker's transport as it left.
 */
import fc from "fast-check";
import { Assembler, postSlices, SLICE_BYTES, split } from "../../src/app/transport";
import {
  blockRowCount,
  blockWidth,
  formatRowsOf,
  isPacked,
  rowsOf,
  sheet,
  type Block,
  type Cell,
  type PackedBlock,
  type SentLayout,
  type WorkbookLayout,
} from "../../src/workbook/layout";
import {
  CHUNK_BYTES,
  packBlock,
  packLayout,
  PACK_ROWS,
  unpackBlock,
  unpackLayout,
} from "../../src/workbook/pack";

const scalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.string({ maxLength: 6 }),
  fc.constantFrom("销售", "ä€𝄞", '"quoted"\\', "\n"),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0))
);

const formula = fc.record(
  {
    formula: fc.string({ maxLength: 12 }),
    value: scalar,
    error: fc.constantFrom("#N/A" as const, "#VALUE!" as const, "#DIV/0!" as const),
  },
  { requiredKeys: ["formula", "value"] }
);

const cell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 3, arbitrary: scalar },
  { weight: 1, arbitrary: formula }
);

/** A block of PACK_ROWS rows or more (small ones stay as they are), rows of varying width. */
const block: fc.Arbitrary<Block> = fc
  .record({
    row: fc.nat(20),
    column: fc.nat(5),
    cells: fc.array(fc.array(cell, { maxLength: 7 }), {
      minLength: PACK_ROWS + 1,
      maxLength: PACK_ROWS + 90,
    }),
    formats: fc.constantFrom("none", "column", "cell"),
  })
  .map(({ row, column, cells, formats }) => {
    const b: Block = { row, column, cells };
    const width = Math.max(0, ...cells.map((r) => r.length));
    if (formats === "column")
      b.numberFormats = Array.from({ length: width }, (_, j) => (j % 2 ? "0.00" : null));
    if (formats === "cell")
      b.numberFormats = cells.map((r, i) => r.map((_, j) => ((i + j) % 3 ? "0%" : null)));
    return b;
  });

describe("packed blocks", () => {
  it("should give through the accessors exactly the rows and formats of the block as laid out", () => {
    fc.assert(
      fc.property(
        block,
        fc.integer({ min: 1, max: 400 }),
        fc.nat(200),
        fc.nat(200),
        (b, chunkBytes, x, y) => {
          const p = packBlock(b, chunkBytes);
          expect(isPacked(p)).toBe(true);
          expect(blockRowCount(p)).toBe(b.cells.length);
          expect(blockWidth(p)).toBe(blockWidth(b));
          const [from, to] = x <= y ? [x, y] : [y, x];
          expect(rowsOf(p, from, to)).toEqual(b.cells.slice(from, to));
          expect(formatRowsOf(p, from, to)).toEqual(formatRowsOf(b, from, to));
          expect(rowsOf(p, 0, b.cells.length)).toEqual(b.cells);
          expect(unpackBlock(p)).toEqual(b);
        }
      ),
      { numRuns: 150 }
    );
  });

  it("should leave as they are small blocks and blocks JSON cannot give back exactly", () => {
    const small: Block = { row: 0, column: 0, cells: [[1, "a"]] };
    expect(packBlock(small)).toBe(small);
    const rows = (bad: Cell): Block => ({
      row: 0,
      column: 0,
      cells: Array.from({ length: PACK_ROWS + 1 }, (_, i) => (i === 7 ? [1, bad] : [1, 2])),
    });
    for (const bad of [NaN, Infinity, -Infinity, -0, { formula: "A1", value: NaN }]) {
      const b = rows(bad);
      expect(packBlock(b)).toBe(b);
    }
    const holes = rows(1);
    holes.cells[3] = new Array<Cell>(3); // a row with holes: JSON would give nulls
    expect(packBlock(holes)).toBe(holes);
  });

  it("should cross the worker's transport and read back the same", async () => {
    const blocks = fc.sample(block, { numRuns: 6, seed: 16 });
    const layout: WorkbookLayout = {
      language: "zh-CN",
      sheets: blocks.map((b, i) => ({
        ...sheet("scorecard", `S${i}`, "output"),
        blocks: [
          { row: 0, column: 0, cells: [["header"]] },
          { ...b, row: b.row + 1 },
        ],
      })),
    };
    // a block of long texts: its chunks are long enough to cross in messages of their own
    const long = (i: number) => `${i} ${"长文本 long text ".repeat(400)}`;
    layout.sheets[0].blocks.push({
      row: 200,
      column: 0,
      cells: Array.from({ length: PACK_ROWS + 30 }, (_, i) => [
        long(i),
        { formula: "A1", value: long(-i) },
      ]),
    });
    // chunks of the size the worker sends: a few of the long block's, many of the others
    const packed = packLayout(layout);
    const parts = split(packed, { known: () => undefined, name: () => undefined });
    const messages: unknown[] = [];
    await postSlices(parts.arrays, (slice) => messages.push(structuredClone(slice)));
    const assembler = new Assembler();
    for (const m of messages) assembler.add(m as Parameters<Assembler["add"]>[0]);
    const received = assembler.join(structuredClone(parts.value)) as SentLayout;
    expect(received.sheets.every((s) => isPacked(s.blocks[1]))).toBe(true);
    const chunk = (received.sheets[0].blocks[1] as PackedBlock).packed.chunks[0];
    expect(chunk).toBeInstanceOf(Uint8Array);
    // the long block's chunks reach CHUNK_BYTES (but its last): each crossed in a slice of its own
    const chunks = (received.sheets[0].blocks[2] as PackedBlock).packed.chunks;
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks.slice(0, -1)) expect(c.byteLength).toBeGreaterThanOrEqual(CHUNK_BYTES);
    const alone = messages.filter(
      (m) => (m as { items: unknown[] }).items[0] instanceof Uint8Array
    );
    expect(alone.length).toBe(chunks.filter((c) => c.byteLength >= 64 * 1024).length);
    expect(unpackLayout(received)).toEqual(layout);
  });

  it("should cross in slices of a megabyte at most, however light the items before them were", async () => {
    // a block of a few hundred chunks after a long list of numbers (the Slicer grows on those)
    const numbers = Array.from({ length: 5000 }, (_, i) => i);
    const chunks = Array.from({ length: 600 }, (_, i) => new Uint8Array(100 * 1024).fill(i % 256));
    const parts = split({ numbers, chunks });
    const sizes: number[] = [];
    await postSlices(parts.arrays, (slice) =>
      sizes.push(
        slice.items.reduce<number>((n, v) => n + (v instanceof Uint8Array ? v.byteLength : 0), 0)
      )
    );
    expect(Math.max(...sizes)).toBeLessThanOrEqual(SLICE_BYTES);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(600 * 100 * 1024);
  });
});
