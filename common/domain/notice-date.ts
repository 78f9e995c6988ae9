// The one date style of every public notice (cases' 公示/公告, projects' 入库公示/公告, asset income 公示):
// 2026年3月5日, as official documents write it (GB/T 9704: Arabic numerals, no leading zeros).

/** `2026-03-05` (or an ISO timestamp) → `2026年3月5日`; anything else is returned as it is. */
export function noticeDate(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return iso ?? '';
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}
