/**
 * A failure at any sync leaves a usable workbook, and a retry completes with exactly the workbook
 * a clean run gives. Every sync index of each job is failed in turn, in three ways: the request
 * is lost before Excel applies anything, Excel applies half of the batch and stops, or Excel
 * applies everything and the answer is lost.
 */
import type { WriterApplyOptions } from "../../src/office/writer";
import type { WorkbookLayout } from "../../src/workbook/layout";
import type { ExcelDouble } from "../support/excel-double";
import { fixtureLayout } from "./fixtures";
import { apply, done, expectUsable, userState, userWorkbook } from "./support";

const ROWS = 20;
const CHUNK = 16 * 1024; // small requests (each carries ~4 KB of its own), so each job takes many syncs

interface Scenario {
  name: string;
  /** The workbook before the job (built afresh for every attempt). */
  start(): Promise<ExcelDouble>;
  layout: WorkbookLayout;
  options: WriterApplyOptions;
}

async function written(apiVersion?: string): Promise<ExcelDouble> {
  const d = userWorkbook(apiVersion ? { apiVersion } : {});
  await done(d, fixtureLayout({ rows: ROWS }), { chunkBytes: CHUNK });
  d.model.type("Payroll", "D1", [["=评分卡!G2*100"]]);
  return d;
}

async function edited(): Promise<ExcelDouble> {
  const d = await written();
  d.model.type("评分卡", "G3", [[100]]);
  return d;
}

const scenarios: Scenario[] = [
  {
    name: "creating the plan workbook beside the user's sheet",
    start: async () => userWorkbook(),
    layout: fixtureLayout({ rows: ROWS }),
    options: {},
  },
  {
    name: "regenerating changed outputs (staged, then copied over)",
    start: () => written(),
    layout: fixtureLayout({ rows: ROWS, revision: 1 }),
    options: {},
  },
  {
    name: "regenerating changed outputs in place (ExcelApi 1.8)",
    start: () => written("1.8"),
    layout: fixtureLayout({ rows: ROWS, revision: 1 }),
    options: {},
  },
  {
    name: "keeping an edited sheet and writing a new one beside it",
    start: edited,
    layout: fixtureLayout({ rows: ROWS, revision: 1 }),
    options: { confirmReplace: async () => "new" },
  },
  {
    name: "replacing an edited sheet with the user's consent",
    start: edited,
    layout: fixtureLayout({ rows: ROWS, revision: 1 }),
    options: { confirmReplace: async () => "replace" },
  },
];

describe.each(scenarios)("a failure while $name", (scenario) => {
  let clean: unknown;
  let syncs: number;

  beforeAll(async () => {
    const d = await scenario.start();
    const from = d.syncs.length;
    await done(d, scenario.layout, { ...scenario.options, chunkBytes: CHUNK });
    syncs = d.syncs.length - from;
    clean = d.model.snapshot();
  });

  it("should take several syncs (so that the failures below hit every phase)", () => {
    expect(syncs).toBeGreaterThanOrEqual(6);
  });

  it.each(["before", "partial", "after"] as const)(
    "should leave a usable workbook and be completed by a retry, failing %s at every sync",
    async (mode) => {
      for (let k = 0; k < syncs; k++) {
        const d = await scenario.start();
        const user = userState(d);
        d.failAt(k, mode);
        const failed = await apply(d, scenario.layout, { ...scenario.options, chunkBytes: CHUNK });
        expect({ k, status: failed.status }).toEqual({ k, status: "failed" });
        expectUsable(d);
        expect(userState(d)).toEqual(user);
        const retry = await apply(d, scenario.layout, { ...scenario.options, chunkBytes: CHUNK });
        expect({ k, status: retry.status }).toEqual({ k, status: "done" });
        expect(userState(d)).toEqual(user);
        expect(d.model.snapshot()).toEqual(clean);
      }
    }
  );
});
