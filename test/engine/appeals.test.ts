/**
 * 绩效申诉与审批 in the engine: the Appeals and Sign-off sheets read with located messages in both
 * languages (nothing guessed), and the appeal adjustment pay line — upheld appeals summed per person
 * and period into the total and the pay list's last month, pending and rejected ones changing
 * nothing, an unreadable upheld appeal holding the total up; a run without appeals is bit for bit
 * the run it was.
 */
import {
  defaultPlan,
  evaluate,
  explain,
  formatIssue,
  parseCsv,
  readAppealsTable,
  readDataTable,
  readSignOffTable,
  scorecardRows,
  signOffState,
  type CellInput,
  type CellTable,
  type Evaluation,
} from "../../src/engine";
import { appealsOf } from "../../src/app/workflow";
import { fixtureText } from "../taskpane/support/memoryHost";
import { appealsSheet } from "../taskpane/support/review";

const plan = defaultPlan();
const data = readDataTable(parseCsv(fixtureText(), "crm.csv"), plan);
/** The Appeals sheet in Chinese (绩效申诉) holding `rows`. */
const appealsTable = (rows: CellInput[][]): CellTable => appealsSheet(rows, "zh-CN");

function run(rows: CellInput[][]): Evaluation {
  const reading = readAppealsTable(appealsTable(rows));
  const ids = new Set(data.rows.map((r) => r.id));
  return evaluate(
    plan,
    data.rows,
    [],
    appealsOf({ data, feedback: { ratings: [], issues: [] }, appeals: reading }, ids)
  );
}

const base = evaluate(plan, data.rows);
const rowOf = (ev: Evaluation, id: string) => scorecardRows(ev).find((r) => r.id === id)!;
const upheld = (no: string, id: string, amount: CellInput) => [
  no,
  id,
  "",
  "2024-Q1",
  "新签客户数",
  "漏记一单",
  "申诉成立",
  "补记一单，调整绩效",
  amount,
  "王经理",
  "2024-04-08",
];

describe("Appeals sheet reading", () => {
  it("should read appeals of every status with the decision and amount", () => {
    const r = readAppealsTable(
      appealsTable([
        upheld("A1", "S1001", 500),
        [
          "A2",
          "S1002",
          "周霞",
          "2024-Q1",
          "回款金额",
          "回款未到账",
          "Rejected",
          "维持原结果",
          null,
          "王经理",
          45390,
        ],
        ["A3", "S1003", "", "2024-Q1", "", "", "待处理", "", null, "", ""],
      ])
    );
    expect(r.issues).toEqual([]);
    expect(r.appeals.map((a) => [a.no, a.status, a.amount, a.decidedOn, a.row])).toEqual([
      ["A1", "upheld", 500, "2024-04-08", 2],
      ["A2", "rejected", 0, "2024-04-08", 3],
      ["A3", "pending", 0, "", 4],
    ]);
  });

  it("should name the sheet, row, column and reason of each problem, in both languages", () => {
    const r = readAppealsTable(
      appealsTable([
        ["A1", "", "", "2024-Q1", "", "", "待处理", "", null, "", ""],
        ["A2", "S1001", "", "2024年一季度", "", "", "申诉成立", "", "五百", "", ""],
        ["A3", "S1002", "", "2024-03", "", "", "待处理", "", null, "", ""],
        ["A4", "S1003", "", "2024-Q1", "", "", "同意", "", 100.005, "", "昨天"],
        ["A5", "S1004", "", "2024-Q1", "", "", "", "", null, "", ""],
      ]),
      { closed: new Set(["2024-Q1"]) }
    );
    const seen = r.issues.map((i) => `${i.location?.row}${i.location?.column} ${i.code}`);
    expect(seen).toEqual([
      "2B appealIdMissing",
      "3D appealPeriodNotKey",
      "3I appealAmountUnreadable",
      "3H appealDecisionMissing",
      "3K appealDateMissing",
      "3J appealDeciderMissing",
      "3G appealClosedPeriod",
      "4D appealPeriodKind",
      "5G appealStatusUnreadable",
      "5I appealAmountCents",
      "5K appealDateUnreadable",
      "6G appealStatusMissing",
    ]);
    for (const i of r.issues) expect(i.location?.sheet).toBe("绩效申诉");
    const amount = r.issues.find((i) => i.code === "appealAmountUnreadable")!;
    expect(formatIssue(amount, "zh-CN")).toContain("“五百”不是金额");
    expect(formatIssue(amount, "en-US")).toContain('"五百" is not an amount');
    const kind = r.issues.find((i) => i.code === "appealPeriodKind")!;
    expect(formatIssue(kind, "en-US")).toContain("write it as 2024-Q1");
    // the upheld appeal that cannot be read holds its person's period up; the others are pending
    expect([...r.blocked.keys()]).toEqual([
      "S1001\u00002024-Q1",
      "S1003\u00002024-Q1",
      "S1004\u00002024-Q1",
    ]);
  });

  it("should name an appeal upheld for a closed period at its status cell, in both languages, without holding pay up", () => {
    const rows = [
      upheld("A1", "S1001", 500),
      [...upheld("A2", "S1002", 200).slice(0, 6), "待处理", "", null, "", ""],
    ];
    const open = readAppealsTable(appealsTable(rows));
    expect(open.issues).toEqual([]);
    const r = readAppealsTable(appealsTable(rows), { closed: new Set(["2024-Q1"]) });
    // only the upheld one: a pending appeal of a closed period changes nothing either way
    expect(r.issues.map((i) => formatIssue(i, "zh-CN"))).toEqual([
      "绩效申诉 第 2 行 G 列（处理状态）：2024-Q1 已结账：申诉成立后，需先在结账页面重新打开该期间并重新生成，才会调整薪酬。",
    ]);
    expect(r.issues.map((i) => formatIssue(i, "en-US"))).toEqual([
      "绩效申诉 row 2, column G (处理状态): 2024-Q1 is closed: an upheld appeal changes its pay only after the period is reopened (Close view) and generated again.",
    ]);
    expect(r.appeals.map((a) => a.status)).toEqual(["upheld", "pending"]);
    expect(r.blocked.size).toBe(0);
    // another period is not closed by it
    expect(readAppealsTable(appealsTable(rows), { closed: new Set(["2023-Q4"]) }).issues).toEqual(
      []
    );
  });

  it("should refuse a sheet without its columns, naming them", () => {
    const r = readAppealsTable({
      sheet: "Appeals",
      headerRow: 1,
      header: ["Employee ID"],
      rows: [],
    });
    expect(r.issues.map((i) => formatIssue(i, "en-US"))).toEqual([
      'Appeals row 1: Column "Period" was not found in the header row.',
      'Appeals row 1: Column "Status" was not found in the header row.',
      'Appeals row 1: Column "Effect on pay" was not found in the header row.',
    ]);
  });
});

describe("Sign-off sheet reading", () => {
  const header = ["Period", "Role", "Signed by", "Signed on"];
  it("should read sign-offs and say which roles a period misses", () => {
    const r = readSignOffTable({
      sheet: "Sign-off",
      headerRow: 1,
      header,
      rows: [
        ["2024-Q1", "销售经理", "王经理", "2024-04-08"],
        ["2024-Q1", "HR", "李娜", 45391],
        ["2024-Q2", "财务", "赵会计", "2024-07-08"],
      ],
    });
    expect(r.issues).toEqual([]);
    const st = signOffState(r.signOffs, "2024-Q1");
    expect(st.missing).toEqual(["finance"]);
    expect(st.byRole.hr).toMatchObject({ name: "李娜", date: "2024-04-09" });
  });

  it("should name unreadable rows and not count them", () => {
    const r = readSignOffTable({
      sheet: "Sign-off",
      headerRow: 1,
      header,
      rows: [
        ["2024-Q1", "老板", "王", "2024-04-08"],
        ["2024-Q1", "Finance", "", "2024-13-01"],
      ],
    });
    expect(r.signOffs).toEqual([]);
    expect(r.issues.map((i) => formatIssue(i, "en-US"))).toEqual([
      'Sign-off row 2, column B (Role): "老板" is not a sign-off role; choose Sales manager (销售经理), HR (人力资源), Finance (财务).',
      "Sign-off row 3, column C (Signed by): The sign-off names no one; write who signed.",
      'Sign-off row 3, column D (Signed on): "2024-13-01" is not a date; write when it was signed as 2024-04-05.',
    ]);
  });
});

describe("appeal adjustment in pay", () => {
  it("should leave every result as it was without appeals, and with only pending or rejected ones", () => {
    const none = run([]);
    const notUpheld = run([
      ["A2", "S1002", "", "2024-Q1", "", "", "维持原结果", "维持", null, "王经理", "2024-04-08"],
    ]);
    for (const ev of [none, notUpheld]) {
      expect(Array.from(ev.periodPay.total)).toEqual(Array.from(base.periodPay.total));
      expect(Array.from(ev.payroll.gross)).toEqual(Array.from(base.payroll.gross));
      expect(Array.from(ev.periodPay.appeal).every((x) => x === 0)).toBe(true);
    }
  });

  it("should add the upheld amounts of the person's period to its total and to the pay list's last month", () => {
    const ev = run([upheld("A1", "S1001", 500), upheld("A3", "S1001", -120.5)]);
    const before = rowOf(base, "S1001");
    const after = rowOf(ev, "S1001");
    expect(after.appeal).toBe(379.5);
    expect(after.totalPay).toBeCloseTo(before.totalPay! + 379.5, 6);
    // the others' totals are as they were
    expect(rowOf(ev, "S1002").totalPay).toBe(rowOf(base, "S1002").totalPay);
    const mf = ev.payroll.frame;
    const months = [...Array(mf.n).keys()].filter((m) => mf.ids[m] === "S1001");
    expect(months.map((m) => ev.payroll.appeal[m])).toEqual([0, 0, 379.5]);
    const last = months[2];
    expect(ev.payroll.gross[last]).toBeCloseTo(base.payroll.gross[last] + 379.5, 6);
  });

  it("should explain the row's appeals (every status) and the adjustment they make", () => {
    const ev = run([
      upheld("A1", "S1001", 500),
      [
        "A2",
        "S1001",
        "",
        "2024-Q1",
        "回款",
        "未到账",
        "维持原结果",
        "维持",
        null,
        "王经理",
        "2024-04-08",
      ],
    ]);
    const r = rowOf(ev, "S1001").index;
    const pay = explain(ev, r).pay;
    expect(pay.appealAdjustment).toBe(500);
    expect(pay.appeals.map((a) => [a.no, a.status, a.amount, a.decision])).toEqual([
      ["A1", "upheld", 500, "补记一单，调整绩效"],
      ["A2", "rejected", 0, "维持"],
    ]);
    expect(explain(base, r).pay.appeals).toEqual([]);
  });

  it("should hold the total up while an upheld appeal cannot be read, saying which row", () => {
    const ev = run([upheld("A1", "S1001", "五百")]);
    const r = rowOf(ev, "S1001");
    expect(r.totalPay).toBeNull();
    expect(r.status).toBe("error");
    const p = r.problems.find((i) => i.code === "appealBlocksPay")!;
    expect(formatIssue(p, "en-US")).toContain("Appeals sheet row 2");
    expect(formatIssue(p, "zh-CN")).toContain("第 2 行的申诉（A1）");
  });
});
