/**
 * A target letter's rules in words, both languages: each indicator's scoring rule as the plan
 * sets it, and the assumptions the pay scenarios rest on. Words only; the numbers are the plan's.
 */
import type { Indicator, LocalizedText, Plan } from "../plan/model";
import { inputFields } from "../plan/model";

function pct(x: number): string {
  return `${Math.round(x * 10000) / 100}%`;
}

function num(x: number): string {
  return String(Math.round(x * 10000) / 10000);
}

function fieldNames(plan: Plan, ind: Indicator): LocalizedText {
  const names = inputFields(ind.input).map(
    (k) => plan.fields.find((f) => f.key === k)?.name ?? { en: k, zh: k }
  );
  return { en: names.map((n) => n.en).join(", "), zh: names.map((n) => n.zh).join("、") };
}

/** How an indicator's actual is computed, in words. */
function inputWords(plan: Plan, ind: Indicator): LocalizedText {
  const f = (k: string) => plan.fields.find((x) => x.key === k)?.name ?? { en: k, zh: k };
  const i = ind.input;
  switch (i.kind) {
    case "ratio":
      return {
        en: `${f(i.numerator).en} ÷ ${f(i.denominator).en}`,
        zh: `${f(i.numerator).zh} ÷ ${f(i.denominator).zh}`,
      };
    case "growth":
      return {
        en: `growth of ${f(i.current).en} over ${f(i.prior).en}`,
        zh: `${f(i.current).zh}较${f(i.prior).zh}的增长率`,
      };
    case "sum":
      return {
        en: i.fields.map((k) => f(k).en).join(" + "),
        zh: i.fields.map((k) => f(k).zh).join(" + "),
      };
    case "feedback":
      return { en: "360 ratings", zh: "360 评价" };
    default:
      return fieldNames(plan, ind);
  }
}

/** The scoring rule of an indicator as a salesperson reads it. */
export function scoringWords(plan: Plan, ind: Indicator): LocalizedText {
  const s = ind.scoring;
  const att =
    ind.direction === "lower"
      ? { en: "attainment = target ÷ actual", zh: "完成率 = 目标 ÷ 实际" }
      : { en: "attainment = actual ÷ target", zh: "完成率 = 实际 ÷ 目标" };
  const input = inputWords(plan, ind);
  switch (s.method) {
    case "linear":
      return {
        en: `${input.en}; ${att.en}; score = attainment × ${num(s.fullScore)}${s.floor > 0 ? `, 0 below ${pct(s.floor)}` : ""}, attainment counted up to ${pct(s.cap)}`,
        zh: `${input.zh}；${att.zh}；得分 = 完成率 × ${num(s.fullScore)}${s.floor > 0 ? `，低于 ${pct(s.floor)} 得 0 分` : ""}，完成率最高计 ${pct(s.cap)}`,
      };
    case "curve": {
      const pts = s.points.map((p) =>
        s.on === "attainment" ? `${pct(p.x)}→${num(p.y)}` : `${num(p.x)}→${num(p.y)}`
      );
      const mode = s.mode === "step" ? { en: "steps", zh: "阶梯" } : { en: "linear", zh: "线性" };
      return {
        en: `${input.en}; ${s.on === "attainment" ? att.en + "; " : ""}score on a curve (${mode.en}): ${pts.join(", ")}`,
        zh: `${input.zh}；${s.on === "attainment" ? att.zh + "；" : ""}按曲线计分（${mode.zh}）：${pts.join("，")}`,
      };
    }
    case "direct":
      return {
        en: `${input.en} is the score, 0–${num(s.cap * 100)}`,
        zh: `${input.zh}即得分，0–${num(s.cap * 100)}`,
      };
    case "deduction":
      return {
        en: `${num(s.fullScore)} − ${input.en}, not below 0`,
        zh: `${num(s.fullScore)} − ${input.zh}，最低 0 分`,
      };
    case "feedback": {
      const [a, b, c] = plan.feedback.weights.map(pct);
      return {
        en: `360 ratings: superior ${a}, peers ${b}, customers ${c}; 0–${num(s.cap * 100)}`,
        zh: `360 评价：上级 ${a}、同事 ${b}、客户 ${c}；0–${num(s.cap * 100)} 分`,
      };
    }
  }
}

/** The assumptions every pay scenario of a letter rests on, as the letter prints them. */
export function scenarioAssumptions(
  plan: Plan,
  held: readonly Indicator[],
  attainments: readonly number[],
  options: { leadsTeam: boolean; forcedGrades: boolean }
): LocalizedText[] {
  const basis =
    plan.commission.basis === "collected"
      ? { en: "collected", zh: "回款额" }
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
