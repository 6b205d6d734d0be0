#!/usr/bin/env node
// @ts-check
/**
 * Offline validation of the add-in-only XML manifest.
 *
 *   node scripts/validate-manifest.js [manifest.xml] [--dist] [--schemas DIR]
 *
 * 1. XSD: xmllint against Microsoft's published schemas in ../shared/schemas/office-addin-manifest/
 *    (or --schemas DIR, or $MANIFEST_SCHEMAS). Those schemas predate <Runtimes>, so that block is
 *    blanked out (line numbers kept) before xmllint sees the file and checked by step 2 instead.
 *    No schema folder: the step says it is skipped. No xmllint: it says so, and fails under CI.
 * 2. The project's own checks, which no XSD can make: every resid resolves to a resource of the
 *    right kind, the shared runtime's page / function file / task pane URLs are one URL and the
 *    <Runtimes> block is right, icons exist as PNGs of their declared sizes, every user-visible
 *    string has a zh-CN override, every URL is https and under one base URL, Version is n.n.n.n and
 *    matches package.json, the permission is ReadWriteDocument.
 *    --dist (for a built dist/manifest.xml) also requires every URL to name a file next to it.
 *
 * Exit code 0 when valid, 1 when any check fails (2 for bad usage).
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { DOMParser } = require("@xmldom/xmldom");

const NS = {
  oa: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

const ROOT = path.resolve(__dirname, "..");
const DEFAULT_SCHEMAS = path.resolve(ROOT, "..", "shared", "schemas", "office-addin-manifest");
const SCHEMA_FILE = "OfficeAppManifestV1_1.xsd";

/** Locales every user-visible string must be translated into (besides the default, en-US). */
const REQUIRED_LOCALES = ["zh-CN"];
const PERMISSION = "ReadWriteDocument";
/** The add-in icon sizes Office expects for IconUrl and HighResolutionIconUrl. */
const APP_ICON_SIZES = { IconUrl: 32, HighResolutionIconUrl: 64 };
const MAX_ICON_BYTES = 100 * 1024;
// CustomFunctionsRuntime 1.2: CustomFunctions.Error, which carries the functions' #VALUE!/#N/A messages.
const REQUIRED_SETS = { SharedRuntime: "1.1", CustomFunctionsRuntime: "1.2" };

/**
 * Which kind of resource a `resid` must point to, by the referring element's local name.
 * @type {Record<string, "Image" | "Url" | "ShortString" | "LongString">}
 */
const RESID_KIND = {
  Image: "Image",
  SourceLocation: "Url",
  FunctionFile: "Url",
  LearnMoreUrl: "Url",
  Runtime: "Url",
  Label: "ShortString",
  Title: "ShortString",
  Namespace: "ShortString",
  Description: "LongString",
};

/**
 * @typedef {{ file: string, errors: string[], notes: string[] }} Report
 * @typedef {{ dist?: boolean, schemas?: string | null, ci?: boolean }} Options
 */

/**
 * Validates one manifest file.
 * @param {string} file
 * @param {Options} [options]
 * @returns {Report}
 */
function validateManifest(file, options = {}) {
  /** @type {Report} */
  const report = { file, errors: [], notes: [] };
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    report.errors.push(`cannot read ${file}: ${/** @type {Error} */ (e).message}`);
    return report;
  }
  xsdStep(file, text, options, report);
  ownChecks(file, text, options, report);
  return report;
}

// ---------------------------------------------------------------------------------------------
// Step 1: XSD with xmllint

/**
 * Blanks every <Runtimes>…</Runtimes> block, keeping its newlines so line numbers stay right.
 * @param {string} text
 */
function blankRuntimes(text) {
  return text.replace(/<Runtimes\b[\s\S]*?<\/Runtimes>/g, (block) => block.replace(/[^\n]/g, ""));
}

/**
 * @param {string} file @param {string} text @param {Options} options @param {Report} report
 */
function xsdStep(file, text, options, report) {
  const dir =
    options.schemas === undefined || options.schemas === null
      ? process.env.MANIFEST_SCHEMAS || DEFAULT_SCHEMAS
      : options.schemas;
  const schema = path.join(dir, SCHEMA_FILE);
  if (!fs.existsSync(schema)) {
    report.notes.push(
      `XSD step skipped: ${shown(schema)} not found ` +
        `(the schemas live in ../shared, next to the project checkout); own checks still run`
    );
    return;
  }
  const run = spawnSync("xmllint", ["--noout", "--schema", schema, "-"], {
    input: blankRuntimes(text),
    encoding: "utf8",
  });
  if (run.error) {
    const message =
      "XSD step NOT run: xmllint is not installed (Debian/Ubuntu: apt-get install -y libxml2-utils; " +
      "macOS: it ships with the system; Windows: use WSL or CI)";
    if (options.ci) report.errors.push(message);
    else report.notes.push(message);
    return;
  }
  if (run.status === 0) {
    report.notes.push(`XSD: valid against ${SCHEMA_FILE} (<Runtimes> checked separately)`);
    return;
  }
  const lines = (run.stderr || "")
    .split("\n")
    .filter((l) => l.trim() && !/fails to validate$|^- validates$/.test(l.trim()))
    .map((l) => l.replace(/^-:/, `${file}:`));
  report.errors.push(
    `XSD: ${file} does not validate against ${SCHEMA_FILE} (xmllint exit ${run.status})` +
      (lines.length ? "\n    " + lines.join("\n    ") : "")
  );
}

// ---------------------------------------------------------------------------------------------
// Step 2: own checks

/** A path as the user best reads it: relative to the working directory unless that climbs out. */
/** @param {string} p */
function shown(p) {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith("..") ? rel : path.resolve(p);
}

/** @param {Element} el */
function line(el) {
  const n = /** @type {any} */ (el).lineNumber;
  return typeof n === "number" ? `line ${n}` : "?";
}

/**
 * Direct element children, optionally filtered by namespace and local name.
 * @param {Element} el @param {string} [ns] @param {string} [name]
 * @returns {Element[]}
 */
function children(el, ns, name) {
  /** @type {Element[]} */
  const out = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const c = /** @type {Element} */ (/** @type {unknown} */ (n));
    if (ns && c.namespaceURI !== ns) continue;
    if (name && c.localName !== name) continue;
    out.push(c);
  }
  return out;
}

/** @param {Element | Document} el @param {string} ns @param {string} name @returns {Element[]} */
function all(el, ns, name) {
  return Array.from(/** @type {any} */ (el.getElementsByTagNameNS(ns, name)));
}

/** @param {Element} el */
function xsiType(el) {
  return el.getAttributeNS(NS.xsi, "type") || "";
}

/**
 * @typedef {{ kind: "Image" | "Url" | "ShortString" | "LongString", id: string, value: string,
 *   overrides: Map<string, string>, el: Element }} Resource
 */

/**
 * @param {string} file @param {string} text @param {Options} options @param {Report} report
 */
function ownChecks(file, text, options, report) {
  const err = (/** @type {string} */ m) => report.errors.push(m);
  /** @type {string[]} */
  const parseProblems = [];
  /** @type {Document | undefined} */
  let doc;
  try {
    doc = /** @type {Document} */ (
      /** @type {unknown} */ (
        new DOMParser({
          onError: (level, message) => {
            if (level !== "warning") parseProblems.push(String(message).split("\n")[0]);
          },
        }).parseFromString(text, "text/xml")
      )
    );
  } catch (e) {
    const where = /** @type {any} */ (e).locator?.lineNumber;
    parseProblems.push(
      `${/** @type {Error} */ (e).message.split("\n")[0]}${where ? ` (line ${where})` : ""}`
    );
  }
  if (!doc || parseProblems.length || !doc.documentElement) {
    err(`${file} is not well-formed XML: ${parseProblems.join("; ") || "no root element"}`);
    return;
  }
  const root = /** @type {Element} */ (/** @type {unknown} */ (doc.documentElement));
  if (root.namespaceURI !== NS.oa || root.localName !== "OfficeApp") {
    err(`root element must be <OfficeApp xmlns="${NS.oa}">`);
    return;
  }
  if (xsiType(root) !== "TaskPaneApp") err(`OfficeApp xsi:type must be TaskPaneApp`);

  // --- plain elements of the base manifest
  const first = (/** @type {string} */ name) => children(root, NS.oa, name)[0];
  const version = first("Version")?.textContent?.trim() ?? "";
  if (!/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(version)) {
    err(`Version "${version}" must have four numeric parts, e.g. 1.0.0.0`);
  } else {
    const pkgFile = path.join(ROOT, "package.json");
    const pkgVersion = fs.existsSync(pkgFile)
      ? String(JSON.parse(fs.readFileSync(pkgFile, "utf8")).version || "")
      : "";
    const expected = pkgVersion.split(/[-+]/)[0] + ".0";
    if (pkgVersion && version !== expected) {
      err(
        `Version ${version} does not match package.json version ${pkgVersion} (want ${expected})`
      );
    }
  }
  const hosts = all(root, NS.oa, "Host").filter((h) => h.parentNode?.parentNode === root);
  if (hosts.length !== 1 || hosts[0].getAttribute("Name") !== "Workbook") {
    err(`<Hosts> must list exactly one host, Workbook (Excel)`);
  }
  const permission = first("Permissions")?.textContent?.trim();
  if (permission !== PERMISSION) {
    err(
      `Permissions is "${permission ?? "(missing)"}"; the add-in needs ${PERMISSION} and nothing broader`
    );
  }
  const sets = new Map(
    all(root, NS.oa, "Set").map((s) => [
      s.getAttribute("Name") || "",
      s.getAttribute("MinVersion") || "",
    ])
  );
  for (const [name, min] of Object.entries(REQUIRED_SETS)) {
    if (sets.get(name) !== min)
      err(`<Requirements> must declare <Set Name="${name}" MinVersion="${min}"/>`);
  }

  // --- user-visible strings of the base manifest
  for (const name of ["DisplayName", "Description"]) {
    const el = first(name);
    if (!el) {
      err(`<${name}> is missing`);
      continue;
    }
    const overrides = localeOverrides(children(el, NS.oa, "Override"));
    checkTranslations(
      `<${name}> (${line(el)})`,
      el.getAttribute("DefaultValue") || "",
      overrides,
      err
    );
  }

  // --- resources
  /** @type {Map<string, Resource>} */
  const resources = new Map();
  const groups = /** @type {const} */ ([
    ["Images", "Image"],
    ["Urls", "Url"],
    ["ShortStrings", "ShortString"],
    ["LongStrings", "LongString"],
  ]);
  for (const [group, kind] of groups) {
    for (const container of all(root, NS.bt, group)) {
      for (const el of children(
        container,
        NS.bt,
        kind === "Image" ? "Image" : kind === "Url" ? "Url" : "String"
      )) {
        const id = el.getAttribute("id") || "";
        if (resources.has(id)) err(`resource id "${id}" is declared twice (${line(el)})`);
        resources.set(id, {
          kind,
          id,
          value: el.getAttribute("DefaultValue") || "",
          overrides: localeOverrides(children(el, NS.bt, "Override")),
          el,
        });
      }
    }
  }
  for (const r of resources.values()) {
    if (r.kind === "ShortString" || r.kind === "LongString") {
      checkTranslations(`string "${r.id}" (${line(r.el)})`, r.value, r.overrides, err);
    }
  }

  // --- every resid resolves to a resource of the right kind
  /** @type {Element[]} */
  const withResid = [];
  const walk = (/** @type {Element} */ el) => {
    if (el.hasAttribute("resid")) withResid.push(el);
    for (const c of children(el)) walk(c);
  };
  walk(root);
  const used = new Set();
  for (const el of withResid) {
    const resid = el.getAttribute("resid") || "";
    const want = RESID_KIND[el.localName || ""];
    const r = resources.get(resid);
    used.add(resid);
    if (!want)
      err(`<${el.localName}> (${line(el)}) has a resid but the validator does not know its kind`);
    else if (!r)
      err(
        `resid "${resid}" on <${el.localName}> (${line(el)}) does not resolve: no bt:${want} has that id`
      );
    else if (r.kind !== want) {
      err(
        `resid "${resid}" on <${el.localName}> (${line(el)}) points to a bt:${r.kind}, but needs a bt:${want}`
      );
    }
  }
  for (const r of resources.values()) {
    if (!used.has(r.id)) err(`resource "${r.id}" (${line(r.el)}) is declared but never used`);
  }

  // --- shared runtime: <Runtimes>, and page / function file / task pane are one URL
  const defaultPage = children(first("DefaultSettings") || root, NS.oa, "SourceLocation")[0];
  const pageUrl = defaultPage?.getAttribute("DefaultValue") || "";
  if (!pageUrl) err(`<DefaultSettings><SourceLocation DefaultValue=…> is missing`);
  const urlOf = (/** @type {Element | undefined} */ el) => {
    const r = el && resources.get(el.getAttribute("resid") || "");
    return r && r.kind === "Url" ? r.value : undefined;
  };
  const ovHosts = all(root, NS.ov, "Host").filter((h) => xsiType(h) === "Workbook");
  if (ovHosts.length !== 1)
    err(`VersionOverrides must have exactly one <Host xsi:type="Workbook">`);
  const ovHost = ovHosts[0];
  if (ovHost) {
    const runtimesBlocks = children(ovHost, NS.ov, "Runtimes");
    const hostChildren = children(ovHost).map((c) => c.localName);
    if (runtimesBlocks.length !== 1) {
      err(`<Host xsi:type="Workbook"> must contain one <Runtimes> block (shared runtime)`);
    } else if (hostChildren[0] !== "Runtimes") {
      err(
        `<Runtimes> must be the first child of <Host> (before AllFormFactors and DesktopFormFactor)`
      );
    }
    const runtimes = runtimesBlocks.flatMap((b) => children(b));
    if (runtimesBlocks.length === 1 && runtimes.length !== 1) {
      err(`<Runtimes> must contain exactly one <Runtime> (${line(runtimesBlocks[0])})`);
    }
    for (const rt of runtimes) {
      if (rt.namespaceURI !== NS.ov || rt.localName !== "Runtime") {
        err(`<Runtimes> may only contain <Runtime>, found <${rt.localName}> (${line(rt)})`);
        continue;
      }
      for (const a of Array.from(/** @type {any} */ (rt.attributes))) {
        if (!["resid", "lifetime"].includes(a.name))
          err(`<Runtime> has unknown attribute ${a.name} (${line(rt)})`);
      }
      if (rt.getAttribute("lifetime") !== "long") {
        err(
          `<Runtime lifetime="${rt.getAttribute("lifetime") ?? ""}"> (${line(rt)}) must be lifetime="long" for a shared runtime`
        );
      }
    }
    const cf = all(ovHost, NS.ov, "ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions");
    if (!cf) err(`no <ExtensionPoint xsi:type="CustomFunctions">`);
    const pick = (/** @type {Element | undefined} */ el, /** @type {string} */ name) =>
      el ? all(el, NS.ov, name)[0] : undefined;
    const srcOf = (/** @type {Element | undefined} */ el) =>
      el ? children(el, NS.ov, "SourceLocation")[0] : undefined;
    const showTaskpane = all(ovHost, NS.ov, "Action").filter((a) => xsiType(a) === "ShowTaskpane");
    /** @type {[string, string | undefined][]} */
    const shared = [
      ["<Runtime resid>", urlOf(runtimes[0])],
      ["CustomFunctions <Page>", urlOf(srcOf(pick(cf, "Page")))],
      ["<FunctionFile>", urlOf(pick(ovHost, "FunctionFile"))],
      ...showTaskpane.map(
        (a) =>
          /** @type {[string, string | undefined]} */ ([
            `ShowTaskpane action (${line(a)})`,
            urlOf(srcOf(a)),
          ])
      ),
      ["<DefaultSettings><SourceLocation>", pageUrl],
    ];
    if (showTaskpane.length === 0) err(`no ribbon button with a ShowTaskpane action`);
    for (const [what, url] of shared) {
      if (!url) err(`${what} has no URL (missing element or unresolved resid)`);
      else if (pageUrl && url !== pageUrl) {
        err(
          `shared runtime: ${what} is ${url}, but the task pane page is ${pageUrl}; they must be the same URL`
        );
      }
    }
    const ns = pick(cf, "Namespace");
    const nsRes = ns && resources.get(ns.getAttribute("resid") || "");
    if (cf && !nsRes) err(`CustomFunctions <Namespace> is missing or unresolved`);
    for (const [what, name] of /** @type {const} */ ([
      ["Script", "Script"],
      ["Metadata", "Metadata"],
    ])) {
      const url = urlOf(srcOf(pick(cf, name)));
      if (cf && !url) err(`CustomFunctions <${what}> has no URL`);
    }
    const metadata = srcOf(pick(cf, "Metadata"));
    const metaRes = metadata && resources.get(metadata.getAttribute("resid") || "");
    if (metaRes) {
      for (const locale of REQUIRED_LOCALES) {
        if (!findOverride(metaRes.overrides, locale)) {
          err(
            `functions metadata URL "${metaRes.id}" has no ${locale} override (localized functions.${locale}.json)`
          );
        }
      }
    }
    const toolbarTabs = all(ovHost, NS.ov, "OfficeTab").map((t) => t.getAttribute("id"));
    if (!toolbarTabs.includes("TabHome"))
      err(`the ribbon button must be on the Home tab (<OfficeTab id="TabHome">)`);
  }

  // --- every URL: https, under one base URL; icons; files next to a built manifest
  const base = pageUrl ? pageUrl.slice(0, pageUrl.lastIndexOf("/") + 1) : "";
  /** @type {{ where: string, url: string, size?: number }[]} */
  const urls = [];
  for (const [name, size] of Object.entries(APP_ICON_SIZES)) {
    const el = first(name);
    if (!el) err(`<${name}> is missing`);
    else
      urls.push({
        where: `<${name}> (${line(el)})`,
        url: el.getAttribute("DefaultValue") || "",
        size,
      });
    for (const o of el ? children(el, NS.oa, "Override") : []) {
      urls.push({
        where: `<${name}> ${o.getAttribute("Locale")} override`,
        url: o.getAttribute("Value") || "",
        size,
      });
    }
  }
  for (const name of ["SupportUrl"]) {
    const el = first(name);
    if (el)
      urls.push({ where: `<${name}> (${line(el)})`, url: el.getAttribute("DefaultValue") || "" });
  }
  if (pageUrl) urls.push({ where: `<DefaultSettings><SourceLocation>`, url: pageUrl });
  /** @type {Map<string, number>} */
  const imageSizes = new Map();
  for (const img of all(root, NS.bt, "Image").filter((e) => e.hasAttribute("resid"))) {
    const resid = img.getAttribute("resid") || "";
    const size = Number(img.getAttribute("size"));
    const before = imageSizes.get(resid);
    if (before !== undefined && before !== size) {
      err(
        `image "${resid}" is used at size ${before} and at size ${size} (${line(img)}); one file has one size`
      );
    }
    imageSizes.set(resid, size);
  }
  for (const r of resources.values()) {
    if (r.kind !== "Image" && r.kind !== "Url") continue;
    const size = r.kind === "Image" ? imageSizes.get(r.id) : undefined;
    urls.push({ where: `bt:${r.kind} "${r.id}" (${line(r.el)})`, url: r.value, size });
    for (const [locale, value] of r.overrides) {
      urls.push({ where: `bt:${r.kind} "${r.id}" ${locale} override`, url: value, size });
    }
  }
  const dir = path.dirname(path.resolve(file));
  for (const { where, url, size } of urls) {
    if (!/^https:\/\//.test(url)) {
      err(`${where}: URL "${url}" is not https`);
      continue;
    }
    if (!base || !url.startsWith(base)) {
      err(`${where}: URL "${url}" is not under the add-in's base URL ${base || "(unknown)"}`);
      continue;
    }
    const rel = decodeURIComponent(url.slice(base.length).split(/[?#]/)[0]);
    const local = path.join(dir, ...rel.split("/"));
    if (size !== undefined) checkIcon(where, local, size, err);
    else if (options.dist && !fs.existsSync(local)) {
      err(`${where}: ${url} names ${shown(local)}, which the build did not produce`);
    }
  }
  for (const domain of all(root, NS.oa, "AppDomain")) {
    if (!/^https:\/\//.test(domain.textContent?.trim() || ""))
      err(`<AppDomain> ${domain.textContent} is not https`);
  }
}

/**
 * @param {Element[]} overrides
 * @returns {Map<string, string>} locale → value
 */
function localeOverrides(overrides) {
  return new Map(
    overrides.map((o) => [o.getAttribute("Locale") || "", o.getAttribute("Value") || ""])
  );
}

/** @param {Map<string, string>} overrides @param {string} locale */
function findOverride(overrides, locale) {
  for (const [l, v] of overrides) if (l.toLowerCase() === locale.toLowerCase()) return v;
  return undefined;
}

/**
 * @param {string} what @param {string} value @param {Map<string, string>} overrides
 * @param {(m: string) => void} err
 */
function checkTranslations(what, value, overrides, err) {
  if (!value.trim()) err(`${what} has an empty DefaultValue`);
  for (const locale of REQUIRED_LOCALES) {
    const v = findOverride(overrides, locale);
    if (v === undefined) err(`${what} "${value}" has no ${locale} override`);
    else if (!v.trim()) err(`${what} has an empty ${locale} override`);
  }
}

/**
 * Reads a PNG's IHDR and compares its size with the declared one.
 * @param {string} where @param {string} file @param {number} size @param {(m: string) => void} err
 */
function checkIcon(where, file, size, err) {
  if (!fs.existsSync(file)) {
    err(`${where}: icon file ${shown(file)} does not exist`);
    return;
  }
  const buf = fs.readFileSync(file);
  const png =
    buf.length >= 24 &&
    buf.readUInt32BE(0) === 0x89504e47 &&
    buf.toString("latin1", 12, 16) === "IHDR";
  if (!png) {
    err(`${where}: ${shown(file)} is not a PNG file`);
    return;
  }
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  if (width !== size || height !== size) {
    err(`${where}: ${shown(file)} is ${width}×${height} px, but is declared as ${size}×${size}`);
  }
  if (buf.length > MAX_ICON_BYTES)
    err(`${where}: ${shown(file)} is ${buf.length} bytes; Office's limit is 100 KB`);
}

// ---------------------------------------------------------------------------------------------
// CLI

/** @param {string[]} argv */
function main(argv) {
  /** @type {Options} */
  const options = { ci: Boolean(process.env.CI && process.env.CI !== "false") };
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--dist") options.dist = true;
    else if (a === "--schemas") options.schemas = argv[++i];
    else if (a === "-h" || a === "--help") {
      console.log("usage: validate-manifest [manifest.xml] [--dist] [--schemas DIR]");
      return 0;
    } else if (a.startsWith("-")) {
      console.error(`unknown option ${a}`);
      return 2;
    } else files.push(a);
  }
  if (files.length === 0) files.push("manifest.xml");
  let failed = 0;
  for (const file of files) {
    const report = validateManifest(file, options);
    for (const note of report.notes) console.log(`${file}: ${note}`);
    for (const e of report.errors) console.error(`${file}: error: ${e}`);
    if (report.errors.length) {
      console.error(
        `${file}: INVALID (${report.errors.length} error${report.errors.length > 1 ? "s" : ""})`
      );
      failed++;
    } else console.log(`${file}: valid`);
  }
  return failed ? 1 : 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));

module.exports = { validateManifest, blankRuntimes };
