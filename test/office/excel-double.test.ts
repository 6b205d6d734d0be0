/**
 * The Excel double keeps the rules of Excel that catch real adapter bugs. These tests pin them,
 * so a change to the double that loosens a rule shows up here.
 */
import { createExcelDouble, LIMIT_BYTES } from "../support/excel-double";

async function run<T>(
  d: ReturnType<typeof createExcelDouble>,
  batch: (context: Excel.RequestContext) => Promise<T>
): Promise<T> {
  return d.host.run(batch);
}

describe("Excel double: load and sync", () => {
  it("should throw PropertyNotLoaded when a property is read before load and sync", async () => {
    const d = createExcelDouble();
    await run(d, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      expect(() => sheet.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sheet.load("name");
      expect(() => sheet.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(sheet.name).toBe("Sheet1");
      expect(() => sheet.visibility).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" })
      );
    });
  });

  it("should know isNullObject only after a sync", async () => {
    const d = createExcelDouble();
    await run(d, async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("Sheet1");
      expect(() => missing.isNullObject).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" })
      );
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  it("should queue writes and apply them only on sync, in order", async () => {
    const d = createExcelDouble();
    await run(d, async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.values = [[1, "x"]];
      expect(d.model.read("Sheet1", "A1")).toBe("");
      await context.sync();
      expect(d.model.read("Sheet1", "A1")).toBe(1);
      expect(d.model.read("Sheet1", "B1")).toBe("x");
    });
  });

  it("should not re-read loaded values after later writes until loaded again", async () => {
    const d = createExcelDouble();
    await run(d, async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.values = [[1]];
      range.load("values");
      await context.sync();
      range.values = [[2]];
      await context.sync();
      expect(range.values).toEqual([[1]]);
    });
  });

  it("should keep commands before a failing one applied and drop the rest", async () => {
    const d = createExcelDouble();
    await expect(
      run(d, async (context) => {
        const s = context.workbook.worksheets.getItem("Sheet1");
        s.getRange("A1").values = [["before"]];
        context.workbook.worksheets.getItem("Missing").getRange("A1").values = [["x"]];
        s.getRange("A2").values = [["after"]];
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(d.model.read("Sheet1", "A1")).toBe("before");
    expect(d.model.read("Sheet1", "A2")).toBe("");
  });

  it("should flush pending commands when Excel.run's batch returns", async () => {
    const d = createExcelDouble();
    await run(d, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C3").values = [[3]];
    });
    expect(d.model.read("Sheet1", "C3")).toBe(3);
  });
});

describe("Excel double: payload limits", () => {
  it("should count every sync's request bytes as UTF-8 JSON", async () => {
    const d = createExcelDouble();
    await run(d, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["评分卡评分卡"]];
      await context.sync();
    });
    expect(d.syncs).toHaveLength(1);
    expect(d.syncs[0].requestBytes).toBeGreaterThan(Buffer.byteLength("评分卡评分卡"));
    expect(d.syncs[0].writes).toBe(1);
  });

  it("should fail a request over 5 MB like Excel on the web, applying nothing", async () => {
    const d = createExcelDouble();
    const big = "x".repeat(1000);
    const rows = Array.from({ length: 5300 }, () => [big]);
    await expect(
      run(d, async (context) => {
        const s = context.workbook.worksheets.getItem("Sheet1");
        s.getRange("B1").values = [["small"]];
        s.getRange(`A1:A${rows.length}`).values = rows;
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(d.syncs[0].requestBytes).toBeGreaterThan(LIMIT_BYTES);
    expect(d.model.read("Sheet1", "B1")).toBe("");
  });

  it("should fail a response over 5 MB", async () => {
    const d = createExcelDouble();
    const big = "y".repeat(30000);
    d.model.type(
      "Sheet1",
      "A1",
      Array.from({ length: 200 }, () => [big])
    );
    await expect(
      run(d, async (context) => {
        const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A200");
        r.load("values");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });
});

describe("Excel double: sheet names", () => {
  it.each([
    ["a name longer than 31 characters", "x".repeat(32), "InvalidArgument"],
    ["a forbidden character", "Q1/Q2", "InvalidArgument"],
    ["a leading apostrophe", "'Plan", "InvalidArgument"],
    ["the reserved name History", "history", "InvalidArgument"],
    ["a name already used, in another case", "SHEET1", "ItemAlreadyExists"],
  ])("should refuse %s", async (_what, name, expected) => {
    const d = createExcelDouble();
    await expect(
      run(d, async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      })
    ).rejects.toMatchObject({ code: expected });
  });

  it("should refuse to hide or delete the last visible sheet", async () => {
    const d = createExcelDouble();
    await expect(
      run(d, async (context) => {
        context.workbook.worksheets.getItem("Sheet1").visibility = "Hidden";
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    await expect(
      run(d, async (context) => {
        context.workbook.worksheets.getItem("Sheet1").delete();
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});

describe("Excel double: what Excel makes of written text", () => {
  async function write(value: unknown, format?: string) {
    const d = createExcelDouble();
    await run(d, async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      if (format) r.numberFormat = [[format]];
      r.formulas = [[value]];
      await context.sync();
    });
    return { d, cell: d.model.mustFindSheet("Sheet1").cell(0, 0) };
  }

  it("should turn =, + and - text into formulas", async () => {
    expect((await write('=HYPERLINK("http://x","y")')).cell?.formula).toBeDefined();
    expect((await write("+A2")).cell?.formula).toBeDefined();
    expect((await write("-A2")).cell?.formula).toBeDefined();
    expect((await write("@SUM(A2)")).cell?.formula).toBeDefined();
  });

  it("should convert numbers, dates and Booleans typed as text", async () => {
    expect((await write("007")).cell?.value).toBe(7);
    expect((await write("-5")).cell?.value).toBe(-5);
    expect((await write("2024-03")).cell?.value).toBe(45352);
    expect((await write("TRUE")).cell?.value).toBe(true);
    expect((await write("12%")).cell?.value).toBeCloseTo(0.12);
  });

  it("should store text after an apostrophe unchanged, without the apostrophe", async () => {
    const { d, cell } = await write('\'=HYPERLINK("http://x")');
    expect(cell?.formula).toBeUndefined();
    expect(cell?.value).toBe('=HYPERLINK("http://x")');
    expect(d.model.read("Sheet1", "A1")).toBe('=HYPERLINK("http://x")');
    expect((await write("'007")).cell?.value).toBe("007");
  });

  it("should keep anything typed into a Text-formatted cell as text, formulas included", async () => {
    expect((await write("=1+1", "@")).cell?.value).toBe("=1+1");
    expect((await write("007", "@")).cell?.value).toBe("007");
  });

  it("should refuse a formula with unbalanced parentheses", async () => {
    await expect(write("=SUM(A1")).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("Excel double: formulas follow sheets", () => {
  it("should normalize like Excel and follow a rename of the referenced sheet", async () => {
    const d = createExcelDouble();
    d.model.addSheet("Data 2024");
    d.model.type("Sheet1", "A1", [["=sum('data 2024'!a1:a3)"]]);
    expect(d.model.read("Sheet1", "A1")).toBe("=SUM('Data 2024'!A1:A3)");
    d.model.renameSheet(d.model.mustFindSheet("Data 2024"), "数据");
    expect(d.model.read("Sheet1", "A1")).toBe("=SUM(数据!A1:A3)");
  });

  it("should turn references to a deleted sheet into #REF! and record references to missing sheets", async () => {
    const d = createExcelDouble();
    d.model.addSheet("Gone");
    d.model.type("Sheet1", "A1", [["=Gone!B2*2", "=Nowhere!A1"]]);
    d.model.deleteSheet(d.model.mustFindSheet("Gone"));
    expect(d.model.read("Sheet1", "A1")).toBe("=#REF!B2*2");
    expect(d.model.brokenReferences).toEqual(["=Nowhere!A1"]);
  });
});

describe("Excel double: requirement sets and injected failures", () => {
  it("should answer isSetSupported and refuse APIs above the host's version", async () => {
    const d = createExcelDouble({ apiVersion: "1.8" });
    expect(d.host.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(d.host.isSetSupported("ExcelApi", "1.9")).toBe(false);
    expect(d.host.isSetSupported("ExcelApi", "1.10")).toBe(false);
    await expect(
      run(d, async (context) => {
        context.workbook.worksheets.getItem("Sheet1").pageLayout.orientation = "Landscape";
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it.each([
    ["before", ["", ""]],
    ["partial", [1, ""]],
    ["after", [1, 2]],
  ] as const)("should fail the chosen sync %s applying its commands", async (mode, expected) => {
    const d = createExcelDouble();
    d.failAt(0, mode);
    await expect(
      run(d, async (context) => {
        const s = context.workbook.worksheets.getItem("Sheet1");
        s.getRange("A1").values = [[1]];
        s.getRange("A2").values = [[2]];
        s.getRange("A3").load("values");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect([d.model.read("Sheet1", "A1"), d.model.read("Sheet1", "A2")]).toEqual(expected);
  });
});

describe("Excel double: tables and names", () => {
  it("should make table headers unique, non-empty text like Excel", async () => {
    const d = createExcelDouble();
    d.model.type("Sheet1", "A1", [
      ["Name", "name", ""],
      [1, 2, 3],
    ]);
    await run(d, async (context) => {
      const s = context.workbook.worksheets.getItem("Sheet1");
      s.tables.add(s.getRange("A1:C2"), true);
      await context.sync();
    });
    expect([
      d.model.read("Sheet1", "A1"),
      d.model.read("Sheet1", "B1"),
      d.model.read("Sheet1", "C1"),
    ]).toEqual(["Name", "name2", "Column3"]);
  });

  it("should keep a range name on its sheet through a rename and report #REF! after deletion", async () => {
    const d = createExcelDouble();
    const s = d.model.addSheet("Plan");
    d.model.addName("PERF_X", { sheet: s, rect: { row: 0, col: 0, rows: 1, cols: 1 } }, "c");
    const n = [...d.model.names.values()][0];
    d.model.renameSheet(s, "方案 2024");
    expect(d.model.nameValue(n)).toBe("'方案 2024'!$A$1");
    d.model.deleteSheet(s);
    expect(d.model.nameType(n)).toBe("Error");
  });
});
