/**
 * The payroll job without Excel (src/app/scoreJob.ts, scripts/score.ts) on the samples: the import
 * messages the pane shows, the rows that cannot be scored, exit codes, and the written workbook's
 * numbers (Scorecard, Pay list, payslips) against the engine's.
 */
import { moneyHeader } from "../../src/workbook/money";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { defaultPlan, formatIssue, scorecardRows } from "../../src/engine";
import { runScoreJob, scoreSummary, type ScoreJob } from "../../src/app/scoreJob";
import { payrollTable } from "../../src/workbook/payrollTable";

const root = path.join(__dirname, "..", "..");
const fixture = (name: string) => {
  const p = path.join(root, "test", "fixtures", name);
  return { name, bytes: new Uint8Array(fs.readFileSync(p)), path: p };
};
const Q1 = fixture("crm-export-2024Q1.csv");
const Q2 = fixture("crm-export-2024Q2-gbk.csv");
const FB = fixture("feedback-2024Q2.csv");

function job(partial: Partial<ScoreJob>): ScoreJob {
  return { data: Q1, plan: defaultPlan(), language: "en-US", style: "native", ...partial };
}

describe("the payroll job", () => {
  it("should say the import's messages by file line and column, and name the rows it cannot score", async () => {
    const out = await runScoreJob(job({}));
    const said = out.messages.map((i) => formatIssue(i, "en-US"));
    expect(said).toContain(
      'crm-export-2024Q1.csv row 13, column N (续约率): "N/A" is not a number.'
    );
    expect(said[0]).toBe("crm-export-2024Q1.csv: Read as UTF-8 (byte-order mark).");
    expect(out.ok).toBe(false);
    expect(out.unscored.map((r) => `${r.id} ${r.period}`)).toEqual([
      "S1012 2024-Q1",
      "S1017 2024-Q1",
    ]);
    const summary = scoreSummary(out, "zh-CN", "q1.xlsx");
    // the Data sheet is named in the job's language (en-US here), the sentence in the summary's
    expect(summary.unscored[0]).toMatch(
      /^S1012 徐霞 2024-Q1 无法计分：Data 第 14 行 N 列（续约率）：复购率\/续约率：续约率无法读取/
    );
    expect(summary.written).toMatch(/^q1\.xlsx：评分卡 24 行（2 行无法计分）/);
  });

  it("should ask for the ratings' scale, as the pane does, and convert them once told", async () => {
    const unsure = await runScoreJob(job({ data: Q2, feedback: FB }));
    expect(unsure.built).toBeNull();
    expect(unsure.messages.map((i) => formatIssue(i, "en-US")).slice(-1)).toEqual([
      "State the ratings' scale with --feedback-scale 5 to convert them.",
    ]);
    const told = await runScoreJob(job({ data: Q2, feedback: FB, feedbackScale: 5 }));
    expect(told.ok).toBe(true);
    expect(told.unscored).toEqual([]);
    const said = told.messages.map((i) => formatIssue(i, "en-US"));
    expect(said).toContain(
      'crm-export-2024Q2-gbk.csv row 80: A total or subtotal row ("合计") was left out: it is not a salesperson.'
    );
    expect(said.some((s) => s.includes("92 ratings on a 5-point scale were converted"))).toBe(true);
    // the converted ratings are on the Feedback sheet the scorecard read
    expect(told.built!.feedback.ratings.length).toBe(92);
    expect(told.built!.feedback.ratings.every((x) => x.score >= 0 && x.score <= 100)).toBe(true);
  });
});

function run(args: string[]) {
  return spawnSync(
    process.execPath,
    [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/score.ts", ...args],
    {
      cwd: root,
      encoding: "utf8",
    }
  );
}

describe("npm run score", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "score-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("should exit 2 with the usage on a wrong command line", () => {
    const r = run(["--lang", "en-US"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^usage: npm run score -- <data\.csv>/);
    expect(run([Q1.path, "--out", "x.xlsx", "--style", "pretty"]).stderr).toContain(
      "--style 只能是 native, perf, values 之一。"
    );
  });

  it("should exit 1 naming the rows it cannot score, and still write the workbook", async () => {
    const out = path.join(dir, "q1.xlsx");
    const r = run([Q1.path, "--out", out, "--lang", "en-US"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      'crm-export-2024Q1.csv row 13, column N (续约率): "N/A" is not a number.'
    );
    expect(r.stderr).toContain("S1012 徐霞 2024-Q1 cannot be scored: Data row 14, column N");
    expect(fs.existsSync(out)).toBe(true);
  });

  it("should exit 0 on the GB18030 export with ratings, and write the engine's numbers", async () => {
    const out = path.join(dir, "q2.xlsx");
    const r = run([
      Q2.path,
      "--feedback",
      FB.path,
      "--feedback-scale",
      "5",
      "--out",
      out,
      "--lang",
      "zh-CN",
      "--style",
      "values",
    ]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("crm-export-2024Q2-gbk.csv 第 80 行：");
    const engine = await runScoreJob(
      job({ data: Q2, feedback: FB, feedbackScale: 5, language: "zh-CN", style: "values" })
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // the Scorecard's total pay per salesperson
    const ws = wb.getWorksheet("评分卡")!;
    const header = (ws.getRow(1).values as unknown[]).map((v) =>
      v === undefined ? "" : String(v)
    );
    const idCol = header.indexOf("员工编号");
    const payCol = header.indexOf(moneyHeader("应发合计", "zh-CN"));
    expect(idCol).toBeGreaterThan(0);
    expect(payCol).toBeGreaterThan(0);
    const written = new Map<string, number>();
    ws.eachRow((row, n) => {
      if (n < 3) return;
      const id = row.getCell(idCol).value;
      if (typeof id === "string") written.set(id, row.getCell(payCol).value as number);
    });
    const rows = scorecardRows(engine.built!.evaluation);
    expect(written.size).toBe(rows.length);
    for (const x of rows) expect(written.get(x.id)).toBe(x.totalPay);
    // the Pay list (工资表): every line and every amount the engine's
    const table = payrollTable(engine.built!.evaluation);
    const list = wb.getWorksheet("工资表")!;
    const head = (list.getRow(1).values as unknown[]).map((v) =>
      v === undefined ? "" : String(v)
    );
    let amounts = 0;
    table.records.forEach((rec, m) => {
      const line = list.getRow(m + 2);
      for (const f of table.fields) {
        // money headers carry their unit on zh-CN sheets
        const i = head.indexOf(f.label.zh);
        const cell = line.getCell(
          i >= 0 ? i : head.indexOf(moneyHeader(f.label.zh, "zh-CN"))
        ).value;
        expect(cell).toEqual(rec[f.key]);
        if (f.kind === "money") amounts++;
      }
    });
    expect(amounts).toBe(72 * 9);
    // and a payslip for each line
    const slips = wb.getWorksheet("工资条")!;
    let titles = 0;
    slips.eachRow((row) => {
      if (String(row.getCell(1).value).startsWith("工资条")) titles++;
    });
    expect(titles).toBe(72);
    expect(r.stdout).toContain("工资表 72 行，工资条 72 张。");
  });
});
