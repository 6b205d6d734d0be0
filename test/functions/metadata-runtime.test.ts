/**
 * The custom functions' metadata within the CustomFunctionsRuntime the manifest declares (issue
 * 12, item 7): the generator writes allowCustomDataForDataTypeAny (CustomFunctionsRuntime 1.4)
 * while the manifest declares 1.2; the build and the golden file drop every key above it.
 */
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { MANIFEST_REQUIREMENTS } from "../../src/compat/requirements";
import { FUNCTIONS_SOURCE, GOLDEN_METADATA, ROOT } from "../support/paths";
import { runtimeMetadata } from "../support/runtime-metadata";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugin = require("../../scripts/localized-metadata-plugin") as {
  localizedMetadata(json: string): { files: Record<string, string> };
};

jest.setTimeout(60_000);

const declared = MANIFEST_REQUIREMENTS.find((r) => r.set === "CustomFunctionsRuntime")!.version;

describe("the functions' metadata and the declared CustomFunctionsRuntime", () => {
  it("should read the runtime the manifest declares", () => {
    expect(runtimeMetadata.declaredRuntime()).toBe(declared);
    expect(declared).toBe("1.2");
  });

  it("should be needed: the generator asks for a 1.4 key", async () => {
    const raw = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE, false);
    const metadata = JSON.parse(raw.metadataJson) as Record<string, unknown>;
    expect(runtimeMetadata.keysAbove(metadata, declared)).toEqual([
      "allowCustomDataForDataTypeAny",
    ]);
    expect(runtimeMetadata.keysAbove(runtimeMetadata.withinRuntime(metadata), declared)).toEqual(
      []
    );
    expect(runtimeMetadata.withinRuntime(metadata, "1.4")).toEqual(metadata);
  });

  it("should leave no key above the declared runtime in the golden functions.json or the zh-CN metadata", () => {
    const golden = fs.readFileSync(GOLDEN_METADATA, "utf8");
    expect(runtimeMetadata.keysAbove(JSON.parse(golden), declared)).toEqual([]);
    const { files } = plugin.localizedMetadata(golden);
    for (const json of Object.values(files))
      expect(runtimeMetadata.keysAbove(JSON.parse(json), declared)).toEqual([]);
  });

  it("should leave none in the built dist/ either, when it has been built", () => {
    const dist = path.join(ROOT, "dist");
    for (const file of ["functions.json", "functions.zh-CN.json"]) {
      const p = path.join(dist, file);
      if (!fs.existsSync(p)) continue; // test/build/dist.test.ts builds it
      expect(runtimeMetadata.keysAbove(JSON.parse(fs.readFileSync(p, "utf8")), declared)).toEqual(
        []
      );
    }
  });
});
