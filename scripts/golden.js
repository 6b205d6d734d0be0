#!/usr/bin/env node
// @ts-check
/**
 * `npm run golden`: regenerates the reviewed golden copy of the custom functions' metadata,
 * test/golden/functions.json, from the JSDoc in src/functions/functions.ts, with the same generator
 * the webpack plugin uses. Run it after changing a function's signature or description on purpose,
 * and review the diff: it is exactly what Excel will see.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
const { withinRuntime } = require("./runtime-metadata");

const ROOT = path.resolve(__dirname, "..");
const INPUT = path.join(ROOT, "src", "functions", "functions.ts");
const GOLDEN = path.join(ROOT, "test", "golden", "functions.json");

async function main() {
  if (!fs.existsSync(INPUT)) {
    console.error(
      `${path.relative(ROOT, INPUT)} does not exist: there are no functions to describe`
    );
    return 1;
  }
  const result = await generateCustomFunctionsMetadata(INPUT, false);
  if (result.errors.length) {
    for (const e of result.errors) console.error(`${path.relative(ROOT, INPUT)}: ${e}`);
    return 1;
  }
  // within the manifest's CustomFunctionsRuntime, as the build emits it (./runtime-metadata.js)
  const json = JSON.stringify(withinRuntime(JSON.parse(result.metadataJson)), null, 2) + "\n";
  const before = fs.existsSync(GOLDEN) ? fs.readFileSync(GOLDEN, "utf8") : "";
  fs.mkdirSync(path.dirname(GOLDEN), { recursive: true });
  fs.writeFileSync(GOLDEN, json);
  const count = JSON.parse(json).functions.length;
  console.log(
    `${path.relative(ROOT, GOLDEN)}: ${before === json ? "unchanged" : "updated"} (${count} functions)`
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
);
