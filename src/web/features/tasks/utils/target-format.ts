/** Wording of typed targets for tooltips and tables: comparator in words, value with unit. */
import type { TargetView } from '../../../../shared/api/plan-api.js';
import { formatNumber } from '../../../lib/format.js';
import { translate, type Language } from '../../../lib/i18n/dictionary.js';

type ValueFields = Pick<TargetView, 'comparator' | 'value' | 'valueMax' | 'unit'>;
type BaseFields = Pick<TargetView, 'comparator' | 'baseValue' | 'baseValueMax' | 'baseUnit'>;

/** '>=' → 不低于, '<=' → 不高于, '=' → 等于, 'range' → 区间. */
export function comparatorWords(comparator: TargetView['comparator'], lang: Language): string {
  return translate(lang, `comparator.${comparator}`);
}

function amount(value: number, max: number | null, unit: string, comparator: TargetView['comparator'], lang: Language): string {
  const main = formatNumber(value, lang);
  const body = comparator === 'range' && max !== null ? `${main}–${formatNumber(max, lang)}` : main;
  return `${body}${unit}`;
}

/** 50个, 65%, 1–2个 (a range shows both ends). */
export function formatTargetValue(target: ValueFields, lang: Language): string {
  return amount(target.value, target.valueMax, target.unit, target.comparator, lang);
}

/** The value in base units (亿元 → 元, 万亩 → 亩), e.g. 3,065,000,000元. */
export function formatTargetBaseValue(target: BaseFields, lang: Language): string {
  return amount(target.baseValue, target.baseValueMax, target.baseUnit, target.comparator, lang);
}

/** 不低于 50个 / 区间 1–2个. */
export function describeTarget(target: ValueFields, lang: Language): string {
  return `${comparatorWords(target.comparator, lang)} ${formatTargetValue(target, lang)}`;
}

/** True when the base value says something the written value does not (another unit or number). */
export function hasDistinctBaseValue(target: ValueFields & BaseFields): boolean {
  return target.baseUnit !== target.unit || target.baseValue !== target.value || (target.baseValueMax ?? null) !== (target.valueMax ?? null);
}
