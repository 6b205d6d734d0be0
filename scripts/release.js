#!/usr/bin/env node
// @ts-check
/**
 * What a release build needs to know, in one place, for webpack.config.js, scripts/package.js and
 * the deployment tests:
 *
 *   parseBaseUrl     the base URL the add-in is hosted under (`--env baseUrl=…`, ADDIN_BASE_URL)
 *   manifestVersion  the manifest's <Version> (four parts) from package.json's version
 *   releaseManifest  manifest.xml with every URL moved under the base URL, <Version> from
 *                    package.json, and the custom functions' URLs versioned (`?v=1.2.0.0`)
 *   cacheControl     the Cache-Control header each built file must be served with
 *   renderNginxConf  deploy/nginx.conf (written for https://addins.example.com/perf/) for a base URL
 *
 * Cache policy. The task pane bundle's name carries a hash of its content (taskpane.1a2b3c4d.js),
 * so a changed bundle is a new URL: those files may be cached for a year as immutable. Every other
 * file keeps its name from release to release, because the manifest or Office names it:
 * taskpane.html, functions.js, functions.json, functions.zh-CN.json, manifest.xml and the icons.
 * They are served `no-cache` (the browser revalidates with ETag / Last-Modified on every load, a
 * 304 when nothing changed), so taskpane.html never points at a bundle that is gone or stale.
 *
 * The custom functions' script and metadata URLs are fixed by the manifest, and Excel keeps its own
 * copy of the metadata for up to 24 hours regardless of Cache-Control (OfficeDev/office-js#4722).
 * The release manifest therefore names them with the manifest version as a query string
 * (functions.json?v=1.2.0.0): a new manifest version is a new URL that no cache has seen, and Office
 * refetches everything of an add-in whose manifest version changed. The web server ignores the
 * query and serves the current file.
 *
 *   node scripts/release.js sync-manifest-version   sets manifest.xml's <Version> from package.json
 *                                                   (run by `npm version`, see package.json)
 */
"use strict";

const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
/** The base URL in the source manifest.xml: the dev server's. */
const DEV_BASE_URL = "https://localhost:3000/";
/** The base URL deploy/nginx.conf is written for. */
const EXAMPLE_BASE_URL = "https://addins.example.com/perf/";
/** Content-hashed file names (webpack's [contenthash:8]), with their source maps and licence notes. */
const HASHED_FILE = /\.[0-9a-f]{8}\.(js|css)(\.map|\.LICENSE\.txt)?$/;
const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";
/** Characters allowed in the base URL's path: what nginx and the manifest take without escaping. */
const SAFE_PATH = /^\/([A-Za-z0-9._~-]+\/)*$/;

/**
 * Checks and normalizes the base URL the add-in is served from.
 * @param {string} value e.g. "https://addins.example.com/perf/" (a missing final "/" is added)
 * @param {string} [from] where the value came from, for the error message
 * @returns {string} the normalized URL, ending in "/"
 */
function parseBaseUrl(value, from = "the base URL") {
  const text = String(value).trim();
  const fail = (/** @type {string} */ why) =>
    new Error(`${from} must be an https URL such as ${EXAMPLE_BASE_URL}; "${text}" ${why}`);
  /** @type {URL} */
  let url;
  try {
    url = new URL(text);
  } catch {
    throw fail("is not a URL");
  }
  if (url.protocol !== "https:") throw fail("is not https (Office loads add-ins over https only)");
  if (url.username || url.password) throw fail("must not contain a user name or password");
  if (url.search || url.hash || text.includes("?") || text.includes("#")) {
    throw fail("must not have a query or fragment");
  }
  const pathname = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  if (!SAFE_PATH.test(pathname)) {
    throw fail("has a path with characters other than letters, digits, '.', '_', '~' and '-'");
  }
  return `${url.origin}${pathname}`;
}

/**
 * The base URL of a build: webpack's `--env baseUrl=…` first, then ADDIN_BASE_URL, else the dev
 * server's https://localhost:3000/.
 * @param {Record<string, unknown> | undefined} env webpack's --env values
 * @param {NodeJS.ProcessEnv} processEnv
 */
function buildBaseUrl(env, processEnv = process.env) {
  const fromEnv = env && typeof env.baseUrl === "string" ? env.baseUrl : undefined;
  if (fromEnv) return parseBaseUrl(fromEnv, "--env baseUrl");
  if (processEnv.ADDIN_BASE_URL) return parseBaseUrl(processEnv.ADDIN_BASE_URL, "ADDIN_BASE_URL");
  return DEV_BASE_URL;
}

/**
 * The manifest's four-part <Version> for a package.json version: "1.2.3" → "1.2.3.0"
 * (a pre-release or build suffix is dropped: "1.2.3-beta.1" → "1.2.3.0").
 * @param {string} packageVersion
 */
function manifestVersion(packageVersion) {
  const core = String(packageVersion).split(/[-+]/)[0];
  if (!/^\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(core)) {
    throw new Error(`package.json version "${packageVersion}" is not n.n.n`);
  }
  return `${core}.0`;
}

/** @returns {string} package.json's version */
function packageVersion() {
  return String(JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version);
}

/**
 * Replaces the manifest's <Version> (the one child of <OfficeApp>; exactly one must exist).
 * @param {string} xml @param {string} version four-part version
 */
function setManifestVersion(xml, version) {
  const found = xml.match(/<Version>[^<]*<\/Version>/g) || [];
  if (found.length !== 1)
    throw new Error(`expected one <Version> in the manifest, found ${found.length}`);
  return xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
}

/**
 * The manifest of a build for `base`: every https://localhost:3000/ URL moved under `base` (an
 * origin-only https://localhost:3000, as in <AppDomain>, becomes the base URL's origin), <Version>
 * from package.json, and — with `versionQuery` — `?v=<version>` on the custom functions' script and
 * metadata URLs (including the localized metadata overrides).
 * @param {string} xml the source manifest.xml
 * @param {{ base: string, version: string, versionQuery?: boolean }} options
 */
function releaseManifest(xml, { base, version, versionQuery = true }) {
  const origin = new URL(base).origin;
  const devOrigin = new URL(DEV_BASE_URL).origin;
  // the source's comments speak of the dev server; the built file says what it was built for
  let out = xml.replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\r?\n?/g, "");
  out = out.split(DEV_BASE_URL).join(base).split(devOrigin).join(origin);
  out = setManifestVersion(out, version);
  out = out.replace(
    /(<\?xml[^>]*\?>\r?\n)?/,
    (decl) => `${decl}<!-- Built from manifest.xml for ${base} (version ${version}). -->\n`
  );
  if (versionQuery) {
    const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const functionsUrl = new RegExp(`"(${escaped}functions(\\.[A-Za-z-]+)?\\.(js|json))"`, "g");
    out = out.replace(functionsUrl, `"$1?v=${version}"`);
  }
  return out;
}

/**
 * The Cache-Control header for a built file.
 * @param {string} file path relative to the base URL, e.g. "taskpane.1a2b3c4d.js", "assets/icon-32.png"
 */
function cacheControl(file) {
  return HASHED_FILE.test(file) ? IMMUTABLE : REVALIDATE;
}

/**
 * deploy/nginx.conf, written for https://addins.example.com/perf/, for another base URL: the host
 * name (server_name and the certificate file names), the path (the location block and the comments)
 * and a non-default port.
 * @param {string} template the text of deploy/nginx.conf
 * @param {string} base a normalized base URL (see parseBaseUrl)
 */
function renderNginxConf(template, base) {
  const url = new URL(base);
  const example = new URL(EXAMPLE_BASE_URL);
  // the full URL first (comments), then the path wherever it stands alone (location, try_files)
  let out = template.split(EXAMPLE_BASE_URL).join(base);
  out = out.split(example.pathname).join(url.pathname);
  out = out.split(example.hostname).join(url.hostname);
  if (url.port) {
    out = out
      .replace(/listen 443 ssl/g, `listen ${url.port} ssl`)
      .replace(/listen \[::\]:443 ssl/g, `listen [::]:${url.port} ssl`);
  }
  return out;
}

/**
 * Reads the Content-Security-Policy of a built taskpane.html (its <meta http-equiv> tag).
 * @param {string} html
 * @returns {string | undefined}
 */
function metaCsp(html) {
  const m = html.match(/<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/i);
  return m ? m[1] : undefined;
}

/**
 * A CSP as directive → sources, for comparing policies written in different orders.
 * @param {string} policy
 * @returns {Map<string, string[]>}
 */
function parseCsp(policy) {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name.toLowerCase(), values])
  );
}

// ---------------------------------------------------------------------------------------------
// CLI

/** @param {string[]} argv */
function main(argv) {
  if (argv[0] === "sync-manifest-version") {
    const file = path.join(ROOT, argv[1] || "manifest.xml");
    const version = manifestVersion(packageVersion());
    const before = fs.readFileSync(file, "utf8");
    const after = setManifestVersion(before, version);
    if (after !== before) fs.writeFileSync(file, after);
    console.log(`${path.relative(process.cwd(), file) || file}: <Version>${version}</Version>`);
    return 0;
  }
  console.error("usage: node scripts/release.js sync-manifest-version [manifest.xml]");
  return 2;
}

if (require.main === module) {
  try {
    process.exit(main(process.argv.slice(2)));
  } catch (e) {
    console.error(`error: ${/** @type {Error} */ (e).message}`);
    process.exit(1);
  }
}

module.exports = {
  DEV_BASE_URL,
  EXAMPLE_BASE_URL,
  HASHED_FILE,
  IMMUTABLE,
  REVALIDATE,
  parseBaseUrl,
  buildBaseUrl,
  manifestVersion,
  packageVersion,
  setManifestVersion,
  releaseManifest,
  cacheControl,
  renderNginxConf,
  metaCsp,
  parseCsp,
};
