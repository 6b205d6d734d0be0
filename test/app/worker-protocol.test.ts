/**
 * The pane's worker and its client (src/worker, src/app/workerCompute.ts), in Node: a worker
 * double runs the worker's own code (serve) on the other end of a channel that clones every
 * message as postMessage does (structuredClone) and delivers it later. Results equal the
 * in-thread tasks' (an evaluation that crossed lays out exactly as the original), long arrays go
 * in slices, errors keep their kind, Cancel drops a waiting task and ends a running one (the
 * tasks after it still complete), and a worker that cannot start hands its tasks to the fallback.
 */
import { defaultPlan, evaluate, PlanInvalidError, scorecardRows } from "../../src/engine";
import { CancelledError } from "../../src/app/compute";
import { HostError } from "../../src/app/host";
import { inThreadCompute } from "../../src/app/inThread";
import { workbookLayouts } from "../../src/app/layouts";
import { errorData, errorOf, type FromWorker, type ToWorker } from "../../src/app/protocol";
import { reviveEvaluation } from "../../src/app/revive";
import { trackingList } from "../../src/app/tracking";
import {
  Assembler,
  MESSAGE_MS,
  PaneNames,
  SLICE,
  Slicer,
  slices,
  split,
  WorkerNames,
} from "../../src/app/transport";
import { workerCompute, type WorkerLike } from "../../src/app/workerCompute";
import { generateSample } from "../../src/workbook";
import { serve } from "../../src/worker/serve";
import { isPacked, type SentLayout, type WorkbookLayout } from "../../src/workbook/layout";
import { unpackLayout } from "../../src/workbook/pack";

const later = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A worker double: the worker's code behind a cloning, asynchronous channel. */
function workerDouble(log: ToWorker[] = []) {
  const started: WorkerLike[] = [];
  /** Serves the last worker's scope again: the worker's code starts over, holding nothing. */
  let restart = () => {};
  const create = (): WorkerLike => {
    let alive = true;
    const scope = {
      onmessage: null as ((e: { data: ToWorker }) => void) | null,
      postMessage(m: FromWorker) {
        const copy = structuredClone(m);
        void later().then(() => alive && worker.onmessage?.({ data: copy } as MessageEvent));
      },
    };
    serve(scope);
    restart = () => serve(scope);
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(m: ToWorker) {
        const copy = structuredClone(m);
        log.push(copy);
        void later().then(() => alive && scope.onmessage?.({ data: copy }));
      },
      terminate() {
        alive = false;
      },
    };
    started.push(worker);
    return worker;
  };
  return { create, started, log, restart: () => restart() };
}

function sample(people: number) {
  const plan = defaultPlan();
  const s = generateSample({ people, months: 3, teams: 4 });
  return { plan, rows: s.rows, ratings: s.ratings };
}

/** A layout the worker sent: its large blocks came packed, and unpacked they are the layout. */
function fromWorker(layout: SentLayout): WorkbookLayout {
  expect(layout.sheets.some((s) => s.blocks.some(isPacked))).toBe(true);
  return unpackLayout(layout);
}

describe("transport: long arrays in slices", () => {
  it("should take long arrays out, slice them and put them back, leaving the value as it was", () => {
    const value = {
      a: Array.from({ length: SLICE * 2 + 7 }, (_, i) => [i, `r${i}`]),
      b: { c: [1, 2, 3], d: Array.from({ length: SLICE + 1 }, (_, i) => ({ i })) },
      e: new Float64Array([1, 2]),
      f: new Map(Array.from({ length: SLICE + 3 }, (_, i) => [`k${i}`, { i }])),
      g: new Set(Array.from({ length: SLICE + 3 }, (_, i) => i)),
    };
    const parts = split(value);
    expect(parts.arrays).toHaveLength(4);
    const joined = new Assembler();
    const all = [...slices(parts.arrays)];
    expect(all.every((s) => s.items.length <= SLICE)).toBe(true);
    for (const s of all) joined.add(structuredClone(s));
    expect(joined.join(structuredClone(parts.value))).toEqual(value);
    expect(value.a).toHaveLength(SLICE * 2 + 7); // the original is not changed
  });
});

describe("transport: slices sized by what posting them takes", () => {
  it("should put many light items in a slice and few heavy ones", () => {
    const light = new Slicer();
    for (let i = 0; i < 20; i++) light.posted(light.size, 0.01);
    expect(light.size).toBeGreaterThan(SLICE);
    const heavy = new Slicer();
    // a slice of 64 items took 50 ms to post: the next holds what posts in MESSAGE_MS
    heavy.posted(heavy.size, 50);
    expect(heavy.size).toBe(Math.floor((64 * MESSAGE_MS) / 50));
    heavy.posted(heavy.size, MESSAGE_MS);
    expect(heavy.size).toBe(Math.floor((64 * MESSAGE_MS) / 50)); // steady at the target
  });

  it("should send a reference to what the receiver holds, and find it there", () => {
    const worker = new WorkerNames();
    const rows = Array.from({ length: SLICE + 1 }, (_, i) => ({ i }));
    // the worker sends rows whole, named; the pane keeps the name of what it rebuilt
    const out = split({ rows }, worker);
    const pane = new PaneNames();
    const here = new Assembler();
    for (const s of slices(out.arrays)) here.add(structuredClone(s));
    const received = here.join(structuredClone(out.value), pane) as { rows: unknown[] };
    expect(received.rows).toEqual(rows);
    // sent back: a reference, no slices, and the worker finds its own rows
    const back = split({ again: received.rows, n: 1 }, pane);
    expect(back.arrays).toHaveLength(0);
    const there = new Assembler().join(structuredClone(back.value), worker) as {
      again: unknown[];
    };
    expect(there.again).toBe(rows);
  });
});

describe("an evaluation that crossed to the worker and back", () => {
  it("should lay out and score exactly as the original", () => {
    const { plan, rows, ratings } = sample(60);
    const evaluation = evaluate(plan, rows, ratings);
    // across as the transport sends it: sliced, cloned, joined (its frames' sources made first)
    const parts = split(evaluation);
    const joined = new Assembler();
    for (const s of slices(parts.arrays)) joined.add(structuredClone(s));
    const crossed = reviveEvaluation(
      joined.join(structuredClone(parts.value)) as typeof evaluation
    );
    expect(scorecardRows(crossed)).toEqual(scorecardRows(evaluation));
    const request = {
      plan,
      language: "zh-CN" as const,
      style: "native" as const,
      data: { rows, issues: [], mapping: {}, leftOut: [] } as never,
      feedback: { ratings, issues: [] },
    };
    const context = { sheets: {}, plan: null, feedback: null };
    expect(workbookLayouts.outputs({ ...request, evaluation: crossed }, context)).toEqual(
      workbookLayouts.outputs({ ...request, evaluation }, context)
    );
  });
});

describe("the worker client", () => {
  it("should give the in-thread tasks' results, with progress, and send long inputs in slices", async () => {
    const { plan, rows, ratings } = sample(700); // 2,100 rows: more than a slice
    const double = workerDouble();
    const worker = workerCompute(double.create);
    const here = inThreadCompute();
    const check = {
      data: { rows, issues: [], mapping: {}, leftOut: [], rules: undefined } as never,
      feedback: { ratings, issues: [] },
    };
    const input = { plan, check, period: "", group: "", exclude: [] };
    const [there, local] = await Promise.all([worker.task("run", input), here.task("run", input)]);
    expect(there.rows).toEqual(local.rows);
    expect(scorecardRows(there.evaluation)).toEqual(scorecardRows(local.evaluation));
    expect(double.log.filter((m) => m.type === "slice").length).toBeGreaterThan(1);
    // every row selected: the result refers to the input's rows instead of sending them back
    expect(there.data.rows).toBe(rows);
    worker.dispose();
  });

  it("should refer to the run's evaluation when laying it out, and send it again when the worker lost it", async () => {
    const { plan, rows, ratings } = sample(200); // 600 rows: more than a slice
    const log: ToWorker[] = [];
    const double = workerDouble(log);
    const worker = workerCompute(double.create);
    const here = inThreadCompute();
    const check = {
      data: { rows, issues: [], mapping: {}, leftOut: [], rules: undefined } as never,
      feedback: { ratings, issues: [] },
    };
    const run = await worker.task("run", { plan, check, period: "", group: "", exclude: [] });
    const request = {
      plan,
      language: "en-US" as const,
      style: "native" as const,
      evaluation: run.evaluation,
      data: run.data,
      feedback: check.feedback,
    };
    const context = { sheets: {}, plan: null, feedback: null };
    const expected = await here.task("outputs", { request, context });
    // the evaluation and the rows the run gave are referred to, not sent again
    log.length = 0;
    expect(fromWorker(await worker.task("outputs", { request, context }))).toEqual(expected);
    expect(log.filter((m) => m.type === "slice")).toHaveLength(0);
    // a worker that holds nothing any more asks for the input in full, once
    double.restart();
    log.length = 0;
    expect(fromWorker(await worker.task("outputs", { request, context }))).toEqual(expected);
    expect(log.filter((m) => m.type === "run")).toHaveLength(2);
    expect(log.filter((m) => m.type === "slice").length).toBeGreaterThan(0);
    worker.dispose();
  });

  it("should track in the worker as in the pane's thread, the list referring to the evaluation the worker keeps", async () => {
    const { plan, rows, ratings } = sample(200); // 600 rows: more than a slice
    const log: ToWorker[] = [];
    const double = workerDouble(log);
    const worker = workerCompute(double.create);
    const here = inThreadCompute();
    const check = {
      data: { rows, issues: [], mapping: {}, leftOut: [], rules: undefined } as never,
      feedback: { ratings, issues: [] },
    };
    const [there, local] = await Promise.all([
      worker.task("tracking", { plan, check }),
      here.task("tracking", { plan, check }),
    ]);
    expect(there.months).toEqual(local.months);
    expect(there.months.length).toBe(3);
    expect(scorecardRows(there.evaluation)).toEqual(scorecardRows(local.evaluation));
    const month = there.months[1];
    const listed = trackingList(local.evaluation, month, "", "zh-CN");
    expect(listed!.people.length).toBe(200);
    log.length = 0;
    const list = await worker.task("trackingList", {
      evaluation: there.evaluation,
      month,
      language: "zh-CN",
    });
    expect(list).toEqual(listed);
    // the evaluation the worker gave is referred to, not sent back
    expect(log.filter((m) => m.type === "slice")).toHaveLength(0);
    // the evaluation the pane got back lays out the same Tracking sheet, in the worker too
    const request = {
      plan,
      language: "zh-CN" as const,
      style: "native" as const,
      data: check.data,
      feedback: check.feedback,
      month,
    };
    const context = { sheets: {}, plan: null, feedback: null };
    const expected = workbookLayouts.tracking(
      { ...request, evaluation: local.evaluation },
      context,
      null
    );
    const sheet = { request: { ...request, evaluation: there.evaluation }, context, before: null };
    expect(workbookLayouts.tracking(sheet.request, context, null)).toEqual(expected);
    expect(await here.task("trackingSheet", sheet)).toEqual(expected);
    log.length = 0;
    expect(fromWorker(await worker.task("trackingSheet", sheet))).toEqual(expected);
    expect(log.filter((m) => m.type === "slice")).toHaveLength(0);
    worker.dispose();
  });

  it("should reject with the error's kind: HostError with its code, PlanInvalidError with its issues", async () => {
    const double = workerDouble();
    const worker = workerCompute(double.create);
    const plan = defaultPlan();
    plan.grading.grades = [];
    const { rows } = sample(3);
    const check = { data: { rows, issues: [] } as never, feedback: { ratings: [], issues: [] } };
    const invalid = await worker
      .task("run", { plan, check, period: "", group: "", exclude: [] })
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(PlanInvalidError);
    expect((invalid as PlanInvalidError).issues.length).toBeGreaterThan(0);
    // a HostError thrown in the worker (a refused import) comes back with its code and details
    const tooMany = errorOf(
      structuredClone(
        errorData(new HostError("too many", "TooManyRows", { rows: 2_000_000, limit: 1_048_574 }))
      )
    );
    expect(tooMany).toBeInstanceOf(HostError);
    expect((tooMany as HostError).code).toBe("TooManyRows");
    expect((tooMany as HostError).debugInfo).toEqual({ rows: 2_000_000, limit: 1_048_574 });
    worker.dispose();
  });

  it("should drop a waiting task on Cancel, end the worker running a cancelled task, and finish the rest", async () => {
    const { plan, rows, ratings } = sample(200);
    const double = workerDouble();
    const worker = workerCompute(double.create);
    const check = { data: { rows, issues: [] } as never, feedback: { ratings, issues: [] } };
    const input = { plan, check, period: "", group: "", exclude: [] };
    const first = new AbortController();
    const second = new AbortController();
    const a = worker.task("run", input, { signal: first.signal }).catch((e: unknown) => e);
    const b = worker.task("run", input, { signal: second.signal }).catch((e: unknown) => e);
    const c = worker.task("run", input);
    second.abort(); // waiting: dropped
    first.abort(); // running: its worker is ended, the rest go to a new one
    expect(await a).toBeInstanceOf(CancelledError);
    expect(await b).toBeInstanceOf(CancelledError);
    const done = await c;
    expect(done.rows).toEqual(scorecardRows(evaluate(plan, rows, ratings)));
    expect(double.started).toHaveLength(2);
    worker.dispose();
  });

  it("should hand its tasks to the fallback when the worker cannot start", async () => {
    const failing = (): WorkerLike => {
      const w: WorkerLike = {
        onmessage: null,
        onerror: null,
        postMessage() {
          void later().then(() => w.onerror?.(new Event("error")));
        },
        terminate() {},
      };
      return w;
    };
    const worker = workerCompute(failing, inThreadCompute());
    const r = await worker.task("check", {
      inputs: { data: null, feedback: null },
      plan: defaultPlan(),
    });
    expect(r).toBeNull();
  });
});
