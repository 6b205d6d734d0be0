import { readFileSync } from "fs";
import { join } from "path";
import {
  defaultPlan,
  evaluate,
  formatIssue,
  Issue,
  mapColumns,
  parseCsv,
  readDataTable,
  readFeedbackTable,
  scorecardRows,
} from "../../src/engine";

const SAMPLE = join(__dirname, "..", "fixtures", "crm-export-2024Q1.csv");

describe("reading the sample CRM export", () => {
  const plan = defaultPlan();
  const table = parseCsv(readFileSync(SAMPLE, "utf8"), "crm-export-2024Q1.csv");
  const { rows, issues } = readDataTable(table, plan);
  const at = (row: number, column?: string) =>
    issues.filter(
      (i) => i.location?.row === row && (column === undefined || i.location?.column === column)
    );

  it("should strip the byte-order mark and read the Chinese headers", () => {
    expect(table.header[0]).toBe("员工编号");
    expect(issues.filter((i) => i.code === "columnNotFound")).toEqual([]);
  });
  it("should keep every readable row: 73 data lines less the exact duplicate and the second of two conflicting rows", () => {
    expect(rows).toHaveLength(71);
    expect(rows.find((x) => x.source.row === 42)!.conflict).toBe(66);
  });
  it("should read money written three ways and percent text", () => {
    const r = rows.find((x) => x.id === "S1002" && x.period === "2024-01")!;
    expect(r.values.sales_amount).toBe(419963.2);
    expect(r.values.retention_rate).toBe(0.57);
    expect(rows.find((x) => x.id === "S1003" && x.period === "2024-01")!.values.sales_amount).toBe(
      393710
    );
  });
  it("should name each fault by row and column, in both languages", () => {
    const expectOne = (
      row: number,
      column: string | undefined,
      code: string,
      severity: Issue["severity"]
    ) => {
      const found = at(row, column).filter((i) => i.code === code);
      expect(found).toHaveLength(1);
      expect(found[0].severity).toBe(severity);
      return found[0];
    };
    expectOne(5, "M", "valueBlank", "warning"); // missing survey
    const fw = expectOne(7, "E", "numberNormalized", "warning"); // full-width digits and comma
    expect(formatIssue(fw, "en-US")).toBe(
      'crm-export-2024Q1.csv row 7, column E (签约金额(元)): "１２３，４５６.００" was read as 123456.'
    );
    expectOne(9, "B", "nameTrimmed", "warning");
    expectOne(11, "E", "returnsExceedSales", "warning"); // returns exceed sales
    const na = expectOne(13, "N", "numberUnreadable", "error"); // N/A as a renewal rate
    expect(formatIssue(na, "zh-CN")).toBe(
      "crm-export-2024Q1.csv 第 13 行 N 列（续约率）：“N/A”不是数字。"
    );
    expectOne(15, "F", "targetZeroWarning", "warning"); // zero sales target
    expectOne(19, "B", "formulaText", "warning"); // =HYPERLINK(...) name
    expectOne(32, "AA", "partialPeriod", "info"); // new hire, 12 of 29 days
    expectOne(42, "D", "periodNormalized", "info"); // 2024/3
    expectOne(42, "AB", "daysNotCalendar", "warning"); // …whose 29 days say it is February
    expectOne(66, undefined, "conflictingRow", "error"); // the real March row of the same rep
    expectOne(74, undefined, "duplicateRow", "warning"); // exact duplicate
  });
  it("should keep the formula-looking name as text", () => {
    expect(rows.find((x) => x.id === "S1018" && x.period === "2024-01")!.name).toBe(
      '=HYPERLINK("http://example.invalid","点我")'
    );
  });
  it("should score every valid row and flag only the faulty ones", () => {
    const sc = scorecardRows(evaluate(plan, rows));
    expect(sc).toHaveLength(24);
    const errors = sc.filter((r) => r.status === "error").map((r) => r.id);
    expect(errors.sort()).toEqual(["S1012", "S1017"]); // N/A renewal rate; the 2024/3 conflict
    expect(
      sc.filter((r) => r.status !== "error").every((r) => r.total !== null && r.totalPay !== null)
    ).toBe(true);
  });
  it("should score the rep once the bad row is fixed", () => {
    const fixed = readFileSync(SAMPLE, "utf8").replace(
      "S1017,罗勇,华东一部,2024/3,",
      "S1017,罗勇,华东一部,2024-02,"
    );
    const again = readDataTable(parseCsv(fixed, "fixed.csv"), plan);
    expect(again.issues.filter((i) => i.code === "conflictingRow")).toEqual([]);
    const s1017 = scorecardRows(evaluate(plan, again.rows)).find((r) => r.id === "S1017")!;
    expect(s1017.status).not.toBe("error");
    expect(s1017.months).toBe(3);
  });
});

describe("column mapping", () => {
  const plan = defaultPlan();
  it("should accept English headers in any order, extra columns, and report what it ignored", () => {
    const header = [
      "Period",
      "Name",
      "Employee ID",
      "Team",
      "Notes",
      ...plan.fields.map((f) => f.name.en),
    ];
    const { mapping, issues } = mapColumns({ sheet: "Data", headerRow: 1, header, rows: [] }, plan);
    expect(mapping.id).toBe(2);
    expect(mapping.period).toBe(0);
    expect(mapping.sales_amount).toBe(5);
    expect(issues.map((i) => [i.code, i.location?.column])).toEqual([["columnIgnored", "E"]]);
  });
  it("should report a required column that is missing, and use a saved mapping", () => {
    const header = ["工号", "姓名", "部门", "月份", "Revenue"];
    const first = mapColumns({ sheet: "Data", headerRow: 1, header, rows: [] }, plan);
    expect(first.issues.filter((i) => i.code === "columnNotFound").length).toBeGreaterThan(20);
    const saved = mapColumns({ sheet: "Data", headerRow: 1, header, rows: [] }, plan, {
      sales_amount: 4,
    });
    expect(saved.mapping.sales_amount).toBe(4);
  });
});

describe("360 feedback", () => {
  it("should read ratings and locate what it cannot read", () => {
    const { ratings, issues } = readFeedbackTable(
      {
        sheet: "Feedback",
        headerRow: 1,
        header: ["员工编号", "期间", "评价人类型", "评分"],
        rows: [
          ["S1001", "2024-Q1", "上级", 90],
          ["S1001", "2024-Q1", "peer", "85"],
          ["S1001", "2024-Q1", "boss", 70],
          ["S1002", "2024-Q1", "客户", 120],
          ["S1002", "someday", "客户", 80],
          [null, null, null, null],
        ],
      },
      { scale: 100 }
    );
    expect(ratings.map((r) => [r.id, r.rater, r.score])).toEqual([
      ["S1001", "superior", 90],
      ["S1001", "peer", 85],
    ]);
    expect(issues.map((i) => [i.code, i.location?.row, i.location?.column])).toEqual([
      ["raterUnreadable", 4, "C"],
      ["ratingOutOfRange", 5, "D"],
      ["feedbackPeriodUnreadable", 6, "B"],
    ]);
  });
});
