/**
 * Proof by LibreOffice for the Tracking sheet (月度跟踪): written as xlsx, recalculated headless
 * (recalculation forced on load), every formula cell comes out as the engine computed it — the
 * default plan in both languages and every plan variant with HR's faulty data. Skipped with a
 * message where LibreOffice is not installed, failing on CI (CI=true), which installs it. The demo
 * workbook's Tracking sheet is also proved by scripts/verify-libreoffice.ts.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { compareLayout } from "../../scripts/layout-compare";
import { findSoffice, readValues, recalculateAll } from "../../scripts/libreoffice";
import { defaultPlan } from "../../src/engine/plan/defaultPlan";
import { buildFromTemplate } from "../../src/workbook/build";
import { generateSample } from "../../src/workbook/sample";
import { templateLayout } from "../../src/workbook/template";
import { writeXlsx } from "../../src/workbook/xlsx";
import { editAsHR, onPlanScale, VARIANTS } from "./support/fixtures";

const soffice = findSoffice();

if (!soffice) {
  if (process.env.CI === "true")
    it("should find LibreOffice on CI", () => {
      throw new Error("soffice is not installed: the LibreOffice proof cannot be skipped on CI");
    });
  else it.skip("Tracking sheet in LibreOffice (soffice not installed)", () => undefined);
} else {
  it("should recalculate the Tracking sheet to the engine's numbers", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lo-tracking-"));
    const sample = generateSample({ people: 12, teams: 3, seed: 9 });
    const months = { months: ["2024-02", "2024-06", "2024-10"] };
    const defaults = (["zh-CN", "en-US"] as const).map((language) => ({
      name: `default plan, ${language}`,
      plan: defaultPlan(),
      template: templateLayout(defaultPlan(), language, sample),
    }));
    const variants = VARIANTS.map((v) => {
      const plan = v.plan();
      const template = templateLayout(plan, "zh-CN", onPlanScale(plan, sample));
      editAsHR(template, plan);
      return { name: `${v.name.split(",")[0]}, faulty data`, plan, template };
    });
    const cases = [...defaults, ...variants].map((c, k) => ({
      name: c.name,
      file: path.join(dir, `tracking-${k}.xlsx`),
      built: buildFromTemplate(c.plan, c.template, "native", { tracking: months }),
    }));
    for (const c of cases) await writeXlsx(c.built.layout, c.file);
    const lo = recalculateAll(
      cases.map((c) => c.file),
      path.join(dir, "out")
    );
    const lines: string[] = [];
    for (const [i, c] of cases.entries()) {
      const { read } = await readValues(lo.files[i]);
      const cmp = compareLayout(c.built.layout, read, ["tracking"]);
      lines.push(`${c.name}: ${cmp.cells} cells, ${cmp.mismatches.length} mismatches`);
      expect(cmp.mismatches).toEqual([]);
      expect(cmp.cells).toBeGreaterThan(1000);
    }
    console.log(`LibreOffice vs engine, Tracking sheet:\n${lines.join("\n")}`);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 600_000);
}
