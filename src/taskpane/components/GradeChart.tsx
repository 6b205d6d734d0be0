import * as React from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { GradeCount } from "../../app/workflow";
import { useSession } from "../session";
import { niceTicks } from "./TierChart";

export interface GradeChartProps {
  grades: readonly GradeCount[];
}

const H = 150;
const PAD = { left: 28, right: 8, top: 10, bottom: 24 };

const useStyles = makeStyles({
  figure: {
    margin: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  svg: { width: "100%", height: "auto", maxWidth: "420px", display: "block" },
  legend: { display: "flex", columnGap: tokens.spacingHorizontalM, alignItems: "center" },
  swatch: {
    display: "inline-block",
    width: "10px",
    height: "10px",
    marginRight: tokens.spacingHorizontalXS,
    borderRadius: "2px",
  },
  actual: { backgroundColor: tokens.colorBrandBackground },
  quota: { backgroundColor: tokens.colorNeutralStroke1 },
});

/** Grade distribution: how many got each grade, next to how many the quotas allow. */
export function GradeChart({ grades }: GradeChartProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t } = useSession();
  const W = Math.max(200, PAD.left + PAD.right + grades.length * 48);
  const max = Math.max(1, ...grades.map((g) => Math.max(g.actual, g.quota)));
  const ticks = niceTicks(max, 3)
    .map((v) => Math.round(v))
    .filter((v, i, a) => a.indexOf(v) === i);
  const top = ticks[ticks.length - 1] || 1;
  const band = (W - PAD.left - PAD.right) / Math.max(1, grades.length);
  const bar = Math.min(16, band / 3);
  const sy = (v: number) => H - PAD.bottom - (v / top) * (H - PAD.top - PAD.bottom);
  const summary = t.generate.distributionSummary(
    grades.map((g) => `${g.label} ${g.actual}/${g.quota}`).join(", ")
  );
  return (
    <figure className={styles.figure}>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${t.generate.distribution}. ${summary}`}
      >
        <title>{`${t.generate.distribution}. ${summary}`}</title>
        {ticks.map((v) => (
          <g key={v}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={sy(v)}
              y2={sy(v)}
              style={{ stroke: tokens.colorNeutralStroke2 }}
            />
            <text
              x={PAD.left - 4}
              y={sy(v) + 3}
              textAnchor="end"
              fontSize={9}
              style={{ fill: tokens.colorNeutralForeground3 }}
            >
              {v}
            </text>
          </g>
        ))}
        {grades.map((g, i) => {
          const cx = PAD.left + band * i + band / 2;
          return (
            <g key={g.label}>
              <rect
                x={cx - bar - 1}
                y={sy(g.actual)}
                width={bar}
                height={H - PAD.bottom - sy(g.actual)}
                style={{ fill: tokens.colorBrandBackground }}
              />
              <rect
                x={cx + 1}
                y={sy(g.quota)}
                width={bar}
                height={H - PAD.bottom - sy(g.quota)}
                style={{ fill: tokens.colorNeutralStroke1 }}
              />
              <text
                x={cx}
                y={H - PAD.bottom + 14}
                textAnchor="middle"
                fontSize={10}
                style={{ fill: tokens.colorNeutralForeground1 }}
              >
                {g.label}
              </text>
            </g>
          );
        })}
      </svg>
      <div className={styles.legend} aria-hidden="true">
        <Caption1>
          <span className={`${styles.swatch} ${styles.actual}`} />
          {t.generate.actual}
        </Caption1>
        <Caption1>
          <span className={`${styles.swatch} ${styles.quota}`} />
          {t.generate.quota}
        </Caption1>
      </div>
    </figure>
  );
}
