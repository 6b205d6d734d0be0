#!/usr/bin/env node
// @ts-check
/**
 * `npm run package -- --base-url https://addins.example.com/perf/`: a production build for that
 * base URL, laid out as what IT uploads, then the next steps.
 *
 *   package/site/<path>/  the web server's files for the base URL's path (perf/ here): taskpane.html,
 *                         taskpane.<hash>.js, functions.js, functions.json, functions.zh-CN.json,
 *                         manifest.xml, assets/. Copy package/site/ to the document root.
 *   package/manifest.xml  the production manifest (the same file as site/<path>/manifest.xml): what
 *                         the Microsoft 365 admin centre and sideloading take
 *   package/nginx.conf    deploy/nginx.conf for this host and path
 *   package/DEPLOY.txt    the steps, and the Cache-Control header of every file for other servers
 *
 * Before writing anything the build's manifest must pass `validate-manifest --dist` (XSD, the
 * project's checks, every URL names a built file) and every URL in it must be https and under the
 * base URL. package/ is replaced as a whole.
 *
 *   node scripts/package.js --base-url URL [--out DIR]     (or ADDIN_BASE_URL=URL)
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const release = require("./release");
const { validateManifest } = require("./validate-manifest");

const ROOT = path.resolve(__dirname, "..");
const WEBPACK_CLI = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
const NGINX_TEMPLATE = path.join(ROOT, "deploy", "nginx.conf");

/**
 * @typedef {{ base: string, out: string }} Options
 * @typedef {{ file: string, cacheControl: string, bytes: number }} PackagedFile
 * @typedef {{ base: string, version: string, out: string, site: string, root: string,
 *   files: PackagedFile[] }} PackageResult
 */

/** @param {string[]} argv @returns {Options} */
function parseArgs(argv) {
  let base = process.env.ADDIN_BASE_URL || "";
  let out = path.join(ROOT, "package");
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === "--base-url") base = value();
    else if (a.startsWith("--base-url=")) base = a.slice("--base-url=".length);
    else if (a === "--out") out = path.resolve(value());
    else if (a === "-h" || a === "--help") throw new UsageError("");
    else throw new UsageError(`unknown argument ${a}`);
  }
  if (!base) throw new UsageError("the base URL the add-in will be served from is missing");
  return { base: release.parseBaseUrl(base, "--base-url"), out };
}

class UsageError extends Error {}

/** @param {string} dir @returns {string[]} files under dir, relative, with "/" separators */
function listFiles(dir) {
  /** @type {string[]} */
  const out = [];
  const walk = (/** @type {string} */ rel) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else out.push(child);
    }
  };
  walk("");
  return out.sort();
}

/**
 * Every URL-valued attribute of a manifest (DefaultValue, Value of overrides, AppDomain text).
 * @param {string} xml
 */
function manifestUrls(xml) {
  const attrs = [...xml.matchAll(/\b(?:DefaultValue|Value)="(https?:[^"]*)"/g)].map((m) => m[1]);
  const domains = [...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1].trim());
  return [...attrs, ...domains];
}

/**
 * Checks a built manifest for a base URL beyond validate-manifest: the base is the one asked for,
 * every URL is https and under it (an AppDomain: its origin), nothing still points at localhost,
 * <Version> comes from package.json and the custom functions' URLs carry it.
 * @param {string} xml @param {string} base @param {string} version
 * @returns {string[]} problems
 */
function checkReleaseManifest(xml, base, version) {
  const problems = [];
  const origin = new URL(base).origin;
  const urls = manifestUrls(xml);
  if (urls.length === 0) problems.push("the manifest has no URL");
  for (const url of urls) {
    if (!url.startsWith("https://")) problems.push(`${url} is not https`);
    else if (!url.startsWith(base) && url !== origin) problems.push(`${url} is not under ${base}`);
  }
  if (/localhost/i.test(xml)) problems.push("the manifest still mentions localhost");
  if (!xml.includes(`<Version>${version}</Version>`)) {
    problems.push(`<Version> is not ${version} (package.json)`);
  }
  for (const name of ["functions.js", "functions.json", "functions.zh-CN.json"]) {
    if (!xml.includes(`"${base}${name}?v=${version}"`)) {
      problems.push(`${name} is not named as ${base}${name}?v=${version}`);
    }
  }
  return problems;
}

/**
 * Builds and writes the package.
 * @param {Options} options
 * @param {{ log?: (line: string) => void }} [io]
 * @returns {PackageResult}
 */
function makePackage({ base, out }, io = {}) {
  const log = io.log ?? ((line) => console.log(line));
  const version = release.manifestVersion(release.packageVersion());
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "perf-package-"));
  try {
    const dist = path.join(scratch, "dist");
    log(`Building for ${base} (manifest version ${version})…`);
    const build = spawnSync(
      process.execPath,
      [WEBPACK_CLI, "--mode", "production", "--env", `baseUrl=${base}`],
      { cwd: ROOT, encoding: "utf8", env: { ...process.env, ADDIN_DIST_DIR: dist } }
    );
    if (build.status !== 0) {
      throw new Error(`the production build failed:\n${build.stdout}${build.stderr}`);
    }

    const manifestFile = path.join(dist, "manifest.xml");
    const report = validateManifest(manifestFile, {
      dist: true,
      ci: Boolean(process.env.CI && process.env.CI !== "false"),
    });
    for (const note of report.notes) log(`manifest.xml: ${note}`);
    const xml = fs.readFileSync(manifestFile, "utf8");
    const problems = [...report.errors, ...checkReleaseManifest(xml, base, version)];
    if (problems.length) {
      throw new Error(`the built manifest is not deployable:\n  ${problems.join("\n  ")}`);
    }

    const urlPath = new URL(base).pathname.replace(/^\/|\/$/g, "");
    const site = path.join(out, "site");
    const root = urlPath ? path.join(site, ...urlPath.split("/")) : site;
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(root, { recursive: true });
    fs.cpSync(dist, root, { recursive: true });
    fs.copyFileSync(manifestFile, path.join(out, "manifest.xml"));
    const nginx = release.renderNginxConf(fs.readFileSync(NGINX_TEMPLATE, "utf8"), base);
    fs.writeFileSync(path.join(out, "nginx.conf"), nginx);

    const files = listFiles(root).map((file) => ({
      file,
      cacheControl: release.cacheControl(file),
      bytes: fs.statSync(path.join(root, ...file.split("/"))).size,
    }));
    const result = { base, version, out, site, root, files };
    fs.writeFileSync(path.join(out, "DEPLOY.txt"), deployText(result));
    return result;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** @param {string} p */
function shown(p) {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith("..") ? rel : p;
}

/**
 * The next steps, printed and written to DEPLOY.txt.
 * @param {PackageResult} r
 */
function nextSteps(r) {
  const out = shown(r.out);
  const host = new URL(r.base).host;
  const urlPath = new URL(r.base).pathname;
  return [
    `Next steps (README, "Deploy to your organization"):`,
    `  1. Upload ${out}/site/ to the web server's document root, keeping its folders:`,
    `       ${shown(r.root)}/taskpane.html  is served as  ${r.base}taskpane.html`,
    `     Upload the new files before taskpane.html replaces the old one, and leave older`,
    `     taskpane.<hash>.js files in place, e.g.`,
    `       rsync -a ${out}/site/ ${host}:/srv/perf-addin/site/`,
    `  2. Serve every file with the Cache-Control header listed in ${out}/DEPLOY.txt. nginx: copy`,
    `     ${out}/nginx.conf to /etc/nginx/conf.d/perf-addin.conf, set its certificate paths and`,
    `     root, then: nginx -t && systemctl reload nginx`,
    `  3. Check: curl -sI ${r.base}taskpane.html`,
    `     (200, Cache-Control: no-cache, Content-Security-Policy)`,
    `  4. Pilot: sideload ${out}/manifest.xml; in Excel on the web: Home > Add-ins >`,
    `     More Add-ins > My Add-ins > Upload My Add-in.`,
    `  5. Everyone: Microsoft 365 admin center > Settings > Integrated apps > Upload custom apps >`,
    `     Office Add-in > upload ${out}/manifest.xml (or link ${r.base}manifest.xml),`,
    `     choose the users, Deploy.`,
    `  Updates: a new manifest version (npm version …) needs step 5 again (Update on the add-in's`,
    `  page); a code-only update needs steps 1-3 only. Keep the path ${urlPath} between releases.`,
  ].join("\n");
}

/** @param {PackageResult} r */
function deployText(r) {
  const width = Math.max(...r.files.map((f) => f.file.length));
  return [
    `Sales Performance Plan add-in ${r.version} for ${r.base}`,
    ``,
    `site/        the files to serve; ${r.base} is site${new URL(r.base).pathname}`,
    `manifest.xml the production manifest (also served as ${r.base}manifest.xml)`,
    `nginx.conf   an nginx server block with the headers below (deploy/nginx.conf)`,
    ``,
    `Cache-Control for each file (any web server):`,
    ...r.files.map((f) => `  ${f.file.padEnd(width)}  ${f.cacheControl}`),
    ``,
    `Also: Access-Control-Allow-Origin: * on functions.json and functions.zh-CN.json (Excel on`,
    `the web fetches them from its own origin), and the Content-Security-Policy of nginx.conf.`,
    ``,
    nextSteps(r),
    ``,
  ].join("\n");
}

function main() {
  /** @type {Options} */
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    const message = /** @type {Error} */ (e).message;
    if (message) console.error(`error: ${message}`);
    console.error(
      "usage: npm run package -- --base-url https://your.host/path/ [--out DIR]\n" +
        "       (or ADDIN_BASE_URL=https://your.host/path/ npm run package)"
    );
    return 2;
  }
  try {
    const r = makePackage(options);
    const total = r.files.reduce((n, f) => n + f.bytes, 0);
    console.log(
      `\nWrote ${shown(r.out)}/ for ${r.base} (version ${r.version}): ` +
        `${r.files.length} files, ${(total / 1024).toFixed(0)} KiB under ${shown(r.root)}/\n`
    );
    console.log(nextSteps(r));
    return 0;
  } catch (e) {
    console.error(`error: ${/** @type {Error} */ (e).message}`);
    return 1;
  }
}

if (require.main === module) process.exit(main());

module.exports = { makePackage, checkReleaseManifest, manifestUrls, listFiles };
