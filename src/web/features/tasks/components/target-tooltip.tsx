/** What a highlighted target means: subject, comparator in words, value, base value, scope. */
import type { TargetView } from '../../../../shared/api/plan-api.js';
import { formatYears } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { comparatorWords, formatTargetBaseValue, formatTargetValue } from '../utils/target-format.js';

/** Tooltip body for one target (rendered on the dark tooltip background). */
export function TargetTooltip({ target, line }: { target: TargetView; line: number }) {
  const { t, lang } = useI18n();
  const rows: [string, string][] = [
    [t('target.subject'), target.subject],
    [t('target.comparator'), comparatorWords(target.comparator, lang)],
    [t('target.value'), formatTargetValue(target, lang)],
  ];
  rows.push([t('target.baseValue'), formatTargetBaseValue(target, lang)]);
  rows.push([t('target.scope'), target.scope.length ? target.scope.join('、') : t('target.scopeNone')]);
  if (target.years.length) rows.push([t('target.years'), formatYears(target.years, lang)]);
  rows.push([t('target.line'), t('common.sourceLine', { line })]);
  return (
    <table className="target-tooltip" data-testid="target-tooltip" style={{ borderCollapse: 'collapse', fontSize: 13 }}>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th style={{ textAlign: 'start', fontWeight: 400, opacity: 0.7, paddingInlineEnd: 12, whiteSpace: 'nowrap', verticalAlign: 'top' }}>{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
