/**
 * 团队提成 in the explanations: a lead's month with the members it sums, the team basis and each
 * tier slice (by commissionSlices, the function that computes the tiers); what stops it, located
 * at the member's row; the months a lead has no row in while the team has.
 */
import { commissionSlices, type CommissionSlice } from "../rules/commission";
import { issue, type Issue } from "../issues";
import { orNull } from "../numeric";
import { PAY_FIELDS, teamCommission } from "../plan/model";
import type { SourceRef } from "../records";
import type { Evaluation } from "./evaluate";
import { TeamStatus } from "./team";

/** 团队提成 of a lead's month: the members it sums, the team basis and each tier slice. */
export interface TeamMonthTrace {
  period: string;
  team: string;
  basis: "collected" | "signed";
  includeOwn: boolean;
  /** The rows summed, in order; `amount` null where the basis is blank or unreadable. */
  members: { id: string; name: string; amount: number | null; own: boolean; source: SourceRef }[];
  teamBasis: number | null;
  method: "marginal" | "whole";
  slices: CommissionSlice[];
  commission: number | null;
  status: "ok" | "basisMissing" | "conflict";
}

/** A lead's month of team commission as the explanation shows it, with its tier slices. */
export function teamMonthTrace(ev: Evaluation, m: number): TeamMonthTrace {
  const L = ev.ledger;
  const t = teamCommission(ev.plan)!;
  const months = ev.months.frame;
  const teamBasis = orNull(L.teamBasis[m]);
  const members = (L.teamMembers.get(m) ?? []).map((x) => ({
    id: months.ids[x],
    name: months.names[x],
    amount: orNull(L.basis[x]),
    own: months.ids[x] === months.ids[m],
    source: months.sources[x],
  }));
  return {
    period: months.periods[m],
    team: t.leads[L.teamLead[m]].team,
    basis: ev.plan.commission.basis,
    includeOwn: t.includeOwn,
    members,
    teamBasis,
    method: t.method,
    slices:
      teamBasis === null
        ? []
        : commissionSlices(
            teamBasis > 0 ? teamBasis : 0,
            t.tiers.map((x) => x.from),
            t.tiers.map((x) => x.rate),
            t.method
          ),
    commission: orNull(L.team[m]),
    status: TEAM_STATUS_NAMES[L.teamStatus[m]],
  };
}

const TEAM_STATUS_NAMES = ["ok", "basisMissing", "conflict"] as const;

/**
 * The months of a row a lead has no data row in while the team has (the run's issues): the
 * team commission of the row cannot be summed.
 */
export function absentLeadIssues(ev: Evaluation, id: string, period: string): Issue[] {
  // A month key is the row's own period; a quarter's months are those of its number.
  const q = (p: string) => `${p.slice(0, 4)}-Q${Math.ceil(Number(p.slice(5, 7)) / 3)}`;
  return ev.issues.filter(
    (i) =>
      i.code === "teamLeadAbsent" &&
      i.subject?.id === id &&
      !!i.subject.period &&
      (i.subject.period === period || q(i.subject.period) === period)
  );
}

/**
 * What stops a lead's team commission of a month (团队提成), located at the member's row and
 * basis cell: a blank or unreadable basis, or two different rows for one person.
 */
export function teamProblems(ev: Evaluation, m: number): Issue[] {
  const L = ev.ledger;
  const li = L.teamLead[m];
  const p = L.teamProblem[m];
  const team = teamCommission(ev.plan);
  if (li < 0 || p < 0 || !team) return [];
  const cp = ev.compiled;
  const months = ev.months.frame;
  const src = months.sources[p];
  const params = { period: months.periods[m], team: team.leads[li].team, member: months.ids[p] };
  const subject = { id: months.ids[m], period: months.periods[m] };
  if (L.teamStatus[m] === TeamStatus.Conflict)
    return [
      issue(
        "error",
        "teamConflict",
        { ...params, row: src.row, other: months.conflicts[p] },
        { subject, location: { sheet: src.sheet, row: src.row } }
      ),
    ];
  const key = cp.plan.commission.basis === "collected" ? PAY_FIELDS.collected : PAY_FIELDS.signed;
  const k = cp.fieldIndex.get(key)!;
  return [
    issue(
      "error",
      "teamBasisMissing",
      { ...params, field: cp.plan.fields[k].name },
      { subject, location: { sheet: src.sheet, row: src.row, column: src.columns?.[key] } }
    ),
  ];
}
