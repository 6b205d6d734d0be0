/**
 * Total and subtotal rows: exports from Excel and from CRM reports often carry a 小计 line after
 * each team and a 合计 line at the end. Such a row is never a salesperson: it is left out with a
 * located message. A row is one when one of its identity cells (id, name, team) is labelled as a
 * total (合计, 小计, 总计, 汇总, Total, Subtotal, Grand total), or when it has no salesperson id
 * and its amounts are the sums of the rows above it.
 */
import { toHalfWidth } from "../coerce";

const WHOLE = /^(合计|小计|总计|共计|汇总|总合计|(grand\s*)?(sub[\s-]?)?totals?)\s*[:：]?$/i;
const CHINESE_END = /(合计|小计|总计|共计|汇总)\s*[:：]?$/;
const CHINESE_START = /^(合计|小计|总计|共计)\s*[:：(（]/;
const ENGLISH_END = /\s(sub[\s-]?)?total\s*[:：]?$/i;
const ENGLISH_START = /^(grand\s+)?(sub[\s-]?)?total\s*[:：]/i;

/** Whether a cell's text labels a total or subtotal row. */
export function isTotalLabel(text: string): boolean {
  const t = toHalfWidth(text).trim();
  if (t === "") return false;
  return (
    WHOLE.test(t) ||
    CHINESE_END.test(t) ||
    CHINESE_START.test(t) ||
    ENGLISH_END.test(t) ||
    ENGLISH_START.test(t)
  );
}

/**
 * Running sums of the amounts above a row, to recognize a row without an id whose amounts are
 * sums: since the last total row, within the row's team, and of everything so far.
 */
export class RunningSums {
  private sinceTotal = new Map<string, number>();
  private byTeam = new Map<string, Map<string, number>>();
  private all = new Map<string, number>();

  /** Adds a salesperson's amounts (field key → value). */
  add(team: string, values: Readonly<Record<string, number | null>>, keys: readonly string[]) {
    let t = this.byTeam.get(team);
    if (!t) this.byTeam.set(team, (t = new Map()));
    for (const k of keys) {
      const v = values[k];
      if (v === null || v === undefined) continue;
      this.sinceTotal.set(k, (this.sinceTotal.get(k) ?? 0) + v);
      t.set(k, (t.get(k) ?? 0) + v);
      this.all.set(k, (this.all.get(k) ?? 0) + v);
    }
  }

  /** A total row was passed: the next group starts. */
  reset(): void {
    this.sinceTotal = new Map();
  }

  /**
   * Whether the amounts are sums of one of the groups above: at least one amount filled, and
   * every filled amount equal (to the cent) to that group's sum.
   */
  isSum(team: string, values: Readonly<Record<string, number | null>>, keys: readonly string[]) {
    const filled = keys.filter((k) => values[k] !== null && values[k] !== undefined);
    if (filled.length === 0) return false;
    const groups = [this.sinceTotal, this.byTeam.get(team), this.all].filter(
      (g): g is Map<string, number> => g !== undefined && g.size > 0
    );
    return groups.some((g) =>
      filled.every((k) => {
        const sum = g.get(k);
        const v = values[k]!;
        return sum !== undefined && Math.abs(sum - v) <= 0.005 + 1e-12 * Math.abs(v);
      })
    );
  }
}
