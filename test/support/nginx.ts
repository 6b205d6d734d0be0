/**
 * nginx and a self-signed certificate for the deployment tests: a throwaway nginx that listens on
 * 127.0.0.1 only, started and stopped by the test, with every file it writes (pid, logs, temp
 * folders) in a scratch folder. The site's own configuration is a conf.d snippet such as
 * deploy/nginx.conf; this module wraps it in the smallest top-level configuration around it.
 */
import { spawn, spawnSync, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as https from "https";
import * as net from "net";
import * as path from "path";

export const NGINX = process.env.NGINX_PATH || "/usr/sbin/nginx";
export const hasNginx = fs.existsSync(NGINX);
export const hasOpenssl = spawnSync("openssl", ["version"]).error === undefined;

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released for nginx to take). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A self-signed certificate for `host`, valid for two days. */
export function selfSignedCertificate(dir: string, host: string): { cert: string; key: string } {
  const cert = path.join(dir, `${host}.pem`);
  const key = path.join(dir, `${host}.key`);
  const run = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-keyout",
      key,
      "-out",
      cert,
      "-subj",
      `/CN=${host}`,
      "-addext",
      `subjectAltName=DNS:${host}`,
    ],
    { encoding: "utf8" }
  );
  if (run.status !== 0) throw new Error(`openssl failed: ${run.stderr}`);
  return { cert, key };
}

/**
 * The base64 SHA-256 of a certificate's public key, for Chromium's
 * --ignore-certificate-errors-spki-list: the browser then accepts that one certificate as valid
 * (and caches what it serves, which it does not do for a certificate error it was told to ignore).
 */
export function spkiHash(certFile: string): string {
  const run = spawnSync(
    "sh",
    [
      "-c",
      'openssl x509 -in "$1" -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64',
      "spki",
      certFile,
    ],
    { encoding: "utf8" }
  );
  if (run.status !== 0) throw new Error(`openssl failed: ${run.stderr}`);
  return run.stdout.trim();
}

export interface Nginx {
  port: number;
  /** The access log so far, one `STATUS URI` line per request. */
  accessLog(): string[];
  errorLog(): string;
  stop(): Promise<void>;
}

/**
 * Writes the top-level nginx.conf around `siteConf` (a file inside `dir`); `extra` is more
 * configuration for the http block (e.g. a test-only server).
 */
export function topLevelConf(dir: string, siteConf: string, extra = ""): string {
  const tmp = path.join(dir, "tmp");
  fs.mkdirSync(tmp, { recursive: true });
  const file = path.join(dir, "nginx-top.conf");
  fs.writeFileSync(
    file,
    [
      "worker_processes 1;",
      "daemon off;",
      `pid ${path.join(dir, "nginx.pid")};`,
      `error_log ${path.join(dir, "error.log")} warn;`,
      "events { worker_connections 64; }",
      "http {",
      "    include /etc/nginx/mime.types;",
      "    default_type application/octet-stream;",
      "    log_format perf_test '$status $request_uri';",
      `    access_log ${path.join(dir, "access.log")} perf_test;`,
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(
        (t) => `    ${t}_temp_path ${path.join(tmp, t)};`
      ),
      `    include ${siteConf};`,
      extra,
      "}",
      "",
    ].join("\n")
  );
  return file;
}

/** `nginx -t` on a top-level configuration: exit status and what it printed. */
export function nginxTest(dir: string, topConf: string): { status: number | null; output: string } {
  const run = spawnSync(
    NGINX,
    ["-t", "-p", dir, "-c", topConf, "-e", path.join(dir, "error.log")],
    {
      encoding: "utf8",
      timeout: 20_000,
    }
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

async function waitForPort(port: number, child: ChildProcess, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not listen on 127.0.0.1:${port} within ${ms} ms`);
}

/** Starts nginx in the foreground (`daemon off`) as a child of the test; `stop()` ends it. */
export async function startNginx(dir: string, topConf: string, port: number): Promise<Nginx> {
  const child = spawn(NGINX, ["-p", dir, "-c", topConf, "-e", path.join(dir, "error.log")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const read = (name: string) => {
    const file = path.join(dir, name);
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGQUIT"); // graceful: the master stops its workers
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((r) => (timer = setTimeout(() => r("timeout"), 10_000)));
    const how = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    if (how === "timeout") {
      child.kill("SIGKILL");
      await exited;
    }
  };
  try {
    await waitForPort(port, child, 10_000);
  } catch (e) {
    await stop();
    throw new Error(`${(e as Error).message}\n${stderr}${read("error.log")}`);
  }
  return {
    port,
    accessLog: () => read("access.log").split("\n").filter(Boolean),
    errorLog: () => `${stderr}${read("error.log")}`,
    stop,
  };
}

export interface HttpsResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * GET https://host/path with the connection going to 127.0.0.1:port (what `curl --resolve` does),
 * checking the certificate against `ca` for `host`.
 */
export function httpsGet(
  host: string,
  port: number,
  pathAndQuery: string,
  ca: Buffer,
  headers: Record<string, string> = {}
): Promise<HttpsResponse> {
  return new Promise((resolve, reject) => {
    const req = https.get(
      {
        host,
        port,
        path: pathAndQuery,
        ca,
        servername: host,
        agent: false,
        headers: { host, ...headers },
        lookup: (_hostname, options, callback) => {
          if ((options as { all?: boolean }).all) {
            (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(
              null,
              [{ address: "127.0.0.1", family: 4 }]
            );
          } else {
            callback(null, "127.0.0.1", 4);
          }
        },
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: Object.fromEntries(
              Object.entries(res.headers).map(([k, v]) => [
                k,
                Array.isArray(v) ? v.join(", ") : String(v),
              ])
            ),
            body: Buffer.concat(chunks),
          })
        );
      }
    );
    req.on("timeout", () => req.destroy(new Error(`GET ${pathAndQuery} timed out`)));
    req.on("error", reject);
  });
}
