// @ts-check
/**
 * The custom functions' metadata within the CustomFunctionsRuntime the manifest declares.
 *
 * custom-functions-metadata writes `allowCustomDataForDataTypeAny: true` into every functions.json;
 * that key belongs to CustomFunctionsRuntime 1.4 (data types in custom functions), while the
 * manifest's <Requirements> declare 1.2 so that Excel 2021, Mac 16.35 and Microsoft 365 Version
 * 2002 (1.2–1.3) are offered the add-in. Metadata must not ask for more than the declared runtime,
 * so every key above it is dropped here; the build (scripts/localized-metadata-plugin.js) and the
 * golden file (scripts/golden.js) both go through this. Without the key a data-type cell reaches
 * a function as its basic value, which src/functions/args.ts reads.
 */
"use strict";

const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");

/** Metadata keys (top level) and the CustomFunctionsRuntime version each needs. */
const RUNTIME_KEYS = /** @type {Record<string, string>} */ ({
  allowCustomDataForDataTypeAny: "1.4",
});

/** @param {string} a @param {string} b */
function compareVersions(a, b) {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** The CustomFunctionsRuntime version the manifest's <Requirements> declare. */
function declaredRuntime(manifestXml = fs.readFileSync(MANIFEST, "utf8")) {
  const m = /<Set Name="CustomFunctionsRuntime" MinVersion="([\d.]+)"\s*\/>/.exec(manifestXml);
  if (!m) throw new Error("manifest.xml declares no CustomFunctionsRuntime set");
  return m[1];
}

/**
 * The keys of a metadata object that need a runtime above `version`.
 * @param {Record<string, unknown>} metadata @param {string} version
 */
function keysAbove(metadata, version) {
  return Object.keys(metadata).filter(
    (k) => RUNTIME_KEYS[k] !== undefined && compareVersions(RUNTIME_KEYS[k], version) > 0
  );
}

/**
 * The metadata without the keys above the runtime `version` (default: the manifest's).
 * @template {Record<string, unknown>} T @param {T} metadata @param {string} [version]
 * @returns {T}
 */
function withinRuntime(metadata, version = declaredRuntime()) {
  const copy = { ...metadata };
  for (const k of keysAbove(metadata, version)) delete copy[k];
  return copy;
}

module.exports = { RUNTIME_KEYS, declaredRuntime, keysAbove, withinRuntime };
