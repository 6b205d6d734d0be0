/**
 * Worked examples and every error row of shared/spec/functions.md, with the expected result and,
 * for #VALUE! and #N/A, the expected message in en-US and zh-CN. The same table is run against
 * the source module and, when built, against dist/functions.js.
 */
import type { ErrorCodeText } from "./stubs";

export interface ExpectedError {
  error: ErrorCodeText;
  en?: string;
  zh?: string;
}
export type Expected = number | string | ExpectedError | (string | ExpectedError)[][];

export interface Case {
  id: string;
  why: string;
  args: unknown[];
  expect: Expected;
}

const NUM: ExpectedError = { error: "#NUM!" };
const DIV0: ExpectedError = { error: "#DIV/0!" };

const TIERS = [
  [0, 0.03],
  [100000, 0.05],
  [200000, 0.08],
];
const RATIO_TIERS = [
  [0.5, 0.02],
  [1, 0.05],
  [1.2, 0.1],
];
const POINTS = [
  [0.6, 0.5],
  [1, 1],
  [1.5, 2],
];
const GRID = [
  [null, 0.8, 0.9, 1],
  [0.8, 0.6, 0.7, 0.8],
  [1, 0.8, 1, 1.1],
  [1.2, 1, 1.2, 1.4],
];
const TEN = [[100], [99], [98], [97], [96], [95], [94], [93], [92], [91]];

export const CASES: Case[] = [
  // ---- ATTAINMENT ----
  { id: "ATTAINMENT", why: "sales above target", args: [1200000, 1000000], expect: 1.2 },
  { id: "ATTAINMENT", why: "percent text from a CRM export", args: ["85%", 1], expect: 0.85 },
  { id: "ATTAINMENT", why: "thousands separators", args: ["1,200", "1,000"], expect: 1.2 },
  { id: "ATTAINMENT", why: "full-width digits", args: ["１２０", 100], expect: 1.2 },
  {
    id: "ATTAINMENT",
    why: "lower is better (sales cycle days)",
    args: [20, 30, "lower"],
    expect: 1.5,
  },
  { id: "ATTAINMENT", why: "低 is lower", args: [20, 30, "低"], expect: 1.5 },
  { id: "ATTAINMENT", why: "高 is higher", args: [120, 100, "高"], expect: 1.2 },
  {
    id: "ATTAINMENT",
    why: "case and spaces ignored in direction",
    args: [20, 30, " Lower "],
    expect: 1.5,
  },
  { id: "ATTAINMENT", why: "blank direction takes the default", args: [120, 100, ""], expect: 1.2 },
  { id: "ATTAINMENT", why: "negative actual (returns)", args: [-500, 1000], expect: -0.5 },
  { id: "ATTAINMENT", why: "target 0 with higher", args: [100, 0], expect: DIV0 },
  { id: "ATTAINMENT", why: "actual 0 with lower", args: [0, 30, "lower"], expect: DIV0 },
  { id: "ATTAINMENT", why: "negative target", args: [100, -5], expect: NUM },
  {
    id: "ATTAINMENT",
    why: "unknown direction",
    args: [100, 100, "sideways"],
    expect: {
      error: "#VALUE!",
      en: 'direction must be "higher" or "lower" (or 高 / 低); "sideways" is neither.',
      zh: "方向必须是“高”或“低”（或 higher / lower），“sideways”无法识别。",
    },
  },
  {
    id: "ATTAINMENT",
    why: "spellings outside the contract are not accepted",
    args: [100, 100, "high"],
    expect: {
      error: "#VALUE!",
      en: 'direction must be "higher" or "lower" (or 高 / 低); "high" is neither.',
      zh: "方向必须是“高”或“低”（或 higher / lower），“high”无法识别。",
    },
  },
  {
    id: "ATTAINMENT",
    why: "text that is not a number",
    args: ["abc", 100],
    expect: {
      error: "#VALUE!",
      en: 'actual must be a number; "abc" is not one.',
      zh: "实际值必须是数字，“abc”不是数字。",
    },
  },
  {
    id: "ATTAINMENT",
    why: "a boolean is not a number",
    args: [100, true],
    expect: {
      error: "#VALUE!",
      en: "target must be a number; TRUE/FALSE is not a number.",
      zh: "目标值必须是数字，TRUE/FALSE 不是数字。",
    },
  },

  // ---- GROWTH ----
  { id: "GROWTH", why: "10% growth", args: [110, 100], expect: 0.1 },
  { id: "GROWTH", why: "from a loss to a profit", args: [90, -100], expect: 1.9 },
  { id: "GROWTH", why: "numeric text", args: ["1,100", "1,000"], expect: 0.1 },
  { id: "GROWTH", why: "prior 0", args: [50, 0], expect: DIV0 },
  {
    id: "GROWTH",
    why: "text prior",
    args: [50, "n/a"],
    expect: {
      error: "#VALUE!",
      en: 'prior must be a number; "n/a" is not one.',
      zh: "上期值必须是数字，“n/a”不是数字。",
    },
  },

  // ---- KPISCORE ----
  { id: "KPISCORE", why: "95% attainment", args: [95, 100], expect: 95 },
  { id: "KPISCORE", why: "capped at 1.2", args: [130, 100], expect: 120 },
  { id: "KPISCORE", why: "below the floor scores 0", args: [50, 100, 0.6], expect: 0 },
  { id: "KPISCORE", why: "at the floor scores", args: [60, 100, 0.6], expect: 60 },
  {
    id: "KPISCORE",
    why: "floor boundary within tolerance",
    args: [59.99999999999999, 100, 0.6],
    expect: 59.99999999999999,
  },
  {
    id: "KPISCORE",
    why: "lower is better, capped",
    args: [2, 2.5, null, null, "lower"],
    expect: 120,
  },
  {
    id: "KPISCORE",
    why: "lower is better, below target",
    args: [4, 3, null, null, "lower"],
    expect: 75,
  },
  {
    id: "KPISCORE",
    why: "zero complaints score the cap",
    args: [0, 3, null, null, "lower"],
    expect: 120,
  },
  { id: "KPISCORE", why: "full_score 10", args: [90, 100, null, null, null, 10], expect: 9 },
  {
    id: "KPISCORE",
    why: "percent text arguments",
    args: ["90%", "100%", "0%", "150%"],
    expect: 90,
  },
  { id: "KPISCORE", why: "negative floor", args: [90, 100, -0.1], expect: NUM },
  { id: "KPISCORE", why: "cap below floor", args: [90, 100, 0.6, 0.5], expect: NUM },
  { id: "KPISCORE", why: "full_score 0", args: [90, 100, 0, 1.2, "higher", 0], expect: NUM },
  { id: "KPISCORE", why: "target 0", args: [90, 0], expect: DIV0 },
  { id: "KPISCORE", why: "negative target", args: [90, -100], expect: NUM },
  {
    id: "KPISCORE",
    why: "text cap",
    args: [90, 100, 0, "max"],
    expect: {
      error: "#VALUE!",
      en: 'cap must be a number; "max" is not one.',
      zh: "上限必须是数字，“max”不是数字。",
    },
  },

  // ---- CURVE ----
  { id: "CURVE", why: "below the threshold", args: [0.5, POINTS], expect: 0 },
  { id: "CURVE", why: "at the threshold", args: [0.6, POINTS], expect: 0.5 },
  { id: "CURVE", why: "interpolated below target", args: [0.8, POINTS], expect: 0.75 },
  { id: "CURVE", why: "interpolated above target", args: [1.2, POINTS], expect: 1.4 },
  { id: "CURVE", why: "beyond the stretch", args: [1.6, POINTS], expect: 2 },
  { id: "CURVE", why: "step mode", args: [1.2, POINTS, "step"], expect: 1 },
  { id: "CURVE", why: "阶梯 is step", args: [0.8, POINTS, "阶梯"], expect: 0.5 },
  {
    id: "CURVE",
    why: "trailing blank rows ignored",
    args: [1.2, [...POINTS, [null, null], ["", ""]]],
    expect: 1.4,
  },
  {
    id: "CURVE",
    why: "x not ascending",
    args: [
      1,
      [
        [1, 1],
        [0.5, 2],
      ],
    ],
    expect: {
      error: "#VALUE!",
      en: "points: the value in row 2 (0.5) must be greater than the one above it (1).",
      zh: "曲线点：第 2 行的值（0.5）必须大于上一行（1）。",
    },
  },
  {
    id: "CURVE",
    why: "three columns",
    args: [
      1,
      [
        [0, 0, 0],
        [1, 1, 1],
      ],
    ],
    expect: {
      error: "#VALUE!",
      en: "points must have 2 columns; it has 3.",
      zh: "曲线点必须有 2 列，当前为 3 列。",
    },
  },
  {
    id: "CURVE",
    why: "a blank row inside the table",
    args: [
      1,
      [
        [0, 0],
        [null, null],
        [1, 1],
      ],
    ],
    expect: {
      error: "#VALUE!",
      en: "points: row 2 has a blank cell.",
      zh: "曲线点：第 2 行有空单元格。",
    },
  },
  {
    id: "CURVE",
    why: "text in the table",
    args: [
      1,
      [
        [0, 0],
        [1, "full"],
      ],
    ],
    expect: {
      error: "#VALUE!",
      en: 'points: row 2, column 2 holds "full", which is not a number.',
      zh: "曲线点：第 2 行第 2 列为“full”，不是数字。",
    },
  },
  {
    id: "CURVE",
    why: "unknown mode",
    args: [1, POINTS, "smooth"],
    expect: {
      error: "#VALUE!",
      en: 'mode must be "linear" or "step" (or 线性 / 阶梯); "smooth" is neither.',
      zh: "方式必须是“线性”或“阶梯”（或 linear / step），“smooth”无法识别。",
    },
  },
  {
    id: "CURVE",
    why: "an empty table",
    args: [1, [[null, null]]],
    expect: { error: "#VALUE!", en: "points has no rows.", zh: "曲线点没有任何行。" },
  },

  // ---- WEIGHTED ----
  {
    id: "WEIGHTED",
    why: "fractions",
    args: [
      [[90], [80], [70]],
      [[0.5], [0.3], [0.2]],
    ],
    expect: 83,
  },
  { id: "WEIGHTED", why: "points", args: [[[90, 80, 70]], [[50, 30, 20]]], expect: 83 },
  {
    id: "WEIGHTED",
    why: "percent text weights, different shapes",
    args: [[[90, 80, 70]], [["50%"], ["30%"], ["20%"]]],
    expect: 83,
  },
  {
    id: "WEIGHTED",
    why: "a blank weight is 0",
    args: [
      [[90], [80], [70]],
      [[0.5], [0.5], [null]],
    ],
    expect: 85,
  },
  {
    id: "WEIGHTED",
    why: "missing zero",
    args: [[[90], [null], [70]], [[0.5], [0.3], [0.2]], "zero"],
    expect: 59,
  },
  {
    id: "WEIGHTED",
    why: "missing renormalize",
    args: [[[90], [null], [70]], [[0.5], [0.3], [0.2]], "renormalize"],
    expect: 59 / 0.7,
  },
  {
    id: "WEIGHTED",
    why: "重新分配 is renormalize",
    args: [[[90], [null], [70]], [[50], [30], [20]], "重新分配"],
    expect: 59 / 0.7,
  },
  {
    id: "WEIGHTED",
    why: "missing error (default)",
    args: [
      [[90], [null], [70]],
      [[0.5], [0.3], [0.2]],
    ],
    expect: {
      error: "#VALUE!",
      en: 'score 2 is blank but its weight is 0.3; fill it in, or set missing to "zero" or "renormalize".',
      zh: "第 2 个得分为空，但其权重为 0.3；请填写得分，或将缺失处理设为“计零”或“重新分配”。",
    },
  },
  {
    id: "WEIGHTED",
    why: "weights sum to 95%",
    args: [
      [[90], [80], [70]],
      [[0.5], [0.25], [0.2]],
    ],
    expect: {
      error: "#VALUE!",
      en: "weights sum to 95%; they must sum to 100% (or 100 points).",
      zh: "权重合计为 95%，必须合计为 100%（或 100 分）。",
    },
  },
  {
    id: "WEIGHTED",
    why: "all scores blank with renormalize",
    args: [[[null], [null]], [[0.5], [0.5]], "renormalize"],
    expect: {
      error: "#N/A",
      en: "every score is blank; there is nothing to weigh.",
      zh: "所有得分均为空，无法加权。",
    },
  },
  {
    id: "WEIGHTED",
    why: "different numbers of cells",
    args: [
      [[90], [80]],
      [[0.5], [0.3], [0.2]],
    ],
    expect: {
      error: "#VALUE!",
      en: "scores has 2 cells but weights has 3; they must match.",
      zh: "得分有 2 个单元格，权重有 3 个，数量必须一致。",
    },
  },
  {
    id: "WEIGHTED",
    why: "a negative weight",
    args: [
      [[90], [80]],
      [[1.2], [-0.2]],
    ],
    expect: {
      error: "#VALUE!",
      en: "weight 2 is negative (-0.2); weights must be 0 or more.",
      zh: "第 2 个权重为负数（-0.2），权重不能小于 0。",
    },
  },
  {
    id: "WEIGHTED",
    why: "text in scores",
    args: [
      [[90], ["good"]],
      [[0.5], [0.5]],
    ],
    expect: {
      error: "#VALUE!",
      en: 'scores: cell 2 holds "good", which is not a number.',
      zh: "得分：第 2 个单元格为“good”，不是数字。",
    },
  },
  {
    id: "WEIGHTED",
    why: "unknown missing policy",
    args: [[[90]], [[1]], "skip"],
    expect: {
      error: "#VALUE!",
      en: 'missing must be "error", "zero" or "renormalize"; "skip" is none of them.',
      zh: "缺失处理必须是“报错”“计零”或“重新分配”（error / zero / renormalize），“skip”无法识别。",
    },
  },

  // ---- GRADE ----
  { id: "GRADE", why: "S band", args: [96], expect: "S" },
  { id: "GRADE", why: "band minimum reached exactly", args: [95], expect: "S" },
  { id: "GRADE", why: "boundary within tolerance", args: [94.99999999999999], expect: "S" },
  { id: "GRADE", why: "B band", args: [84], expect: "B" },
  { id: "GRADE", why: "D band", args: [0], expect: "D" },
  {
    id: "GRADE",
    why: "custom bands in any order",
    args: [
      80,
      [
        [60, "合格"],
        [90, "优秀"],
        [75, "良好"],
      ],
    ],
    expect: "良好",
  },
  {
    id: "GRADE",
    why: "trailing blank rows ignored",
    args: [
      91,
      [
        [60, "C"],
        [90, "A"],
        [null, null],
      ],
    ],
    expect: "A",
  },
  {
    id: "GRADE",
    why: "below every band",
    args: [-1],
    expect: {
      error: "#N/A",
      en: "score -1 is below every band; add a band starting at or below it.",
      zh: "得分 -1 低于所有等级区间的下限，请增加一个不高于该得分的区间。",
    },
  },
  {
    id: "GRADE",
    why: "text score",
    args: ["excellent"],
    expect: {
      error: "#VALUE!",
      en: 'score must be a number; "excellent" is not one.',
      zh: "得分必须是数字，“excellent”不是数字。",
    },
  },

  // ---- DISTRIBUTE ----
  {
    id: "DISTRIBUTE",
    why: "ten scores with the default quotas",
    args: [TEN],
    expect: [["S"], ["A"], ["A"], ["B"], ["B"], ["B"], ["B"], ["B"], ["C"], ["C"]],
  },
  {
    id: "DISTRIBUTE",
    why: "blank and text cells",
    args: [
      [
        [95, null],
        ["abc", 80],
      ],
    ],
    expect: [
      ["A", ""],
      [
        {
          error: "#VALUE!",
          en: 'scores: cell 3 holds "abc", which is not a number.',
          zh: "得分：第 3 个单元格为“abc”，不是数字。",
        },
        "B",
      ],
    ],
  },
  {
    id: "DISTRIBUTE",
    why: "equal scores share a grade",
    args: [[[90, 90, 80]]],
    expect: [["A", "A", "C"]],
  },
  {
    id: "DISTRIBUTE",
    why: "custom quotas in points",
    args: [
      [[50], [40], [30], [20], [10]],
      [
        ["优", 20],
        ["良", 80],
      ],
    ],
    expect: [["优"], ["良"], ["良"], ["良"], ["良"]],
  },
  {
    id: "DISTRIBUTE",
    why: "quotas sum to 90%",
    args: [
      TEN,
      [
        ["A", 0.5],
        ["B", 0.4],
      ],
    ],
    expect: {
      error: "#VALUE!",
      en: "quotas sum to 90%; they must sum to 100%.",
      zh: "分布比例合计为 90%，必须合计为 100%。",
    },
  },

  // ---- COEFFICIENT ----
  { id: "COEFFICIENT", why: "A", args: ["A"], expect: 1.2 },
  { id: "COEFFICIENT", why: "case and spaces ignored", args: [" s "], expect: 1.5 },
  {
    id: "COEFFICIENT",
    why: "custom table",
    args: [
      "良好",
      [
        ["优秀", 1.3],
        ["良好", 1],
        ["合格", 0.8],
      ],
    ],
    expect: 1,
  },
  {
    id: "COEFFICIENT",
    why: "unknown grade",
    args: ["E"],
    expect: {
      error: "#N/A",
      en: 'grade "E" is not in the coefficient table.',
      zh: "系数表中没有等级“E”。",
    },
  },

  // ---- MATRIX ----
  { id: "MATRIX", why: "inside the table", args: [1.05, 0.95, GRID], expect: 1 },
  { id: "MATRIX", why: "top corner", args: [1.3, 1.2, GRID], expect: 1.4 },
  { id: "MATRIX", why: "threshold reached exactly", args: [0.8, 0.8, GRID], expect: 0.6 },
  { id: "MATRIX", why: "row value below the first threshold", args: [0.7, 0.95, GRID], expect: 0 },
  {
    id: "MATRIX",
    why: "column value below the first threshold",
    args: [0.9, 0.5, GRID],
    expect: 0,
  },
  {
    id: "MATRIX",
    why: "column thresholds not ascending",
    args: [
      1,
      1,
      [
        [null, 0.9, 0.8],
        [1, 1, 2],
      ],
    ],
    expect: {
      error: "#VALUE!",
      en: "table: the value in column 3 (0.8) must be greater than the one to its left (0.9).",
      zh: "对照表：第 3 列的值（0.8）必须大于左边一列（0.9）。",
    },
  },
  {
    id: "MATRIX",
    why: "row thresholds not ascending (table row 4)",
    args: [
      1,
      1,
      [
        [null, 0.9],
        [0.8, 1],
        [1, 2],
        [0.9, 3],
      ],
    ],
    expect: {
      error: "#VALUE!",
      en: "table: the value in row 4 (0.9) must be greater than the one above it (1).",
      zh: "对照表：第 4 行的值（0.9）必须大于上一行（1）。",
    },
  },
  {
    id: "MATRIX",
    why: "no body",
    args: [1, 1, [[null, 0.9, 1]]],
    expect: {
      error: "#VALUE!",
      en: "table must have a header row and a header column with at least one threshold each.",
      zh: "对照表必须有表头行和表头列，且各至少有一个阈值。",
    },
  },

  // ---- COMMISSION ----
  { id: "COMMISSION", why: "marginal (超额累进)", args: [250000, TIERS], expect: 12000 },
  { id: "COMMISSION", why: "whole (全额累进)", args: [250000, TIERS, "whole"], expect: 20000 },
  { id: "COMMISSION", why: "全额累进 alias", args: [250000, TIERS, "全额累进"], expect: 20000 },
  { id: "COMMISSION", why: "超额累进 alias", args: [250000, TIERS, "超额累进"], expect: 12000 },
  {
    id: "COMMISSION",
    why: "below a threshold first bound",
    args: [
      40000,
      [
        [50000, 0.05],
        [100000, 0.08],
      ],
    ],
    expect: 0,
  },
  {
    id: "COMMISSION",
    why: "above a threshold first bound",
    args: [
      80000,
      [
        [50000, 0.05],
        [100000, 0.08],
      ],
    ],
    expect: 1500,
  },
  {
    id: "COMMISSION",
    why: "attainment tiers × target, marginal",
    args: [130000, RATIO_TIERS, null, 100000],
    expect: 3000,
  },
  {
    id: "COMMISSION",
    why: "attainment tiers × target, whole",
    args: [130000, RATIO_TIERS, "whole", 100000],
    expect: 13000,
  },
  { id: "COMMISSION", why: "cap", args: [250000, TIERS, "whole", null, 10000], expect: 10000 },
  { id: "COMMISSION", why: "negative amount", args: [-1, TIERS], expect: NUM },
  { id: "COMMISSION", why: "target 0", args: [1000, RATIO_TIERS, null, 0], expect: NUM },
  { id: "COMMISSION", why: "negative cap", args: [1000, TIERS, null, null, -1], expect: NUM },
  {
    id: "COMMISSION",
    why: "unknown method",
    args: [1000, TIERS, "progressive"],
    expect: {
      error: "#VALUE!",
      en: 'method must be "marginal" or "whole" (or 超额累进 / 全额累进); "progressive" is neither.',
      zh: "计算方式必须是“超额累进”或“全额累进”（或 marginal / whole），“progressive”无法识别。",
    },
  },
  {
    id: "COMMISSION",
    why: "bounds not ascending",
    args: [
      1000,
      [
        [0, 0.1],
        [0, 0.2],
      ],
    ],
    expect: {
      error: "#VALUE!",
      en: "tiers: the value in row 2 (0) must be greater than the one above it (0).",
      zh: "提成阶梯：第 2 行的值（0）必须大于上一行（0）。",
    },
  },

  // ---- FEEDBACK ----
  { id: "FEEDBACK", why: "all three groups", args: [90, [[80, 85, 75]], [[88], [92]]], expect: 88 },
  {
    id: "FEEDBACK",
    why: "no customer ratings",
    args: [90, [[80, 85, 75]], [[null], [null]]],
    expect: 87.5,
  },
  {
    id: "FEEDBACK",
    why: "custom weights in points",
    args: [90, [[80, 85, 75]], [[88], [92]], [[50, 30, 20]]],
    expect: 87,
  },
  {
    id: "FEEDBACK",
    why: "weights sum to 110%",
    args: [90, 80, 70, [[0.5, 0.3, 0.3]]],
    expect: {
      error: "#VALUE!",
      en: "weights sum to 110%; they must sum to 100% (or 100 points).",
      zh: "权重合计为 110%，必须合计为 100%（或 100 分）。",
    },
  },
  {
    id: "FEEDBACK",
    why: "two weights",
    args: [90, 80, 70, [[0.5, 0.5]]],
    expect: {
      error: "#VALUE!",
      en: "weights must be three cells (superior, peers, customers); there are 2.",
      zh: "权重必须是 3 个单元格（上级、同事、客户），当前为 2 个。",
    },
  },
  {
    id: "FEEDBACK",
    why: "no ratings at all",
    args: [null, [[null, null]], [[""]]],
    expect: {
      error: "#N/A",
      en: "there are no ratings from any rater group.",
      zh: "没有任何评价人的评分。",
    },
  },
  {
    id: "FEEDBACK",
    why: "text rating",
    args: [90, [[80, "good"]], 70],
    expect: {
      error: "#VALUE!",
      en: 'peers: cell 2 holds "good", which is not a number.',
      zh: "同事评分：第 2 个单元格为“good”，不是数字。",
    },
  },

  // ---- PRORATE ----
  { id: "PRORATE", why: "half a month", args: [10000, 15, 30], expect: 5000 },
  { id: "PRORATE", why: "at most the full amount", args: [10000, 31, 30], expect: 10000 },
  { id: "PRORATE", why: "negative amount (deduction)", args: [-300, 10, 30], expect: -100 },
  { id: "PRORATE", why: "days_in_period 0", args: [10000, 10, 0], expect: NUM },
  { id: "PRORATE", why: "negative days_worked", args: [10000, -1, 30], expect: NUM },

  // ---- PAY ----
  { id: "PAY", why: "base + performance pay × coefficient", args: [5000, 2000, 1.2], expect: 7400 },
  {
    id: "PAY",
    why: "with commission and a deduction",
    args: [5000, 2000, 1.2, 1500.555, -200],
    expect: 8700.56,
  },
  { id: "PAY", why: "Excel ROUND: 2.675 → 2.68", args: [2.675, 0, 0], expect: 2.68 },
  { id: "PAY", why: "Excel ROUND: -2.675 → -2.68", args: [0, 0, 0, -2.675], expect: -2.68 },
  { id: "PAY", why: "1.005 → 1.01", args: [1.005, 0, 0], expect: 1.01 },
  { id: "PAY", why: "negative base", args: [-1, 2000, 1], expect: NUM },
  { id: "PAY", why: "negative performance pay", args: [5000, -1, 1], expect: NUM },
  { id: "PAY", why: "negative coefficient", args: [5000, 2000, -0.1], expect: NUM },
  {
    id: "PAY",
    why: "text bonus",
    args: [5000, 2000, 1, 0, "TBD"],
    expect: {
      error: "#VALUE!",
      en: 'bonus must be a number; "TBD" is not one.',
      zh: "奖金必须是数字，“TBD”不是数字。",
    },
  },
];
