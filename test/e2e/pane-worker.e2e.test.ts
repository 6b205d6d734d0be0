/**
 * End to end, on the production build of the pane with its worker (bench/pane: the pane over an
 * in-memory workbook, `--env benchPane`) in headless Chromium: while a Generate over 12,000
 * salespeople × 3 months runs in the worker, the pane answers input (a formula-style choice is
 * taken and shown while the progress bar is still there), and Cancel drops the work: the pane
 * says nothing was written and the workbook holds no output sheet. Then a Generate completes.
 */
import * as path from "path";
import type { Page } from "playwright-core";
import { defaultPlan } from "../../src/engine";
import { generateSample } from "../../src/workbook";
import { hasChromium, inCI, routeOffice, SCREENSHOTS, servedBuild } from "./support/browser";

const describeInBrowser = hasChromium || inCI ? describe : describe.skip;

function exportCsv(people: number): string {
  const plan = defaultPlan();
  const sample = generateSample({ people, months: 3, teams: 8 });
  const header = ["员工编号", "姓名", "部门", "月份", ...plan.fields.map((f) => f.name.zh)];
  const lines = [header.join(",")];
  for (const r of sample.rows) {
    const values = plan.fields.map((f) => {
      const v = r.values[f.key];
      return v === null || v === undefined ? "" : String(v);
    });
    lines.push([r.id, r.name, r.team, r.period, ...values].join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

/** The roles of the sheets the in-memory workbook holds. */
const roles = (page: Page) =>
  page.evaluate(() =>
    [
      ...(
        window as unknown as {
          __benchPane: { backend: { sheets: Map<string, { role: string }> } };
        }
      ).__benchPane.backend.sheets.values(),
    ].map((s) => s.role)
  );

describeInBrowser("the pane's worker, end to end (headless Chromium)", () => {
  const served = servedBuild("production", ["benchPane"], 600_000);

  it("should answer input while Generate runs in the worker, and Cancel it without writing", async () => {
    const context = await served.browser.newContext({ viewport: { width: 350, height: 900 } });
    const page = await context.newPage();
    await routeOffice(page, served.server.origin);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    await page.goto(`${served.server.origin}/benchpane.html`);
    await page.locator("[data-pane-ready=true]").waitFor();
    await page.getByRole("button", { name: "Create plan workbook" }).click();
    await page.getByText(/^Created: /).waitFor();
    await page.getByRole("button", { name: "Next: import data" }).click();
    await page.locator('input[type=file][aria-label="Choose CSV file…"]').setInputFiles({
      name: "crm-export.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(exportCsv(12_000)),
    });
    const importButton = page.getByRole("button", { name: /^Import \d+ rows$/ });
    await importButton.waitFor({ timeout: 300_000 });
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll("button")].some(
          (b) => /^Import \d+ rows$/.test(b.textContent ?? "") && !b.disabled
        ),
      undefined,
      { timeout: 300_000 }
    );
    await importButton.click();
    await page.getByText(/^\d+ salesperson-months read\./).waitFor({ timeout: 600_000 });
    // the file was read and the rows laid out in the pane's worker, from the add-in's origin
    expect(
      workers.some(
        (u) => u.startsWith(served.server.origin) && /\/worker\.[0-9a-f]{8}\.js$/.test(u)
      )
    ).toBe(true);
    expect(await roles(page)).not.toContain("scorecard");

    // Generate, and while it runs: choose another formula style, then Cancel
    await page.getByRole("button", { name: "Next: generate scorecards" }).click();
    await page.getByRole("button", { name: "Generate scorecards" }).click();
    const progress = page.getByRole("progressbar", { name: "Progress" });
    await progress.waitFor();
    const values = page.getByRole("radio", { name: /Values only/ });
    await values.click();
    expect(await values.isChecked()).toBe(true);
    expect(await progress.isVisible()).toBe(true); // the pane answered while the work went on
    // Cancel at once: a screenshot first (seconds on a busy machine) let the work finish
    await page.getByRole("button", { name: "Cancel (Progress)" }).click();
    await page.screenshot({ path: path.join(SCREENSHOTS, "worker-generate-cancelling.png") });
    await page.getByText("Cancelled. Nothing was written; the workbook is as it was.").waitFor({
      timeout: 300_000,
    });
    await progress.waitFor({ state: "detached" });
    expect(await roles(page)).not.toContain("scorecard");
    expect(await page.getByText(/^Written: /).count()).toBe(0);

    // and a Generate to the end writes the scorecards
    await page.getByRole("button", { name: "Generate scorecards" }).click();
    await page.getByText(/^Written: /).waitFor({ timeout: 900_000 });
    expect(await roles(page)).toContain("scorecard");
    expect(errors).toEqual([]);
    await context.close();
  }, 1_800_000);
});
