/**
 * The statement's annual review block (年度总评), on the statement of a year's last period: the
 * annual score, grade and coefficient, the promotion recommendation (晋升建议) with its reason,
 * and the profit share (分红) with its rule — every number the engine's (annualReviewLine).
 */
import type { AnnualReviewLine } from "../engine/evaluate/review";
import type { Cell, RangeRef, StyleSpec } from "./layout";
import { MONEY } from "./money";
import type { Words } from "./text";

/** What the block needs of the statement being written (statements.ts's writer). */
export interface BlockWriter {
  row: number;
  readonly styles: StyleSpec[];
  readonly merges: RangeRef[];
  say(w: Words): string;
  heading(w: Words): void;
  line(cells: Cell[], formats?: (string | null)[]): void;
}

const COLUMNS = 8;
const SCORE = "0.00";

function box(row: number, column: number, rows: number, columns: number): RangeRef {
  return { row, column, rows, columns };
}

const ANNUAL_W = {
  heading: { en: "Annual review", zh: "年度总评" },
  annualScore: { en: "Annual score", zh: "年度得分" },
  annualGrade: { en: "Annual grade", zh: "年度评级" },
  promotion: { en: "Promotion recommendation", zh: "晋升建议" },
  reason: { en: "Why", zh: "依据" },
  profitShare: { en: "Profit share", zh: "分红" },
  coefficient: { en: "Coefficient", zh: "绩效系数" },
  rule: { en: "Rule", zh: "规则" },
} as const satisfies Record<string, Words>;

/** The year's score and grade, the promotion recommendation with its reason, the profit share. */
export function writeAnnualReview(w: BlockWriter, a: AnnualReviewLine): void {
  w.heading({ en: `${ANNUAL_W.heading.en} ${a.year}`, zh: `${a.year}${ANNUAL_W.heading.zh}` });
  w.line(
    [
      w.say(ANNUAL_W.annualScore),
      a.total,
      w.say(ANNUAL_W.annualGrade),
      a.grade ?? "—",
      w.say(ANNUAL_W.coefficient),
      a.coefficient,
    ],
    [null, SCORE, null, null, null, "0.00"]
  );
  for (const c of [0, 2, 4]) w.styles.push({ range: box(w.row - 1, c, 1, 1), bold: true });
  if (a.promotion) {
    w.line([
      w.say(ANNUAL_W.promotion),
      a.promotion.text,
      w.say(ANNUAL_W.reason),
      a.promotion.reason,
    ]);
    w.merges.push(box(w.row - 1, 3, 1, COLUMNS - 3));
    w.styles.push({ range: box(w.row - 1, 0, 1, 1), bold: true });
    w.styles.push({ range: box(w.row - 1, 3, 1, COLUMNS - 3), wrap: true });
  }
  const s = a.profitShare;
  if (s) {
    const rule = {
      en: `pool ${s.pool} × (coefficient ${s.coefficient} × annual base ${s.annualBase}) ÷ ${s.total} (the year's total basis)`,
      zh: `分红池 ${s.pool} ×（年度绩效系数 ${s.coefficient} × 年度基本工资 ${s.annualBase}）÷ 当年分红基数合计 ${s.total}`,
    };
    w.line(
      [w.say(ANNUAL_W.profitShare), s.share, w.say(ANNUAL_W.rule), w.say(rule)],
      [null, MONEY, null, null]
    );
    w.merges.push(box(w.row - 1, 3, 1, COLUMNS - 3));
    w.styles.push({ range: box(w.row - 1, 0, 1, 1), bold: true });
    w.styles.push({ range: box(w.row - 1, 3, 1, COLUMNS - 3), wrap: true });
  }
  w.row++;
}
