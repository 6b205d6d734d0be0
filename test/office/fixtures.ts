/**
 * Layouts for the writer tests, built directly against src/workbook/layout.ts (the contract with
 * the layout builders), so the Office.js adapter is tested without waiting for them.
 */
import { sheet, type Cell, type SheetLayout, type WorkbookLayout } from "../../src/workbook/layout";

export interface FixtureOptions {
  /** Salesperson-period rows on the Scorecard (and the Data sheet). */
  rows: number;
  language?: "zh-CN" | "en-US";
  /** Names of salespeople; defaults to generated ones. */
  names?: (i: number) => string;
  /** A different number each time regenerating changes the output (0 = same as before). */
  revision?: number;
  /** Scorecard columns (at least 8). */
  columns?: number;
  /**
   * Every kind of style on the Scorecard: banded row groups of ten, each bold or italic, filled,
   * coloured, sized, wrapped, aligned and with thin borders (what a statement-like layout sends).
   */
  allStyles?: boolean;
}

const TEAMS = ["华东一组", "华东二组", "华南组", "华北组", "West", "East", "-Ops", "=Team"];

function sheetNames(language: "zh-CN" | "en-US") {
  return language === "zh-CN"
    ? {
        guide: "使用说明",
        plan: "方案",
        data: "数据",
        feedback: "360评价",
        scorecard: "评分卡",
        summary: "汇总",
        statements: "绩效结果通知单",
      }
    : {
        guide: "Guide",
        plan: "Plan",
        data: "Data",
        feedback: "Feedback",
        scorecard: "Scorecard",
        summary: "Summary",
        statements: "Statements",
      };
}

/** Plan, Data and Feedback (inputs), Scorecard, Summary and Statements (outputs). */
export function fixtureLayout(options: FixtureOptions): WorkbookLayout {
  const language = options.language ?? "zh-CN";
  const n = sheetNames(language);
  const rows = options.rows;
  const cols = Math.max(8, options.columns ?? 30);
  const rev = options.revision ?? 0;
  const nameOf = options.names ?? ((i: number) => `销售${String(i + 1).padStart(5, "0")}`);

  const plan = sheet("plan", n.plan, "input");
  plan.blocks.push({
    row: 0,
    column: 0,
    cells: [
      ["参数", "值"],
      ["方案名称", "2024年销售绩效方案"],
      ["销售额权重", 0.6],
      ["回款权重", 0.4],
      ["生效日期", "2024-01-01"],
    ],
    numberFormats: [null, "0.00"],
  });
  plan.names.push(
    { name: "Plan_SalesWeight", ref: `'${n.plan}'!$B$3`, comment: "销售额权重" },
    { name: "Plan_CashWeight", ref: `'${n.plan}'!$B$4` }
  );
  plan.validations.push({
    range: { row: 2, column: 1, rows: 2, columns: 1 },
    decimal: { min: 0, max: 1 },
    prompt: "0 到 1 之间",
  });
  plan.columns.push({ width: 14 }, { width: 22 });

  const data = sheet("data", n.data, "input");
  const dataRows: Cell[][] = [["员工编号", "姓名", "部门", "月份", "销售额", "回款额"]];
  for (let i = 0; i < rows; i++) {
    dataRows.push([
      `E${String(i + 1).padStart(5, "0")}`,
      nameOf(i),
      TEAMS[i % TEAMS.length],
      "2024-03",
      100000 + (i % 97) * 1000,
      80000 + (i % 89) * 900,
    ]);
  }
  data.blocks.push({
    row: 0,
    column: 0,
    cells: dataRows,
    numberFormats: ["@", null, null, "@", "#,##0.00", "#,##0.00"],
  });
  data.tables.push({
    name: "DataTable",
    range: { row: 0, column: 0, rows: rows + 1, columns: 6 },
    style: "TableStyleLight9",
  });
  data.freeze = { rows: 1, columns: 2 };
  data.columns.push(
    { width: 12, numberFormat: "@" },
    { width: 12 },
    { width: 10 },
    { width: 10, numberFormat: "@" },
    { width: 14, numberFormat: "#,##0.00" },
    { width: 14, numberFormat: "#,##0.00" }
  );
  data.validations.push({
    range: { row: 1, column: 2, rows: Math.max(1, rows), columns: 1 },
    list: ["华东一组", "华东二组", "华南组", "华北组", "West", "East"],
  });

  const feedback = sheet("feedback", n.feedback, "input");
  feedback.blocks.push({ row: 0, column: 0, cells: [["员工编号", "期间", "评价人类型", "得分"]] });

  const scorecard = sheet("scorecard", n.scorecard, "output");
  const header: Cell[] = [
    "员工编号",
    "姓名",
    "团队",
    "期间",
    "销售额得分",
    "回款得分",
    "总分",
    "等级",
  ];
  for (let c = 8; c < cols; c++) header.push(`指标${c - 7}`);
  const body: Cell[][] = [header];
  for (let i = 0; i < rows; i++) {
    const r = i + 2; // sheet row on both Data and Scorecard
    const sales = 100000 + (i % 97) * 1000;
    const cash = 80000 + (i % 89) * 900;
    const s1 = Math.round(Math.min(120, (sales / 1000) * 0.8) * 100) / 100;
    const s2 = Math.round(Math.min(120, (cash / 1000) * 0.9) * 100) / 100;
    const total = Math.round((s1 * 0.6 + s2 * 0.4) * 100) / 100 + rev;
    const row: Cell[] = [
      { formula: `'${n.data}'!A${r}`, value: `E${String(i + 1).padStart(5, "0")}` },
      { formula: `'${n.data}'!B${r}`, value: nameOf(i) },
      { formula: `'${n.data}'!C${r}`, value: TEAMS[i % TEAMS.length] },
      { formula: `'${n.data}'!D${r}`, value: "2024-03" },
      { formula: `ROUND(MIN(120,'${n.data}'!E${r}/1000*0.8),2)`, value: s1 },
      { formula: `ROUND(MIN(120,'${n.data}'!F${r}/1000*0.9),2)`, value: s2 },
      {
        formula: `ROUND(E${r}*Plan_SalesWeight+F${r}*Plan_CashWeight,2)${rev ? `+${rev}` : ""}`,
        value: total,
      },
      {
        formula: `IF(G${r}>=90,"A",IF(G${r}>=75,"B","C"))`,
        value: total >= 90 ? "A" : total >= 75 ? "B" : "C",
      },
    ];
    for (let c = row.length; c < cols; c++) {
      row.push(
        c % 3 === 0
          ? { formula: `IFERROR(ROUND(G${r}*${c}/100,2),0)`, value: Math.round(total * c) / 100 }
          : c % 3 === 1
            ? (i * c) % 1000
            : `备注${c}`
      );
    }
    body.push(row);
  }
  const pct = Array.from({ length: cols }, (_, c) =>
    c === 4 || c === 5 || c === 6 ? "0.00" : null
  );
  scorecard.blocks.push({ row: 0, column: 0, cells: body, numberFormats: pct });
  scorecard.tables.push({
    name: "ScorecardTable",
    range: { row: 0, column: 0, rows: rows + 1, columns: cols },
  });
  scorecard.freeze = { rows: 1, columns: 2 };
  scorecard.columns.push(
    { width: 12 },
    { width: 12 },
    { width: 10 },
    { width: 10 },
    { width: 11 },
    { width: 11 },
    { width: 11, numberFormat: "0.00" },
    { width: 8 }
  );
  scorecard.styles.push({
    range: { row: 0, column: 0, rows: 1, columns: cols },
    bold: true,
    fill: "#DDEBF7",
    border: "bottom",
    wrap: true,
  });
  if (options.allStyles) {
    for (let r = 1; r <= rows; r += 10) {
      const band = (r - 1) / 10;
      scorecard.styles.push({
        range: { row: r, column: 0, rows: Math.min(10, rows + 1 - r), columns: cols },
        bold: band % 2 === 0,
        italic: band % 3 === 0,
        fill: band % 2 === 0 ? "#F2F2F2" : "#FFFFFF",
        fontColor: "#1F4E78",
        fontSize: 10,
        wrap: false,
        horizontal: band % 2 === 0 ? "right" : "center",
        vertical: "center",
        border: "thin",
      });
    }
  }
  scorecard.names.push({ name: "Scorecard_Total", ref: `'${n.scorecard}'!$G$2:$G$${rows + 1}` });
  scorecard.dataBars = [
    { range: { row: 1, column: 6, rows: Math.max(1, rows), columns: 1 }, color: "#5B9BD5" },
  ];

  const summary = sheet("summary", n.summary, "output");
  summary.blocks.push({
    row: 0,
    column: 0,
    cells: [
      ["等级", "人数"],
      ["A", { formula: `COUNTIFS('${n.scorecard}'!H:H,"A")`, value: 0 }],
      ["B", { formula: `COUNTIFS('${n.scorecard}'!H:H,"B")`, value: 0 }],
      ["C", { formula: `COUNTIFS('${n.scorecard}'!H:H,"C")`, value: 0 }],
      [
        "平均总分",
        {
          formula: `IFERROR(SUM(Scorecard_Total)/COUNTIFS('${n.scorecard}'!H:H,"?*"),0)`,
          value: 0,
        },
      ],
    ],
  });
  summary.charts.push({
    type: "columnClustered",
    title: "等级分布",
    categories: { row: 1, column: 0, rows: 3, columns: 1 },
    series: [{ name: "人数", values: { row: 1, column: 1, rows: 3, columns: 1 } }],
    anchor: { row: 0, column: 3, rows: 15, columns: 8 },
  });
  summary.merges.push({ row: 6, column: 0, rows: 1, columns: 2 });
  // a styled cell beyond the written ones (a title band): must survive a replacement too
  summary.styles.push({
    range: { row: 0, column: 12, rows: 2, columns: 1 },
    bold: true,
    fill: "#1F4E78",
  });
  summary.blocks.push({ row: 6, column: 0, cells: [["数据来源：评分卡"]] });

  const statements = sheet("statements", n.statements, "output");
  const stmtRows: Cell[][] = [];
  const people = Math.min(rows, 5);
  for (let i = 0; i < people; i++) {
    stmtRows.push(
      ["绩效结果通知单", null],
      ["姓名", nameOf(i)],
      ["总分", { formula: `'${n.scorecard}'!G${i + 2}`, value: 0 }],
      [null, null]
    );
  }
  statements.blocks.push({ row: 0, column: 0, cells: stmtRows });
  statements.print = {
    area: { row: 0, column: 0, rows: people * 4, columns: 2 },
    orientation: "portrait",
    paper: "A4",
    rowBreaks: Array.from({ length: Math.max(0, people - 1) }, (_, i) => (i + 1) * 4),
    fitToWidth: true,
    titleRows: { first: 0, last: 0 },
  };
  for (let i = 0; i < people; i++)
    statements.merges.push({ row: i * 4, column: 0, rows: 1, columns: 2 });

  const guide = sheet("guide", n.guide, "output");
  guide.blocks.push({
    row: 0,
    column: 0,
    cells: [["1. 在方案表中确认参数"], ["2. 在数据表中粘贴CRM数据"], ["3. 生成评分卡"]],
  });
  guide.tabColor = "#2F75B5";

  return { language, sheets: [guide, plan, data, feedback, scorecard, summary, statements] };
}

/** Only the given roles of a layout (the pane regenerates outputs without the inputs, say). */
export function only(layout: WorkbookLayout, roles: SheetLayout["role"][]): WorkbookLayout {
  return { ...layout, sheets: layout.sheets.filter((s) => roles.includes(s.role)) };
}
