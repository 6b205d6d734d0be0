/**
 * What the Office.js adapter tells the user, in both languages (formatted with the engine's
 * {@link formatMessage}).
 */
import { type Catalogue } from "../engine/messages";

export const OFFICE_MESSAGES = {
  officeSheetRenamed: {
    en: 'A sheet named "{requested}" that the add-in did not create already exists; the add-in wrote "{name}" instead.',
    zh: "已存在一个并非由加载项创建的“{requested}”工作表；加载项改为写入“{name}”。",
  },
  officeInputKept: {
    en: '"{name}" holds your data and was kept as it is.',
    zh: "“{name}”保存的是您的数据，已原样保留。",
  },
  officeWrittenAlongside: {
    en: 'You edited "{previous}", so it was kept and the new result was written to "{name}".',
    zh: "您修改过“{previous}”，因此已保留它，并将新结果写入“{name}”。",
  },
  officeTableRenamed: {
    en: 'The table name "{requested}" is taken; the table on "{sheet}" is named "{name}".',
    zh: "表名“{requested}”已被占用；“{sheet}”上的表命名为“{name}”。",
  },
  officeTableHeaderChanged: {
    en: 'Excel keeps table headers unique and as plain text, so some headers of the table "{table}" on "{sheet}" were adjusted.',
    zh: "Excel 要求表头唯一且为文本，因此“{sheet}”上表“{table}”的部分表头已调整。",
  },
  officeValidationSkipped: {
    en: 'This version of Excel cannot add drop-down lists (ExcelApi 1.8); {count} on "{sheet}" were left out.',
    zh: "此版本的 Excel 不支持下拉列表（ExcelApi 1.8）；“{sheet}”上的 {count} 个下拉列表未添加。",
  },
  officeValidationListTooLong: {
    en: 'A drop-down list on "{sheet}" is longer than Excel allows (255 characters or an item with a comma) and was left out.',
    zh: "“{sheet}”上的一个下拉列表超出 Excel 的限制（255 个字符，或选项中含逗号），未添加。",
  },
  officePrintSkipped: {
    en: 'This version of Excel cannot set up printing (ExcelApi 1.9); "{sheet}" prints with Excel\'s defaults.',
    zh: "此版本的 Excel 不支持打印设置（ExcelApi 1.9）；“{sheet}”将按 Excel 默认设置打印。",
  },
  officeReplacedInPlace: {
    en: 'This version of Excel cannot copy ranges (ExcelApi 1.9); "{sheet}" was cleared and rewritten in place.',
    zh: "此版本的 Excel 不支持复制区域（ExcelApi 1.9）；“{sheet}”已清空后原地重写。",
  },
  officeChartSkipped: {
    en: 'The chart "{title}" on "{sheet}" has no data series and was left out.',
    zh: "“{sheet}”上的图表“{title}”没有数据系列，未添加。",
  },
  officeNameConflict: {
    en: 'The workbook already has a name "{name}" that the add-in did not create. Rename or delete it (Formulas › Name Manager) and try again; nothing was changed.',
    zh: "工作簿中已有一个并非由加载项创建的名称“{name}”。请在“公式 › 名称管理器”中重命名或删除它后重试；工作簿未做任何更改。",
  },
  officeUnsupportedHost: {
    en: "This version of Excel lacks what the add-in needs to write sheets (ExcelApi {version}). Nothing was changed.",
    zh: "此版本的 Excel 缺少加载项写入工作表所需的功能（ExcelApi {version}）。工作簿未做任何更改。",
  },
  officeLayoutInvalid: {
    en: "The layout has two sheets with the role {role}; nothing was changed.",
    zh: "布局中有两个角色为 {role} 的工作表；工作簿未做任何更改。",
  },
  officeCancelled: {
    en: "Cancelled; nothing was changed.",
    zh: "已取消，工作簿未做任何更改。",
  },
  officeWriteFailed: {
    en: "Excel stopped the job ({code}: {detail}). Your own sheets and data are untouched; unfinished work is hidden or marked and will be completed when you try again.",
    zh: "Excel 中止了本次操作（{code}：{detail}）。您自己的工作表和数据未受影响；未完成的部分已隐藏或标记，重试时会完成。",
  },
  officeSheetNotFound: {
    en: 'There is no sheet "{name}" in this workbook.',
    zh: "此工作簿中没有“{name}”工作表。",
  },
} satisfies Catalogue;

export type OfficeMessageKey = keyof typeof OFFICE_MESSAGES;
