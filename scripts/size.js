#!/usr/bin/env node
// @ts-check
/**
 * Bundle report for a production build:
 *   - prints the raw and gzip size of every JavaScript bundle in dist/ (taskpane.*.js, the pane's
 *     worker worker.*.js, functions.js);
 *   - fails if dist/functions.js or the worker carries React or Fluent UI code (both stand alone:
 *     the worker has no DOM);
 *   - fails if any bundle calls eval or builds code with new Function (the CSP forbids both).
 *
 *   node scripts/size.js [distDir]      (default: dist)
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

/** Strings that only React, ReactDOM, Fluent UI or Griffel put into a minified bundle. */
const UI_MARKERS = [
  { name: "React element symbols", pattern: /Symbol\.for\(["']react\./ },
  { name: "React internals", pattern: /__(CLIENT|SECRET)_INTERNALS/ },
  { name: "Fluent UI class names", pattern: /["'`]fui-[A-Z]/ },
  { name: "Griffel (Fluent's CSS-in-JS)", pattern: /data-make-styles|griffel/i },
];

/** Dynamic code evaluation, which the CSP blocks and the project does not use. */
const EVAL_PATTERNS = [
  { name: "eval(", pattern: /(^|[^.\w$])eval\s*\(/ },
  { name: "new Function(", pattern: /new\s+Function\s*\(/ },
  { name: "setTimeout/setInterval with a string", pattern: /set(Timeout|Interval)\(\s*["'`]/ },
];

/**
 * @param {string} code
 * @returns {string[]} names of the UI libraries found
 */
function findUiMarkers(code) {
  return UI_MARKERS.filter((m) => m.pattern.test(code)).map((m) => m.name);
}

/**
 * @param {string} code
 * @returns {string[]} names of the eval-like constructs found
 */
function findEval(code) {
  return EVAL_PATTERNS.filter((m) => m.pattern.test(code)).map((m) => m.name);
}

/** @param {number} bytes */
function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/**
 * @param {string} dist
 * @returns {{ rows: { file: string, raw: number, gzip: number }[], problems: string[] }}
 */
function report(dist) {
  const problems = [];
  const files = fs
    .readdirSync(dist)
    .filter((f) => /^(taskpane.*|worker.*|functions)\.js$/.test(f))
    .sort();
  if (!files.includes("functions.js")) problems.push(`${dist}/functions.js is missing`);
  if (!files.some((f) => f.startsWith("taskpane")))
    problems.push(`${dist}/taskpane*.js is missing`);
  if (!files.some((f) => f.startsWith("worker")))
    problems.push(`${dist}/worker*.js (the pane's worker) is missing`);
  const rows = files.map((file) => {
    const code = fs.readFileSync(path.join(dist, file));
    const text = code.toString("utf8");
    for (const found of findEval(text)) problems.push(`${file} contains ${found}`);
    if (file === "functions.js" || file.startsWith("worker")) {
      for (const found of findUiMarkers(text)) {
        problems.push(`${file} contains ${found}: it must not import React or Fluent UI`);
      }
    }
    return { file, raw: code.length, gzip: zlib.gzipSync(code, { level: 9 }).length };
  });
  return { rows, problems };
}

function main() {
  const dist = path.resolve(process.argv[2] || "dist");
  if (!fs.existsSync(dist)) {
    console.error(`${dist} does not exist: run \`npm run build\` first`);
    return 1;
  }
  const { rows, problems } = report(dist);
  const width = Math.max(...rows.map((r) => r.file.length), 4);
  console.log(`${"file".padEnd(width)}  ${"raw".padStart(10)}  ${"gzip".padStart(10)}`);
  for (const r of rows) {
    console.log(`${r.file.padEnd(width)}  ${kib(r.raw).padStart(10)}  ${kib(r.gzip).padStart(10)}`);
  }
  for (const p of problems) console.error(`error: ${p}`);
  return problems.length ? 1 : 0;
}

if (require.main === module) process.exit(main());

module.exports = { report, findUiMarkers, findEval };
