/**
 * Messages of the annual review's consequences (晋升建议, 分红): the promotion rule's reasons and outcomes. Its own module, so the index of catalogues (src/messages.ts), which the
 * functions bundle loads, does not pull in the code that uses them.
 */
import type { Catalogue } from "../messages";

export const REVIEW_MESSAGES = {
  promotionYes: { en: "Recommended", zh: "建议晋升" },
  promotionNo: { en: "Not recommended", zh: "暂不建议" },
  promotionMissing: { en: "Grade missing", zh: "待补录评级" },
  promotionSep: { en: "; ", zh: "；" },
  promotionBelow: { en: "{year} grade {grade} below {min}", zh: "{year}年评级{grade}低于{min}" },
  promotionPeriodBelow: {
    en: "a period graded {grade}, below {worst}",
    zh: "有考核期评级为{grade}，低于{worst}",
  },
  promotionPriorMissing: { en: "{year} grade missing", zh: "需补录{year}年评级" },
  promotionPriorTwice: { en: "{year} grade entered twice", zh: "{year}年评级重复录入" },
  promotionPassed: {
    en: "grade {min} or better {years} year(s) running, no period below {worst}",
    zh: "连续{years}年评级{min}及以上，各考核期不低于{worst}",
  },
  promotionPassedNoPeriods: {
    en: "grade {min} or better {years} year(s) running",
    zh: "连续{years}年评级{min}及以上",
  },
} satisfies Catalogue;
