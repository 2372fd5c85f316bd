/** Reporting periods in words: 2022-09 → 2022年9月 / Sep 2022, 2022-Q3 → 2022年第3季度 / 2022 Q3. */
import type { Language } from '../../../lib/i18n/dictionary.js';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function periodText(code: string, lang: Language): string {
  let m = /^(\d{4})-(\d{2})$/.exec(code);
  if (m) {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) return lang === 'zh' ? `${m[1]}年${month}月` : `${EN_MONTHS[month - 1]} ${m[1]}`;
  }
  m = /^(\d{4})-Q([1-4])$/.exec(code);
  if (m) return lang === 'zh' ? `${m[1]}年第${m[2]}季度` : `${m[1]} Q${m[2]}`;
  return code;
}

/** 1536 → 1.5 KB; bytes below 1 KB as B. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** The year's periods that have ended by `today` (YYYY-MM-DD): the last one is the one to report on. */
export function endedPeriods<T extends { end: string }>(periods: readonly T[], today: string): T[] {
  return periods.filter((p) => p.end < today);
}
