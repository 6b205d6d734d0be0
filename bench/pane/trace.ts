/**
 * Which functions run in the pane's long tasks: the pane bench's import and Generate
 * (bench/taskpane.bench.ts) under a CDP performance trace (the Tracing domain with the V8
 * sampling profiler), then, for each main-thread task over 100 ms, the functions its samples
 * were in (mapped through the build's source maps to src/ names), the trace events it holds
 * (garbage collection, message deserialization, layout, paint) and the worker's busiest
 * functions for comparison. A development tool, never part of a release.
 *
 *   npx tsx bench/pane/trace.ts [--dist <a benchPane build>] [--out trace.json]
 */
import * as fs from "fs";
import * as path from "path";
import { build, launch, serve } from "../../test/e2e/support/browser";
import { exportCsv, longTasks } from "../taskpane.bench";

const LONG_MS = 100;
const CATEGORIES = [
  "toplevel",
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "v8",
  "v8.execute",
  "blink",
  "disabled-by-default-v8.cpu_profiler",
];

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

// ---- source maps (a VLQ decoder: the tool needs nothing outside the project) ----------------

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

interface Mapping {
  column: number;
  source: number;
  line: number;
  name: number;
}

class SourceMap {
  private readonly lines: Mapping[][] = [];
  constructor(
    private readonly sources: string[],
    private readonly names: string[],
    mappings: string
  ) {
    let source = 0;
    let line = 0;
    let name = 0;
    for (const text of mappings.split(";")) {
      const out: Mapping[] = [];
      let generated = 0;
      for (const segment of text.split(",")) {
        if (!segment) continue;
        const v = decodeVlq(segment);
        generated += v[0];
        if (v.length >= 4) {
          source += v[1];
          line += v[2];
          if (v.length >= 5) name += v[4];
          out.push({ column: generated, source, line, name: v.length >= 5 ? name : -1 });
        }
      }
      this.lines.push(out);
    }
  }

  /** The source position of a generated one (0-based line and column). */
  at(line: number, column: number): string | null {
    const segs = this.lines[line];
    if (!segs || segs.length === 0) return null;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid].column <= column) lo = mid;
      else hi = mid - 1;
    }
    const m = segs[lo];
    const file = this.sources[m.source].replace(/^webpack:\/\/[^/]*\//, "");
    return `${file}:${m.line + 1}`;
  }
}

function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >> 1) : value >> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

function loadMaps(dist: string): Map<string, SourceMap> {
  const maps = new Map<string, SourceMap>();
  for (const f of fs.readdirSync(dist).filter((x) => x.endsWith(".js.map"))) {
    const m = JSON.parse(fs.readFileSync(path.join(dist, f), "utf8")) as {
      sources: string[];
      names: string[];
      mappings: string;
    };
    maps.set(f.replace(/\.map$/, ""), new SourceMap(m.sources, m.names, m.mappings));
  }
  return maps;
}

// ---- the trace ------------------------------------------------------------------------------

interface Sample {
  ts: number;
  node: number;
}

interface ThreadProfile {
  nodes: Map<number, ProfileNode>;
  samples: Sample[];
}

function profiles(events: TraceEvent[]): Map<string, ThreadProfile> {
  const byId = new Map<string, { key: string; profile: ThreadProfile; ts: number }>();
  for (const e of events) {
    if (e.name === "Profile") {
      const p = { nodes: new Map(), samples: [] };
      byId.set(`${e.pid}:${e.id}`, {
        key: `${e.pid}:${e.tid}`,
        profile: p,
        ts: e.args?.data?.startTime ?? e.ts,
      });
    }
  }
  for (const e of events) {
    if (e.name !== "ProfileChunk") continue;
    const at = byId.get(`${e.pid}:${e.id}`);
    if (!at) continue;
    const cpu = e.args?.data?.cpuProfile;
    for (const n of cpu?.nodes ?? []) at.profile.nodes.set(n.id, n);
    const deltas = e.args?.data?.timeDeltas ?? [];
    (cpu?.samples ?? []).forEach((node, i) => {
      at.ts += deltas[i] ?? 0;
      at.profile.samples.push({ ts: at.ts, node });
    });
  }
  const out = new Map<string, ThreadProfile>();
  for (const { key, profile } of byId.values()) {
    const there = out.get(key);
    if (!there) out.set(key, profile);
    else {
      for (const [k, v] of profile.nodes) there.nodes.set(k, v);
      there.samples.push(...profile.samples);
    }
  }
  return out;
}

function frameName(node: ProfileNode, maps: Map<string, SourceMap>): string {
  const f = node.callFrame;
  const file = f.url ? path.basename(new URL(f.url, "http://x").pathname) : "";
  const where = maps.get(file)?.at(f.lineNumber, f.columnNumber);
  const name = f.functionName || "(anonymous)";
  if (where) return `${name} ${where}`;
  return file ? `${name} ${file}` : name;
}

function top(counts: Map<string, number>, n: number, total: number): string[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `    ${String(Math.round((v / total) * 100)).padStart(3)}%  ${k}`);
}

/** Inclusive and self counts of a thread's samples between two times. */
function attribute(profile: ThreadProfile, from: number, to: number, maps: Map<string, SourceMap>) {
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  let n = 0;
  for (const s of profile.samples) {
    if (s.ts < from || s.ts > to) continue;
    n++;
    let node = profile.nodes.get(s.node);
    if (!node) continue;
    const leaf = frameName(node, maps);
    self.set(leaf, (self.get(leaf) ?? 0) + 1);
    const seen = new Set<string>();
    while (node) {
      const name = frameName(node, maps);
      if (!seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + 1);
      }
      node = node.parent === undefined ? undefined : profile.nodes.get(node.parent);
    }
  }
  return { n, inclusive, self };
}

function report(events: TraceEvent[], maps: Map<string, SourceMap>): void {
  const threads = new Map<string, string>();
  for (const e of events)
    if (e.ph === "M" && e.name === "thread_name" && e.args?.name)
      threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const main = [...threads].filter(([, n]) => n === "CrRendererMain").map(([k]) => k);
  const tasks = events
    .filter(
      (e) =>
        e.ph === "X" &&
        main.includes(`${e.pid}:${e.tid}`) &&
        (e.name === "ThreadControllerImpl::RunTask" || e.name === "RunTask") &&
        (e.dur ?? 0) > LONG_MS * 1000
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
    // a RunTask inside another is the same task
    .filter((e, i, all) => i === 0 || e.ts >= all[i - 1].ts + (all[i - 1].dur ?? 0));
  const byThread = profiles(events);
  console.log(`${tasks.length} main-thread tasks over ${LONG_MS} ms`);
  for (const t of tasks) {
    const key = `${t.pid}:${t.tid}`;
    const end = t.ts + (t.dur ?? 0);
    console.log(
      `\n== task at ${Math.round(t.ts / 1000)} ms, ${Math.round((t.dur ?? 0) / 1000)} ms`
    );
    // what the task holds besides JavaScript: GC, deserialization, layout, paint
    const inside = new Map<string, number>();
    for (const e of events) {
      if (`${e.pid}:${e.tid}` !== key || e.ph !== "X" || e === t) continue;
      if (e.ts < t.ts || e.ts > end) continue;
      inside.set(e.name, (inside.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    }
    console.log("  trace events (ms, nested ones counted again):");
    for (const [k, v] of [...inside].sort((a, b) => b[1] - a[1]).slice(0, 12))
      console.log(`    ${String(Math.round(v)).padStart(6)}  ${k}`);
    const profile = byThread.get(key);
    if (!profile) continue;
    const a = attribute(profile, t.ts, end, maps);
    if (a.n === 0) continue;
    console.log(`  ${a.n} samples; inclusive:`);
    console.log(top(a.inclusive, 25, a.n).join("\n"));
    console.log("  self:");
    console.log(top(a.self, 12, a.n).join("\n"));
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const given = opt("--dist");
  const dist = given ?? build("production", ["benchPane"]);
  const out = opt("--out");
  const server = await serve(dist);
  const browser = await launch();
  let trace: Buffer | null = null;
  try {
    const r = await longTasks(browser, server.origin, exportCsv(), {
      before: (page) => browser.startTracing(page, { categories: CATEGORIES }),
      after: async (page) => {
        trace = await browser.stopTracing();
        const nodes = await page.evaluate(() => document.querySelectorAll("*").length);
        console.log(`the pane's document holds ${nodes} elements after Generate`);
      },
    });
    console.log(
      `import ${r.importing.ms} ms, longest ${r.importing.longest} ms (${r.importing.tasks.join(", ")}); ` +
        `generate ${r.generating.ms} ms, longest ${r.generating.longest} ms (${r.generating.tasks.join(", ")})`
    );
  } finally {
    await browser.close();
    await server.close();
  }
  if (!trace) throw new Error("no trace was recorded");
  if (out) fs.writeFileSync(out, trace);
  const parsed = JSON.parse((trace as Buffer).toString("utf8")) as
    { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  report(events, loadMaps(dist));
  if (!given) fs.rmSync(dist, { recursive: true, force: true });
}

void main();
