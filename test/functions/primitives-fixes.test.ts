/**
 * Fixes made in src/engine/primitives.ts while checking it against the contract, tested at the
 * engine level (the worksheet-level cases are in cases.ts).
 */
import { checkMatrix, matrix } from "../../src/engine/primitives";
import { formatMessage } from "../../src/engine/messages";
import { PerfError } from "../../src/engine/errors";

function message(e: unknown, language: "en-US" | "zh-CN" = "en-US"): string {
  expect(e).toBeInstanceOf(PerfError);
  const err = e as PerfError;
  expect(err.kind).toBe("VALUE");
  return formatMessage(err.key, err.params, language);
}

describe("checkMatrix", () => {
  it("should name the column (in table coordinates) of a column threshold that does not ascend", () => {
    const t = {
      rows: [0.8, 1],
      columns: [0.8, 0.9, 0.85],
      cells: [
        [1, 2, 3],
        [4, 5, 6],
      ],
    };
    expect(message(checkMatrix(t))).toBe(
      "table: the value in column 4 (0.85) must be greater than the one to its left (0.9)."
    );
    expect(message(checkMatrix(t), "zh-CN")).toBe(
      "对照表：第 4 列的值（0.85）必须大于左边一列（0.9）。"
    );
  });

  it("should name the table row of a row threshold that does not ascend", () => {
    const t = { rows: [0.8, 1, 0.9], columns: [0.8], cells: [[1], [2], [3]] };
    expect(message(matrix(1, 1, t))).toBe(
      "table: the value in row 4 (0.9) must be greater than the one above it (1)."
    );
  });

  it("should accept ascending axes", () => {
    expect(
      checkMatrix({
        rows: [0, 1],
        columns: [0, 1],
        cells: [
          [1, 2],
          [3, 4],
        ],
      })
    ).toBeNull();
    expect(
      matrix(1, 0.5, {
        rows: [0, 1],
        columns: [0, 1],
        cells: [
          [1, 2],
          [3, 4],
        ],
      })
    ).toBe(3);
  });
});
