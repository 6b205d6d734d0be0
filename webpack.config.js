// @ts-check
/**
 * Two independent compilations, so the functions bundle can never share a chunk or a runtime with
 * the task pane:
 *
 *   functions  src/functions/functions.ts → dist/functions.js (+ dist/functions.json, generated from
 *              the JSDoc by custom-functions-metadata-plugin, which also appends the
 *              CustomFunctions.associate calls). No React, no DOM needed.
 *   taskpane   src/taskpane/index.tsx → dist/taskpane.html + dist/taskpane.[contenthash].js, and
 *              the pane's Web Worker src/worker → dist/worker.[contenthash].js (its own file from
 *              the add-in's origin, CSP worker-src 'self'); copies manifest.xml and assets/. taskpane.html also loads functions.js: in the shared
 *              runtime that one page hosts the task pane, the ribbon command and the functions.
 *
 * No commands bundle: in the shared runtime the ribbon button's ShowTaskpane action needs no code.
 * A browser preview page for development (dev/) belongs in the task pane compilation as a second
 * HtmlWebpackPlugin page named preview.html; `npm start` prints its URL when the build serves it.
 *
 * `webpack --mode production` for a release build, `webpack serve --mode development` for the https
 * dev server on localhost:3000 (webpack-dev-server's own self-signed certificate).
 * `npm run build -- --env baseUrl=https://host/path/` (or ADDIN_BASE_URL=https://host/path/) writes a
 * dist/manifest.xml whose every URL is under that base instead of https://localhost:3000/; in every
 * build its <Version> comes from package.json, and in a production build the custom functions'
 * script and metadata URLs carry `?v=<version>` (scripts/release.js explains the cache policy).
 * ADDIN_DIST_DIR=folder writes the build somewhere other than dist/.
 * `--env benchPane` adds bench/pane (benchpane.html: the pane over an in-memory workbook) for the
 * pane's long-task bench (bench/taskpane.bench.ts) only; a release never has it.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const LocalizedMetadataPlugin = require("./scripts/localized-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const release = require("./scripts/release");

/**
 * @typedef {import("webpack").Configuration & {
 *   devServer?: import("webpack-dev-server").Configuration | false
 * }} Configuration
 */

const DEV_PORT = 3000;
const DEV_CLIENT =
  require.resolve("webpack-dev-server/client/index.js") +
  `?protocol=wss&hostname=localhost&port=${DEV_PORT}&pathname=%2Fws&logging=warn` +
  `&overlay=${encodeURIComponent(JSON.stringify({ errors: true, warnings: false }))}` +
  "&reconnect=10&hot=false&live-reload=true";
// ADDIN_DIST_DIR lets tests build into a scratch folder without touching dist/
const DIST = path.resolve(__dirname, process.env.ADDIN_DIST_DIR || "dist");
const FUNCTIONS_ENTRY = "./src/functions/functions.ts";
const TASKPANE_ENTRY = "./src/taskpane/index.tsx";
/** Development only: the browser preview (dev/), never part of a production build. */
const PREVIEW_ENTRY = "./dev/preview.tsx";
/** The pane's long-task bench only (`--env benchPane`): the pane over an in-memory workbook. */
const BENCH_PANE_ENTRY = "./bench/pane/index.tsx";

/** Files each compilation writes, so one compilation's clean step keeps the other's output. */
const isFunctionsOutput = (/** @type {string} */ file) => /^functions\b/.test(file);

/** @param {string} entry */
function requireEntry(entry) {
  if (!fs.existsSync(path.resolve(__dirname, entry))) {
    throw new Error(
      `${entry} does not exist. The build needs both entry points: ` +
        `${FUNCTIONS_ENTRY} (the PERF.* custom functions) and ${TASKPANE_ENTRY} (the task pane).`
    );
  }
  return entry;
}

/**
 * @param {Record<string, string | boolean> | undefined} env `--env baseUrl=https://host/path/`
 * @param {{ mode?: "production" | "development" | "none" }} argv
 * @returns {Configuration[]}
 */
module.exports = (env, argv) => {
  const mode = argv.mode === "development" ? "development" : "production";
  const dev = mode === "development";
  const benchPane = Boolean(env && env.benchPane);
  const base = release.buildBaseUrl(env, process.env);
  const version = release.manifestVersion(release.packageVersion());

  /** @type {Configuration} */
  const shared = {
    mode,
    // ES2020 like tsconfig (Office's WebView2 / Safari webviews); it also lets webpack use
    // globalThis instead of its `new Function("return this")` fallback
    target: ["web", "es2020"],
    context: __dirname,
    // never an eval-based source map: the task pane's CSP forbids eval, and so do we in releases
    devtool: dev ? "cheap-module-source-map" : "source-map",
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // type checking is `npm run typecheck`; the bundler only transpiles
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false }, // `npm run size` reports gzip sizes instead
    infrastructureLogging: { level: "warn" },
  };

  /** @type {Configuration} */
  const functions = {
    ...shared,
    name: "functions",
    entry: { functions: requireEntry(FUNCTIONS_ENTRY) },
    output: {
      path: DIST,
      filename: "[name].js", // the manifest names functions.js
      clean: { keep: (file) => !isFunctionsOutput(file) },
    },
    optimization: { splitChunks: false, runtimeChunk: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_ENTRY, output: "functions.json" }),
      new LocalizedMetadataPlugin(), // functions.zh-CN.json from functions.json + src/functions/catalog.ts
    ],
  };

  /** @type {Configuration} */
  const taskpane = {
    ...shared,
    name: "taskpane",
    // in development the live-reload client goes into the task pane (and preview) bundles only (see devServer)
    entry: {
      taskpane: dev ? [DEV_CLIENT, requireEntry(TASKPANE_ENTRY)] : requireEntry(TASKPANE_ENTRY),
      // the preview (an in-browser workbook + the real pane) exists in development builds only
      ...(dev ? { preview: [DEV_CLIENT, PREVIEW_ENTRY] } : {}),
      ...(benchPane ? { benchpane: BENCH_PANE_ENTRY } : {}),
    },
    output: {
      path: DIST,
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      // the pane's worker (src/worker, started by src/taskpane/paneWorker.ts): worker.[hash].js
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: { keep: isFunctionsOutput },
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      ...(dev
        ? [
            new HtmlWebpackPlugin({
              filename: "preview.html",
              template: "./dev/preview.html",
              chunks: ["preview"],
              scriptLoading: "defer",
            }),
          ]
        : []),
      ...(benchPane
        ? [
            new HtmlWebpackPlugin({
              filename: "benchpane.html",
              template: "./src/taskpane/taskpane.html",
              chunks: ["benchpane"],
              scriptLoading: "defer",
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              release.releaseManifest(content.toString(), { base, version, versionQuery: !dev }),
          },
        ],
      }),
    ],
    devServer: {
      port: DEV_PORT,
      server: "https",
      host: "localhost",
      static: false,
      hot: false, // full reloads only: no HMR runtime in the page
      liveReload: true,
      // webpack-dev-server would inject its client into every entry, the functions bundle too;
      // it is added to the task pane's entry instead (DEV_CLIENT), once for the shared page
      client: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      devMiddleware: { stats: "errors-warnings" },
    },
  };

  return [functions, taskpane];
};
