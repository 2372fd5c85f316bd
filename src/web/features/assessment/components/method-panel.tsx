/**
 * 计分方法说明: the rules of src/shared/domain/assessment.ts in words and formulas, with the
 * numbers (60, 40, 100, 1.2, 120). Collapsed by default.
 */
import { Collapse, Typography } from 'antd';
import type { DictKey } from '../../../lib/i18n/dictionary.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';

const EFFICACY_STEPS: DictKey[] = ['assessment.method.step1', 'assessment.method.step2', 'assessment.method.step3', 'assessment.method.step4'];
type T = (key: DictKey) => string;
const formulas = (t: T): Partial<Record<DictKey, string[]>> => ({
  'assessment.method.step1': [
    `${t('assessment.dir.positive')}  s = 60 + 40 × (x − min) / (max − min)`,
    `${t('assessment.dir.negative')}  s = 60 + 40 × (max − x) / (max − min)`,
    'max = min  →  s = 100',
  ],
  'assessment.method.step2': [`${t('assessment.weighting.blended')}  w_i = Σ_z share_z × w_{z,i}`, `${t('assessment.weighting.primary')}  w_i = w_{primary,i}`],
  'assessment.method.step3': ['score = Σ_i w_i × s_i / Σ_i w_i'],
});
const attainmentFormulas = (t: T): string[] => [
  `${t('assessment.dir.positive')}  s = max(0, min(x / target, 1.2)) × 100`,
  `${t('assessment.dir.negative')}  s = max(0, min(target / x, 1.2)) × 100;  x ≤ 0  →  s = 120`,
];

function Formulas({ lines }: { lines: string[] }) {
  return (
    <pre className="assessment-formula" style={{ margin: '6px 0 10px', padding: '8px 12px', background: '#f6f8fb', borderRadius: 6, fontSize: 13, whiteSpace: 'pre-wrap' }}>
      {lines.join('\n')}
    </pre>
  );
}

export function MethodPanel({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const { t } = useI18n();
  const steps = formulas(t);
  return (
    <Collapse
      data-testid="method-panel"
      defaultActiveKey={defaultOpen ? ['method'] : []}
      items={[
        {
          key: 'method',
          label: t('assessment.method.title'),
          children: (
            <div data-testid="method-text">
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {t('assessment.method.efficacy')}
              </Typography.Title>
              <ol style={{ paddingInlineStart: 20, marginBottom: 8 }}>
                {EFFICACY_STEPS.map((key) => (
                  <li key={key}>
                    <Typography.Text>{t(key)}</Typography.Text>
                    {steps[key] ? <Formulas lines={steps[key]} /> : null}
                  </li>
                ))}
              </ol>
              <Typography.Title level={5}>{t('assessment.method.attainment')}</Typography.Title>
              <Typography.Paragraph style={{ marginBottom: 0 }}>{t('assessment.method.attainmentText')}</Typography.Paragraph>
              <Formulas lines={attainmentFormulas(t)} />
            </div>
          ),
        },
      ]}
    />
  );
}
