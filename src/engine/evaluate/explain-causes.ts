/**
 * The words of an indicator's problem on a row: why it has no computed score (by reason code)
 * and what the plan's missing policy then does. explain.ts's rowProblems puts them together.
 */
import type { LocalizedText } from "../plan/model";
import type { ReasonCode } from "./score";

export const CAUSES: Record<ReasonCode, LocalizedText> = {
  none: { en: "", zh: "" },
  blank: { en: "{field} is blank.", zh: "{field}为空，" },
  invalid: { en: "{field} could not be read.", zh: "{field}无法读取，" },
  absent: { en: "the data has no {field} column.", zh: "数据中没有“{field}”列，" },
  noTarget: { en: "there is no target.", zh: "没有目标值，" },
  targetZero: { en: "the target is 0.", zh: "目标值为 0，" },
  targetNegative: { en: "the target is negative.", zh: "目标值为负数，" },
  denominatorZero: {
    en: "{field} is 0, so the ratio cannot be computed.",
    zh: "{field}为 0，无法计算比率，",
  },
  priorZero: {
    en: "{field} is 0, so growth cannot be computed.",
    zh: "{field}为 0，无法计算增长率，",
  },
  noRatings: { en: "there are no 360 ratings for the period.", zh: "本期没有 360 评价，" },
  noCustomerRatings: {
    en: "there are no 360 ratings by customers (rater type 客户) on the Feedback sheet for the period.",
    zh: "“360评价”表中本期没有客户（评价人类型：客户）的评价，",
  },
};
export const CONSEQUENCES: Record<"error" | "zeroed" | "excluded", LocalizedText> = {
  error: { en: "The score cannot be computed until this is fixed.", zh: "修正前无法计算得分。" },
  zeroed: { en: "Scored 0 as the plan says.", zh: "按方案计 0 分。" },
  excluded: {
    en: "Left out; the other weights in the dimension are scaled up.",
    zh: "不计入，本维度其他指标权重按比例放大。",
  },
};
