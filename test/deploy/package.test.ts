import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import {
  freePort,
  hasNginx,
  hasOpenssl,
  httpsGet,
  nginxTest,
  selfSignedCertificate,
  spkiHash,
  startNginx,
  topLevelConf,
  type Nginx,
} from "../support/nginx";
import { OFFICE_JS_PATH, officeStubSource, type OfficeStubRecord } from "../support/office-stub";
import { hasFunctionsSource, readJson, ROOT, type FunctionsMetadata } from "../support/paths";
import { packaging, release } from "../support/release";

/**
 * README "Deploy to your organization", followed step by step for the base URL the README uses:
 *
 *   1. `npm run package -- --base-url https://addins.example.com/perf/` (into a scratch folder):
 *      the layout, the production manifest (XSD + the project's checks, every URL https and under
 *      the base URL), DEPLOY.txt and nginx.conf;
 *   2. package/site/ copied to a document root, as `rsync -a package/site/ …` does;
 *   3. package/nginx.conf installed as it is — only the listen address (127.0.0.1 and a free port),
 *      the certificate (self-signed, made here with openssl) and the root are set for this
 *      machine — `nginx -t`, then nginx started in the foreground and stopped by the test;
 *   4. every file checked over HTTPS (status, bytes, Cache-Control, type, CORS, CSP header);
 *
 * then the task pane opened from https://addins.example.com/perf/taskpane.html in headless
 * Chromium, the host name mapped to nginx's loopback port (--host-resolver-rules, every other name
 * unresolvable): it must render under the production CSP (meta tag and header) with no console
 * error, and no request may leave the base URL except for Office's script host, for which a
 * test-only server block in the same nginx serves an offline stub of office.js. The browser's
 * cache is left as it is (no Playwright routes, which turn it off), so the second load shows what
 * is revalidated and what is kept; finally a code-only update is uploaded and reaches the next load.
 *
 * Serving https with the real host names (rather than http on loopback with rewritten URLs) keeps
 * the page's origin, the manifest's URLs and the CSP's 'self' and script-src exactly as in
 * production.
 */

const BASE = "https://addins.example.com/perf/";
const HOST = new URL(BASE).hostname;
const BASE_ORIGIN = new URL(BASE).origin;
const OFFICE_HOST = "https://appsforoffice.microsoft.com";
const OFFICE_HOSTNAME = new URL(OFFICE_HOST).hostname;
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const hasChromium = fs.existsSync(CHROMIUM);
const inCI = Boolean(process.env.CI && process.env.CI !== "false");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const DEPLOY_SECTION = README.slice(
  README.indexOf("## Deploy to your organization"),
  README.indexOf("## Compatibility")
);
const PACKAGE_VERSION = readJson<{ version: string }>(path.join(ROOT, "package.json")).version;
const VERSION = release.manifestVersion(PACKAGE_VERSION);

const CONTENT_TYPES: [RegExp, RegExp][] = [
  [/\.html$/, /^text\/html; charset=utf-8$/],
  [/\.js$/, /^application\/javascript; charset=utf-8$/],
  [/\.json$/, /^application\/json; charset=utf-8$/],
  [/\.xml$/, /^text\/xml; charset=utf-8$/],
  [/\.png$/, /^image\/png$/],
  [/\.txt$/, /^text\/plain; charset=utf-8$/],
  [/\.map$/, /^application\/octet-stream$/],
];

function replaceOnce(text: string, search: string, replacement: string): string {
  const count = text.split(search).length - 1;
  if (count !== 1) throw new Error(`expected "${search}" once in nginx.conf, found ${count}`);
  return text.replace(search, replacement);
}

/** The path a file is fetched with: the custom functions' files with the manifest's `?v=`. */
function requestPath(file: string): string {
  const versioned = /^functions(\.[A-Za-z-]+)?\.(js|json)$/.test(file);
  return `${new URL(BASE).pathname}${file}${versioned ? `?v=${VERSION}` : ""}`;
}

const describeWithFunctions = hasFunctionsSource ? describe : describe.skip;

describeWithFunctions("README: Deploy to your organization", () => {
  let scratch: string;
  let out: string;
  let root: string;
  let printed: string;
  let manifest: string;

  beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "perf-deploy-"));
    out = path.join(scratch, "package");
    const run = spawnSync(NPM, ["run", "package", "--", "--base-url", BASE, "--out", out], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 300_000,
    });
    printed = `${run.stdout}${run.stderr}`;
    if (run.status !== 0) throw new Error(`npm run package failed (${run.status}):\n${printed}`);
    root = path.join(out, "site", "perf");
    manifest = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
  }, 300_000);

  afterAll(() => {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  describe("step 1: npm run package", () => {
    it("should be the command the README gives", () => {
      expect(DEPLOY_SECTION).toContain(`npm run package -- --base-url ${BASE}`);
      expect(DEPLOY_SECTION).toContain(`npm run build -- --env baseUrl=${BASE}`);
    });

    it("should print the next steps", () => {
      expect(printed).toContain(`Wrote ${out}/ for ${BASE} (version ${VERSION})`);
      expect(printed).toContain("Next steps");
      expect(printed).toContain(`curl -sI ${BASE}taskpane.html`);
      expect(printed).toContain("Settings > Integrated apps > Upload custom apps");
      expect(printed).toContain(`${out}/manifest.xml`);
    });

    it("should lay out the site under the base URL's path, with the manifest, nginx.conf and DEPLOY.txt beside it", () => {
      const files = packaging.listFiles(out);
      const top = files.filter((f) => !f.startsWith("site/"));
      expect(top).toEqual(["DEPLOY.txt", "manifest.xml", "nginx.conf"]);
      expect(files.filter((f) => f.startsWith("site/") && !f.startsWith("site/perf/"))).toEqual([]);
      const site = packaging.listFiles(root);
      expect(site).toEqual(
        expect.arrayContaining([
          "taskpane.html",
          "functions.js",
          "functions.json",
          "functions.zh-CN.json",
          "manifest.xml",
          "assets/icon-16.png",
          "assets/icon-32.png",
          "assets/icon-64.png",
          "assets/icon-80.png",
        ])
      );
      const bundles = site.filter((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f));
      expect(bundles).toHaveLength(1);
      // the pane's Web Worker, a file of its own next to the pane
      expect(site.filter((f) => /^worker\.[0-9a-f]{8}\.js$/.test(f))).toHaveLength(1);
      const html = fs.readFileSync(path.join(root, "taskpane.html"), "utf8");
      expect(html).toContain(`src=${bundles[0]}`);
      for (const f of site) {
        expect(f).toMatch(
          /^(taskpane\.html|(taskpane|worker)\.[0-9a-f]{8}\.js(\.map|\.LICENSE\.txt)?|functions\.js(\.map)?|functions(\.zh-CN)?\.json|manifest\.xml|assets\/icon-\d+\.png)$/
        );
      }
    });

    it("should write a production manifest that validates (XSD and the project's checks, every URL a built file)", () => {
      const served = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
      expect(served).toBe(manifest);
      const run = spawnSync(
        process.execPath,
        [
          path.join(ROOT, "scripts", "validate-manifest.js"),
          path.join(root, "manifest.xml"),
          "--dist",
        ],
        { cwd: ROOT, encoding: "utf8" }
      );
      const output = `${run.stdout}${run.stderr}`;
      expect(output).toMatch(/manifest\.xml: valid$/m);
      expect(run.status).toBe(0);
      // the XSD step runs wherever the schemas are (../shared); without xmllint it fails under CI
      const schemas =
        process.env.MANIFEST_SCHEMAS ||
        path.resolve(ROOT, "..", "shared", "schemas", "office-addin-manifest");
      const hasXmllint = spawnSync("xmllint", ["--version"]).error === undefined;
      if (fs.existsSync(path.join(schemas, "OfficeAppManifestV1_1.xsd")) && (hasXmllint || inCI)) {
        expect(output).toContain("XSD: valid against OfficeAppManifestV1_1.xsd");
      }
    });

    it("should put every URL of the manifest under the base URL, over https, with the version from package.json", () => {
      expect(packaging.checkReleaseManifest(manifest, BASE, VERSION)).toEqual([]);
      const urls = packaging.manifestUrls(manifest);
      expect(urls.length).toBeGreaterThanOrEqual(10);
      for (const url of urls) expect(url.startsWith(BASE)).toBe(true);
      expect(manifest).toContain(`<Version>${VERSION}</Version>`);
      expect(manifest).toContain(`<SourceLocation DefaultValue="${BASE}taskpane.html"/>`);
      expect(manifest).toContain(
        `<bt:Override Locale="zh-CN" Value="${BASE}functions.zh-CN.json?v=${VERSION}"/>`
      );
      expect(manifest).not.toMatch(/localhost/);
    });

    it("should catch a manifest that strays from the base URL", () => {
      const strayed = manifest.replace(
        `${BASE}assets/icon-32.png`,
        "https://cdn.example.net/i.png"
      );
      expect(packaging.checkReleaseManifest(strayed, BASE, VERSION)).toContain(
        `https://cdn.example.net/i.png is not under ${BASE}`
      );
      const http = manifest.replace(
        `${BASE}taskpane.html`,
        "http://addins.example.com/perf/taskpane.html"
      );
      expect(packaging.checkReleaseManifest(http, BASE, VERSION).join("\n")).toMatch(
        /is not https/
      );
    });

    it("should list every file's Cache-Control in DEPLOY.txt and render deploy/nginx.conf for the base URL", () => {
      const deploy = fs.readFileSync(path.join(out, "DEPLOY.txt"), "utf8");
      for (const f of packaging.listFiles(root)) {
        expect(deploy).toMatch(
          new RegExp(`^  ${f.replace(/\./g, "\\.")} +${release.cacheControl(f)}$`, "m")
        );
      }
      const template = fs.readFileSync(path.join(ROOT, "deploy", "nginx.conf"), "utf8");
      expect(fs.readFileSync(path.join(out, "nginx.conf"), "utf8")).toBe(
        release.renderNginxConf(template, BASE)
      );
    });

    it("should refuse to package without an https base URL", () => {
      const none = spawnSync(process.execPath, [path.join(ROOT, "scripts", "package.js")], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, ADDIN_BASE_URL: "" },
      });
      expect(none.status).toBe(2);
      expect(none.stderr).toContain("the base URL the add-in will be served from is missing");
      const http = spawnSync(
        process.execPath,
        [path.join(ROOT, "scripts", "package.js"), "--base-url", "http://addins.example.com/perf/"],
        { cwd: ROOT, encoding: "utf8" }
      );
      expect(http.status).toBe(2);
      expect(http.stderr).toContain("is not https");
    });
  });

  const canServe = (hasNginx && hasOpenssl && hasChromium) || inCI;
  (canServe ? describe : describe.skip)("steps 2–4: served by nginx on loopback", () => {
    let docroot: string;
    let server: Nginx;
    let ca: Buffer;
    let pinned: string[];
    let nginxCheck: { status: number | null; output: string };

    beforeAll(async () => {
      // step 2: upload package/site/ to the document root
      docroot = path.join(scratch, "www");
      fs.cpSync(path.join(out, "site"), docroot, { recursive: true });
      // nginx's workers may run as another user: everything they serve must be world-readable
      const open = (p: string) => {
        fs.chmodSync(p, fs.statSync(p).isDirectory() ? 0o755 : 0o644);
        if (fs.statSync(p).isDirectory()) for (const c of fs.readdirSync(p)) open(path.join(p, c));
      };
      fs.chmodSync(scratch, 0o755);
      open(docroot);

      // step 3: package/nginx.conf with this machine's listen address, certificate and root
      const cert = selfSignedCertificate(scratch, HOST);
      ca = fs.readFileSync(cert.cert);
      const port = await freePort();
      let conf = fs.readFileSync(path.join(out, "nginx.conf"), "utf8");
      conf = replaceOnce(conf, "listen 443 ssl http2;", `listen 127.0.0.1:${port} ssl http2;`);
      conf = replaceOnce(conf, "listen [::]:443 ssl http2;", "# (no IPv6 listener on loopback)");
      conf = replaceOnce(conf, `/etc/ssl/certs/${HOST}.pem`, cert.cert);
      conf = replaceOnce(conf, `/etc/ssl/private/${HOST}.key`, cert.key);
      conf = replaceOnce(conf, "root /srv/perf-addin/site;", `root ${docroot};`);
      const site = path.join(scratch, "perf-addin.conf");
      fs.writeFileSync(site, conf);
      // test only: Office's script host, offline, answered by the same nginx
      const officeCert = selfSignedCertificate(scratch, OFFICE_HOSTNAME);
      pinned = [spkiHash(cert.cert), spkiHash(officeCert.cert)];
      const stubDir = path.join(scratch, "office-stub");
      fs.mkdirSync(path.join(stubDir, ...path.dirname(OFFICE_JS_PATH).split("/")), {
        recursive: true,
      });
      fs.writeFileSync(path.join(stubDir, ...OFFICE_JS_PATH.split("/")), officeStubSource("zh-CN"));
      open(stubDir);
      const officeServer = [
        "    server {",
        `        listen 127.0.0.1:${port} ssl http2;`,
        `        server_name ${OFFICE_HOSTNAME};`,
        `        ssl_certificate ${officeCert.cert};`,
        `        ssl_certificate_key ${officeCert.key};`,
        `        root ${stubDir};`,
        `        location = ${OFFICE_JS_PATH} { add_header Cache-Control no-cache; }`,
        "        location / { return 404; }",
        "    }",
      ].join("\n");
      const top = topLevelConf(scratch, site, officeServer);
      nginxCheck = nginxTest(scratch, top);
      if (nginxCheck.status !== 0) throw new Error(`nginx -t failed:\n${nginxCheck.output}`);
      server = await startNginx(scratch, top, port);
    }, 60_000);

    afterAll(async () => {
      await server?.stop();
    }, 20_000);

    const get = (p: string, headers: Record<string, string> = {}) =>
      httpsGet(HOST, server.port, p, ca, headers);

    it("step 3: nginx -t should accept package/nginx.conf, as the README runs it", () => {
      expect(DEPLOY_SECTION).toContain("sudo nginx -t && sudo systemctl reload nginx");
      expect(nginxCheck.output).toContain("syntax is ok");
      expect(nginxCheck.output).not.toMatch(/\[(warn|emerg)\]/);
    });

    it("step 4: every file should be served with its bytes, Cache-Control, type and headers", async () => {
      expect(DEPLOY_SECTION).toContain(`curl -sI ${BASE}taskpane.html`);
      const html = fs.readFileSync(path.join(root, "taskpane.html"), "utf8");
      const meta = release.parseCsp(release.metaCsp(html) ?? "");
      expect(meta.get("script-src")).toEqual(["'self'", OFFICE_HOST]);
      for (const file of packaging.listFiles(root)) {
        const res = await get(requestPath(file));
        expect([file, res.status]).toEqual([file, 200]);
        expect(res.body.equals(fs.readFileSync(path.join(root, ...file.split("/"))))).toBe(true);
        expect([file, res.headers["cache-control"]]).toEqual([file, release.cacheControl(file)]);
        const type = CONTENT_TYPES.find(([ext]) => ext.test(file));
        expect([file, res.headers["content-type"]]).toEqual([
          file,
          expect.stringMatching(type ? type[1] : /^$/),
        ]);
        expect(res.headers["x-content-type-options"]).toBe("nosniff");
        expect([file, res.headers["access-control-allow-origin"]]).toEqual([
          file,
          /^functions(\.zh-CN)?\.json$/.test(file) ? "*" : undefined,
        ]);
        const csp = release.parseCsp(res.headers["content-security-policy"] ?? "");
        expect(csp.get("frame-ancestors")).toEqual(
          expect.arrayContaining(["https://*.officeapps.live.com", "https://*.sharepoint.com"])
        );
        csp.delete("frame-ancestors");
        expect(Object.fromEntries(csp)).toEqual(Object.fromEntries(meta));
      }
    }, 60_000);

    it("step 4: the manifest served at the base URL (the admin center's link) should be package/manifest.xml", async () => {
      const res = await get(new URL(`${BASE}manifest.xml`).pathname);
      expect(res.body.toString("utf8")).toBe(manifest);
    });

    it("should answer a revalidation of an unchanged no-cache file with 304, and gzip the bundle", async () => {
      const first = await get("/perf/taskpane.html");
      expect(first.headers.etag).toBeTruthy();
      const again = await get("/perf/taskpane.html", { "if-none-match": first.headers.etag });
      expect(again.status).toBe(304);
      const bundle = packaging.listFiles(root).find((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f));
      const zipped = await get(`/perf/${bundle}`, { "accept-encoding": "gzip" });
      expect(zipped.headers["content-encoding"]).toBe("gzip");
    });

    it("should serve nothing outside the package: 404 for a missing file and for the bare folder", async () => {
      expect((await get("/perf/nothing-here.js")).status).toBe(404);
      expect((await get("/perf/")).status).toBe(404);
      expect((await get("/perf/../../etc/passwd")).status).toBe(400);
    });

    it("should answer the browser's /favicon.ico with the add-in's icon rather than a 404", async () => {
      const res = await get("/favicon.ico");
      expect(res.status).toBe(200);
      expect(res.body.equals(fs.readFileSync(path.join(root, "assets", "icon-32.png")))).toBe(true);
    });

    (hasChromium || inCI ? describe : describe.skip)("the task pane in headless Chromium", () => {
      let browser: Browser;
      let context: BrowserContext;
      const requests: string[] = [];
      const foreign: string[] = [];
      const officeRequests: string[] = [];

      beforeAll(async () => {
        browser = await chromium.launch({
          executablePath: CHROMIUM,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            // the base URL's host and Office's script host are nginx on loopback; nothing else resolves
            `--host-resolver-rules=MAP ${HOST}:443 127.0.0.1:${server.port}, ` +
              `MAP ${OFFICE_HOSTNAME}:443 127.0.0.1:${server.port}, MAP * ~NOTFOUND`,
            // the two self-signed certificates made above, and only they, count as valid
            `--ignore-certificate-errors-spki-list=${pinned.join(",")}`,
          ],
          timeout: 30_000,
        });
        context = await browser.newContext();
        context.on("request", (r) => {
          const url = new URL(r.url());
          requests.push(url.href);
          if (url.origin === OFFICE_HOST) officeRequests.push(url.href);
          else if (url.origin !== BASE_ORIGIN && url.protocol !== "data:") foreign.push(url.href);
        });
        await context.addInitScript(() => {
          document.addEventListener("securitypolicyviolation", (e) => {
            const w = window as unknown as { __csp?: string[] };
            (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
          });
        });
      }, 60_000);

      afterAll(async () => {
        await browser?.close();
      });

      /** Opens the pane, returning what the page reported. */
      async function openPane(page: Page) {
        const problems: string[] = [];
        page.on("console", (m) => {
          if (m.type() === "error") problems.push(`console.error: ${m.text()}`);
        });
        page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
        page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
        page.on("response", (r) => {
          if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
        });
        const response = await page.goto(`${BASE}taskpane.html`, { timeout: 30_000 });
        await page.waitForFunction(
          () => document.querySelector(".fui-FluentProvider") !== null,
          undefined,
          { timeout: 30_000 }
        );
        await page.waitForLoadState("networkidle", { timeout: 30_000 });
        const state = await page.evaluate(() => ({
          stub: (window as unknown as { __officeStub: unknown }).__officeStub,
          violations: (window as unknown as { __csp?: string[] }).__csp ?? [],
          text: document.getElementById("root")?.innerText ?? "",
          lang: document.documentElement.lang,
        }));
        return { response, problems, ...state, stub: state.stub as OfficeStubRecord };
      }

      it("should load the pane from the base URL under the production CSP, with no console error and no request off the base URL", async () => {
        const page = await context.newPage();
        const pane = await openPane(page);
        expect(pane.response?.status()).toBe(200);
        expect(pane.response?.headers()["content-security-policy"]).toContain("frame-ancestors");
        expect(pane.response?.headers()["cache-control"]).toBe("no-cache");
        expect(pane.problems).toEqual([]);
        expect(pane.violations).toEqual([]);
        expect(foreign).toEqual([]);
        expect(officeRequests).toEqual([`${OFFICE_HOST}${OFFICE_JS_PATH}`]);
        for (const url of requests.filter((u) => !u.startsWith(OFFICE_HOST))) {
          expect(url.startsWith(BASE)).toBe(true);
        }
        expect(requests).toEqual(
          expect.arrayContaining([
            `${BASE}taskpane.html`,
            `${BASE}functions.js`,
            expect.stringMatching(
              /^https:\/\/addins\.example\.com\/perf\/taskpane\.[0-9a-f]{8}\.js$/
            ),
          ])
        );
        // the pane rendered, in Office's display language, after Office.onReady
        expect(pane.text.trim().length).toBeGreaterThan(0);
        expect(pane.lang).toBe("zh-CN");
        expect(pane.stub.onReady).toBeGreaterThanOrEqual(1);
        // functions.js ran from the host in the same page and registered every function
        const metadata = readJson<FunctionsMetadata>(path.join(root, "functions.json"));
        expect([...pane.stub.associated].sort()).toEqual(
          metadata.functions.map((f) => f.id).sort()
        );
        await page.close();
      }, 90_000);

      it("should revalidate taskpane.html and functions.js on the next load and keep the hashed bundle without asking", async () => {
        const before = server.accessLog().length;
        const page = await context.newPage();
        const pane = await openPane(page);
        expect(pane.problems).toEqual([]);
        const log = server.accessLog().slice(before);
        expect(log).toContain("304 /perf/taskpane.html");
        expect(log).toContain("304 /perf/functions.js");
        expect(log.filter((l) => /taskpane\.[0-9a-f]{8}\.js/.test(l))).toEqual([]);
        await page.close();
      }, 90_000);

      it("should deliver a code-only update on the next load, with no cache to clear", async () => {
        // a new release as step 2 uploads it: the new bundle first, taskpane.html last
        const old = packaging
          .listFiles(docroot)
          .find((f) => /^perf\/taskpane\.[0-9a-f]{8}\.js$/.test(f));
        if (!old) throw new Error("no bundle in the document root");
        const next = "perf/taskpane.0123abcd.js";
        const code = fs.readFileSync(path.join(docroot, old), "utf8");
        fs.writeFileSync(path.join(docroot, next), `${code}\n;window.__perfRelease = 2;\n`, {
          mode: 0o644,
        });
        const htmlFile = path.join(docroot, "perf", "taskpane.html");
        const html = fs.readFileSync(htmlFile, "utf8");
        fs.writeFileSync(htmlFile, html.replace(path.basename(old), path.basename(next)), {
          mode: 0o644,
        });

        const before = server.accessLog().length;
        const page = await context.newPage();
        const pane = await openPane(page);
        expect(pane.problems).toEqual([]);
        const log = server.accessLog().slice(before);
        expect(log).toContain("200 /perf/taskpane.html");
        expect(log).toContain("200 /perf/taskpane.0123abcd.js");
        expect(
          await page.evaluate(() => (window as unknown as { __perfRelease?: number }).__perfRelease)
        ).toBe(2);
        await page.close();
      }, 90_000);
    });
  });
});
