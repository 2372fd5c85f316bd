/** Small display formatters shared by the pages (pure). */
import type { Language } from './i18n/dictionary.js';
import { translate } from './i18n/dictionary.js';

/** Group digits (3000 → 3,000) and keep up to 4 decimals; 亿元 amounts are long in base units. */
export function formatNumber(value: number, lang: Language): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 4 }).format(value);
}

/**
 * Years as the plan writes them: [] → '', [2020] → 2020年, consecutive → 2020—2022年,
 * otherwise 2020、2022年 (English: 2020, 2020–2022, 2020, 2022).
 */
export function formatYears(years: readonly number[], lang: Language): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  if (!sorted.length) return '';
  if (sorted.length === 1) return translate(lang, 'common.yearSuffix', { year: sorted[0]! });
  const consecutive = sorted.every((year, i) => i === 0 || year === sorted[i - 1]! + 1);
  if (consecutive) return translate(lang, 'common.yearRange', { from: sorted[0]!, to: sorted.at(-1)! });
  return lang === 'zh' ? `${sorted.join('、')}年` : sorted.join(', ');
}

/** ISO timestamp → local 'YYYY-MM-DD HH:mm' (no date library needed for display). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
