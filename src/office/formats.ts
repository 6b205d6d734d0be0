/**
 * A sheet's styles, charts and print setup as Office.js commands, each next to the request bytes
 * Microsoft's client makes of it (./batch.ts: a new object, an action, the arguments), so that a
 * batch sized by these estimates stays within the budget whatever the layout holds.
 */
import type { ChartSpec, PrintSpec, RangeRef, StyleSpec } from "../workbook/layout";
import { cellAddress } from "./a1";
import { requestBytes } from "./batch";

type Edge =
  "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

/** One property a style sets, on the range's format, its font, its fill or one border. */
interface StyleSetting {
  on: "format" | "font" | "fill" | Edge;
  property: string;
  value: string | number | boolean;
}

const EDGES: Record<NonNullable<StyleSpec["border"]>, Edge[]> = {
  thin: ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"],
  top: ["EdgeTop"],
  bottom: ["EdgeBottom"],
};

const ALIGN = { left: "Left", center: "Center", right: "Right", top: "Top", bottom: "Bottom" };

/** What a style sets, in order. */
function styleSettings(s: StyleSpec): StyleSetting[] {
  const out: StyleSetting[] = [];
  const put = (
    on: StyleSetting["on"],
    property: string,
    value: StyleSetting["value"] | undefined
  ) => {
    if (value !== undefined) out.push({ on, property, value });
  };
  put("font", "bold", s.bold);
  put("font", "italic", s.italic);
  put("font", "color", s.fontColor || undefined);
  put("font", "size", s.fontSize || undefined);
  put("fill", "color", s.fill || undefined);
  put("format", "wrapText", s.wrap);
  put("format", "horizontalAlignment", s.horizontal && ALIGN[s.horizontal]);
  put("format", "verticalAlignment", s.vertical && ALIGN[s.vertical]);
  for (const edge of s.border ? EDGES[s.border] : []) {
    put(edge, "style", "Continuous");
    put(edge, "weight", "Thin");
  }
  return out;
}

export function applyStyle(range: Excel.Range, s: StyleSpec): void {
  const f = range.format;
  const objects = new Map<string, Record<string, unknown>>();
  const target = (on: StyleSetting["on"]): Record<string, unknown> => {
    let o = objects.get(on);
    if (!o) {
      const made =
        on === "format"
          ? f
          : on === "font"
            ? f.font
            : on === "fill"
              ? f.fill
              : f.borders.getItem(on);
      o = made as unknown as Record<string, unknown>;
      objects.set(on, o);
    }
    return o;
  };
  for (const { on, property, value } of styleSettings(s)) target(on)[property] = value;
}

/** Request bytes of {@link applyStyle}: the range, its format and what it sets. */
export function styleBytes(s: StyleSpec): number {
  const settings = styleSettings(s);
  const objects = new Set(settings.map((x) => x.on));
  objects.delete("format");
  const borders = settings.some((x) => x.on.startsWith("Edge") || x.on.startsWith("Inside"));
  return requestBytes(
    2 + objects.size + (borders ? 1 : 0),
    settings.length,
    ...settings.map((x) => `${x.property}${String(x.value)}`)
  );
}

const CHART_TYPES: Record<ChartSpec["type"], "ColumnClustered" | "BarClustered" | "Pie" | "Line"> =
  {
    columnClustered: "ColumnClustered",
    barClustered: "BarClustered",
    pie: "Pie",
    line: "Line",
  };

export function addChart(ws: Excel.Worksheet, spec: ChartSpec, name: string): void {
  const at = (r: RangeRef) => ws.getRangeByIndexes(r.row, r.column, r.rows, r.columns);
  const [first, ...rest] = spec.series;
  const chart = ws.charts.add(
    CHART_TYPES[spec.type],
    at(first.values),
    first.values.columns === 1 ? "Columns" : "Rows"
  );
  chart.name = name;
  chart.title.text = spec.title;
  const s0 = chart.series.getItemAt(0);
  s0.name = first.name;
  s0.setXAxisValues(at(spec.categories));
  for (const s of rest) {
    const series = chart.series.add(s.name);
    series.setValues(at(s.values));
    series.setXAxisValues(at(spec.categories));
  }
  const a = spec.anchor;
  chart.setPosition(
    cellAddress(a.row, a.column),
    cellAddress(a.row + Math.max(1, a.rows) - 1, a.column + Math.max(1, a.columns) - 1)
  );
}

/** Request bytes of {@link addChart}. */
export function chartBytes(spec: ChartSpec, name: string): number {
  const extra = Math.max(0, spec.series.length - 1);
  // charts, the chart, its title, its series, the first series, the two ranges of the first,
  // and per further series: the series and its two ranges
  const objects = 7 + 3 * extra;
  // name, title, first series' name and categories, position; per further series values and categories
  const actions = 5 + 2 * extra;
  return requestBytes(objects, actions, spec, name);
}

export function setupPrint(ws: Excel.Worksheet, print: PrintSpec): void {
  const pl = ws.pageLayout;
  pl.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  pl.paperSize = "A4";
  const a = print.area;
  pl.setPrintArea(ws.getRangeByIndexes(a.row, a.column, a.rows, a.columns));
  // fit all columns on one page wide; 0 pages tall means "as many as needed"
  if (print.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.titleRows) {
    const { first, last } = print.titleRows;
    pl.setPrintTitleRows(ws.getRangeByIndexes(first, 0, last - first + 1, 1).getEntireRow());
  }
  for (const row of print.rowBreaks)
    ws.horizontalPageBreaks.add(ws.getRangeByIndexes(row, 0, 1, 1));
}

/** Request bytes of {@link setupPrint}. */
export function printBytes(print: PrintSpec): number {
  const breaks = print.rowBreaks.length;
  // page layout, print area, two for the title rows, the page breaks and a range per break
  const objects = 5 + (breaks > 0 ? 1 : 0) + breaks;
  // orientation, paper, area, zoom, title rows, one add per break
  const actions = 5 + breaks;
  return requestBytes(objects, actions, print);
}
