/**
 * The browser preview's workbook from a Playwright page: a sheet's values by role (through the
 * preview's `window.__perfPreview`), and typing into a cell of its grid as a user does.
 */
import type { Page } from "playwright-core";

export type Cells = (string | number | boolean | null)[][];

/** The name and values of the preview workbook's sheet of a role ("scorecard", "data", …). */
export async function sheetValues(
  page: Page,
  role: string
): Promise<{ name: string; values: Cells }> {
  return page.evaluate((r) => {
    const w = (
      window as unknown as {
        __perfPreview: {
          workbook: { byRole(r: string): { id: number; name: string }; values(id: number): Cells };
        };
      }
    ).__perfPreview.workbook;
    const s = w.byRole(r);
    return { name: s.name, values: w.values(s.id) };
  }, role);
}

/** Types into a cell of a sheet of the preview's grid: the sheet's tab, the cell, the text, Enter. */
export async function typeInto(
  page: Page,
  sheet: string,
  cell: string,
  text: string
): Promise<void> {
  await page
    .getByRole("tablist", { name: "Sheets" })
    .getByRole("tab", { name: sheet, exact: true })
    .click();
  await page.locator(`[data-cell="${cell}"]`).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}
