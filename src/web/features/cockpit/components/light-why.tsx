/**
 * A light (红黄绿灯) as a coloured tag, with 「为什么？」: a popover showing the rule that fired
 * (`why.rule`, the server's words) and the inputs it used (`why.inputs`).
 */
import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Popover } from 'antd';
import type { DictKey } from '../../../lib/i18n/dictionary.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import type { Light, Why } from '../api/types.js';
import { LIGHT_COLORS } from '../utils/lights.js';
import { formatWhyValue, whyRows, type WhyValueWords } from '../utils/why.js';

const CLAIMS = new Set(['notStarted', 'inProgress', 'done', 'behind']);
const CURVES = new Set(['linear', 'step', 'backLoaded']);

/** The coloured light alone. */
export function LightTag({ light, size = 'normal' }: { light: Light; size?: 'normal' | 'large' }) {
  const { t } = useI18n();
  const color = LIGHT_COLORS[light];
  return (
    <span
      data-testid="light-tag"
      data-light={light}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 6,
        padding: size === 'large' ? '2px 10px' : '0 8px',
        borderRadius: 12,
        border: `1px solid ${color}66`,
        background: `${color}1f`,
        color: light === 'none' ? undefined : color,
        fontSize: size === 'large' ? 15 : 12,
        lineHeight: size === 'large' ? '24px' : '20px',
        whiteSpace: 'nowrap',
        fontWeight: 500,
      }}
    >
      <span style={{ width: size === 'large' ? 10 : 8, height: size === 'large' ? 10 : 8, borderRadius: '50%', background: color, flex: 'none' }} />
      {t(`cockpit.light.${light}` as DictKey)}
    </span>
  );
}

/** A part behind a roll-up light (a task's milestones and targets), worst first. */
export interface WhyPart {
  key: string;
  light: Light;
  label: string;
  rule: string;
}

/** The rule and the inputs of a light, as popover content; `parts` lists what it rolled up. */
export function WhyContent({ why, parts }: { why: Why; parts?: WhyPart[] }) {
  const { t } = useI18n();
  const words: WhyValueWords = {
    yes: t('cockpit.why.yes'),
    no: t('cockpit.why.no'),
    empty: t('cockpit.why.empty'),
    claim: (claim) => (CLAIMS.has(claim) ? t(`cockpit.claim.${claim}` as DictKey) : null),
    curve: (curve) => (CURVES.has(curve) ? t(`cockpit.curve.${curve}` as DictKey) : null),
  };
  const rows = whyRows(why);
  return (
    <div style={{ maxWidth: 380 }} data-testid="why-content">
      <div style={{ fontSize: 12, opacity: 0.65 }}>{t('cockpit.why.rule')}</div>
      <div style={{ marginBottom: rows.length ? 8 : 0, fontWeight: 500 }} data-testid="why-rule">
        {why.rule}
      </div>
      {rows.length ? (
        <>
          <div style={{ fontSize: 12, opacity: 0.65 }}>{t('cockpit.why.inputs')}</div>
          <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="why-inputs">
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <td style={{ padding: '2px 12px 2px 0', opacity: 0.75, whiteSpace: 'nowrap', verticalAlign: 'top' }}>{row.known ? t(`cockpit.why.input.${row.known}` as DictKey) : row.key}</td>
                  <td style={{ padding: '2px 0', fontVariantNumeric: 'tabular-nums' }}>{formatWhyValue(row, words)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {parts?.length ? (
        <div style={{ marginTop: 8 }} data-testid="why-parts">
          <div style={{ fontSize: 12, opacity: 0.65 }}>{t('cockpit.why.parts')}</div>
          {parts.slice(0, 6).map((part) => (
            <div key={part.key} style={{ display: 'flex', gap: 6, padding: '3px 0', borderTop: '1px dashed rgba(128,128,128,0.25)' }}>
              <span style={{ width: 8, height: 8, borderRadius: '50%', background: LIGHT_COLORS[part.light], flex: 'none', marginTop: 7 }} />
              <div style={{ minWidth: 0 }}>
                <div style={{ fontSize: 12, opacity: 0.75, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: 340 }}>{part.label}</div>
                <div>{part.rule}</div>
              </div>
            </div>
          ))}
          {parts.length > 6 ? <div style={{ fontSize: 12, opacity: 0.65 }}>{t('cockpit.why.moreParts', { n: parts.length - 6 })}</div> : null}
        </div>
      ) : null}
    </div>
  );
}

/** The light with a 「为什么？」 popover (click to open). */
export function LightWhy({ light, why, size, parts }: { light: Light; why: Why | null | undefined; size?: 'normal' | 'large'; parts?: WhyPart[] }) {
  const { t } = useI18n();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 2, whiteSpace: 'nowrap' }} data-testid="light-why">
      <LightTag light={light} size={size} />
      {why ? (
        <Popover trigger="click" title={t('cockpit.why.title', { light: t(`cockpit.light.${light}` as DictKey) })} content={<WhyContent why={why} parts={parts} />}>
          <Button type="link" size="small" icon={<QuestionCircleOutlined />} style={{ paddingInline: 4 }} data-testid="why-button" aria-label={t('cockpit.why')}>
            {t('cockpit.why')}
          </Button>
        </Popover>
      ) : null}
    </span>
  );
}
