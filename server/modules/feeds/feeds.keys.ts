import { createHash } from 'node:crypto';

// Identity of department records. A record key covers what makes two records the same fact
// (source, item, person, day, amount, the known extra columns): name spelling, notes and unknown
// columns are left out so that a re-export with a corrected name is not a new fact.
// The person enters as the keyed ID hash, so a key reveals nothing without the secret.

export interface KeyedFacts {
  source: string;
  item: string;
  idHash: string;
  occurredOn: string;
  amountFen: number | null;
  /** Known extra columns only (codes → normalised values). */
  attrs: Readonly<Record<string, string>>;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function recordKeyOf(r: KeyedFacts): string {
  const attrs = Object.keys(r.attrs)
    .sort()
    .map((k) => [k, r.attrs[k]]);
  return sha256(JSON.stringify([r.source, r.item, r.idHash, r.occurredOn, r.amountFen, attrs]));
}

/** The same set of records gives the same hash whatever their order or repetition in the file. */
export function contentHashOf(recordKeys: Iterable<string>): string {
  return sha256([...new Set(recordKeys)].sort().join('\n'));
}
