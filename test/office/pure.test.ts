/**
 * The pure parts of the Office.js adapter: names, formula references, cell escaping, hashing,
 * marks, chunking. Property tests check them against the Excel double's independent rules.
 */
import fc from "fast-check";
import { columnLetter } from "../../src/engine/issues";
import { parseColumn, splitSheetAddress } from "../../src/office/a1";
import {
  batchBytes,
  clampBudget,
  groupSteps,
  MAX_BATCH_BYTES,
  REQUEST_BYTES,
  type Step,
} from "../../src/office/batch";
import {
  canonicalRead,
  canonicalWritten,
  jsonBytes,
  needsTextPrefix,
  toExcelInput,
  utf8Length,
} from "../../src/office/cells";
import {
  buildGrid,
  hashGrid,
  ReadBackHash,
  valueChunks,
  withExcelTableHeaders,
} from "../../src/office/content";
import {
  canonicalFormula,
  renameSheetReferences,
  sameFormula,
  sheetReferences,
} from "../../src/office/formula";
import {
  decodeMark,
  encodeMark,
  isOwnedNameComment,
  ownedNameComment,
  roleOfMarkName,
  type SheetMark,
} from "../../src/office/marks";
import {
  isStagingName,
  isValidSheetName,
  stagingName,
  uniqueSheetName,
  uniqueTableName,
  validSheetName,
} from "../../src/office/names";
import { interpretWorkbook } from "../../src/office/workbook";
import { sheet, type Block } from "../../src/workbook/layout";
import { parseEntry, tokenizeFormula } from "../support/excel-double/parse";

describe("a1", () => {
  it("should name columns like Excel", () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual([
      "A",
      "Z",
      "AA",
      "AB",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
  });

  it("should read column letters back", () => {
    for (const c of [0, 25, 26, 701, 702, 16383]) expect(parseColumn(columnLetter(c))).toBe(c);
  });

  it("should split sheet addresses, quoted or not", () => {
    expect(splitSheetAddress("'评分 卡''s'!$A$1")).toEqual({ sheet: "评分 卡's", cells: "$A$1" });
    expect(splitSheetAddress("=Data!B2:C3")).toEqual({ sheet: "Data", cells: "B2:C3" });
    expect(splitSheetAddress("A1")).toBeNull();
  });
});

describe("sheet and table names", () => {
  it("should make any text a valid sheet name", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        expect(isValidSheetName(validSheetName(text))).toBe(true);
      })
    );
    expect(validSheetName("Q1/Q2 [draft]: *final*?")).toBe("Q1_Q2 _draft__ _final__");
    expect(validSheetName("'quoted'")).toBe("quoted");
    expect(validSheetName("History")).toBe("History_");
    expect(validSheetName("")).toBe("Sheet");
  });

  it("should find a unique name within 31 characters, ignoring case", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.array(fc.string({ maxLength: 35 }), { maxLength: 8 }),
        (name, taken) => {
          const out = uniqueSheetName(name, taken);
          expect(isValidSheetName(out)).toBe(true);
          expect(taken.map((t) => t.toUpperCase())).not.toContain(out.toUpperCase());
        }
      )
    );
    expect(uniqueSheetName("评分卡", ["评分卡"])).toBe("评分卡 (2)");
    expect(uniqueSheetName("Scorecard", ["SCORECARD", "Scorecard (2)"])).toBe("Scorecard (3)");
    expect(uniqueSheetName("x".repeat(31), ["x".repeat(31)])).toBe(`${"x".repeat(27)} (2)`);
  });

  it("should reserve the temporary names", () => {
    expect(stagingName("scorecard")).toBe("~perf~scorecard");
    expect(isStagingName("~PERF~summary")).toBe(true);
    expect(isStagingName("perf summary")).toBe(false);
    expect(uniqueTableName("ScorecardTable", ["scorecardtable", "ScorecardTable_2"])).toBe(
      "ScorecardTable_3"
    );
  });
});

describe("formula sheet references", () => {
  it("should find and rename sheet references outside strings", () => {
    const f = `IF('评分卡'!A1>0,"'评分卡'!A1",数据!B2)+'It''s'!C3+#REF!A1+Table1[[#This Row],[x]]`;
    expect(sheetReferences(f)).toEqual(["评分卡", "数据", "It's"]);
    const renamed = renameSheetReferences(
      f,
      (s) => ({ 评分卡: "评分卡 (2)", 数据: "CRM 2024" })[s]
    );
    expect(renamed).toBe(
      `IF('评分卡 (2)'!A1>0,"'评分卡'!A1",'CRM 2024'!B2)+'It''s'!C3+#REF!A1+Table1[[#This Row],[x]]`
    );
    expect(renameSheetReferences("SUM(A1:A3)", () => "x")).toBe("SUM(A1:A3)");
  });

  it("should canonicalize the way Excel rewrites a formula", () => {
    const roles = (s: string) =>
      ({ 评分卡: "scorecard", "SCORES Q1": "scorecard" })[
        s.toUpperCase() === "SCORES Q1" ? "SCORES Q1" : s
      ];
    const written = canonicalFormula(`countifs( '评分卡'!h:h , "a" )`, roles);
    expect(canonicalFormula('COUNTIFS(评分卡!H:H,"a")', roles)).toBe(written);
    expect(canonicalFormula(`COUNTIFS('Scores Q1'!H:H,"a")`, roles)).toBe(written);
    expect(canonicalFormula('COUNTIFS(评分卡!H:H,"A")', roles)).not.toBe(written);
  });

  it("should agree with the double's tokenizer on which sheets a formula names", () => {
    const name = fc.stringMatching(/^[A-Za-z\u4e00-\u4e20][A-Za-z0-9 '\u4e00-\u4e20]{0,8}$/);
    fc.assert(
      fc.property(name, name, (a, b) => {
        const f = `SUM(${`'${a.replace(/'/g, "''")}'`}!A1,"x!y",'${b.replace(/'/g, "''")}'!B2:C3)`;
        const double = tokenizeFormula(f)
          .filter((t): t is { sheet: string } => "sheet" in t)
          .map((t) => t.sheet);
        expect(sheetReferences(f)).toEqual(double);
      })
    );
  });
});

describe("cells as Office.js receives them", () => {
  it("should write every text so that Excel stores exactly that text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constantFrom(
            "=1+1",
            "+1",
            "-x",
            "@A1",
            "007",
            "2024-03",
            "3/4",
            "12%",
            "TRUE",
            "#N/A",
            "'x",
            "Mar-24",
            "1e5",
            "$5"
          )
        ),
        (text) => {
          const entry = parseEntry(toExcelInput(text), false);
          if (text === "") expect(entry.kind).toBe("empty");
          else expect(entry).toMatchObject({ kind: "text", text });
        }
      )
    );
  });

  it("should leave plain text unprefixed and formulas as formulas", () => {
    expect(needsTextPrefix("张三")).toBe(false);
    expect(needsTextPrefix("East Team")).toBe(false);
    expect(toExcelInput({ formula: "SUM(A1:A3)", value: 6 })).toBe("=SUM(A1:A3)");
    expect(toExcelInput(null)).toBe("");
    expect(toExcelInput(Number.NaN)).toBe("");
    expect(toExcelInput(true)).toBe(true);
  });

  it("should canonicalize a written cell and its read-back the same way", () => {
    const roleOf = () => undefined;
    expect(canonicalWritten("=HYPERLINK(1)", roleOf)).toBe(canonicalRead("=HYPERLINK(1)", roleOf));
    expect(canonicalWritten({ formula: "sum(a1)", value: 1 }, roleOf)).toBe(
      canonicalRead("=SUM(A1)", roleOf)
    );
    expect(canonicalWritten(0.1 + 0.2, roleOf)).toBe(canonicalRead(0.3, roleOf));
    expect(canonicalWritten("1", roleOf)).not.toBe(canonicalRead(1, roleOf));
    expect(canonicalWritten(null, roleOf)).toBe(canonicalRead("", roleOf));
  });

  it("should count UTF-8 bytes", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) =>
        expect(utf8Length(s)).toBe(Buffer.byteLength(s, "utf8"))
      )
    );
    expect(jsonBytes(["评分"])).toBe(10);
  });
});

describe("grids, hashes and chunks", () => {
  const layout = () => {
    const s = sheet("scorecard", "评分卡", "output");
    s.blocks.push(
      {
        row: 0,
        column: 0,
        cells: [
          ["a", "b"],
          [1, { formula: "A2*2", value: 2 }],
        ],
      },
      { row: 3, column: 1, cells: [["x"]] }
    );
    return s;
  };

  it("should hash a grid like its read-back", () => {
    const grid = buildGrid(layout());
    expect([grid.rows, grid.cols]).toEqual([4, 2]);
    const read = new ReadBackHash(4, 2, () => undefined);
    read.addRows([
      ["a", "b"],
      [1, "=A2*2"],
    ]);
    read.addRows([
      ["", ""],
      ["", "x"],
    ]);
    expect(read.digest()).toBe(hashGrid(grid, () => undefined));
    const other = new ReadBackHash(4, 2, () => undefined);
    other.addRows([
      ["a", "b"],
      [1, "=A2*3"],
      ["", ""],
      ["", "x"],
    ]);
    expect(other.digest()).not.toBe(hashGrid(grid, () => undefined));
  });

  it("should cut blocks into chunks within the budget, rows kept whole, covering every cell once", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(fc.string({ maxLength: 40 }), fc.integer()), {
            minLength: 1,
            maxLength: 6,
          }),
          { minLength: 1, maxLength: 60 }
        ),
        fc.integer({ min: 64, max: 2000 }),
        (cells, budget) => {
          const block: Block = { row: 5, column: 2, cells };
          const chunks = valueChunks(block, budget, (f) => f);
          const seen = new Set<string>();
          for (const c of chunks) {
            if (c.values.length > 1) expect(c.bytes).toBeLessThanOrEqual(budget);
            expect(jsonBytes(c.values)).toBeLessThanOrEqual(c.bytes + 2);
            c.values.forEach((row, i) =>
              row.forEach((_v, j) => seen.add(`${c.row + i},${c.column + j}`))
            );
          }
          const width = Math.max(...cells.map((r) => r.length));
          expect(seen.size).toBe(cells.length * width);
        }
      )
    );
  });

  it("should batch steps by bytes, never above the budget unless one step is larger", () => {
    const step = (bytes: number): Step => ({
      phase: "writing",
      bytes,
      write: true,
      queue: () => undefined,
    });
    // every request also carries REQUEST_BYTES of its own
    const budget = REQUEST_BYTES + 1000;
    const batches = groupSteps([step(600), step(600), step(300), step(2000), step(10)], budget);
    expect(batches.map((b) => b.map((s) => s.bytes))).toEqual([[600], [600, 300], [2000], [10]]);
    for (const b of batches) if (b.length > 1) expect(batchBytes(b)).toBeLessThanOrEqual(budget);
    expect(clampBudget(10 * 1024 * 1024)).toBe(MAX_BATCH_BYTES);
    expect(clampBudget(undefined)).toBe(2 * 1024 * 1024);
  });

  it("should make table headers unique constant text, as Excel does", () => {
    const s = sheet("data", "Data", "input");
    s.blocks.push({
      row: 0,
      column: 0,
      cells: [
        ["Id", "id", null, { formula: '"Q"&1', value: "Q1" }, 2024],
        [1, 2, 3, 4, 5],
      ],
    });
    s.tables.push({ name: "T", range: { row: 0, column: 0, rows: 2, columns: 6 } });
    const out = withExcelTableHeaders(s);
    expect(out.changed).toEqual(["T"]);
    expect(out.sheet.blocks[0].cells[0]).toEqual(["Id", "id2", "Column3", "Q1", "2024"]);
    expect(out.sheet.blocks[1]).toEqual({ row: 0, column: 5, cells: [["Column6"]] });
    expect(s.blocks[0].cells[0][1]).toBe("id"); // the layout itself is not changed
  });
});

describe("marks", () => {
  const mark: SheetMark = {
    role: "scorecard",
    kind: "output",
    state: "ok",
    hash: "0123456789abcdef",
    shape: "fedcba9876543210",
    rows: 10001,
    cols: 30,
    tables: 1,
    charts: 0,
    bytes: 9000000,
  };

  it("should encode and decode a mark within a name comment's 255 characters", () => {
    const text = encodeMark(mark);
    expect(text.length).toBeLessThanOrEqual(255);
    expect(decodeMark(text)).toEqual(mark);
    expect(decodeMark("user comment")).toBeUndefined();
    expect(roleOfMarkName("PERF_SHEET_scorecard")).toBe("scorecard");
    expect(roleOfMarkName("PERF_SHEET_months")).toBe("months");
    expect(roleOfMarkName("Plan_Tiers")).toBeUndefined();
  });

  it("should tag the add-in's names and recognize only those", () => {
    expect(ownedNameComment("权重")).toBe("权重 [perf-addin]");
    expect(ownedNameComment("x".repeat(300)).length).toBe(255);
    expect(isOwnedNameComment(ownedNameComment(undefined))).toBe(true);
    expect(isOwnedNameComment("my name")).toBe(false);
  });

  it("should find owned sheets by their marks and set aside stale ones", () => {
    const state = interpretWorkbook(
      [
        { name: "评分卡", visibility: "Visible", position: 0 },
        { name: "~perf~summary", visibility: "Hidden", position: 1 },
        { name: "Mine", visibility: "Visible", position: 2 },
      ],
      [
        {
          name: "PERF_SHEET_scorecard",
          type: "Range",
          value: "评分卡!$A$1",
          comment: encodeMark(mark),
        },
        {
          name: "PERF_SHEET_summary",
          type: "Range",
          value: "'~perf~summary'!$A$1",
          comment: encodeMark({ ...mark, role: "summary" }),
        },
        {
          name: "PERF_SHEET_statements",
          type: "Error",
          value: "#REF!",
          comment: encodeMark({ ...mark, role: "statements" }),
        },
        { name: "PERF_SHEET_guide", type: "Range", value: "Mine!$A$1", comment: encodeMark(mark) },
        { name: "Plan_Tiers", type: "Range", value: "Mine!$A$1", comment: "" },
      ],
      []
    );
    expect([...state.owned.keys()]).toEqual(["scorecard"]);
    expect(state.staleMarks).toEqual([
      "PERF_SHEET_summary",
      "PERF_SHEET_statements",
      "PERF_SHEET_guide",
    ]);
    expect(state.leftovers).toEqual(["~perf~summary"]);
  });
});

describe("sameFormula (the self-check's comparison of a written formula with Excel's)", () => {
  const roleOf = (s: string) => ({ 评分卡: "scorecard", PLAN: "plan", Plan: "plan" })[s];
  it("should take a number literal written another way, quotes, spacing and case as the same formula", () => {
    expect(
      sameFormula(
        "IF(K10>='Plan'!$A$66-0.000000001*MAX(1,ABS(K10)),1,0)",
        "IF(K10>=Plan!$A$66-1e-9*MAX(1, ABS(K10)),1,0)",
        roleOf
      )
    ).toBe(true);
    expect(sameFormula("ROUND(.5*A1,2)", "round(0.5*a1,2)", roleOf)).toBe(true);
    expect(sameFormula("PERF.GRADE(K2)", "绩效.绩效等级(K2)", roleOf)).toBe(true);
  });

  it("should tell a different number, reference or string apart", () => {
    expect(sameFormula("A1*0.5", "A1*0.6", roleOf)).toBe(false);
    expect(sameFormula("A10", "A1", roleOf)).toBe(false);
    expect(sameFormula('COUNTIFS(H:H,">-1E+300")', 'COUNTIFS(H:H,">-1e300")', roleOf)).toBe(false);
    expect(sameFormula("$A$66", "$A$6", roleOf)).toBe(false);
  });
});
