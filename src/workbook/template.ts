/**
 * The plan template: Guide (使用说明), Plan (方案), Data (数据), Feedback (360评价) — empty, or
 * filled with records — and valid, unique sheet names.
 */
import type { Language } from "../engine/messages";
import { ratingScale, type Plan } from "../engine/plan/model";
import { dataSheet, DataRecords, feedbackSheet } from "./data-sheet";
import { gradeHistorySheet } from "./grade-history";
import type { GradeHistoryEntry } from "../engine/evaluate/review";
import { Grid } from "./grid";
import type { SheetLayout, SheetRole, WorkbookLayout } from "./layout";
import { sheet as emptySheet } from "./layout";
import { planSheet } from "./plan-sheet";
import { appealsSheet, signOffSheet } from "./sheets/appeals";
import type { Words } from "./text";
import { say, SHEET_NAMES } from "./text";

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/g;

/**
 * A valid sheet name: none of []:*?/\, not blank, no leading or trailing apostrophe, at most 31
 * characters, and unique (case-insensitively) among `taken`, which it joins.
 */
export function validSheetName(wanted: string, taken: Set<string>): string {
  let base = wanted
    .replace(INVALID_SHEET_CHARS, "_")
    .replace(/^'+|'+$/g, "")
    .trim();
  if (!base) base = "Sheet";
  if (base.toLowerCase() === "history") base = "History_";
  const fit = (s: string, suffix: string) => s.slice(0, 31 - suffix.length) + suffix;
  let name = fit(base, "");
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = fit(base, ` (${i})`);
  taken.add(name.toLowerCase());
  return name;
}

/** The add-in's sheet names in a language, made valid and unique. */
export function sheetNames(language: Language): Record<SheetRole, string> {
  const taken = new Set<string>();
  const out = {} as Record<SheetRole, string>;
  for (const [role, w] of Object.entries(SHEET_NAMES) as [SheetRole, Words][])
    out[role] = validSheetName(say(w, language), taken);
  return out;
}

const GUIDE: { head?: Words; text: Words }[] = [
  {
    head: { en: "What this workbook is", zh: "本工作簿的用途" },
    text: {
      en: "The sales performance plan in one workbook: the plan's parameters, the CRM data and 360 ratings, and the scorecards computed from them.",
      zh: "在一个工作簿中完成销售人员绩效方案：方案参数、CRM 数据和 360 评价，以及据此计算的评分卡。",
    },
  },
  {
    head: { en: "Sheets", zh: "各工作表" },
    text: {
      en: "Plan: dimensions, indicators, grades and coefficients, commission tiers, pay and period settings.",
      zh: "方案：考核维度、指标、等级与绩效系数、提成阶梯、薪酬与考核周期设置。",
    },
  },
  {
    text: {
      en: "Data: one row per salesperson and month, as exported from the CRM (the first row says each column's unit and source).",
      zh: "数据：每位销售人员每月一行，即 CRM 导出的数据（第一行注明各列的单位和来源）。",
    },
  },
  {
    text: {
      en: "Feedback: one row per 360 rating (superior, peer or customer) for a month, quarter or year.",
      zh: "360评价：每条评价一行（上级、同事或客户），期间可为月、季度或年度。",
    },
  },
  {
    text: {
      en: "Scorecard, Commission, Annual and Summary are written by the add-in as formulas over these sheets; Statements are the interview handouts.",
      zh: "评分卡、提成明细、年度评价和汇总由加载项以公式生成，引用上述工作表；绩效结果通知单用于绩效面谈。",
    },
  },
  {
    head: { en: "Order of work", zh: "操作顺序" },
    text: {
      en: "1. Check the Plan sheet (weights in each table sum to 100%).",
      zh: "1. 检查方案表（各表权重合计为 100%）。",
    },
  },
  {
    text: {
      en: "2. Paste or import the month's CRM data into the Data sheet, and the ratings into Feedback.",
      zh: "2. 将当月 CRM 数据粘贴或导入数据表，将评价填入 360评价 表。",
    },
  },
  {
    text: {
      en: "3. Generate the scorecard from the add-in's panel; read each row's status; fix what it names and generate again.",
      zh: "3. 在加载项面板中生成评分卡；查看各行状态，按提示修正后重新生成。",
    },
  },
  {
    text: {
      en: "4. Print the statements for the evaluation interviews.",
      zh: "4. 打印绩效结果通知单，用于绩效面谈。",
    },
  },
  {
    head: { en: "Good to know", zh: "注意事项" },
    text: {
      en: "The scorecard recalculates when you change a number on the Plan or Data sheets, also without the add-in (older Excel, LibreOffice). After changing the plan's structure (indicators, scoring methods), generate it again.",
      zh: "修改方案表或数据表中的数值后，评分卡会自动重新计算，无需加载项（旧版 Excel、LibreOffice 亦可）。修改方案结构（指标、计分方式）后请重新生成。",
    },
  },
  {
    text: {
      en: "A row that cannot be scored (a missing or unreadable input) is left blank and its status says why; it is never scored as zero.",
      zh: "无法计分的行（输入缺失或无法读取）留空，并在状态列说明原因，绝不按零分计算。",
    },
  },
  {
    text: {
      en: "Regenerating replaces the add-in's own sheets; sheets you made are never changed.",
      zh: "重新生成只替换加载项创建的工作表，您自己的工作表不会被修改。",
    },
  },
];

/** The Guide sheet. */
export function guideSheet(
  plan: Plan,
  language: Language,
  name = say(SHEET_NAMES.guide, language)
): SheetLayout {
  const s = emptySheet("guide", name, "output");
  const g = new Grid();
  const L = (w: Words) => say(w, language);
  g.set(0, 0, `${say(plan.name, language)}`);
  g.set(
    1,
    0,
    `${L({ en: "Version", zh: "版本" })} ${plan.version} · ${L({ en: "effective", zh: "生效日期" })} ${plan.effectiveDate}`
  );
  let row = 3;
  const styles: SheetLayout["styles"] = [
    {
      range: { row: 0, column: 0, rows: 1, columns: 1 },
      bold: true,
      fontSize: 16,
      fontColor: "#1F4E78",
    },
    { range: { row: 1, column: 0, rows: 1, columns: 1 }, italic: true, fontColor: "#595959" },
  ];
  for (const item of GUIDE) {
    if (item.head) {
      if (row > 3) row++;
      g.set(row, 0, L(item.head));
      styles.push({
        range: { row, column: 0, rows: 1, columns: 1 },
        bold: true,
        fontSize: 12,
        fill: "#DDEBF7",
      });
      row++;
    }
    g.set(row, 0, L(item.text));
    styles.push({ range: { row, column: 0, rows: 1, columns: 1 }, wrap: true, vertical: "top" });
    row++;
  }
  s.blocks.push(g.block());
  s.columns = [{ width: 110 }];
  s.styles = styles;
  s.tabColor = "#1F4E78";
  return s;
}

/**
 * The plan template workbook: Guide, Plan, Data, Feedback, Appeals and Sign-off. With records, the
 * input sheets hold them (a filled template, e.g. the demo), as the engine read them.
 */
export function templateLayout(
  plan: Plan,
  language: Language,
  records?: DataRecords,
  gradeHistory: readonly Omit<GradeHistoryEntry, "row">[] = []
): WorkbookLayout {
  const names = sheetNames(language);
  return {
    language,
    sheets: [
      guideSheet(plan, language, names.guide),
      planSheet(plan, language, names.plan).sheet,
      dataSheet(plan, language, records, names.data),
      feedbackSheet(language, records?.ratings ?? [], names.feedback, ratingScale(plan)),
      gradeHistorySheet(language, gradeHistory, names.grade_history),
      appealsSheet(language, records?.appeals ?? [], names.appeals),
      signOffSheet(language, records?.signOffs ?? [], names.sign_off),
    ],
  };
}
