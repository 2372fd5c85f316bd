/** 「模拟数据」: shown on every supervision page when /api/health says the database is the demo. */
import { ExperimentOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useHealth } from '../api/supervision.api.js';

export function DemoBadge({ large = false }: { large?: boolean }) {
  const { t } = useI18n();
  const health = useHealth();
  if (!health.data?.demo) return null;
  return (
    <Tooltip title={t('cockpit.demoHint')}>
      <Tag
        color="orange"
        icon={<ExperimentOutlined />}
        data-testid="demo-badge"
        style={{ fontSize: large ? 16 : 13, lineHeight: large ? '28px' : '22px', paddingInline: large ? 12 : 8, marginInlineEnd: 0, fontWeight: 600, cursor: 'help' }}
      >
        {t('cockpit.demo')}
      </Tag>
    </Tooltip>
  );
}
