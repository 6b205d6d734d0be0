/**
 * The statement's appeals block (绩效申诉): the Appeal adjustment pay line (申诉调整) and the list of
 * the period's upheld appeals — no., the number appealed, the decision, who decided and when, the
 * amount — from the explanation's trace. Pending and rejected appeals are not on the statement.
 */
import type { ScorecardTrace } from "../engine/evaluate/explain";
import { MONEY } from "./money";
import type { Words } from "./text";
import type { StatementWriter } from "./statements";

const W = {
  appeal: { en: "Appeal adjustment", zh: "申诉调整" },
  appeals: { en: "Appeals upheld", zh: "申诉成立事项" },
  appealNo: { en: "Appeal no.", zh: "申诉编号" },
  appealSubject: { en: "Number appealed", zh: "申诉事项" },
  appealDecision: { en: "Decision", zh: "处理结果" },
  appealDecided: { en: "Decided by, on", zh: "审批人、日期" },
  amount: { en: "Amount", zh: "金额" },
} as const satisfies Record<string, Words>;

/** The row's upheld appeals (申诉成立), in the Appeals sheet's order. */
export function upheld(t: ScorecardTrace): ScorecardTrace["pay"]["appeals"] {
  return t.pay.appeals.filter((a) => a.status === "upheld");
}

/** 申诉调整's pay line, where the period has upheld appeals. */
export function appealPayLine(t: ScorecardTrace): [Words, number | null, Words][] {
  const list = upheld(t);
  if (list.length === 0) return [];
  const nos = list.map((a) => a.no || "—").join(", ");
  return [
    [
      W.appeal,
      t.pay.appealAdjustment,
      {
        en: `the effects on pay of the upheld appeals ${nos} (listed below)`,
        zh: `申诉成立事项 ${nos} 的薪酬调整合计（见下）`,
      },
    ],
  ];
}

/** The upheld appeals: number, what was appealed, the decision, who decided and when, amount. */
export function writeAppeals(w: StatementWriter, t: ScorecardTrace): void {
  w.heading(W.appeals);
  w.header([W.appealNo, W.appealSubject, W.appealDecision, W.appealDecided, W.amount], [4]);
  for (const a of upheld(t)) {
    w.line(
      [a.no, a.subject, a.decision, `${a.decidedBy} ${a.decidedOn}`.trim(), a.amount],
      [null, null, null, null, MONEY]
    );
  }
  w.row++;
}
