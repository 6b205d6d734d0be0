import * as React from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { commissionUnchecked, type CommissionMethod } from "../../engine";
import { useSession } from "../session";

export interface TierChartProps {
  tiers: readonly { from: number; rate: number }[];
  method: CommissionMethod;
  boundType: "currency" | "attainment";
}

const W = 300;
const H = 150;
const PAD = { left: 46, right: 10, top: 10, bottom: 28 };

const useStyles = makeStyles({
  figure: {
    margin: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  svg: { width: "100%", height: "auto", maxWidth: "420px", display: "block" },
});

/** Tidy axis steps: 1, 2 or 5 × 10^k, about `count` of them up to `max`. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/**
 * The payout of one month against the amount (or attainment) for the plan's tiers, computed with
 * the engine's own commission function. Bounds in attainment are drawn for a target of 100%: the
 * payout is then a share of the target.
 */
export function TierChart({ tiers, method, boundType }: TierChartProps): React.JSX.Element | null {
  const styles = useStyles();
  const { strings: t, format } = useSession();
  const valid =
    tiers.length > 0 &&
    tiers.every(
      (x, i) =>
        Number.isFinite(x.from) &&
        Number.isFinite(x.rate) &&
        (i === 0 || x.from > tiers[i - 1].from)
    );
  if (!valid) return null;
  const bounds = tiers.map((x) => x.from);
  const rates = tiers.map((x) => x.rate);
  const last = bounds[bounds.length - 1];
  const xMax = last > 0 ? last * 1.6 : boundType === "attainment" ? 1.5 : 500000;
  const xs: number[] = [];
  const steps = 60;
  for (let i = 0; i <= steps; i++) xs.push((xMax * i) / steps);
  for (const b of bounds) if (b > 0 && b < xMax) xs.push(b * (1 - 1e-9), b); // both sides of a jump
  xs.sort((a, b) => a - b);
  const pay = (x: number) => commissionUnchecked(x, bounds, rates, method);
  const ys = xs.map(pay);
  const yMax = Math.max(...ys, 1e-9);
  const xTicks = niceTicks(xMax);
  const yTicks = niceTicks(yMax, 3);
  const xTop = xTicks[xTicks.length - 1];
  const yTop = yTicks[yTicks.length - 1] || 1;
  const sx = (x: number) => PAD.left + (x / xTop) * (W - PAD.left - PAD.right);
  const sy = (y: number) => H - PAD.bottom - (y / yTop) * (H - PAD.top - PAD.bottom);
  const path = xs
    .map((x, i) => `${i === 0 ? "M" : "L"}${sx(x).toFixed(1)},${sy(ys[i]).toFixed(1)}`)
    .join("");
  const showX = (x: number) =>
    boundType === "attainment" ? format.percent(x, 0) : format.amount(x);
  const showY = (y: number) =>
    boundType === "attainment" ? format.percent(y, 1) : format.amount(y);
  const samples = [...bounds.filter((b) => b > 0), xMax]
    .map((x) => `${showX(x)} → ${showY(pay(x))}`)
    .join("; ");
  const label = `${t.plan.chartTitle}. ${t.plan.chartSummary(samples)}`;
  return (
    <figure className={styles.figure}>
      <svg className={styles.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <title>{label}</title>
        {yTicks.map((y) => (
          <g key={`y${y}`}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={sy(y)}
              y2={sy(y)}
              style={{ stroke: tokens.colorNeutralStroke2 }}
              strokeWidth={1}
            />
            <text
              x={PAD.left - 4}
              y={sy(y) + 3}
              textAnchor="end"
              fontSize={9}
              style={{ fill: tokens.colorNeutralForeground3 }}
            >
              {showY(y)}
            </text>
          </g>
        ))}
        {xTicks.map((x, i) => (
          <text
            key={`x${x}`}
            x={sx(x)}
            y={H - PAD.bottom + 12}
            textAnchor={i === xTicks.length - 1 ? "end" : i === 0 ? "start" : "middle"}
            fontSize={9}
            style={{ fill: tokens.colorNeutralForeground3 }}
          >
            {showX(x)}
          </text>
        ))}
        {bounds
          .filter((b) => b > 0 && b <= xTop)
          .map((b) => (
            <line
              key={`b${b}`}
              x1={sx(b)}
              x2={sx(b)}
              y1={PAD.top}
              y2={H - PAD.bottom}
              style={{ stroke: tokens.colorNeutralStroke1 }}
              strokeDasharray="3 3"
            />
          ))}
        <path
          d={path}
          fill="none"
          style={{ stroke: tokens.colorBrandForeground1 }}
          strokeWidth={2}
        />
        <text
          x={W - PAD.right}
          y={H - 4}
          textAnchor="end"
          fontSize={9}
          style={{ fill: tokens.colorNeutralForeground2 }}
        >
          {t.plan.chartAmount}
        </text>
      </svg>
      <Caption1 aria-hidden="true">{t.plan.chartTitle}</Caption1>
    </figure>
  );
}
