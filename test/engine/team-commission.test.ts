/**
 * 团队提成 in the engine: the team basis and the lead's team commission month by month, its pay
 * line in the period and in the total, what stops it (a member's blank basis, two rows for one
 * person, a lead without a row), and the plan's checks of it — with a worked example to the cent.
 */
import {
  checkPlanShape,
  defaultPlan,
  evaluate,
  formatIssue,
  type DataRow,
  type Evaluation,
  type Plan,
  validatePlan,
} from "../../src/engine";
import { TeamStatus } from "../../src/engine/evaluate/team";
import { row } from "./fixtures";

const TEAM = { team: "华东一部" };

function teamPlan(includeOwn = false): Plan {
  const plan = defaultPlan();
  plan.commission.team = {
    method: "marginal",
    tiers: [
      { from: 0, rate: 0.005 },
      { from: 200000, rate: 0.01 },
    ],
    leads: [{ team: "华东一部", id: "L1" }],
    includeOwn,
  };
  return plan;
}

/** A lead L1 and two members of 华东一部, January and February 2024, and one rep of another team. */
function twoMonths(): DataRow[] {
  return [
    row("A1", "2024-01", { collected: 120000.55 }, TEAM),
    row("A1", "2024-02", { collected: 80000.1 }, TEAM),
    row("B1", "2024-01", { collected: 95000.4 }, TEAM),
    row("B1", "2024-02", { collected: 70000.25 }, TEAM),
    row("C9", "2024-01", { collected: 400000 }, { team: "华南二部" }),
    row("C9", "2024-02", { collected: 400000 }, { team: "华南二部" }),
    row("L1", "2024-01", { collected: 50000 }, TEAM),
    row("L1", "2024-02", { collected: 60000 }, TEAM),
  ];
}

/** The run's team commission issues (departures from the grade quotas are the distribution's own). */
function teamIssues(ev: Evaluation): Evaluation["issues"] {
  return ev.issues.filter((i) => i.code.startsWith("team"));
}

describe("team commission: worked example (a lead of a small team, two months)", () => {
  const ev = evaluate(teamPlan(), twoMonths());
  const mf = ev.months.frame;
  const at = (id: string, period: string) =>
    mf.ids.findIndex((x, i) => x === id && mf.periods[i] === period);
  const lead = ev.periods.frame.ids.indexOf("L1");

  test("each month: the members' collections summed, the tiers over them, to the cent", () => {
    // January: 120,000.55 + 95,000.40 = 215,000.95 (the lead's own 50,000 left out);
    // 200,000 × 0.5% + 15,000.95 × 1% = 1,000 + 150.0095 = 1,150.01.
    const jan = at("L1", "2024-01");
    expect(ev.ledger.teamBasis[jan]).toBeCloseTo(215000.95, 9);
    expect(ev.ledger.team[jan]).toBe(1150.01);
    expect(ev.ledger.teamMembers.get(jan)).toEqual([at("A1", "2024-01"), at("B1", "2024-01")]);
    // February: 80,000.10 + 70,000.25 = 150,000.35 × 0.5% = 750.00175 → 750.00.
    const feb = at("L1", "2024-02");
    expect(ev.ledger.teamBasis[feb]).toBeCloseTo(150000.35, 9);
    expect(ev.ledger.team[feb]).toBe(750);
    expect(ev.monthPay.teamCommission[feb]).toBe(750);
  });

  test("the lead's pay: base + performance pay + commission + team commission, to the cent", () => {
    const pp = ev.periodPay;
    // Base 8,000 × 2 = 16,000; performance standard 3,000 × 2 = 6,000 at the grade's coefficient.
    expect(pp.base[lead]).toBe(16000);
    expect(pp.performanceStandard[lead]).toBe(6000);
    const grade = ev.plan.grading.grades[ev.grading.gradeIndex[lead]];
    expect(grade.label).toBe("A");
    expect(pp.coefficient[lead]).toBe(1.2);
    expect(pp.performancePay[lead]).toBe(7200);
    // Personal commission: 50,000 × 2% + 60,000 × 2% = 1,000 + 1,200.
    expect(pp.commission[lead]).toBe(2200);
    // Team commission: 1,150.01 + 750.00.
    expect(pp.teamCommission[lead]).toBe(1900.01);
    // 16,000 + 7,200 + 2,200 + 1,900.01 + 0 = 27,300.01.
    expect(pp.total[lead]).toBe(27300.01);
  });

  test("people who lead no team: 0 team commission and the total they had without it", () => {
    const off = evaluate(defaultPlan(), twoMonths());
    const pf = ev.periods.frame;
    for (let r = 0; r < pf.n; r++) {
      if (pf.ids[r] === "L1") continue;
      expect(ev.periodPay.teamCommission[r]).toBe(0);
      expect(ev.periodPay.total[r]).toBe(off.periodPay.total[r]);
    }
    expect(off.periodPay.teamCommission.every((x) => x === 0)).toBe(true);
    expect(off.ledger.teamLead.every((x) => x === -1)).toBe(true);
    expect(teamIssues(ev)).toEqual([]);
  });
});

describe("team commission: what counts and what stops it", () => {
  test("includeOwn adds the lead's own collections to the team basis, in row order", () => {
    const ev = evaluate(teamPlan(true), twoMonths());
    const mf = ev.months.frame;
    const jan = mf.ids.findIndex((x, i) => x === "L1" && mf.periods[i] === "2024-01");
    // 120,000.55 + 95,000.40 + 50,000 = 265,000.95: 1,000 + 650.0095 → 1,650.01.
    expect(ev.ledger.teamBasis[jan]).toBe(120000.55 + 95000.4 + 50000);
    expect(ev.ledger.team[jan]).toBe(1650.01);
    expect(ev.ledger.teamMembers.get(jan)).toHaveLength(3);
  });

  test("whole: the whole team basis at the rate of the highest tier reached", () => {
    const plan = teamPlan();
    plan.commission.team!.method = "whole";
    const ev = evaluate(plan, twoMonths());
    const mf = ev.months.frame;
    const jan = mf.ids.findIndex((x, i) => x === "L1" && mf.periods[i] === "2024-01");
    expect(ev.ledger.team[jan]).toBe(2150.01); // 215,000.95 × 1% = 2,150.0095
  });

  test("a member's blank collections: no team commission that month, located at the member's row", () => {
    const rows = twoMonths();
    const b = rows.find((r) => r.id === "B1" && r.period === "2024-02")!;
    b.values.collected = null;
    const ev = evaluate(teamPlan(), rows);
    const mf = ev.months.frame;
    const feb = mf.ids.findIndex((x, i) => x === "L1" && mf.periods[i] === "2024-02");
    expect(ev.ledger.teamStatus[feb]).toBe(TeamStatus.BasisMissing);
    expect(ev.ledger.team[feb]).toBeNaN();
    expect(mf.ids[ev.ledger.teamProblem[feb]]).toBe("B1");
    const lead = ev.periods.frame.ids.indexOf("L1");
    expect(ev.periodPay.teamCommission[lead]).toBeNaN();
    expect(ev.periodPay.total[lead]).toBeNaN();
    expect(ev.periods.status[lead]).toBe(2);
  });

  test("two different rows for a member in a month stop the team commission of that month", () => {
    const rows = twoMonths();
    const a = rows.find((r) => r.id === "A1" && r.period === "2024-01")!;
    a.conflict = 99;
    const ev = evaluate(teamPlan(), rows);
    const mf = ev.months.frame;
    const jan = mf.ids.findIndex((x, i) => x === "L1" && mf.periods[i] === "2024-01");
    expect(ev.ledger.teamStatus[jan]).toBe(TeamStatus.Conflict);
    expect(ev.ledger.team[jan]).toBeNaN();
  });

  test("a lead without a row in a month the team has rows: a located error, in both languages", () => {
    const rows = twoMonths().filter((r) => !(r.id === "L1" && r.period === "2024-02"));
    const ev = evaluate(teamPlan(), rows);
    expect(teamIssues(ev)).toHaveLength(1);
    const i = teamIssues(ev)[0];
    expect(i.severity).toBe("error");
    expect(i.code).toBe("teamLeadAbsent");
    expect(i.path).toBe("commission.team.leads[0]");
    expect(i.subject).toEqual({ id: "L1", period: "2024-02" });
    expect(formatIssue(i, "zh-CN")).toBe(
      "团队提成 · 华东一部 · L1 2024-02：团队负责人本月没有数据行，无法发放“华东一部”的团队提成。"
    );
    expect(formatIssue(i, "en-US")).toBe(
      "Team commission · 华东一部 · L1 2024-02: The team's lead has no data row this month, so the team commission of 华东一部 cannot be paid."
    );
  });

  test("a team the data never names is reported", () => {
    const plan = teamPlan();
    plan.commission.team!.leads.push({ team: "西北三部", id: "Z1" });
    const ev = evaluate(plan, twoMonths());
    expect(teamIssues(ev).map((i) => [i.severity, i.code, i.params.team])).toEqual([
      ["warning", "teamUnknown", "西北三部"],
    ]);
  });
});

describe("team commission in the plan", () => {
  test("a plan saved before team commission existed has none and loads", () => {
    const plan = defaultPlan();
    expect("team" in plan.commission).toBe(false);
    expect(checkPlanShape(JSON.parse(JSON.stringify(plan)))).toEqual([]);
    expect(validatePlan(plan)).toEqual([]);
  });

  test("its shape is checked and it survives a JSON round trip", () => {
    const plan = teamPlan(true);
    const back = JSON.parse(JSON.stringify(plan)) as Plan;
    expect(back).toEqual(plan);
    expect(checkPlanShape(back)).toEqual([]);
    const bad = JSON.parse(JSON.stringify(plan));
    bad.commission.team.includeOwn = "yes";
    bad.commission.team.leads[0].id = 7;
    expect(checkPlanShape(bad).map((i) => i.path)).toEqual([
      "commission.team.leads[0].id",
      "commission.team.includeOwn",
    ]);
    expect(checkPlanShape({ ...plan, commission: { ...plan.commission, team: null } })).toEqual([]);
  });

  test("validation: tiers ascending, rates 0–100%, one lead per team and one team per lead", () => {
    const plan = teamPlan();
    plan.commission.team!.tiers = [
      { from: 0, rate: 0.01 },
      { from: 0, rate: 1.5 },
    ];
    plan.commission.team!.leads = [
      { team: "华东一部", id: "L1" },
      { team: "华东二部", id: "L1" },
      { team: "华东一部", id: "L2" },
      { team: " ", id: "" },
    ];
    const issues = validatePlan(plan);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["teamTiersOrder", "commission.team.tiers[1]"],
      ["teamTierRateRange", "commission.team.tiers[1]"],
      ["teamLeadTwice", "commission.team.leads[1].id"],
      ["teamTwice", "commission.team.leads[2].team"],
      ["teamLeadTeamBlank", "commission.team.leads[3].team"],
      ["teamLeadIdBlank", "commission.team.leads[3].id"],
    ]);
    expect(issues.map((i) => formatIssue(i, "zh-CN"))).toContain(
      "commission.team.leads[1].id：L1 同时被指定为两个团队（华东一部 和 华东二部）的负责人；每位负责人只按一个团队计提。"
    );
    plan.commission.team!.tiers = [];
    plan.commission.team!.leads = [];
    expect(validatePlan(plan).map((i) => [i.severity, i.code])).toEqual([
      ["error", "teamNoTiers"],
      ["warning", "teamNoLeads"],
    ]);
  });
});
