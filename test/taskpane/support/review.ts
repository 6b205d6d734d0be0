/**
 * Appeals and Sign-off sheets for the pane's tests: the sheets' headers in either language and
 * an appeal upheld with 500 on pay, and a host whose 2024-Q1 is closed with that appeal typed on
 * its Appeals sheet afterwards (the check names it: it changes pay only after a reopen).
 */
import type { CellInput, CellTable } from "../../../src/engine";
import { closeAPeriod } from "../../../src/app/closing";
import { hostWithSampleData, type MemoryHost } from "./memoryHost";

type Lang = "en-US" | "zh-CN";

const APPEALS_HEADER: Record<Lang, string[]> = {
  "en-US": [
    "Appeal no.",
    "Employee ID",
    "Name",
    "Period",
    "Number appealed",
    "Reason",
    "Status",
    "Decision",
    "Effect on pay",
    "Decided by",
    "Decided on",
  ],
  "zh-CN": [
    "申诉编号",
    "员工编号",
    "姓名",
    "考核期间",
    "申诉事项",
    "申诉理由",
    "处理状态",
    "处理结果",
    "薪酬调整(元)",
    "审批人",
    "处理日期",
  ],
};

/** The Appeals sheet (named 绩效申诉 in Chinese) holding `rows`. */
export function appealsSheet(rows: CellInput[][], language: Lang = "en-US"): CellTable {
  const sheet = language === "zh-CN" ? "绩效申诉" : "Appeals";
  return { sheet, headerRow: 1, header: APPEALS_HEADER[language], rows };
}

/** The Sign-off sheet (named 绩效审批 in Chinese) holding `rows`. */
export function signOffSheet(rows: CellInput[][], language: Lang = "en-US"): CellTable {
  return language === "zh-CN"
    ? {
        sheet: "绩效审批",
        headerRow: 1,
        header: ["考核期间", "审批角色", "签字人", "签字日期"],
        rows,
      }
    : {
        sheet: "Sign-off",
        headerRow: 1,
        header: ["Period", "Role", "Signed by", "Signed on"],
        rows,
      };
}

/** S1001's appeal of 2024-Q1, upheld with `amount` on pay. */
export function upheldAppeal(amount: CellInput = 500, language: Lang = "en-US"): CellInput[] {
  return [
    "2024-Q1-01",
    "S1001",
    "郭军",
    "2024-Q1",
    "New customers",
    "A deal was missed",
    language === "zh-CN" ? "申诉成立" : "Upheld",
    "One deal added",
    amount,
    "Zhang Wei",
    "2024-04-08",
  ];
}

/** The sample data with 2024-Q1 closed, then S1001's appeal typed on the sheet as upheld. */
export async function closedWithUpheldAppeal(language: Lang = "en-US"): Promise<MemoryHost> {
  const host = hostWithSampleData();
  await closeAPeriod(host, {
    period: "2024-Q1",
    by: "Wang Fang",
    overrideReason: "signed on paper",
    language,
    style: "native",
  });
  host.appeals = appealsSheet([upheldAppeal(500, language)], language);
  return host;
}
