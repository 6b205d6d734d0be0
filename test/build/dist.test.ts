import { spawnSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import { chromium, type Browser } from "playwright-core";
import {
  GOLDEN_METADATA,
  ROOT,
  hasFunctionsSource,
  readJson,
  type FunctionsMetadata,
} from "../support/paths";

/**
 * One production build (`webpack --mode production` into a scratch folder), then everything the
 * release depends on: the files it emits, the functions bundle standing alone, the metadata against
 * the golden file, no eval anywhere, the task pane's CSP, and the page running under that CSP in
 * headless Chromium without a single request to another origin.
 */

const WEBPACK_CLI = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
const OFFICE_JS_DIST = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const OFFICE_HOST = "https://appsforoffice.microsoft.com";
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const hasChromium = fs.existsSync(CHROMIUM);
const inCI = Boolean(process.env.CI && process.env.CI !== "false");

const EXPECTED_CSP: Record<string, string[]> = {
  "default-src": ["'self'"],
  "script-src": ["'self'", OFFICE_HOST],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:"],
  "connect-src": ["'self'"],
  // the pane's worker (dist/worker.[hash].js) from the add-in's origin, nothing else (no blob:)
  "worker-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
};

const describeWhenFunctionsExist = hasFunctionsSource ? describe : describe.skip;

function node(
  args: string[],
  env: NodeJS.ProcessEnv = {}
): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describeWhenFunctionsExist("production build", () => {
  let dist: string;
  let scratch: string;

  beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "perf-build-"));
    dist = path.join(scratch, "dist");
    const build = node([WEBPACK_CLI, "--mode", "production"], { ADDIN_DIST_DIR: dist });
    if (build.status !== 0) throw new Error(`webpack --mode production failed:\n${build.output}`);
  }, 300_000);

  afterAll(() => {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  const file = (name: string) => path.join(dist, name);
  const read = (name: string) => fs.readFileSync(file(name), "utf8");

  it("should emit the task pane, the functions bundle and metadata, the manifest and the icons", () => {
    const files = fs.readdirSync(dist);
    expect(files).toEqual(
      expect.arrayContaining(["taskpane.html", "functions.js", "functions.json", "manifest.xml"])
    );
    expect(files.filter((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f))).toHaveLength(1);
    expect(files.filter((f) => /^worker\.[0-9a-f]{8}\.js$/.test(f))).toHaveLength(1);
    expect(files.some((f) => /^(preview|benchpane)\b/.test(f))).toBe(false);
    for (const size of [16, 32, 64, 80])
      expect(fs.existsSync(file(`assets/icon-${size}.png`))).toBe(true);
  });

  it("should produce dist/functions.json equal to the reviewed golden file", () => {
    expect(readJson<FunctionsMetadata>(file("functions.json"))).toEqual(
      readJson<FunctionsMetadata>(GOLDEN_METADATA)
    );
  });

  it("should register every function when functions.js runs with only CustomFunctions and Office", () => {
    const metadata = readJson<FunctionsMetadata>(file("functions.json"));
    const associated = new Map<string, unknown>();
    class CustomFunctionsError extends Error {
      constructor(
        public code: string,
        message?: string
      ) {
        super(message);
      }
    }
    const sandbox = vm.createContext({
      CustomFunctions: {
        associate: (id: string, fn: unknown) => {
          if (associated.has(id)) throw new Error(`${id} associated twice`);
          associated.set(id, fn);
        },
        Error: CustomFunctionsError,
        ErrorCode: {
          invalidValue: "#VALUE!",
          notAvailable: "#N/A",
          divisionByZero: "#DIV/0!",
          invalidNumber: "#NUM!",
          nullReference: "#NULL!",
          invalidName: "#NAME?",
          invalidReference: "#REF!",
        },
      },
      Office: {
        onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
        context: { displayLanguage: "en-US" },
      },
    });
    vm.runInContext(read("functions.js"), sandbox, { filename: "functions.js" });
    expect([...associated.keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    for (const fn of associated.values()) expect(typeof fn).toBe("function");
  });

  it("should keep React and Fluent UI out of functions.js and eval out of every bundle (npm run size)", () => {
    const run = node([path.join(ROOT, "scripts", "size.js"), dist]);
    expect(run.output).toMatch(/functions\.js\s+[\d.]+ KiB\s+[\d.]+ KiB/);
    expect(run.output).toMatch(/taskpane\.[0-9a-f]{8}\.js\s+[\d.]+ KiB\s+[\d.]+ KiB/);
    expect(run.status).toBe(0);
  });

  it("should make the size check fail on a functions.js that carries React or Fluent, or eval", () => {
    const fake = path.join(scratch, "fake-dist");
    fs.mkdirSync(fake, { recursive: true });
    const taskpaneBundle = fs.readdirSync(dist).find((f) => /^taskpane\..*\.js$/.test(f)) as string;
    fs.copyFileSync(file(taskpaneBundle), path.join(fake, "taskpane.js"));
    fs.copyFileSync(file(taskpaneBundle), path.join(fake, "functions.js"));
    const withUi = node([path.join(ROOT, "scripts", "size.js"), fake]);
    expect(withUi.output).toContain("functions.js contains React element symbols");
    expect(withUi.output).toContain("functions.js contains Fluent UI class names");
    expect(withUi.status).toBe(1);
    fs.writeFileSync(
      path.join(fake, "functions.js"),
      'CustomFunctions.associate("X", function(){ return eval("1"); });'
    );
    const withEval = node([path.join(ROOT, "scripts", "size.js"), fake]);
    expect(withEval.output).toContain("functions.js contains eval(");
    expect(withEval.status).toBe(1);
  });

  it("should build the pane's worker on its own: the engine and layouts, no React, Fluent or development tooling", () => {
    const worker = fs.readdirSync(dist).find((f) => /^worker\.[0-9a-f]{8}\.js$/.test(f))!;
    const code = read(worker);
    expect(code).not.toMatch(
      /Symbol\.for\(["']react\.|["'`]fui-[A-Z]|HyperFormula|webpack-dev-server/
    );
    for (const name of fs.readdirSync(dist).filter((f) => f.endsWith(".js")))
      expect(read(name)).not.toMatch(/HyperFormula|webpack-dev-server/);
    // the pane names it by its hashed file name, next to taskpane.js
    const pane = fs.readdirSync(dist).find((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f))!;
    expect(read(pane)).toContain(worker.replace(/^worker\.([0-9a-f]{8})\.js$/, "$1"));
  });

  it("should ship no eval-based source maps", () => {
    for (const name of fs.readdirSync(dist).filter((f) => f.endsWith(".js"))) {
      expect(read(name)).not.toMatch(/eval\(|sourceURL=webpack/);
    }
  });

  it("should write a dist/manifest.xml that validates and whose every URL names a built file", () => {
    const run = node([
      path.join(ROOT, "scripts", "validate-manifest.js"),
      file("manifest.xml"),
      "--dist",
    ]);
    expect(run.output).toMatch(/manifest\.xml: valid$/m);
    expect(run.status).toBe(0);
  });

  it("should give taskpane.html the Content-Security-Policy and load office.js, functions.js and the pane", () => {
    const html = read("taskpane.html");
    const meta = html.match(/<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/);
    expect(meta).not.toBeNull();
    const csp = Object.fromEntries(
      (meta as RegExpMatchArray)[1]
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name, values])
    );
    for (const [directive, values] of Object.entries(EXPECTED_CSP))
      expect(csp[directive]).toEqual(values);
    expect(Object.values(csp).flat()).not.toContain("'unsafe-eval'");
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.every((attrs) => /\bsrc=/.test(attrs))).toBe(true); // no inline script
    const sources = scripts.map(
      (attrs) => (attrs.match(/src="?([^"\s>]+)/) as RegExpMatchArray)[1]
    );
    expect(sources[0]).toBe(`${OFFICE_HOST}/lib/1/hosted/office.js`);
    expect(sources).toContain("functions.js");
    expect(sources.some((s) => /^taskpane\.[0-9a-f]{8}\.js$/.test(s))).toBe(true);
  });

  const describeInBrowser = hasChromium || inCI ? describe : describe.skip;

  describeInBrowser("task pane in headless Chromium", () => {
    let server: http.Server;
    let origin: string;
    let browser: Browser;

    beforeAll(async () => {
      server = http.createServer((req, res) => {
        const url = new URL(req.url ?? "/", "http://localhost");
        const target = path.join(
          dist,
          path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "")
        );
        if (
          !target.startsWith(dist) ||
          !fs.existsSync(target) ||
          fs.statSync(target).isDirectory()
        ) {
          res.writeHead(404).end();
          return;
        }
        const type = target.endsWith(".html")
          ? "text/html"
          : target.endsWith(".js")
            ? "text/javascript"
            : target.endsWith(".json")
              ? "application/json"
              : "application/octet-stream";
        res.writeHead(200, { "Content-Type": type }).end(fs.readFileSync(target));
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
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
        ],
      });
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await new Promise((resolve) => server?.close(resolve));
    });

    it("should render under its CSP with Fluent's runtime styles and request nothing from other origins", async () => {
      const page = await browser.newPage();
      const foreign: string[] = [];
      const cspMessages: string[] = [];
      const pageErrors: string[] = [];
      // office.js comes from Office's host in production; here it is served from @microsoft/office-js
      await page.route(`${OFFICE_HOST}/**`, async (route) => {
        const rel = new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, "");
        const local = path.join(OFFICE_JS_DIST, path.normalize(rel));
        if (local.startsWith(OFFICE_JS_DIST) && fs.existsSync(local)) {
          await route.fulfill({ path: local, contentType: "text/javascript" });
        } else {
          await route.fulfill({ status: 404 });
        }
      });
      await page.route(
        (url) => url.origin !== origin && url.origin !== OFFICE_HOST && url.protocol !== "data:",
        async (route) => {
          foreign.push(route.request().url());
          await route.abort();
        }
      );
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => {
          const w = window as unknown as { __csp?: string[] };
          (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      page.on("console", (msg) => {
        if (/Content Security Policy/i.test(msg.text())) cspMessages.push(msg.text());
      });
      page.on("pageerror", (e) => pageErrors.push(e.message));

      await page.goto(`${origin}/taskpane.html`);
      const heading = page.locator("h1").first();
      await heading.waitFor({ timeout: 30_000 });
      expect((await heading.textContent())?.trim()).toBeTruthy();

      const styling = await page.evaluate(() => {
        const provider = document.querySelector(".fui-FluentProvider");
        return {
          provider: provider !== null,
          fontFamily: provider ? getComputedStyle(provider).fontFamily : "",
          griffelStyleSheets: document.querySelectorAll("style[data-make-styles-bucket]").length,
          violations: (window as unknown as { __csp?: string[] }).__csp ?? [],
        };
      });
      expect(styling.provider).toBe(true);
      expect(styling.griffelStyleSheets).toBeGreaterThan(0); // Griffel could insert its rules
      expect(styling.fontFamily).toContain("Segoe UI"); // …and they apply under the CSP
      expect(styling.violations).toEqual([]);
      expect(cspMessages).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(foreign).toEqual([]);
      await page.close();
    }, 60_000);

    it("should start the pane's worker from its own origin under the CSP, and refuse a worker from anywhere else", async () => {
      const page = await browser.newPage();
      await page.route(`${OFFICE_HOST}/**`, (route) => route.fulfill({ status: 404 }));
      const violations: string[] = [];
      page.on("console", (msg) => {
        if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
      });
      await page.goto(`${origin}/taskpane.html`);
      const worker = fs.readdirSync(dist).find((f) => /^worker\.[0-9a-f]{8}\.js$/.test(f))!;
      const outcome = await page.evaluate(async (file) => {
        // one task through the protocol (src/app/protocol.ts): check with no Data sheet
        const own = await new Promise<unknown>((resolve, reject) => {
          const w = new Worker(file);
          w.onmessage = (e) => resolve(e.data);
          w.onerror = () => reject(new Error("the worker did not start"));
          w.postMessage({
            type: "run",
            id: 1,
            task: "check",
            input: { inputs: { data: null, feedback: null }, plan: {} },
          });
        });
        let blob = "started";
        try {
          const url = URL.createObjectURL(
            new Blob(["postMessage(1)"], { type: "text/javascript" })
          );
          const w = new Worker(url);
          blob = await new Promise<string>((resolve) => {
            w.onmessage = () => resolve("started");
            w.onerror = () => resolve("refused");
            setTimeout(() => resolve("refused"), 3000);
          });
        } catch {
          blob = "refused";
        }
        return { own, blob };
      }, worker);
      expect(outcome.own).toEqual({ type: "result", id: 1, value: null });
      expect(outcome.blob).toBe("refused");
      expect(violations.join("\n")).toMatch(/worker-src/);
      await page.close();
    }, 60_000);
  });
});
