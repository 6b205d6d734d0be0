/**
 * What the pane says where a feature is missing: data only, listed in src/messages.ts.
 */
import type { Catalogue } from "../engine/messages";

export const COMPAT_MESSAGES = {
  compatNoCustomFunctions: {
    en: "This version of Excel cannot run the PERF functions (it lacks the shared runtime or custom functions). The add-in writes plain Excel formulas instead, which calculate the same numbers.",
    zh: "此版本的 Excel 无法运行 PERF 函数（缺少共享运行时或自定义函数支持）。加载项改为写入普通 Excel 公式，计算结果相同。",
  },
  compatNoWriteWorkbook: {
    en: "This version of Excel cannot create or update the plan workbook and scorecards (it needs ExcelApi {version}: Excel 2019 or later, Microsoft 365, Excel on the web or on Mac). Workbooks made elsewhere still open and calculate here.",
    zh: "此版本的 Excel 无法创建或更新方案工作簿和计分卡（需要 ExcelApi {version}：Excel 2019 或更高版本、Microsoft 365、网页版或 Mac 版 Excel）。在其他地方生成的工作簿仍可在此打开并计算。",
  },
  compatNoNativeCharts: {
    en: "This version of Excel cannot add charts (ExcelApi {version}); the sheets are written without them.",
    zh: "此版本的 Excel 无法添加图表（ExcelApi {version}）；工作表将不含图表。",
  },
  compatNoDropDowns: {
    en: "This version of Excel cannot add drop-down lists (ExcelApi {version}); type the values instead.",
    zh: "此版本的 Excel 无法添加下拉列表（ExcelApi {version}）；请直接输入数值。",
  },
  compatNoReplaceInPlace: {
    en: "This version of Excel cannot copy ranges (ExcelApi {version}); sheets the add-in rewrites are cleared and written again in place.",
    zh: "此版本的 Excel 无法复制区域（ExcelApi {version}）；加载项重写的工作表将先清空再原地写入。",
  },
  compatNoPrintSetup: {
    en: "This version of Excel cannot set up printing (ExcelApi {version}); the sheets print with Excel's default settings.",
    zh: "此版本的 Excel 无法设置打印（ExcelApi {version}）；工作表按 Excel 默认设置打印。",
  },
} satisfies Catalogue;
