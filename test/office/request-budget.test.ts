/**
 * The writer's request budget against Microsoft's own serializer: every round trip the writer
 * plans is estimated at least as large as the request office.js's Excel client really sends for
 * it (object paths, instantiations, the client's pieces of large arrays, the JSON of every
 * argument), so a batch sized to the budget never sends more. Measured on the real layouts in
 * the three formula styles (statements with thin borders included), first write and rewrite.
 */
import { defaultPlan } from "../../src/engine";
import { MAX_BATCH_BYTES } from "../../src/office/batch";
import { applyStyle, styleBytes } from "../../src/office/formats";
import { buildWorkbook, generateSample } from "../../src/workbook";
import type { ServedRequest } from "../support/excel-double";
import { createExcelDouble } from "../support/excel-double";
import { fixtureLayout } from "./fixtures";
import { done, userWorkbook } from "./support";

jest.setTimeout(120_000);

function built(style: "native" | "perf" | "values", people: number) {
  return buildWorkbook(defaultPlan(), "zh-CN", generateSample({ people, months: 6 }), style, {
    statements: "latest",
  }).layout;
}

/** The requests of the double's syncs, without the client's reference clean-up. */
function syncRequests(served: ServedRequest[], from = 0): number[] {
  return served
    .slice(from)
    .filter((s) => !s.bookkeeping)
    .map((s) => s.requestBytes);
}

function expectWithinEstimates(real: number[], estimated: number[], budget: number): void {
  expect(real).toHaveLength(estimated.length);
  const under = real
    .map((bytes, i) => ({ sync: i, real: bytes, estimated: estimated[i] }))
    .filter((x) => x.real > x.estimated);
  expect(under).toEqual([]);
  expect(Math.max(...real)).toBeLessThanOrEqual(budget);
}

describe("request estimates against Microsoft's Excel client", () => {
  it("should count a range styled bold, filled and with thin borders as the client sends it (≈ 3.5 KB, 3.5× the old 160 bytes a command)", async () => {
    const d = createExcelDouble();
    const style = {
      range: { row: 0, column: 0, rows: 10, columns: 5 },
      bold: true,
      fill: "#DDEBF7",
      border: "thin" as const,
    };
    const { served } = d.client();
    await d.asHost().run(async (c) => {
      const ws = c.workbook.worksheets.getItem("Sheet1");
      const at = (row: number) => ws.getRangeByIndexes(row, 0, 10, 5);
      applyStyle(at(0), style);
      await c.sync();
      applyStyle(at(20), style);
      applyStyle(at(40), style);
      await c.sync();
    });
    const [one, two] = syncRequests(served);
    const perStyle = two - one; // the second request holds one more style than the first
    // the estimate before this issue: 160 bytes a command, the style's arguments, times 3
    const old = (160 + JSON.stringify(style).length + 10) * 3;
    expect(perStyle).toBeGreaterThan(3 * old);
    expect(perStyle).toBeGreaterThan(2500);
    expect(perStyle).toBeLessThan(5000);
    expect(styleBytes(style)).toBeGreaterThanOrEqual(perStyle);
  });

  it.each([
    ["the default 2 MB budget", undefined],
    ["the 4 MB maximum", MAX_BATCH_BYTES],
  ])(
    "should keep the 10,000-row fixture's requests, every kind of style included, within %s",
    async (_label, chunkBytes) => {
      const d = userWorkbook();
      const layout = fixtureLayout({ rows: 10_000, columns: 30, allStyles: true });
      const r = await done(d, layout, { chunkBytes });
      expectWithinEstimates(
        syncRequests(d.client().served),
        r.stats.requestBytes,
        chunkBytes ?? 2 * 1024 * 1024
      );
    }
  );

  it.each(["native", "perf", "values"] as const)(
    "should estimate every request of the %s-formula workbook at least as large as the client sends it",
    async (style) => {
      const budget = 64 * 1024; // small, so that batches fill up with every kind of step
      const layout = built(style, 40);
      const d = userWorkbook();
      const first = await done(d, layout, { chunkBytes: budget });
      expectWithinEstimates(syncRequests(d.client().served), first.stats.requestBytes, budget);
      // rewriting reads the old sheets back, then replaces them from finished copies
      const from = d.client().served.length;
      const again = await done(d, layout, { chunkBytes: budget, force: true });
      expectWithinEstimates(
        syncRequests(d.client().served, from),
        again.stats.requestBytes,
        budget
      );
    }
  );
});
