/**
 * A target letter's rules in words, both languages: each indicator's scoring rule as the plan
 * sets it, and the assumptions the pay scenarios rest on. Words only; the numbers are the plan's.
 */
import type { Indicator, LocalizedText, Plan } from "../plan/model";

function pct(x: number): string {
  return `${Math.round(x * 10000) / 100}%`;
}

function num(x: number): string {
  return String(Math.round(x * 10000) / 10000);
}

/**
 * The scoring rule of an indicator as a salesperson reads it, short enough for one line of the
 * letter; the letter's legend says what attainment is (actual ÷ target; target ÷ actual where
 * lower is better).
 */
export function scoringWords(plan: Plan, ind: Indicator): LocalizedText {
  const s = ind.scoring;
  const lower = ind.direction === "lower";
  const dir = lower ? { en: "lower is better; ", zh: "越低越好；" } : { en: "", zh: "" };
  switch (s.method) {
    case "linear":
      return {
        en: `${dir.en}attainment × ${num(s.fullScore)}${s.floor > 0 ? `, 0 below ${pct(s.floor)}` : ""}, up to ${pct(s.cap)}`,
        zh: `${dir.zh}完成率 × ${num(s.fullScore)}${s.floor > 0 ? `，低于 ${pct(s.floor)} 得 0 分` : ""}，最高计 ${pct(s.cap)}`,
      };
    case "curve": {
      const pts = s.points.map((p) =>
        s.on === "attainment" ? `${pct(p.x)}→${num(p.y)}` : `${num(p.x)}→${num(p.y)}`
      );
      const mode = s.mode === "step" ? { en: "steps", zh: "阶梯" } : { en: "linear", zh: "线性" };
      return {
        en: `${dir.en}curve (${mode.en}): ${pts.join(", ")}`,
        zh: `${dir.zh}曲线（${mode.zh}）：${pts.join("，")}`,
      };
    }
    case "direct":
      return {
        en: `the score as given, 0–${num(s.cap * 100)}`,
        zh: `直接得分，0–${num(s.cap * 100)}`,
      };
    case "deduction":
      return {
        en: `${num(s.fullScore)} − deduction points, not below 0`,
        zh: `${num(s.fullScore)} − 扣分，最低 0 分`,
      };
    case "feedback": {
      const [a, b, c] = plan.feedback.weights.map(pct);
      return {
        en: `360: superior ${a}, peers ${b}, customers ${c}`,
        zh: `360 评价：上级${a}、同事${b}、客户${c}`,
      };
    }
  }
}

/** The assumptions every pay scenario of a letter rests on, as the letter prints them. */
export function scenarioAssumptions(
  plan: Plan,
  held: readonly Indicator[],
  attainments: readonly number[],
  options: { leadsTeam: boolean; forcedGrades: boolean; missingMonths: string[] }
): LocalizedText[] {
  const basis =
    plan.commission.basis === "collected"
      ? { en: "collected amount", zh: "回款额" }
      : { en: "signed amount", zh: "签约额" };
  const levels = attainments.map((a) => num(Math.min(a, 1) * 100));
  const out: LocalizedText[] = [
    {
      en: `At each attainment, every indicator with a target reaches that share of its target, and the ${basis.en} of each month equals that share of the month's sales target (the commission basis).`,
      zh: `各情景下，每个有目标的指标均按该完成率达成，每月${basis.zh}（提成基数）= 该完成率 × 当月销售目标。`,
    },
  ];
  if (held.length)
    out.push({
      en: `Indicators without a target (${held.map((i) => i.name.en).join("; ")}) are taken at ${levels.join(" / ")} points (the attainment, at most full marks).`,
      zh: `无目标的指标（${held.map((i) => i.name.zh).join("；")}）按 ${levels.join(" / ")} 分计（即完成率，最高满分）。`,
    });
  out.push({
    en: "Full attendance, the base salary and performance-pay standard of the Data sheet, no one-off adjustments or clawbacks.",
    zh: "按全勤、数据表中的基本工资与绩效工资基数计算，不含奖惩调整与提成追回。",
  });
  if (options.missingMonths.length)
    out.push({
      en: `The letter covers the months with Data rows only: ${options.missingMonths.join(", ")} has none.`,
      zh: `本责任书仅包含有数据行的月份：${options.missingMonths.join("、")} 没有数据行。`,
    });
  if (options.forcedGrades)
    out.push({
      en: "Grades by the grade bands: the plan's forced distribution depends on the whole group's results.",
      zh: "等级按分数区间确定：方案的强制分布取决于全组结果。",
    });
  if (options.leadsTeam)
    out.push({
      en: "The team commission is not included: it depends on the team's results.",
      zh: "不含团队提成：团队提成取决于团队业绩。",
    });
  if (plan.commission.paidShare < 1)
    out.push({
      en: `Commission is the share paid in the months (${pct(plan.commission.paidShare)}); the rest is settled at year end.`,
      zh: `提成为当月发放部分（${pct(plan.commission.paidShare)}），其余年终结算。`,
    });
  return out;
}
