/** The expanded row of an audit event: before/after compared field by field, the raw JSON, request id and hash. */
import { Col, Row, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import type { AuditEventView } from '../../../../shared/api/auth-api.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { diffJson, prettyJson, type DiffChange, type DiffRow } from '../utils/json-diff.js';

const CHANGE_STYLE: Record<DiffChange, { background?: string; color?: string }> = {
  added: { background: '#f6ffed' },
  removed: { background: '#fff1f0' },
  changed: { background: '#fffbe6' },
  same: { color: 'rgba(0,0,0,0.45)' },
};

const mono = { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace", fontSize: 12 };

function Value({ text }: { text: string | null }) {
  const { t } = useI18n();
  if (text === null) return <Typography.Text type="secondary">{t('audit.diff.absent')}</Typography.Text>;
  return <span style={{ ...mono, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</span>;
}

/** Before/after of one event (or a note that it has none), plus its request id and hash. */
export function AuditChange({ event }: { event: AuditEventView }) {
  const { t } = useI18n();
  const rows = diffJson(event.before, event.after);
  const raw = (label: string, value: unknown) => (
    <Col xs={24} md={12}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <pre style={{ ...mono, margin: '4px 0 0', padding: 8, background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4, maxHeight: 240, overflow: 'auto', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {prettyJson(value) || '—'}
      </pre>
    </Col>
  );
  return (
    <div data-testid="audit-change" style={{ padding: '4px 8px' }}>
      {rows.length ? (
        <>
          <Table<DiffRow>
            size="small"
            rowKey="path"
            pagination={false}
            dataSource={rows}
            onRow={(r) => ({ style: CHANGE_STYLE[r.change], 'data-change': r.change }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('audit.diff.field'), dataIndex: 'path', width: 220, render: (p: string) => <span style={mono}>{p || t('audit.diff.value')}</span> },
              { title: t('audit.diff.before'), dataIndex: 'before', render: (v: string | null) => <Value text={v} /> },
              { title: t('audit.diff.after'), dataIndex: 'after', render: (v: string | null) => <Value text={v} /> },
              { title: t('audit.diff.change'), dataIndex: 'change', width: 90, render: (c: DiffChange) => t(`audit.diff.${c}`) },
            ]}
          />
          <Row gutter={16} style={{ marginTop: 12 }}>
            {raw(t('audit.diff.before'), event.before)}
            {raw(t('audit.diff.after'), event.after)}
          </Row>
        </>
      ) : (
        <Typography.Text type="secondary">{t('audit.diff.none')}</Typography.Text>
      )}
      <div style={{ marginTop: 12, ...mono, color: 'rgba(0,0,0,0.45)', overflowWrap: 'anywhere' }}>
        {event.requestId ? <div>{t('audit.requestId', { id: event.requestId })}</div> : null}
        <div>{t('audit.hash', { hash: event.hash })}</div>
      </div>
    </div>
  );
}
