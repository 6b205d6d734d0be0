/**
 * Microsoft's Excel client in the tests (test/support/office-client): the internal hooks it rests
 * on, the requirement-set checks it makes (ApiNotFound for a member above the host's sets), and the
 * adapter's paths — writer, reader, period close, statements — through it under the manifest's
 * minimum sets and the sets of every client in the README's compatibility table.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { JSDOM } from "jsdom";
import { closeAPeriod, loadClosing, writeStatementsFor } from "../../src/app/closing";
import { applyLayout } from "../../src/office/writer";
import { createExcelDouble } from "../support/excel-double";
import { ALL_PROFILES, MANIFEST_MINIMUM, supports } from "../support/excel-double/profiles";
import { CLIENT_FILE, sharedExcelClient } from "../support/office-client/load";
import type { RequestMessage, ResponseMessage } from "../support/office-client/load";
import { ROOT } from "../support/paths";
import { fixtureLayout } from "./fixtures";
import { done, excelWorkbook, expectUsable, userState, userWorkbook } from "./support";

jest.setTimeout(120_000);

describe("the pinned client and the hooks the tests use", () => {
  it("should be @microsoft/office-js 1.1.110, pinned exactly", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies["@microsoft/office-js"]).toBe("1.1.110");
    const installed = JSON.parse(
      fs.readFileSync(path.join(path.dirname(CLIENT_FILE), "..", "package.json"), "utf8")
    ) as { version: string };
    expect(installed.version).toBe("1.1.110");
  });

  it("should have a session base with the two members a session overrides, and checks off by default", () => {
    const dom = new JSDOM("", { runScripts: "outside-only", url: "https://localhost/" });
    new vm.Script(fs.readFileSync(CLIENT_FILE, "utf8")).runInContext(dom.getInternalVMContext());
    const OE = (dom.window as unknown as { OfficeExtension: Record<string, unknown> })
      .OfficeExtension;
    const SessionBase = OE.SessionBase as { prototype: Record<string, unknown> };
    expect(typeof SessionBase.prototype._resolveRequestUrlAndHeaderInfo).toBe("function");
    expect(typeof SessionBase.prototype._createRequestExecutorOrNull).toBe("function");
    // this build leaves the per-member requirement-set checks off; the tests turn them on
    expect((OE.CommonUtility as { _doApiNotSupportedCheck: boolean })._doApiNotSupportedCheck).toBe(
      false
    );
    dom.window.close();
  });

  it("should send each request context's requests, as Actions and ObjectPaths, to its session's executor", async () => {
    const client = sharedExcelClient();
    const bodies: { Actions: unknown[]; ObjectPaths: Record<string, unknown> }[] = [];
    let executors = 0;
    const session = client.session(() => {
      executors++;
      return {
        executeAsync: async (_data: unknown, _flags: number, m: RequestMessage) => {
          const body = (typeof m.Body === "string" ? JSON.parse(m.Body) : m.Body) as {
            Actions: { Id: number; ActionType: number }[];
            ObjectPaths: Record<string, unknown>;
          };
          bodies.push(body);
          const results = body.Actions.filter((a) => a.ActionType === 2).map((a) => ({
            ActionId: a.Id,
            Value: { Values: [[42]] },
          }));
          const response: ResponseMessage = {
            ErrorCode: null,
            Headers: {},
            Body: { Results: results },
          };
          return response;
        },
      };
    });
    const read = () =>
      client.using(
        session,
        () => true,
        () =>
          client.Excel.run(new client.Excel.RequestContext(session as Excel.Session), async (c) => {
            const range = c.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
            await c.sync();
            return range.values;
          })
      );
    expect(await read()).toEqual([[42]]);
    expect(await read()).toEqual([[42]]);
    expect(executors).toBe(2);
    expect(Array.isArray(bodies[0].Actions)).toBe(true);
    expect(Object.values(bodies[0].ObjectPaths).map((p) => (p as { Name: string }).Name)).toEqual(
      expect.arrayContaining(["Worksheets", "GetRange"])
    );
  });
});

describe("a member above the host's requirement sets", () => {
  it.each([
    ["Range.copyFrom (ExcelApi 1.9)", (r: Excel.Range) => r.copyFrom("B1")],
    ["Range.dataValidation (ExcelApi 1.8)", (r: Excel.Range) => r.dataValidation.clear()],
    ["Worksheet.pageLayout (ExcelApi 1.9)", (r: Excel.Range) => r.worksheet.pageLayout.load()],
  ])(
    "should fail loudly with ApiNotFound: %s on the manifest's minimum sets, before any request",
    async (_name, use) => {
      const d = createExcelDouble({ profile: MANIFEST_MINIMUM });
      const before = d.model.snapshot();
      const failure = await d
        .asHost()
        .run(async (c) => {
          use(c.workbook.worksheets.getItem("Sheet1").getRange("A1"));
          await c.sync();
        })
        .catch((e: unknown) => e);
      expect(failure).toMatchObject({ code: "ApiNotFound" });
      expect(d.client().served).toEqual([]);
      expect(d.model.snapshot()).toEqual(before);
    }
  );

  it("should make the writer fail with ApiNotFound, not write quietly, if it used Range.copyFrom unguarded", async () => {
    // a workbook written once, then rewritten: on ExcelApi 1.9 the writer copies finished sheets over
    const d = userWorkbook({ profile: MANIFEST_MINIMUM });
    await done(d, fixtureLayout({ rows: 8 }));
    const user = userState(d);
    // a host that claims ExcelApi 1.9 to the writer's own check, while Excel has 1.7
    const lying = { ...d.asHost(), isSetSupported: () => true };
    const r = await applyLayout(fixtureLayout({ rows: 8, revision: 1 }), { host: lying });
    expect(r).toMatchObject({ status: "failed", error: { code: "ApiNotFound" } });
    expect(userState(d)).toEqual(user);
    expectUsable(d);
  });
});

describe.each(ALL_PROFILES)("the adapter through Microsoft's client on $name", (profile) => {
  it("should create the plan workbook, import, generate, read back, regenerate, close a period and add statements", async () => {
    const { d, host, plan, run, request, written, user } = await excelWorkbook({ profile });
    expect(written.sheets).toEqual(expect.arrayContaining(["评分卡", "汇总"]));
    const inputs = await host.readInputs();
    expect(inputs.data?.rows.length).toBeGreaterThanOrEqual(run.rows.length);
    // what each client gets: drop-down lists from ExcelApi 1.8, print setup from 1.9
    const plans = d.model.mustFindSheet("方案");
    expect(plans.validations.length > 0).toBe(supports(profile, "ExcelApi", "1.8"));
    // regenerating the same outputs changes nothing
    const again = await host.writeOutputs(request);
    expect(again.cancelled).toBeUndefined();
    // period close and the statements, read back through the client
    await closeAPeriod(host, {
      period: "2024-Q1",
      by: "王芳",
      language: "zh-CN",
      style: "native",
      now: new Date("2024-04-05T09:30:00Z"),
    });
    const closing = await loadClosing(host, plan);
    expect([...closing.closed.keys()]).toEqual(["2024-Q1"]);
    const subjects = run.rows.slice(0, 2).map((r) => ({ id: r.id, period: r.period }));
    await writeStatementsFor(host, { language: "zh-CN", subjects });
    expect((await host.readStatements()).map((e) => e.id)).toEqual(subjects.map((s) => s.id));
    const statements = d.model.mustFindSheet("绩效结果通知单");
    expect(statements.page.paperSize === "A4").toBe(supports(profile, "ExcelApi", "1.9"));
    // nothing failed, nothing near the limit, the user's sheet untouched
    const served = d.client().served;
    expect(served.filter((s) => s.failed)).toEqual([]);
    expect(Math.max(...served.map((s) => s.requestBytes))).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(userState(d)).toEqual(user);
    expectUsable(d);
  });
});
