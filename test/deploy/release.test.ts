import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT } from "../support/paths";
import { release } from "../support/release";

/**
 * scripts/release.js, the rules of a release build: the base URL switch (webpack's
 * `--env baseUrl=…` and ADDIN_BASE_URL), the manifest for a base URL, the cache policy by file name,
 * and deploy/nginx.conf for another host and path.
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require("../../webpack.config.js") as (
  env: Record<string, unknown>,
  argv: { mode: string }
) => { name: string; plugins?: unknown[] }[];

const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const NGINX_CONF = fs.readFileSync(path.join(ROOT, "deploy", "nginx.conf"), "utf8");
const PACKAGE_VERSION = (
  JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    version: string;
  }
).version;
const VERSION = release.manifestVersion(PACKAGE_VERSION);

describe("parseBaseUrl", () => {
  it("should accept an https URL and add a missing final slash", () => {
    expect(release.parseBaseUrl("https://addins.example.com/perf/")).toBe(
      "https://addins.example.com/perf/"
    );
    expect(release.parseBaseUrl("https://addins.example.com/perf")).toBe(
      "https://addins.example.com/perf/"
    );
    expect(release.parseBaseUrl("https://Addins.Example.com")).toBe("https://addins.example.com/");
    expect(release.parseBaseUrl("https://intranet.contoso.cn:8443/tools/perf-plan/")).toBe(
      "https://intranet.contoso.cn:8443/tools/perf-plan/"
    );
  });

  it.each([
    ["http://addins.example.com/perf/", /is not https/],
    ["addins.example.com/perf/", /is not a URL/],
    ["https://addins.example.com/perf/?x=1", /must not have a query/],
    ["https://addins.example.com/perf/#top", /must not have a query or fragment/],
    ["https://me:secret@addins.example.com/", /user name or password/],
    ["https://addins.example.com/my perf/", /path with characters other than/],
  ])("should refuse %s", (value, message) => {
    expect(() => release.parseBaseUrl(value, "--base-url")).toThrow(message);
    expect(() => release.parseBaseUrl(value, "--base-url")).toThrow(/^--base-url must be/);
  });
});

describe("manifestVersion", () => {
  it("should add a fourth part and drop pre-release and build suffixes", () => {
    expect(release.manifestVersion("1.2.3")).toBe("1.2.3.0");
    expect(release.manifestVersion("1.2.3-beta.1")).toBe("1.2.3.0");
    expect(release.manifestVersion("10.0.1+build.7")).toBe("10.0.1.0");
  });

  it("should refuse a version that is not n.n.n", () => {
    expect(() => release.manifestVersion("1.2")).toThrow(/not n\.n\.n/);
    expect(() => release.manifestVersion("v1.2.3")).toThrow(/not n\.n\.n/);
  });
});

describe("releaseManifest", () => {
  const base = "https://addins.example.com/perf/";
  const built = release.releaseManifest(MANIFEST, { base, version: "7.8.9.0" });

  it("should move every URL under the base URL and leave no localhost", () => {
    const urls = [...built.matchAll(/(?:DefaultValue|Value)="(https?:[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url.startsWith(base)).toBe(true);
    expect(built).not.toMatch(/localhost/);
  });

  it("should take <Version> from the given version and keep one <Version>", () => {
    expect(built.match(/<Version>[^<]*<\/Version>/g)).toEqual(["<Version>7.8.9.0</Version>"]);
  });

  it("should version the custom functions' script and metadata URLs, the zh-CN override too", () => {
    expect(built).toContain(`DefaultValue="${base}functions.js?v=7.8.9.0"`);
    expect(built).toContain(`DefaultValue="${base}functions.json?v=7.8.9.0"`);
    expect(built).toContain(`Value="${base}functions.zh-CN.json?v=7.8.9.0"`);
    expect(built).toContain(`DefaultValue="${base}taskpane.html"`); // the page keeps its URL
    const plain = release.releaseManifest(MANIFEST, {
      base,
      version: "7.8.9.0",
      versionQuery: false,
    });
    expect(plain).not.toContain("?v=");
  });

  it("should replace the source's comments by one that says what the file was built for", () => {
    expect(built).not.toContain("the dev server");
    expect(built.split("\n").slice(0, 2)).toEqual([
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
      `<!-- Built from manifest.xml for ${base} (version 7.8.9.0). -->`,
    ]);
  });

  it("should move an origin-only URL such as an AppDomain to the base URL's origin", () => {
    const withDomain = MANIFEST.replace(
      "</DefaultSettings>",
      "</DefaultSettings>\n  <AppDomains><AppDomain>https://localhost:3000</AppDomain></AppDomains>"
    );
    expect(withDomain).not.toBe(MANIFEST);
    const out = release.releaseManifest(withDomain, { base, version: "1.0.0.0" });
    expect(out).toContain("<AppDomain>https://addins.example.com</AppDomain>");
  });
});

describe("cacheControl", () => {
  it.each([
    ["taskpane.1a2b3c4d.js", release.IMMUTABLE],
    ["taskpane.1a2b3c4d.js.map", release.IMMUTABLE],
    ["taskpane.1a2b3c4d.js.LICENSE.txt", release.IMMUTABLE],
    ["417.0badf00d.js", release.IMMUTABLE],
    ["taskpane.html", "no-cache"],
    ["functions.js", "no-cache"],
    ["functions.js.map", "no-cache"],
    ["functions.json", "no-cache"],
    ["functions.zh-CN.json", "no-cache"],
    ["manifest.xml", "no-cache"],
    ["assets/icon-32.png", "no-cache"],
  ])("should give %s %s", (file, expected) => {
    expect(release.cacheControl(file)).toBe(expected);
  });

  it("should call a year immutable", () => {
    expect(release.IMMUTABLE).toBe("public, max-age=31536000, immutable");
  });
});

describe("deploy/nginx.conf", () => {
  it("should be written for the example base URL, with the cache policy of scripts/release.js", () => {
    expect(NGINX_CONF).toContain("server_name addins.example.com;");
    expect(NGINX_CONF).toContain("location /perf/ {");
    expect(NGINX_CONF).toContain(`"no-cache";`);
    expect(NGINX_CONF).toContain(`"${release.IMMUTABLE}";`);
    // the map's pattern is the one release.cacheControl uses
    expect(NGINX_CONF).toContain(`"~${release.HASHED_FILE.source}"`);
  });

  it("should render for another host, path and port with nothing of the example left", () => {
    const out = release.renderNginxConf(
      NGINX_CONF,
      "https://intranet.contoso.cn:8443/tools/perf-plan/"
    );
    expect(out).not.toMatch(/addins\.example\.com|\/perf\//);
    expect(out).toContain("server_name intranet.contoso.cn;");
    expect(out).toContain("location /tools/perf-plan/ {");
    expect(out).toContain("try_files /tools/perf-plan/assets/icon-32.png =404;");
    expect(out).toContain("listen 8443 ssl http2;");
    expect(out).toContain("listen [::]:8443 ssl http2;");
    expect(out).toContain("ssl_certificate     /etc/ssl/certs/intranet.contoso.cn.pem;");
    expect(out).toContain("https://intranet.contoso.cn:8443/tools/perf-plan/");
  });

  it("should render for a host's root path", () => {
    const out = release.renderNginxConf(NGINX_CONF, "https://perf.contoso.com/");
    expect(out).toContain("location / {");
    expect(out).toContain("listen 443 ssl http2;");
  });

  it("should send the task pane's CSP as a header, plus frame-ancestors", () => {
    const header = NGINX_CONF.match(/add_header Content-Security-Policy "([^"]+)"/)?.[1] ?? "";
    const html = fs.readFileSync(path.join(ROOT, "src", "taskpane", "taskpane.html"), "utf8");
    const meta = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1] ?? "";
    expect(meta).not.toBe("");
    const fromHeader = release.parseCsp(header);
    const frameAncestors = fromHeader.get("frame-ancestors");
    fromHeader.delete("frame-ancestors");
    expect(Object.fromEntries(fromHeader)).toEqual(Object.fromEntries(release.parseCsp(meta)));
    expect(frameAncestors).toEqual(
      expect.arrayContaining([
        "'self'",
        "https://*.officeapps.live.com",
        "https://*.sharepoint.com",
      ])
    );
  });
});

describe("the base URL switch of webpack.config.js", () => {
  type CopyPattern = { to?: string; transform?: (content: Buffer) => string };
  const manifestFor = (env: Record<string, unknown>, mode = "production"): string => {
    const taskpane = makeConfig(env, { mode }).find((c) => c.name === "taskpane");
    const copy = (taskpane?.plugins ?? []).find(
      (p) => (p as { patterns?: unknown }).patterns !== undefined
    ) as { patterns: CopyPattern[] } | undefined;
    const pattern = copy?.patterns.find((p) => p.to === "manifest.xml");
    if (!pattern?.transform) throw new Error("the taskpane compilation does not copy manifest.xml");
    return pattern.transform(Buffer.from(MANIFEST));
  };
  const saved = process.env.ADDIN_BASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_BASE_URL;
    else process.env.ADDIN_BASE_URL = saved;
  });

  it("should take --env baseUrl", () => {
    delete process.env.ADDIN_BASE_URL;
    const xml = manifestFor({ baseUrl: "https://addins.example.com/perf/" });
    expect(xml).toContain('DefaultValue="https://addins.example.com/perf/taskpane.html"');
    expect(xml).toContain(`functions.json?v=${VERSION}`);
    expect(xml).toContain(`<Version>${VERSION}</Version>`);
  });

  it("should still take ADDIN_BASE_URL, and prefer --env baseUrl when both are given", () => {
    process.env.ADDIN_BASE_URL = "https://other.example.org/x/";
    expect(manifestFor({})).toContain('DefaultValue="https://other.example.org/x/taskpane.html"');
    expect(manifestFor({ baseUrl: "https://addins.example.com/perf/" })).not.toContain(
      "other.example.org"
    );
  });

  it("should keep localhost without a base URL, and no ?v= in development", () => {
    delete process.env.ADDIN_BASE_URL;
    expect(manifestFor({})).toContain('DefaultValue="https://localhost:3000/taskpane.html"');
    expect(manifestFor({}, "development")).not.toContain("?v=");
  });

  it("should refuse an http base URL", () => {
    expect(() =>
      makeConfig({ baseUrl: "http://addins.example.com/perf/" }, { mode: "production" })
    ).toThrow(/--env baseUrl must be an https URL/);
  });
});

describe("npm version: release.js sync-manifest-version", () => {
  it("should set a manifest's <Version> from package.json", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perf-version-"));
    try {
      const file = path.join(dir, "manifest.xml");
      fs.writeFileSync(
        file,
        MANIFEST.replace(/<Version>[^<]*<\/Version>/, "<Version>0.0.1.0</Version>")
      );
      const run = spawnSync(
        process.execPath,
        [
          path.join(ROOT, "scripts", "release.js"),
          "sync-manifest-version",
          path.relative(ROOT, file),
        ],
        { cwd: ROOT, encoding: "utf8" }
      );
      expect(run.status).toBe(0);
      expect(fs.readFileSync(file, "utf8")).toContain(`<Version>${VERSION}</Version>`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
