#!/usr/bin/env node
// @ts-check
/**
 * `npm start`: builds in development mode and serves the add-in on https://localhost:3000, then
 *   - on Windows and macOS, sideloads manifest.xml into Excel desktop (through `npx
 *     office-addin-dev-settings`, fetched on first use; it is not a project dependency because it
 *     cannot be installed on Linux);
 *   - everywhere else (Linux, CI, or when sideloading fails or is switched off), prints how to
 *     sideload into Excel on the web, and keeps serving until Ctrl+C.
 * If the build serves a browser preview page (preview.html, see dev/), its URL is printed too.
 *
 *   npm start                      serve + sideload where possible
 *   npm start -- --no-sideload     serve only (also: PERF_NO_SIDELOAD=1)
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");
const makeConfig = require("../webpack.config.js");

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const BASE = "https://localhost:3000/";
/** Where `npx office-addin-dev-certs install` puts a certificate that Office trusts. */
const DEV_CERTS = path.join(os.homedir(), ".office-addin-dev-certs");

/**
 * The certificate for the dev server: office-addin-dev-certs' trusted one when installed, else
 * webpack-dev-server's own self-signed certificate.
 * @returns {import("webpack-dev-server").ServerConfiguration}
 */
function httpsServer() {
  const cert = path.join(DEV_CERTS, "localhost.crt");
  const key = path.join(DEV_CERTS, "localhost.key");
  const ca = path.join(DEV_CERTS, "ca.crt");
  if (fs.existsSync(cert) && fs.existsSync(key)) {
    return {
      type: "https",
      options: {
        cert: fs.readFileSync(cert),
        key: fs.readFileSync(key),
        ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}),
      },
    };
  }
  return { type: "https" };
}

/** @param {string} command @param {string[]} args */
function npx(command, args) {
  const bin = process.platform === "win32" ? "npx.cmd" : "npx";
  const run = spawnSync(bin, ["--yes", command, ...args], {
    cwd: ROOT,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  return run.status === 0;
}

/** @returns {boolean} whether Excel desktop was started with the add-in */
function sideloadDesktop() {
  if (process.platform !== "win32" && process.platform !== "darwin") return false;
  if (!fs.existsSync(path.join(DEV_CERTS, "localhost.crt"))) {
    console.log(
      "\nExcel desktop only loads add-ins from a trusted https origin. Installing a development\n" +
        "certificate for localhost (one time; your system may ask for permission)…"
    );
    if (!npx("office-addin-dev-certs", ["install"])) {
      console.log("Could not install the development certificate.");
      return false;
    }
    console.log("Certificate installed: run `npm start` again so the dev server uses it.");
    return false;
  }
  console.log("\nSideloading manifest.xml into Excel desktop…");
  return npx("office-addin-dev-settings", ["sideload", MANIFEST, "desktop", "--app", "excel"]);
}

function printWebInstructions() {
  console.log(
    [
      "",
      "Excel desktop is not available here (or sideloading is off). To use the add-in in Excel on the web:",
      `  1. Open ${BASE}taskpane.html in this browser once and accept the development certificate`,
      "     (webpack-dev-server's self-signed one, unless you ran `npx office-addin-dev-certs install`).",
      "  2. Open a workbook at https://www.office.com (Excel on the web).",
      "  3. Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in, and choose",
      `     ${MANIFEST}`,
      "  4. The Performance group appears on the Home tab; the PERF.* functions are available in cells.",
      "",
    ].join("\n")
  );
}

/**
 * The browser preview page, if the build serves one (the dev/ tooling adds it).
 * @param {webpack.MultiStats | webpack.Stats} stats
 * @returns {string | undefined}
 */
function previewUrl(stats) {
  const all = "stats" in stats ? stats.stats : [stats];
  for (const s of all) {
    for (const name of Object.keys(s.compilation.assets)) {
      if (/(^|\/)preview\.html$/.test(name)) return BASE + name;
    }
  }
  return undefined;
}

async function main() {
  const args = process.argv.slice(2);
  const noSideload =
    args.includes("--no-sideload") || ["1", "true"].includes(String(process.env.PERF_NO_SIDELOAD));
  const configs = makeConfig({}, { mode: "development" });
  const withServer = configs.find((c) => c.devServer);
  if (!withServer || !withServer.devServer) throw new Error("webpack.config.js has no devServer");
  const compiler = webpack(configs);
  const server = new WebpackDevServer({ ...withServer.devServer, server: httpsServer() }, compiler);

  const firstBuild = new Promise((resolve) => compiler.hooks.done.tap("start", resolve));
  await server.start();
  const stats = /** @type {webpack.MultiStats} */ (await firstBuild);
  if (stats.hasErrors()) {
    console.error(stats.toString({ all: false, errors: true, colors: true }));
    console.error("\nThe first build failed; fix the errors above (the server keeps watching).");
  }
  console.log(`\nServing the add-in at ${BASE}taskpane.html (Ctrl+C to stop)`);
  const preview = previewUrl(stats);
  if (preview) console.log(`Browser preview without Excel: ${preview}`);

  const sideloaded = !noSideload && sideloadDesktop();
  if (sideloaded) {
    console.log(
      "Excel desktop started with the add-in: look for the Performance group on the Home tab.\n" +
        "To remove it later: npx office-addin-dev-settings unregister manifest.xml"
    );
  } else {
    printWebInstructions();
  }

  const stop = () => {
    server.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
