import * as React from "react";
import type { ChartSpec } from "../../src/workbook/layout";
import type { PreviewWorkbook } from "./PreviewWorkbook";

export interface ChartViewProps {
  workbook: PreviewWorkbook;
  sheet: number;
  chart: ChartSpec;
  /** Where it sits over the grid, in pixels. */
  box: { left: number; top: number; width: number; height: number };
}

const COLORS = ["#4472c4", "#ed7d31", "#a5a5a5", "#ffc000", "#5b9bd5", "#70ad47"];

function cells(
  workbook: PreviewWorkbook,
  sheet: number,
  r: ChartSpec["categories"]
): (string | number | null)[] {
  return workbook
    .values(sheet, r)
    .flat()
    .map((v) => (typeof v === "boolean" ? String(v) : v));
}

/** A layout's chart drawn from the sheet's current values (column, bar, line or pie). */
export function ChartView({ workbook, sheet, chart, box }: ChartViewProps): React.JSX.Element {
  const labels = cells(workbook, sheet, chart.categories).map((v) => (v === null ? "" : String(v)));
  const series = chart.series.map((s) => ({
    name: s.name,
    values: cells(workbook, sheet, s.values).map((v) => (typeof v === "number" ? v : 0)),
  }));
  const W = box.width;
  const H = box.height;
  const pad = { left: 36, right: 8, top: 24, bottom: 34 };
  const max = Math.max(1e-9, ...series.flatMap((s) => s.values));
  const plotW = W - pad.left - pad.right;
  const plotH = H - pad.top - pad.bottom;
  const band = plotW / Math.max(1, labels.length);
  const barW = Math.max(2, (band * 0.7) / Math.max(1, series.length));
  const y = (v: number) => pad.top + plotH - (v / max) * plotH;
  const summary = `${chart.title}: ${labels.map((l, i) => `${l} ${series.map((s) => s.values[i]).join("/")}`).join(", ")}`;
  return (
    <svg
      role="img"
      aria-label={summary}
      style={{
        position: "absolute",
        left: box.left,
        top: box.top,
        width: W,
        height: H,
        background: "#fff",
        border: "1px solid #c8c8c8",
        zIndex: 4,
      }}
      viewBox={`0 0 ${W} ${H}`}
    >
      <title>{summary}</title>
      <text x={W / 2} y={16} textAnchor="middle" fontSize={12} fontWeight={600} fill="#333">
        {chart.title}
      </text>
      {chart.type === "pie" ? null : (
        <>
          <line
            x1={pad.left}
            x2={W - pad.right}
            y1={pad.top + plotH}
            y2={pad.top + plotH}
            stroke="#999"
          />
          <text x={pad.left - 4} y={pad.top + 4} textAnchor="end" fontSize={9} fill="#666">
            {Number(max.toPrecision(3))}
          </text>
          {labels.map((l, i) => (
            <text
              key={i}
              x={pad.left + band * i + band / 2}
              y={H - pad.bottom + 12}
              textAnchor="middle"
              fontSize={9}
              fill="#333"
            >
              {l}
            </text>
          ))}
          {chart.type === "line"
            ? series.map((s, k) => (
                <polyline
                  key={k}
                  fill="none"
                  stroke={COLORS[k % COLORS.length]}
                  strokeWidth={2}
                  points={s.values
                    .map((v, i) => `${pad.left + band * i + band / 2},${y(v)}`)
                    .join(" ")}
                />
              ))
            : series.map((s, k) =>
                s.values.map((v, i) => (
                  <rect
                    key={`${k}-${i}`}
                    x={pad.left + band * i + band * 0.15 + barW * k}
                    y={y(v)}
                    width={barW}
                    height={pad.top + plotH - y(v)}
                    fill={COLORS[k % COLORS.length]}
                  />
                ))
              )}
        </>
      )}
      {series.map((s, k) => (
        <g key={k}>
          <rect
            x={pad.left + k * 90}
            y={H - 14}
            width={8}
            height={8}
            fill={COLORS[k % COLORS.length]}
          />
          <text x={pad.left + k * 90 + 11} y={H - 7} fontSize={9} fill="#333">
            {s.name}
          </text>
        </g>
      ))}
    </svg>
  );
}
