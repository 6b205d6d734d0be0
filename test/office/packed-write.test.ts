/**
 * A layout from the pane's worker comes with its large blocks packed (src/workbook/pack.ts):
 * written through Office.js (the Excel double) or into the bench's in-memory workbook, it gives
 * exactly the workbook its blocks as laid out give — cells, formats, marks (hash, shape, bytes).
 */
import fc from "fast-check";
import {
  blockWidth,
  buildGrid,
  estimateBytes,
  formatChunks,
  GridDigest,
  gridRows,
  gridSize,
  hashGrid,
  shapeHash,
  valueChunks,
  withExcelTableHeaders,
} from "../../src/office/content";
import {
  sheet,
  type Block,
  type Cell,
  type SentSheet,
  type SheetLayout,
} from "../../src/workbook/layout";
import {
  packLayout,
  packSheet,
  PACK_ITEMS,
  PACK_ROWS,
  unpackLayout,
} from "../../src/workbook/pack";
import { createExcelDouble } from "../support/excel-double";
import { memoryBackend } from "../support/memoryBackend";
import { fixtureLayout } from "./fixtures";
import { done } from "./support";

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -999, max: 999 }),
  fc.constantFrom("a", "销售", "=x", ""),
  fc.record({ formula: fc.constantFrom("A1+1", "'评分卡'!B2", "SUM(B:B)"), value: fc.nat(9) })
);

const blockAt = (row: number, column: number, minRows = 1): fc.Arbitrary<Block> =>
  fc
    .record({
      cells: fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), {
        minLength: minRows,
        maxLength: PACK_ROWS + 60,
      }),
      perCell: fc.boolean(),
    })
    .map(({ cells, perCell }) => ({
      row,
      column,
      cells,
      numberFormats: perCell
        ? cells.map((r) => r.map((_, j) => (j % 2 ? "0.0" : null)))
        : ["0%", null, "0.00"],
    }));

/** A sheet of overlapping blocks (later ones win), some large enough to be packed, with a table. */
const sheetArb: fc.Arbitrary<SheetLayout> = fc
  .tuple(blockAt(0, 0), blockAt(3, 2), blockAt(PACK_ROWS, 1, PACK_ROWS + 1))
  .map((blocks) => {
    const s = sheet("scorecard", "评分卡", "output");
    s.blocks.push(...blocks);
    s.tables.push({ name: "T", range: { row: 0, column: 0, rows: 2, columns: 4 } });
    return s;
  });

const roleOf = (name: string) => (name === "评分卡" ? "scorecard" : undefined);

describe("packed layouts, written", () => {
  it("should give the writer's grid, hash, bytes, chunks and shape of the blocks as laid out", () => {
    fc.assert(
      fc.property(sheetArb, fc.integer({ min: 1, max: 300 }), (s, chunkBytes) => {
        const p: SentSheet = packSheet(s, chunkBytes);
        expect(p.blocks.some((b) => "packed" in b)).toBe(true);
        const grid = buildGrid(s);
        expect(buildGrid(p)).toEqual(grid);
        expect(gridSize(p)).toEqual({ rows: grid.rows, cols: grid.cols });
        const digest = new GridDigest(grid.rows, grid.cols, roleOf);
        for (const row of gridRows(p)) digest.addRow(row);
        expect(digest.digest()).toBe(hashGrid(grid, roleOf));
        expect(digest.bytes).toBe(estimateBytes(grid));
        expect(shapeHash(p)).toBe(shapeHash(s));
        p.blocks.forEach((b, i) => {
          expect(blockWidth(b)).toBe(blockWidth(s.blocks[i]));
          expect(valueChunks(b, 400, (f) => f)).toEqual(valueChunks(s.blocks[i], 400, (f) => f));
          expect(formatChunks(b, 400)).toEqual(formatChunks(s.blocks[i], 400));
        });
        expect(buildGrid(withExcelTableHeaders(p).sheet)).toEqual(
          buildGrid(withExcelTableHeaders(s).sheet)
        );
      }),
      { numRuns: 60 }
    );
  });

  it("should write through Office.js the workbook the blocks and lists as laid out write", async () => {
    const layout = fixtureLayout({ rows: 300 });
    // long lists, as the payslips have: a style, a merge and a height for many rows
    const card = layout.sheets.find((s) => s.role === "scorecard")!;
    const rows = Array.from({ length: PACK_ITEMS + 20 }, (_, i) => i + 1);
    card.styles.push(
      ...rows.map((row) => ({
        range: { row, column: 0, rows: 1, columns: 2 },
        bold: row % 2 === 0,
      }))
    );
    card.merges.push(...rows.map((row) => ({ row, column: 40, rows: 1, columns: 2 })));
    card.rowHeights = rows.map((row) => ({ row, rows: 1, points: 20 + (row % 3) }));
    const packed = packLayout(layout, 64);
    expect(packed.sheets.some((s) => s.blocks.some((b) => "packed" in b))).toBe(true);
    const sent = packed.sheets.find((s) => s.role === "scorecard")!;
    for (const list of [sent.styles, sent.merges, sent.rowHeights])
      expect(Array.isArray(list)).toBe(false);
    expect(shapeHash(sent)).toBe(shapeHash(card));
    expect(unpackLayout(packed)).toEqual(layout);
    const a = createExcelDouble({ firstSheet: "Payroll" });
    const b = createExcelDouble({ firstSheet: "Payroll" });
    const ra = await done(a, layout);
    const rb = await done(b, packed);
    expect(rb.sheets).toEqual(ra.sheets);
    expect(b.model.snapshot()).toEqual(a.model.snapshot());
  });

  it("should store in the in-memory workbook the cells the blocks as laid out store", async () => {
    const layout = fixtureLayout({ rows: 300 });
    const a = memoryBackend();
    const b = memoryBackend();
    await a.applyLayout(layout, {});
    await b.applyLayout(packLayout(layout, 64), {});
    for (const s of layout.sheets) {
      const read = await b.readSheet(s.role);
      expect(read).toEqual(await a.readSheet(s.role));
      expect(read!.values.length).toBeGreaterThan(0);
      const rows = [0, 1, 70, 299, 301];
      expect(await b.readRowsForCheck(s.role, rows, 12)).toEqual(
        await a.readRowsForCheck(s.role, rows, 12)
      );
    }
  });
});
