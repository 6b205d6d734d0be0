/**
 * Whether this Excel spills formulas (dynamic arrays). Microsoft 365, Excel 2021 and later, Excel
 * on the web and on Mac do; retail Excel 2016 and 2019 run the add-in and its functions but show
 * only the top-left value of an array result, so a PERF.DISTRIBUTE typed into one cell shows one
 * grade there. No requirement set says which: a formula whose result is two values is written into
 * a hidden sheet of the add-in's own, and whether the second value appears below it tells. The
 * sheet is deleted again; a failure leaves it hidden, and the writer deletes such leftovers.
 */
import { officeHost, type Host } from "./host";
import { stagingName } from "./names";
import { run } from "./reader";

export const PROBE_SHEET = stagingName("probe");

export async function probeDynamicArrays(host: Host = officeHost()): Promise<boolean> {
  return run(host, async (context) => {
    const sheets = context.workbook.worksheets;
    const leftover = sheets.getItemOrNullObject(PROBE_SHEET);
    await context.sync();
    if (!leftover.isNullObject) leftover.delete();
    const sheet = sheets.add(PROBE_SHEET);
    sheet.visibility = "Hidden";
    // the array {1;2} spills into A2 where formulas spill; elsewhere A1 shows 1 and A2 nothing
    const probe = sheet.getRange("A1");
    probe.formulas = [["={1;2}"]];
    probe.calculate(); // also where the workbook calculates manually
    await context.sync();
    const below = sheet.getRange("A2").load("values");
    await context.sync();
    const spills = below.values[0][0] === 2;
    sheet.delete();
    await context.sync();
    return spills;
  });
}
