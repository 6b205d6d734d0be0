/**
 * Headless Chromium for the end-to-end tests and the bench: Debian's chromium driven by
 * playwright-core (never a downloaded browser), a static server for a build, and builds into
 * scratch folders (ADDIN_DIST_DIR) so dist/ is never touched.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from "playwright-core";

export const ROOT = path.resolve(__dirname, "..", "..", "..");
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const hasChromium = fs.existsSync(CHROMIUM);
export const inCI = Boolean(process.env.CI && process.env.CI !== "false");
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];
export const OFFICE_HOST = "https://appsforoffice.microsoft.com";
const OFFICE_JS_DIST = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const WEBPACK_CLI = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");

/** Where screenshots go (gitignored; CI keeps artifacts/). */
export const SCREENSHOTS = path.join(ROOT, "artifacts", "screenshots");

/**
 * Builds the add-in into a fresh scratch folder; returns the folder. `env` adds webpack `--env`
 * flags (the pane bench's `benchPane`).
 */
export function build(mode: "production" | "development", env: string[] = []): string {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), `perf-${mode}-`));
  const flags = env.flatMap((e) => ["--env", e]);
  const run = spawnSync(process.execPath, [WEBPACK_CLI, "--mode", mode, ...flags], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ADDIN_DIST_DIR: dist },
  });
  if (run.status !== 0)
    throw new Error(`webpack --mode ${mode} failed:\n${run.stdout}${run.stderr}`);
  return dist;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves a folder on 127.0.0.1 (a free port). */
export async function serve(dir: string): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const target = path.join(
      dir,
      path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "")
    );
    if (!target.startsWith(dir) || !fs.existsSync(target) || fs.statSync(target).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { "Content-Type": TYPES[path.extname(target)] ?? "application/octet-stream" })
      .end(fs.readFileSync(target));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * office.js comes from Office's host in production; in tests it is served from
 * @microsoft/office-js, and every other foreign request is refused (and recorded).
 */
export async function routeOffice(page: Page, origin: string): Promise<string[]> {
  const foreign: string[] = [];
  await page.route(`${OFFICE_HOST}/**`, async (route) => {
    const rel = new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, "");
    const local = path.join(OFFICE_JS_DIST, path.normalize(rel));
    if (local.startsWith(OFFICE_JS_DIST) && fs.existsSync(local))
      await route.fulfill({ path: local, contentType: "text/javascript" });
    else await route.fulfill({ status: 404 });
  });
  await page.route(
    (url) =>
      url.origin !== origin &&
      url.origin !== OFFICE_HOST &&
      url.protocol !== "data:" &&
      url.protocol !== "blob:",
    async (route) => {
      foreign.push(route.request().url());
      await route.abort();
    }
  );
  return foreign;
}

/**
 * For one describe block: the preview (or the pane) built, served on loopback and a browser
 * launched before its tests, all torn down after them. The fields are set once beforeAll ran.
 */
export function servedBuild(
  mode: "production" | "development" = "development",
  env: string[] = [],
  timeout = 300_000
): { readonly server: StaticServer; readonly browser: Browser } {
  const served = {} as { dist: string; server: StaticServer; browser: Browser };
  beforeAll(async () => {
    served.dist = build(mode, env);
    served.server = await serve(served.dist);
    served.browser = await launch();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  }, timeout);
  afterAll(async () => {
    await served.browser?.close();
    await served.server?.close();
    if (served.dist) fs.rmSync(served.dist, { recursive: true, force: true });
  });
  return served;
}

/** The preview page open in a context of its own, its pane ready: what every walk starts from. */
export interface OpenPreview {
  context: BrowserContext;
  page: Page;
  pane: Locator;
  /** Errors the page threw (a walk ends by expecting none). */
  errors: string[];
  /** A screenshot of the page into artifacts/screenshots. */
  shot(name: string): Promise<Buffer>;
}

/** Opens preview.html with `query` (e.g. "lang=zh-CN") at a viewport, and waits for the pane. */
export async function openPreview(
  served: { readonly server: StaticServer; readonly browser: Browser },
  query: string,
  viewport = { width: 1440, height: 900 }
): Promise<OpenPreview> {
  const context = await served.browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${served.server.origin}/preview.html?${query}`);
  const pane = page.getByTestId("task-pane");
  await pane.locator("[data-pane-ready=true]").waitFor();
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, name) });
  return { context, page, pane, errors, shot };
}
