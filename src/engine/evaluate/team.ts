/**
 * 团队提成 in the ledger: for each month row of a team's lead, the team basis (the plan's
 * commission basis summed over the rows of the team's members that month, the lead's own row
 * counted only when the plan says so) and the team commission on it (rules/team.ts). A lead's
 * month whose team has a row with an unreadable basis, or two different rows for one person,
 * pays no team commission (NaN, with the member row that stops it); a lead without a row in a
 * month when the team has rows, and a team the data never names, are reported as issues.
 */
import { issue, type Issue } from "../issues";
import type { Catalogue } from "../messages";
import { teamCommission, type TeamCommissionSettings } from "../plan/model";
import { teamBasis, teamCommissionValue } from "../rules/team";
import type { CompiledPlan } from "./compile";
import type { Ledger } from "./commission";
import type { Frame } from "./frame";

export const TEAM_MESSAGES = {
  teamUnknown: {
    en: 'Team commission: the team "{team}" (lead {id}) has no rows in the data.',
    zh: "团队提成：团队“{team}”（负责人 {id}）在数据中没有任何记录。",
  },
  teamLeadAbsent: {
    en: "The team's lead has no data row this month, so the team commission of {team} cannot be paid.",
    zh: "团队负责人本月没有数据行，无法发放“{team}”的团队提成。",
  },
  teamBasisMissing: {
    en: "{period}: team commission of {team}: {field} of {member} is blank or unreadable.",
    zh: "{period}：“{team}”团队提成：{member} 的{field}为空或无法读取。",
  },
  teamConflict: {
    en: "{period}: team commission of {team}: {member} has two different rows this month (rows {row} and {other}).",
    zh: "{period}：“{team}”团队提成：{member} 本月有两行不同的数据（第 {row} 行和第 {other} 行）。",
  },
} satisfies Catalogue;

/** Whether the team commission can be paid on a lead's month, and why not. */
export const enum TeamStatus {
  Ok = 0,
  /** A member's basis (or the lead's own, when counted) is blank or unreadable. */
  BasisMissing = 1,
  /** The lead or a member has two different rows for the month. */
  Conflict = 2,
}

/** The text a team is matched by: as the Data sheet's team column writes it, trimmed. */
function teamKey(month: string, team: string): string {
  return month + "\u0000" + team.trim();
}

/** The label team-commission issues are shown under. */
function teamLabel(team: string): { en: string; zh: string } {
  return { en: `Team commission · ${team}`, zh: `团队提成 · ${team}` };
}

/** The rows whose basis a lead's month sums: the team's rows that month, in row order. */
function membersOf(
  t: TeamCommissionSettings,
  months: Frame,
  inTeam: readonly number[],
  leadRow: number
): number[] {
  const id = months.ids[leadRow];
  const members = inTeam.filter((m) => months.ids[m] !== id);
  if (t.includeOwn) {
    members.push(leadRow);
    members.sort((a, b) => a - b);
  }
  return members;
}

/** The first row that stops the team commission of a lead's month, and why (−1: none). */
function firstProblem(
  L: Ledger,
  months: Frame,
  leadRow: number,
  members: readonly number[]
): [TeamStatus, number] {
  if (months.conflicts[leadRow]) return [TeamStatus.Conflict, leadRow];
  for (const m of members) {
    if (months.conflicts[m]) return [TeamStatus.Conflict, m];
    if (Number.isNaN(L.basis[m])) return [TeamStatus.BasisMissing, m];
  }
  return [TeamStatus.Ok, -1];
}

/**
 * Fills the ledger's team commission arrays (the personal basis already read) and returns the
 * issues: teams the data never names, months a lead has no row in while the team has rows.
 */
export function teamLedger(cp: CompiledPlan, months: Frame, L: Ledger): Issue[] {
  const t = teamCommission(cp.plan);
  if (!t) return [];
  const leadOf = new Map<string, number>();
  t.leads.forEach((l, i) => {
    if (!leadOf.has(l.id.trim())) leadOf.set(l.id.trim(), i);
  });
  const byMonthTeam = new Map<string, number[]>();
  const leadMonths = new Set<string>();
  for (let r = 0; r < months.n; r++) {
    const k = teamKey(months.periods[r], months.teams[r]);
    const list = byMonthTeam.get(k);
    if (list) list.push(r);
    else byMonthTeam.set(k, [r]);
    if (leadOf.has(months.ids[r])) leadMonths.add(months.ids[r] + "\u0000" + months.periods[r]);
  }
  const bounds = Float64Array.from(t.tiers.map((x) => x.from));
  const rates = Float64Array.from(t.tiers.map((x) => x.rate));
  for (let r = 0; r < months.n; r++) {
    const li = leadOf.get(months.ids[r]);
    if (li === undefined) continue;
    L.teamLead[r] = li;
    const inTeam = byMonthTeam.get(teamKey(months.periods[r], t.leads[li].team)) ?? [];
    const members = membersOf(t, months, inTeam, r);
    L.teamMembers.set(r, members);
    const [status, problem] = firstProblem(L, months, r, members);
    L.teamStatus[r] = status;
    L.teamProblem[r] = problem;
    if (status !== TeamStatus.Ok) {
      L.teamBasis[r] = L.team[r] = NaN;
      continue;
    }
    const basis = teamBasis(members.map((m) => L.basis[m]));
    L.teamBasis[r] = basis;
    L.team[r] = teamCommissionValue(basis, bounds, rates, t.method);
  }
  return teamIssues(t, months, byMonthTeam, leadMonths);
}

/**
 * The evaluation rows of leads who have no row in a month of the period while their team has:
 * their team commission (and so their total) cannot be summed and is marked NaN.
 */
export function markAbsentLeads(
  issues: readonly Issue[],
  periods: Frame,
  monthly: boolean,
  mark: (r: number) => void
): void {
  for (const i of issues) {
    if (i.code !== "teamLeadAbsent" || !i.subject?.period) continue;
    const month = i.subject.period;
    const key = monthly
      ? month
      : `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
    for (let r = 0; r < periods.n; r++)
      if (periods.ids[r] === i.subject.id && periods.periods[r] === key) mark(r);
  }
}

/** Teams the data never names; months a team has rows in and its lead none. */
function teamIssues(
  t: TeamCommissionSettings,
  months: Frame,
  byMonthTeam: ReadonlyMap<string, number[]>,
  leadMonths: ReadonlySet<string>
): Issue[] {
  const out: Issue[] = [];
  const periods = [...new Set(months.periods)].sort();
  t.leads.forEach((l, i) => {
    const id = l.id.trim();
    const team = l.team.trim();
    const path = `commission.team.leads[${i}]`;
    const label = teamLabel(team);
    let named = false;
    for (const period of periods) {
      const all = byMonthTeam.get(teamKey(period, team)) ?? [];
      if (all.length > 0) named = true;
      if (!all.some((m) => months.ids[m] !== id)) continue;
      if (!leadMonths.has(id + "\u0000" + period))
        out.push(
          issue(
            "error",
            "teamLeadAbsent",
            { period, id, team },
            {
              path,
              label,
              subject: { id, period },
            }
          )
        );
    }
    if (!named) out.push(issue("warning", "teamUnknown", { team, id }, { path, label }));
  });
  return out;
}
