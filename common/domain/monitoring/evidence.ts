// Evidence kept on a clue signal may hold what the county needs later (an applicant's encrypted ID
// and phone, the ID hash that matches a later registration) but never leaves the server: what a
// browser sees is the evidence without hashes and ciphers, at any depth.

const HIDDEN_KEY = /(Hash|Cipher)$/;

export function visibleEvidence(evidence: unknown): unknown {
  if (Array.isArray(evidence)) return evidence.map(visibleEvidence);
  if (evidence === null || typeof evidence !== 'object') return evidence;
  return Object.fromEntries(
    Object.entries(evidence as Record<string, unknown>)
      .filter(([key]) => !HIDDEN_KEY.test(key))
      .map(([key, value]) => [key, visibleEvidence(value)]),
  );
}
