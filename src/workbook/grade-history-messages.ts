/**
 * Messages of the Grade history sheet (历年评级), located by sheet, row and column. Its own module, so the index of catalogues (src/messages.ts), which the
 * functions bundle loads, does not pull in the code that uses them.
 */
import type { Catalogue } from "../engine/messages";

export const GRADE_HISTORY_MESSAGES = {
  gradeHistoryColumnMissing: {
    en: 'No "{column}" column in the header row; the sheet is not read.',
    zh: "表头中没有“{column}”列，未读取该表。",
  },
  gradeHistoryIdBlank: {
    en: "The row has a year or grade but no employee ID; it is not read.",
    zh: "该行有年度或评级但没有员工编号，未读取。",
  },
  gradeHistoryYearInvalid: {
    en: '"{text}" is not a year (write it as a number, e.g. 2023); the row is not read.',
    zh: "“{text}”不是年度（请填写数字，如 2023），未读取该行。",
  },
  gradeHistoryGradeBlank: {
    en: "{id} {year} has no grade; the year counts as missing.",
    zh: "{id} {year}年没有评级，按缺失处理。",
  },
  gradeHistoryGradeUnknown: {
    en: '"{grade}" is not a grade of the plan; {id} {year} counts as missing.',
    zh: "“{grade}”不是方案中的等级；{id} {year}年按缺失处理。",
  },
  gradeHistoryTwice: {
    en: "{id} {year} is entered more than once (first in row {first}); the promotion rule says so until one is left.",
    zh: "{id} {year}年重复录入（首次在第 {first} 行）；删除多余的行之前，晋升建议将提示重复。",
  },
} satisfies Catalogue;
