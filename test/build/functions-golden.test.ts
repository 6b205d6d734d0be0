import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  FUNCTIONS_SOURCE,
  GOLDEN_METADATA,
  ROOT,
  hasFunctionsSource,
  readJson,
  type FunctionsMetadata,
} from "../support/paths";
import { runtimeMetadata } from "../support/runtime-metadata";

/**
 * The custom functions' metadata, generated from the JSDoc in src/functions/functions.ts by the same
 * generator the webpack plugin uses, must equal the reviewed golden file test/golden/functions.json.
 * A change to any function's id, name, parameters, types or help text therefore shows up as a diff
 * of that file in review. After an intended change: `npm run golden`, then review the diff.
 */

const describeWhenFunctionsExist = hasFunctionsSource ? describe : describe.skip;

describeWhenFunctionsExist("functions metadata golden file", () => {
  let generated: FunctionsMetadata;

  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE, false);
    if (result.errors.length > 0) {
      throw new Error(
        `custom-functions-metadata rejected ${path.relative(ROOT, FUNCTIONS_SOURCE)}:\n${result.errors.join("\n")}`
      );
    }
    // as the build emits it: within the manifest's CustomFunctionsRuntime
    generated = runtimeMetadata.withinRuntime(
      JSON.parse(result.metadataJson) as FunctionsMetadata & Record<string, unknown>
    );
  });

  it("should have a reviewed golden file (create it with `npm run golden`)", () => {
    expect(fs.existsSync(GOLDEN_METADATA)).toBe(true);
  });

  it("should generate exactly the golden metadata (after an intended change: `npm run golden`)", () => {
    expect(generated).toEqual(readJson<FunctionsMetadata>(GOLDEN_METADATA));
  });

  it("should give every function a unique id that Excel accepts", () => {
    const ids = generated.functions.map((f) => f.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
  });
});
