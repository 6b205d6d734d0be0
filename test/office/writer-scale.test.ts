/**
 * 10,000 salesperson-periods on the Excel double: every request within 4 MB, round trips that
 * grow with size ÷ chunk (not with rows), calculation suspended while writing, formats by column.
 * Prints the numbers.
 */
import { MAX_BATCH_BYTES } from "../../src/office/batch";
import { createExcelDouble, LIMIT_BYTES, type SyncRecord } from "../support/excel-double";
import { fixtureLayout } from "./fixtures";
import { done, expectUsable, userState, userWorkbook } from "./support";

const ROWS = 10_000;
const COLUMNS = 30;

function summary(syncs: SyncRecord[]) {
  return {
    syncs: syncs.length,
    largestRequest: Math.max(...syncs.map((s) => s.requestBytes)),
    largestResponse: Math.max(...syncs.map((s) => s.responseBytes)),
    totalRequest: syncs.reduce((n, s) => n + s.requestBytes, 0),
  };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

describe("applyLayout with 10,000 scorecard rows", () => {
  jest.setTimeout(120_000);
  const layout = fixtureLayout({ rows: ROWS, columns: COLUMNS });

  it.each([
    ["the default 2 MB chunks", undefined],
    ["4 MB chunks", MAX_BATCH_BYTES],
    ["1 MB chunks", 1024 * 1024],
  ])(
    "should keep every request within 4 MB and round trips to size ÷ chunk, with %s",
    async (_label, chunkBytes) => {
      const d = userWorkbook();
      const before = userState(d);
      const started = Date.now();
      const r = await done(d, layout, { chunkBytes });
      const ms = Date.now() - started;
      const s = summary(d.syncs);
      const chunk = chunkBytes ?? 2 * 1024 * 1024;
      console.log(
        `10,000 rows × ${COLUMNS} columns, chunk ${mb(chunk)}: ${s.syncs} syncs, largest request ${mb(s.largestRequest)} (${s.largestRequest} bytes), ` +
          `${mb(s.totalRequest)} in all, largest response ${s.largestResponse} bytes, ${ms} ms on the double`
      );
      expect(s.largestRequest).toBeLessThanOrEqual(MAX_BATCH_BYTES);
      expect(s.largestRequest).toBeLessThan(LIMIT_BYTES);
      // round trips: what the data needs at this chunk size, plus a few fixed ones — never per row
      expect(s.syncs).toBeLessThanOrEqual(Math.ceil(s.totalRequest / chunk) + 4);
      expect(s.syncs).toBeLessThan(40);
      expect(r.stats.largestRequestBytes).toBeLessThanOrEqual(chunk);
      // every batch that writes cells runs with calculation suspended
      for (const sync of d.syncs) if (sync.writes > 0) expect(sync.calculationSuspended).toBe(true);
      // number formats by column or range, not by cell
      expect(d.host.commandCounts.get("set:numberFormat")).toBeLessThan(40);
      expect(d.model.read("评分卡", `G${ROWS + 1}`)).toBe(
        `=ROUND(E${ROWS + 1}*Plan_SalesWeight+F${ROWS + 1}*Plan_CashWeight,2)`
      );
      expect(userState(d)).toEqual(before);
      expectUsable(d);
    }
  );

  it("should regenerate changed outputs (reading back the old ones to check for edits) within the limits too", async () => {
    const d = createExcelDouble();
    await done(d, layout);
    const from = d.syncs.length;
    const r = await done(d, fixtureLayout({ rows: ROWS, columns: COLUMNS, revision: 1 }));
    const s = summary(d.syncs.slice(from));
    console.log(
      `regenerating 10,000 rows: ${s.syncs} syncs, largest request ${mb(s.largestRequest)}, largest response ${mb(s.largestResponse)} (reads of the old sheet to detect edits)`
    );
    expect(r.sheets.find((x) => x.role === "scorecard")?.action).toBe("replaced");
    expect(s.largestRequest).toBeLessThanOrEqual(MAX_BATCH_BYTES);
    expect(s.largestResponse).toBeLessThanOrEqual(MAX_BATCH_BYTES);
    expect(s.syncs).toBeLessThan(40);
  });
});
