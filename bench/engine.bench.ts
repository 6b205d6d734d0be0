/**
 * Engine benchmark: 10,000 salespeople × 12 months (120,000 rows, all 17 default indicators,
 * quarterly and annual roll-ups, forced distribution per team, commission and pay) over the
 * columnar core's input (typed columns, as readDataFile gives them) and over DataRow objects,
 * and 40,000 explanations built on demand, against a floor: a minimal typed-array loop in the
 * same run that computes the same weighted totals and pay with no model, validation or trace.
 * The columnar and DataRow runs must agree bit for bit.
 *
 * Run alone: npx tsx bench/engine.bench.ts
 */
import { performance } from "node:perf_hooks";
import {
  annualRows,
  dataColumnsOf,
  DataRow,
  type Evaluation,
  defaultPlan,
  evaluate,
  explain,
  FeedbackRating,
  monthRows,
  Plan,
  scorecardRows,
} from "../src/engine";
import { rng } from "../src/workbook/random";

const PEOPLE = 10_000;
const MONTHS = 12;
const TEAMS = 8;

const FIELDS = defaultPlan().fields.map((f) => f.key);
const ABSENT = ["bonus_standard", "adjustment", "clawback"];

export function generate(
  people = PEOPLE,
  seed = 2024
): { rows: DataRow[]; ratings: FeedbackRating[] } {
  const r = rng(seed);
  const rows: DataRow[] = [];
  const ratings: FeedbackRating[] = [];
  const round2 = (x: number) => Math.round(x * 100) / 100;
  for (let p = 0; p < people; p++) {
    const id = `S${String(p + 1).padStart(5, "0")}`;
    const team = `T${(p % TEAMS) + 1}`;
    const skill = 0.7 + 0.6 * r();
    const base = 6000 + 1000 * Math.floor(r() * 3);
    for (let m = 1; m <= MONTHS; m++) {
      const period = `2024-${String(m).padStart(2, "0")}`;
      const days = new Date(Date.UTC(2024, m, 0)).getUTCDate();
      const target = 100000 * (3 + Math.floor(r() * 4));
      const sales = round2(target * skill * (0.7 + 0.6 * r()));
      const due = round2(sales * (0.8 + 0.3 * r()));
      const v: Record<string, number | null> = {
        sales_amount: sales,
        sales_target: target,
        prior_sales: round2(sales * (0.8 + 0.4 * r())),
        collected: round2(due * (0.6 + 0.4 * r())),
        due,
        new_customers: Math.floor(r() * 7),
        new_customers_target: 3,
        strategic_amount: round2(sales * 0.3 * r()),
        satisfaction: 60 + Math.floor(r() * 41),
        retention_rate: round2(0.5 + 0.5 * r()),
        clv: Math.floor(100000 + 500000 * r()),
        complaint_resolution: round2(0.6 + 0.4 * r()),
        visits: Math.floor(10 + 40 * r()),
        calls: Math.floor(50 + 200 * r()),
        proposals: Math.floor(1 + 10 * r()),
        leads: 20 + Math.floor(60 * r()),
        opportunities: 2 + Math.floor(18 * r()),
        sales_cycle_days: 15 + Math.floor(60 * r()),
        product_knowledge: 55 + Math.floor(46 * r()),
        digital_tools: 50 + Math.floor(51 * r()),
        training_hours: Math.round(160 * r()) / 10,
        deductions: r() < 0.8 ? 0 : Math.floor(1 + 5 * r()),
        days_worked: days,
        days_in_period: days,
        base_salary: base,
        performance_pay: 3000 + 1000 * Math.floor(r() * 2),
        bonus_standard: null,
        adjustment: null,
        clawback: null,
      };
      const values: Record<string, number | null> = Object.fromEntries(
        FIELDS.map((k) => [k, v[k] ?? null])
      );
      rows.push({
        id,
        name: `Rep ${p + 1}`,
        team,
        period,
        values,
        invalid: [],
        absent: ABSENT,
        conflict: null,
        source: { sheet: "Data", row: rows.length + 2 },
      });
    }
    for (let q = 1; q <= 4; q++) {
      ratings.push({
        id,
        period: `2024-Q${q}`,
        rater: "superior",
        score: 60 + Math.floor(40 * r()),
        raterName: "",
        source: { sheet: "Feedback", row: 2 },
      });
      ratings.push({
        id,
        period: `2024-Q${q}`,
        rater: "peer",
        score: 60 + Math.floor(40 * r()),
        raterName: "",
        source: { sheet: "Feedback", row: 2 },
      });
      ratings.push({
        id,
        period: `2024-Q${q}`,
        rater: "customer",
        score: 60 + Math.floor(40 * r()),
        raterName: "",
        source: { sheet: "Feedback", row: 2 },
      });
    }
    ratings.push({
      id,
      period: "2024",
      rater: "superior",
      score: 60 + Math.floor(40 * r()),
      raterName: "",
      source: { sheet: "Feedback", row: 2 },
    });
  }
  return { rows, ratings };
}

/**
 * The floor: the same numbers for the default plan, hand-coded over typed arrays. Rows are
 * grouped 12 per person, in month order (as generated). It computes what the engine computes:
 * monthly tracking totals, quarterly totals and pay, and annual totals.
 */
function floor(
  cols: Record<string, Float64Array>,
  feedback: Float64Array,
  annualFeedback: Float64Array,
  people: number
) {
  const n = people * 12;
  const quarters = people * 4;
  const monthTotals = new Float64Array(n);
  const totals = new Float64Array(quarters);
  const pay = new Float64Array(quarters);
  const annual = new Float64Array(people);
  const c = cols;
  const lin = (a: number, f: number, cap: number) =>
    a < f || a <= 0 ? 0 : (a < cap ? a : cap) * 100;
  const dir = (x: number) => (x < 0 ? 0 : x > 100 ? 100 : x);
  const r2 = (x: number) => Math.round(x * 100 + (x >= 0 ? 1e-9 : -1e-9)) / 100;
  const totalOf = (
    sales: number,
    target: number,
    prior: number,
    coll: number,
    due: number,
    nc: number,
    nct: number,
    strat: number,
    sat: number,
    ret: number,
    clv: number,
    comp: number,
    act: number,
    actTarget: number,
    leads: number,
    opp: number,
    cyc: number,
    pk: number,
    dt: number,
    hrs: number,
    hrsTarget: number,
    ded: number,
    fb: number
  ) => {
    const sd =
      0.4 * lin(sales / target, 0.6, 1.2) +
      0.15 * lin((sales - prior) / Math.abs(prior) / 0.1, 0, 1.2) +
      0.2 * lin(coll / due, 0.7, 1) +
      0.15 * lin(nc / nct, 0, 1.2) +
      0.1 * lin(strat / sales / 0.2, 0, 1.2);
    const cd =
      0.35 * lin(sat / 90, 0, 1.1) +
      0.3 * lin(ret / 0.85, 0, 1.2) +
      0.15 * lin(clv / 300000, 0, 1.2) +
      0.2 * lin(comp / 0.95, 0, 1);
    const pd =
      0.25 * lin(act / actTarget, 0, 1.2) +
      0.25 * lin(opp / leads / 0.25, 0, 1.2) +
      0.2 * (cyc === 0 ? 120 : lin(45 / cyc, 0, 1.2)) +
      0.15 * dir(pk) +
      0.15 * dir(dt);
    const td = 0.4 * dir(fb) + 0.3 * lin(hrs / hrsTarget, 0, 1) + 0.3 * Math.max(0, 100 - ded);
    return 0.55 * sd + 0.2 * cd + 0.15 * pd + 0.1 * td;
  };
  for (let m = 0; m < n; m++) {
    const q = Math.floor(m / 12) * 4 + Math.floor((m % 12) / 3);
    monthTotals[m] = totalOf(
      c.sales_amount[m],
      c.sales_target[m],
      c.prior_sales[m],
      c.collected[m],
      c.due[m],
      c.new_customers[m],
      c.new_customers_target[m],
      c.strategic_amount[m],
      c.satisfaction[m],
      c.retention_rate[m],
      c.clv[m],
      c.complaint_resolution[m],
      c.visits[m] + c.calls[m] + c.proposals[m],
      180,
      c.leads[m],
      c.opportunities[m],
      c.sales_cycle_days[m],
      c.product_knowledge[m],
      c.digital_tools[m],
      c.training_hours[m],
      8,
      c.deductions[m],
      feedback[q]
    );
  }
  for (let q = 0; q < quarters; q++) {
    const m0 = Math.floor(q / 4) * 12 + (q % 4) * 3;
    let sales = 0,
      target = 0,
      prior = 0,
      coll = 0,
      due = 0,
      nc = 0,
      nct = 0,
      strat = 0,
      sat = 0,
      ret = 0,
      clv = 0,
      comp = 0,
      act = 0,
      leads = 0,
      opp = 0,
      cyc = 0,
      pk = 0,
      dt = 0,
      hrs = 0,
      ded = 0;
    let base = 0,
      std = 0,
      com = 0;
    for (let m = m0; m < m0 + 3; m++) {
      sales += c.sales_amount[m];
      target += c.sales_target[m];
      prior += c.prior_sales[m];
      coll += c.collected[m];
      due += c.due[m];
      nc += c.new_customers[m];
      nct += c.new_customers_target[m];
      strat += c.strategic_amount[m];
      sat += c.satisfaction[m];
      ret += c.retention_rate[m];
      clv += c.clv[m];
      comp += c.complaint_resolution[m];
      act += c.visits[m] + c.calls[m] + c.proposals[m];
      leads += c.leads[m];
      opp += c.opportunities[m];
      cyc += c.sales_cycle_days[m];
      pk += c.product_knowledge[m];
      dt += c.digital_tools[m];
      hrs += c.training_hours[m];
      ded += c.deductions[m];
      const share = c.days_worked[m] / c.days_in_period[m];
      base += r2(c.base_salary[m] * (share < 1 ? share : 1));
      std += r2(c.performance_pay[m] * (share < 1 ? share : 1));
      const x = c.collected[m];
      const g =
        (x > 0 ? Math.min(x, 100000) * 0.02 : 0) +
        (x > 100000 ? (Math.min(x, 300000) - 100000) * 0.03 : 0) +
        (x > 300000 ? (x - 300000) * 0.05 : 0);
      com += r2(g);
    }
    const total = totalOf(
      sales,
      target,
      prior,
      coll,
      due,
      nc,
      nct,
      strat,
      sat / 3,
      ret / 3,
      clv / 3,
      comp / 3,
      act,
      540,
      leads,
      opp,
      cyc / 3,
      pk / 3,
      dt / 3,
      hrs,
      24,
      ded,
      feedback[q]
    );
    totals[q] = total;
    const coef =
      total >= 95 - 1e-9
        ? 1.5
        : total >= 85 - 1e-9
          ? 1.2
          : total >= 70 - 1e-9
            ? 1
            : total >= 60 - 1e-9
              ? 0.8
              : 0.5;
    pay[q] = r2(r2(base) + r2(std) * coef + r2(com));
  }
  for (let p = 0; p < people; p++) {
    annual[p] =
      0.225 * (totals[p * 4] + totals[p * 4 + 1] + totals[p * 4 + 2] + totals[p * 4 + 3]) +
      0.1 * annualFeedback[p];
  }
  return { monthTotals, totals, pay, annual };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs: number): number {
  fn(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    fn();
    t.push(performance.now() - a);
  }
  return median(t);
}

/** Bit for bit: the same totals, statuses, grades, coefficients, commission and pay. */
function sameNumbers(a: Evaluation, b: Evaluation): boolean {
  const arrays = (e: Evaluation) => [
    e.months.totals,
    e.months.indicatorScores,
    e.periods.totals,
    e.periods.status,
    e.periods.dimensionScores,
    e.grading.gradeIndex,
    e.grading.coefficient,
    e.ledger.net,
    e.ledger.paidNow,
    e.monthPay.base,
    e.periodPay.total,
    e.annual.totals,
    e.annual.payout,
  ];
  const x = arrays(a);
  const y = arrays(b);
  return x.every((xs, i) => xs.length === y[i].length && xs.every((v, j) => Object.is(v, y[i][j])));
}

export async function run(runs = 5): Promise<Record<string, number>> {
  const generated: { rows: DataRow[] | null; ratings: FeedbackRating[] } = generate();
  const ratings = generated.ratings;
  const plan: Plan = defaultPlan();
  const bandsPlan = defaultPlan();
  plan.grading.mode = "forced";
  plan.grading.group = "team";
  const rows = generated.rows!;
  const n = rows.length;
  // The columnar core's input: the same rows as typed columns (what readDataFile gives).
  const columns = dataColumnsOf(FIELDS, rows);

  // The floor works on columns prepared outside the timing (it has no model to read them).
  const cols: Record<string, Float64Array> = {};
  for (const k of FIELDS) cols[k] = Float64Array.from(rows, (r) => r.values[k] ?? NaN);
  const fb = new Float64Array(PEOPLE * 4);
  const annualFb = new Float64Array(PEOPLE);
  for (let p = 0; p < PEOPLE; p++) {
    for (let q = 0; q < 4; q++) {
      const [s, pe, cu] = ratings.slice(p * 13 + q * 3, p * 13 + q * 3 + 3).map((x) => x.score);
      fb[p * 4 + q] = 0.6 * s + 0.2 * pe + 0.2 * cu;
    }
    annualFb[p] = ratings[p * 13 + 12].score;
  }

  // The DataRow path (the adapter the pane's tables still use), and the same numbers both ways.
  const engineRowsMs = time(() => {
    evaluate(plan, rows, ratings);
  }, runs);
  if (!sameNumbers(evaluate(plan, rows, ratings), evaluate(plan, columns, ratings)))
    throw new Error("the columnar path and the DataRow path differ");
  const bandsRows = evaluate(bandsPlan, rows, ratings);
  generated.rows = null; // the rest runs on columns, with no row objects on the heap
  rows.length = 0;

  // engineMs: every number (scores, roll-ups, distribution, commission, pay, annual review).
  const engineMs = time(() => {
    evaluate(plan, columns, ratings);
  }, runs);
  // rowsMs: turning those numbers into the row objects the sheets and the pane show.
  const evaluated = evaluate(plan, columns, ratings);
  const rowsMs = time(() => {
    scorecardRows(evaluated);
    monthRows(evaluated);
    annualRows(evaluated);
  }, runs);
  // explainMs: an explanation of every scorecard (40,000 traces), built on demand from the run.
  const explainMs = time(
    () => {
      for (let r = 0; r < evaluated.periods.frame.n; r++) explain(evaluated, r);
    },
    Math.max(1, Math.floor(runs / 2))
  );
  const engineWithTracesMs = engineMs + explainMs;

  let fl = floor(cols, fb, annualFb, PEOPLE);
  const floorMs = time(() => {
    fl = floor(cols, fb, annualFb, PEOPLE);
  }, runs);

  // Same work: the floor's totals and pay equal the engine's (bands, as the floor grades by bands).
  const ev = evaluate(bandsPlan, columns, ratings);
  if (!sameNumbers(ev, bandsRows)) throw new Error("the columnar path and the DataRow path differ");
  let maxTotalDiff = 0;
  let payMismatches = 0;
  for (let m = 0; m < ev.months.frame.n; m++)
    maxTotalDiff = Math.max(maxTotalDiff, Math.abs(ev.months.totals[m] - fl.monthTotals[m]));
  for (let q = 0; q < ev.periods.frame.n; q++) {
    maxTotalDiff = Math.max(maxTotalDiff, Math.abs(ev.periods.totals[q] - fl.totals[q]));
    if (Math.abs(ev.periodPay.total[q] - fl.pay[q]) > 0.005) payMismatches++;
  }
  for (let p = 0; p < PEOPLE; p++)
    maxTotalDiff = Math.max(maxTotalDiff, Math.abs(ev.annual.totals[p] - fl.annual[p]));
  if (maxTotalDiff > 1e-9 || payMismatches > 0) {
    throw new Error(
      `the floor does not compute the engine's numbers: max total difference ${maxTotalDiff}, ${payMismatches} pay mismatches`
    );
  }
  const explanations = evaluated.periods.frame.n;

  return {
    rows: n,
    engineMs: Math.round(engineMs),
    engineRowsMs: Math.round(engineRowsMs),
    explanations,
    explainMs: Math.round(explainMs),
    explanationsPerSecond: Math.round(explanations / (explainMs / 1000)),
    engineWithTracesMs: Math.round(engineWithTracesMs),
    rowsMs: Math.round(rowsMs),
    rowsPerSecond: Math.round(n / (engineMs / 1000)),
    floorMs: Math.round(floorMs * 10) / 10,
    ratioToFloor: Math.round((engineMs / floorMs) * 10) / 10,
    rowsPathRatioToFloor: Math.round((engineRowsMs / floorMs) * 10) / 10,
    floorMaxTotalDifference: maxTotalDiff,
  };
}

if (require.main === module && !process.env.BENCH_NO_RUN) {
  run().then((r) => {
    console.table(r);
    console.log(JSON.stringify(r));
  });
}
