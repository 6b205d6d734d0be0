/**
 * Cancel during a write (WriterApplyOptions.signal): pressed before any round trip of a job, the
 * job stops before its next batch, removes the temporary sheets it added and puts back the marks
 * it changed, so the workbook is exactly as it was (the double's snapshot, the user's sheets and
 * names included); pressed once a step that cannot be undone was sent (a sheet cleared in place,
 * the final swap), the job completes and the workbook is what a clean run gives. Either way a
 * later run completes with the clean workbook.
 */
import type { WorkbookLayout } from "../../src/workbook/layout";
import type { ExcelDouble } from "../support/excel-double";
import { fixtureLayout } from "./fixtures";
import { apply, done, expectUsable, userState, userWorkbook } from "./support";

const ROWS = 20;
const CHUNK = 16 * 1024; // small requests, so each job takes many syncs

async function written(apiVersion?: string): Promise<ExcelDouble> {
  const d = userWorkbook(apiVersion ? { apiVersion } : {});
  await done(d, fixtureLayout({ rows: ROWS }), { chunkBytes: CHUNK });
  d.model.type("Payroll", "D1", [["=评分卡!G2*100"]]);
  return d;
}

interface Scenario {
  name: string;
  start(): Promise<ExcelDouble>;
  layout: WorkbookLayout;
  /** Whether the job can still be undone after its first round trip of writing. */
  staged: boolean;
}

const scenarios: Scenario[] = [
  {
    name: "creating the plan workbook beside the user's sheet",
    start: async () => userWorkbook(),
    layout: fixtureLayout({ rows: ROWS }),
    staged: true,
  },
  {
    name: "regenerating changed outputs (staged, then copied over)",
    start: () => written(),
    layout: fixtureLayout({ rows: ROWS, revision: 1 }),
    staged: true,
  },
  {
    // below ExcelApi 1.9 a sheet is cleared in place in the first batch: no way back after it
    name: "regenerating changed outputs in place (ExcelApi 1.8)",
    start: () => written("1.8"),
    layout: fixtureLayout({ rows: ROWS, revision: 1 }),
    staged: false,
  },
];

describe.each(scenarios)("Cancel while $name", (scenario) => {
  let clean: unknown;
  let syncs: number;

  beforeAll(async () => {
    const d = await scenario.start();
    const from = d.syncs.length;
    await done(d, scenario.layout, { chunkBytes: CHUNK });
    syncs = d.syncs.length - from;
    clean = d.model.snapshot();
  });

  it("should leave the workbook as it was, or complete it once it cannot be undone, after every round trip", async () => {
    const outcomes: string[] = [];
    for (let k = 0; k <= syncs; k++) {
      const d = await scenario.start();
      const before = d.model.snapshot();
      const user = userState(d);
      const controller = new AbortController();
      if (k === 0) controller.abort();
      const r = await apply(d, scenario.layout, {
        chunkBytes: CHUNK,
        signal: controller.signal,
        // Cancel pressed as the k-th round trip of the writing ends
        onProgress: (p) => {
          if (p.phase !== "inspecting" && p.phase !== "done" && p.completed >= k)
            controller.abort();
        },
      });
      expect(["cancelled", "done"]).toContain(r.status);
      outcomes.push(r.status);
      expectUsable(d);
      expect(userState(d)).toEqual(user);
      expect({ k, workbook: d.model.snapshot() }).toEqual({
        k,
        workbook: r.status === "cancelled" ? before : clean,
      });
      const again = await apply(d, scenario.layout, { chunkBytes: CHUNK });
      expect(again.status).toBe("done");
      expect(d.model.snapshot()).toEqual(clean);
    }
    // cancelled before anything was written, and (staged) after some of it was; never once final
    expect(outcomes[0]).toBe("cancelled");
    expect(outcomes[1]).toBe(scenario.staged ? "cancelled" : "done");
    const first = outcomes.indexOf("done");
    expect(outcomes.slice(first)).not.toContain("cancelled");
    expect(outcomes[syncs]).toBe("done");
  });
});
