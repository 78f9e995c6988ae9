import type { OrgLevel } from '#common/domain/roles.ts';
import type { OrgRow } from './indicators.repository.ts';

// The effective-dated org tree of one county in memory (a few thousand rows at most). A unit's parent never
// changes — a merge closes the old units and opens re-coded ones — so ancestors are static and history rolls
// up "as of its period" by itself; `predecessors` lets a successor show its merged units' history too.

/** First and last day a period covers ('YYYY-MM' or 'YYYY'). */
export function periodBounds(period: string): { start: string; end: string } {
  if (period.length === 4) return { start: `${period}-01-01`, end: `${period}-12-31` };
  const [y, m] = period.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { start: `${period}-01`, end: `${period}-${String(last).padStart(2, '0')}` };
}

export class OrgTree {
  private readonly byCode = new Map<string, OrgRow>();
  private readonly childrenOf = new Map<string, OrgRow[]>();

  constructor(rows: readonly OrgRow[]) {
    for (const r of rows) {
      this.byCode.set(r.code, r);
      if (r.parentCode) {
        const list = this.childrenOf.get(r.parentCode) ?? [];
        list.push(r);
        this.childrenOf.set(r.parentCode, list);
      }
    }
  }

  get(code: string): OrgRow | undefined {
    return this.byCode.get(code);
  }

  /** The unit existed at some time during the period. */
  validIn(code: string, period: string): boolean {
    const u = this.byCode.get(code);
    if (!u) return false;
    const { start, end } = periodBounds(period);
    return u.validFrom <= end && (u.validTo === null || u.validTo > start);
  }

  children(code: string, period: string | null, level?: OrgLevel): OrgRow[] {
    return (this.childrenOf.get(code) ?? []).filter(
      (c) => (period === null || this.validIn(c.code, period)) && (!level || c.level === level),
    );
  }

  /** Ancestors, nearest first (excluding the unit). */
  ancestors(code: string): string[] {
    const out: string[] = [];
    let p = this.byCode.get(code)?.parentCode ?? null;
    while (p) {
      out.push(p);
      p = this.byCode.get(p)?.parentCode ?? null;
    }
    return out;
  }

  /** Units merged into this one (following successor codes back), e.g. 樊村河乡 for 龙港镇. */
  predecessors(code: string): string[] {
    const out: string[] = [];
    const walk = (c: string) => {
      for (const u of this.byCode.values())
        if (u.successorCode === c && !out.includes(u.code)) {
          out.push(u.code);
          walk(u.code);
        }
    };
    walk(code);
    return out;
  }
}
