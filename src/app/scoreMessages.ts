/** Messages of the payroll job without Excel (scoreJob.ts, scripts/score.ts). */
import { type Catalogue } from "../engine/messages";

export const SCORE_MESSAGES = {
  scoreAmbiguous: {
    en: "More than one column could be {field} ({headers}); rename the others in the file.",
    zh: "有多列都可能是“{field}”（{headers}），请在文件中改名其他列。",
  },
  scoreScaleOption: {
    en: "State the ratings' scale with --feedback-scale {scale} to convert them.",
    zh: "请用 --feedback-scale {scale} 说明评分的分制，以便换算。",
  },
  scoreUnscored: {
    en: "{id} {name} {period} cannot be scored: {reason}",
    zh: "{id} {name} {period} 无法计分：{reason}",
  },
  scoreNothing: {
    en: "The file holds no row that can be scored.",
    zh: "文件中没有可以计分的行。",
  },
  scoreUsage: {
    en: "usage: npm run score -- <data.csv> [--plan plan.json] [--feedback f.csv] [--feedback-scale 5|10|100] --out <file.xlsx> [--lang zh-CN|en-US] [--style native|perf|values]",
    zh: "用法：npm run score -- <数据.csv> [--plan 方案.json] [--feedback 360评价.csv] [--feedback-scale 5|10|100] --out <文件.xlsx> [--lang zh-CN|en-US] [--style native|perf|values]",
  },
  scoreBadOption: {
    en: "{option} must be one of {allowed}.",
    zh: "{option} 只能是 {allowed} 之一。",
  },
  scoreWritten: {
    en: "{file}: {rows} scorecard rows ({unscored} cannot be scored), {lines} pay lines, {slips} payslips.",
    zh: "{file}：评分卡 {rows} 行（{unscored} 行无法计分），工资表 {lines} 行，工资条 {slips} 张。",
  },
  scoreNotWritten: {
    en: "No workbook was written.",
    zh: "未写出工作簿。",
  },
} satisfies Catalogue;
