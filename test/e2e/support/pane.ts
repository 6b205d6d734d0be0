/**
 * Steps the end-to-end walks share on the browser preview's task pane: opening a view, axe on the
 * pane, and waiting for a locator's text (playwright-core has no test runner of its own).
 */
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "playwright-core";

/** Opens a view by its tab, or from the "more views" menu when the pane is too narrow for it. */
export async function openView(pane: Locator, label: string): Promise<void> {
  const tab = pane.getByRole("tab", { name: label });
  if ((await tab.count()) > 0 && (await tab.isVisible())) return tab.click();
  await pane.getByRole("button", { name: "更多视图" }).click();
  await pane.page().getByRole("menuitem", { name: label }).click();
}

/**
 * axe on the task pane (or the whole preview page). Tabster's focus sentinels (<i
 * data-tabster-dummy tabindex=0 aria-hidden>) only redirect focus into Fluent's focus zones; axe's
 * aria-hidden-focus rule mistakes them for hidden controls, so they are left out.
 */
export async function expectAccessible(
  page: Page,
  step: string,
  scope: "pane" | "page" = "pane"
): Promise<void> {
  // A button turning from disabled to enabled, or a message bar fading in, has colours between its
  // states while its transition runs: with reduced motion (which Fluent honours) transitions are
  // near instant, and the check waits until no animation that ends (not a spinner's) is running.
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every(
            (a) =>
              a.playState !== "running" ||
              !Number.isFinite(Number(a.effect?.getComputedTiming().endTime))
          ),
      undefined,
      { timeout: 5_000 }
    )
    .catch(() => undefined);
  let axe = new AxeBuilder({ page }).exclude("[data-tabster-dummy]");
  if (scope === "pane") axe = axe.include("[data-testid=task-pane]");
  const results = await axe.analyze();
  const serious = results.violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical"
  );
  expect({
    step,
    violations: serious.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => `${n.target.join(" ")} ${n.html} (${n.failureSummary ?? ""})`)
          .slice(0, 3)
          .join(" | ")}`
    ),
  }).toEqual({ step, violations: [] });
}

/** A tiny `expect(locator)`: waits up to 10 s for the locator's text. */
export async function expectLocator(locator: Locator, text: string | RegExp): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last = "";
  while (Date.now() < deadline) {
    last = (await locator.textContent())?.trim() ?? "";
    if (typeof text === "string" ? last === text : text.test(last)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`expected ${String(text)}, got "${last}"`);
}
