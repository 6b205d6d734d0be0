/**
 * The Excel classes the double models (./api.ts). The requirement set of each of their members
 * comes from @types/office-js through scripts/api-sets.ts (./api-sets.generated.ts).
 */
export const EXCEL_CLASSES = [
  "Application",
  "Workbook",
  "WorksheetCollection",
  "Worksheet",
  "Range",
  "RangeFormat",
  "RangeFont",
  "RangeFill",
  "RangeBorderCollection",
  "RangeBorder",
  "DataValidation",
  "NamedItemCollection",
  "NamedItem",
  "TableCollection",
  "Table",
  "ChartCollection",
  "Chart",
  "ChartTitle",
  "ChartSeriesCollection",
  "ChartSeries",
  "WorksheetFreezePanes",
  "PageLayout",
  "PageBreakCollection",
  "ConditionalFormatCollection",
  "ConditionalFormat",
  "DataBarConditionalFormat",
  "ConditionalDataBarPositiveFormat",
] as const;

export type ExcelClass = (typeof EXCEL_CLASSES)[number];
