/**
 * The grade and coefficient cells of a scored row, shared by the Scorecard (a period) and the
 * Annual sheet (a year): rank, group size and grade; the coefficient by grade or from the matrix.
 */
import type {} from "../../engine/plan/model";
import { PAY_FIELDS } from "../../engine/plan/model";
import { type Grading } from "../../engine/evaluate/grading";
import { gradeFormula } from "../../engine/rules/grade";
import { forcedGradeFormula, groupSizeFormula, rankFormula } from "../../engine/rules/distribution";
import {
  coefficientFormula,
  matrixFormula,
  matrixRatioFormula,
} from "../../engine/rules/coefficient";
import { numOr, type Value } from "../formula";
import type { Cell } from "../layout";
import { PLAN_NAMES } from "../plan-sheet";
import { Ctx } from "./context";

/** The coefficient matrix lookup: last row and column threshold reached; 0 below either axis. */
/**
 * Rank, group size and grade of a scored row (a Scorecard period or an Annual year): by forced
 * distribution within the row's group (its period or year, and team when the plan says so), by
 * PERF.GRADE, or by the bands on the Plan sheet — each with the engine's value cached.
 */
export function putGrade(
  ctx: Ctx,
  put: (key: string, v: Cell) => void,
  at: (key: string) => string,
  colRange: (key: string) => string,
  periodKey: "period" | "year",
  TOT: string,
  grading: Grading,
  r: number
): void {
  const { plan, style, fx } = ctx;
  const gi = grading.gradeIndex[r];
  const gradeValue: Value = gi >= 0 ? plan.grading.grades[gi].label : "";
  if (plan.grading.mode === "forced") {
    const group = plan.grading.group === "team" ? `,${colRange("team")},${at("team")}` : "";
    const inGroup = `${colRange(periodKey)},${at(periodKey)}${group}`;
    put("rank", fx(rankFormula(TOT, inGroup, colRange("total")), gi >= 0 ? grading.rank[r] : ""));
    put(
      "n",
      fx(groupSizeFormula(TOT, inGroup, colRange("total")), gi >= 0 ? grading.groupSize[r] : "")
    );
    put(
      "grade",
      fx(
        forcedGradeFormula(
          TOT,
          at("rank"),
          at("n"),
          PLAN_NAMES.gradeLabel,
          PLAN_NAMES.gradeCumulative,
          plan.grading.grades.length
        ),
        gradeValue
      )
    );
  } else {
    const table = {
      labels: PLAN_NAMES.gradeLabel,
      mins: PLAN_NAMES.gradeMin,
      bands: PLAN_NAMES.gradeBands,
    };
    put("grade", fx(gradeFormula(TOT, table, style === "perf"), gradeValue));
  }
}

/** The coefficient of a grade from the Plan sheet's grade table (PERF.COEFFICIENT or INDEX/MATCH). */
export function gradeCoefficient(ctx: Ctx, G: string, value: Value): Cell {
  const table = {
    labels: PLAN_NAMES.gradeLabel,
    coefficients: PLAN_NAMES.gradeCoefficient,
    table: PLAN_NAMES.gradeCoefficients,
  };
  return ctx.fx(coefficientFormula(G, table, ctx.style === "perf"), value);
}

/**
 * The coefficient from the attainment × collection-rate matrix: the period's sales attainment
 * ("ma") and collection rate ("mc") from the aggregate cells `ref` names, then the lookup.
 */
export function putMatrixCoefficient(
  ctx: Ctx,
  put: (key: string, v: Cell) => void,
  at: (key: string) => string,
  G: string,
  ref: (field: string) => string,
  ratios: [number, number],
  coefficient: Value
): void {
  const { fx } = ctx;
  const ratio = (n: string, d: string) => matrixRatioFormula(ref(n), ref(d));
  put("ma", fx(ratio(PAY_FIELDS.signed, PAY_FIELDS.salesTarget), numOr(ratios[0], "")));
  put("mc", fx(ratio(PAY_FIELDS.collected, PAY_FIELDS.due), numOr(ratios[1], "")));
  const table = {
    rows: PLAN_NAMES.matrixRows,
    columns: PLAN_NAMES.matrixColumns,
    table: PLAN_NAMES.matrix,
  };
  put(
    "coefficient",
    fx(matrixFormula(G, at("ma"), at("mc"), table, ctx.style === "perf"), coefficient)
  );
}
