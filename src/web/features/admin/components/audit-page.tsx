/**
 * 审计日志 (/admin/audit, 审计管理员): the append-only, hash-chained trail, newest first.
 * Filters (time range in Beijing time, action prefix, actor, outcome) live in the URL; each row
 * expands to its before/after; 「导出 Excel」 downloads every row matching the filters;
 * 「校验哈希链」 walks the whole chain and names the first broken row.
 */
import { CheckCircleOutlined, DownloadOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Card, Flex, Form, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AuditEventView } from '../../../../shared/api/auth-api.js';
import { PageHeader } from '../../../components/page-header.js';
import { useErrorMessage } from '../../../components/error-message.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { AccessGate, PageError } from '../../auth/components/access-gate.js';
import { Loading } from '../../../components/async-content.js';
import { auditExportUrl, useAuditEvents, verifyAuditChain, type AuditVerifyResult } from '../api/audit.api.js';
import { parseRoleList, roleNames } from '../utils/account-format.js';
import { ACTION_PREFIXES, AUDIT_ACTIONS, auditSearchParams, hasAuditFilters, isKnownAction, OUTCOMES, PAGE_SIZES, parseAuditFilters, type AuditFilters, type AuditOutcome } from '../utils/audit-filters.js';
import { beijingWallToIso, formatBeijing, isoToBeijingInput } from '../utils/beijing-time.js';
import { AuditChange } from './audit-change.js';

const OUTCOME_COLORS: Record<AuditOutcome, string> = { success: 'success', failure: 'warning', denied: 'error' };

interface FilterValues {
  from?: string;
  to?: string;
  action?: string;
  actor?: string;
  outcome?: AuditOutcome;
}

/** The result of 校验哈希链: intact (with the count), or the first broken record and why, in red. */
export function VerifyResult({ result, error, onClose }: { result: AuditVerifyResult | null; error: string | null; onClose: () => void }) {
  const { t } = useI18n();
  if (error) return <Alert type="error" showIcon closable={{ onClose }} title={<span data-testid="verify-result">{error}</span>} style={{ marginBottom: 12 }} />;
  if (!result) return null;
  const range = result.firstSeq !== null ? t('audit.verify.range', { first: result.firstSeq, last: result.lastSeq ?? result.firstSeq }) : '';
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleOutlined />}
        closable={{ onClose }}
        data-testid="verify-result"
        data-ok="true"
        title={t('audit.verify.ok', { n: result.checked, range })}
        description={t('audit.verify.okHint')}
        style={{ marginBottom: 12 }}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      data-testid="verify-result"
      data-ok="false"
      title={<span style={{ color: '#cf1322', fontWeight: 600 }}>{t('audit.verify.broken', { seq: result.broken?.seq ?? '?' })}</span>}
      description={
        <div style={{ color: '#cf1322' }}>
          <div data-testid="verify-reason">{result.broken?.reason}</div>
          <div>{t('audit.verify.brokenChecked', { n: result.checked, range })}</div>
        </div>
      }
      style={{ marginBottom: 12 }}
    />
  );
}

function Filters({ filters, onApply }: { filters: AuditFilters; onApply: (values: FilterValues) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<FilterValues>();
  const initial: FilterValues = { from: isoToBeijingInput(filters.from), to: isoToBeijingInput(filters.to), action: filters.action, actor: filters.actor, outcome: filters.outcome };
  // The URL is the truth: show what it says when it changes (back/forward, reset, paging).
  // (Every key is set, undefined included, so cleared filters clear their fields.)
  const shown = JSON.stringify(initial, (_, v: unknown) => (v === undefined ? null : v));
  useEffect(() => {
    form.setFieldsValue(initial);
    // `initial` is rebuilt every render; `shown` says when it really changed.
  }, [form, shown]);
  const actionOptions = [
    { label: t('audit.filter.prefixes'), options: ACTION_PREFIXES.map((p) => ({ value: p, label: `${p}  ${t(`audit.prefix.${p}`)}` })) },
    { label: t('audit.filter.actions'), options: AUDIT_ACTIONS.map((a) => ({ value: a, label: `${a}  ${t(`audit.action.${a}`)}` })) },
  ];
  return (
    <Form<FilterValues> form={form} layout="inline" initialValues={initial} onFinish={onApply} data-testid="audit-filters" style={{ rowGap: 12 }}>
      <Form.Item name="from" label={t('audit.filter.from')}>
        <Input type="datetime-local" style={{ width: 190 }} data-testid="filter-from" />
      </Form.Item>
      <Form.Item name="to" label={t('audit.filter.to')}>
        <Input type="datetime-local" style={{ width: 190 }} data-testid="filter-to" />
      </Form.Item>
      <Form.Item name="action" label={t('audit.filter.action')}>
        <AutoComplete
          options={actionOptions}
          allowClear
          placeholder={t('audit.filter.actionPlaceholder')}
          style={{ width: 190 }}
          filterOption={(input, option) => !!option && 'value' in option && typeof option.value === 'string' && option.value.toLowerCase().startsWith(input.toLowerCase())}
          data-testid="filter-action"
          popupMatchSelectWidth={320}
        />
      </Form.Item>
      <Form.Item name="actor" label={t('audit.filter.actor')}>
        <Input allowClear placeholder={t('audit.filter.actorPlaceholder')} style={{ width: 120 }} data-testid="filter-actor" />
      </Form.Item>
      <Form.Item name="outcome" label={t('audit.filter.outcome')}>
        <Select allowClear placeholder={t('common.all')} style={{ width: 110 }} options={OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcome.${o}`) }))} data-testid="filter-outcome" />
      </Form.Item>
      <Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="filter-apply">
            {t('audit.filter.apply')}
          </Button>
          <Button
            onClick={() => onApply({})}
            data-testid="filter-reset"
          >
            {t('audit.filter.reset')}
          </Button>
        </Flex>
      </Form.Item>
    </Form>
  );
}

function Audit() {
  const { t, lang } = useI18n();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const filters = parseAuditFilters(params);
  const events = useAuditEvents(filters);
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<{ result: AuditVerifyResult | null; error: string | null } | null>(null);

  const apply = (next: AuditFilters) => setParams(auditSearchParams(next));
  const onFilter = (values: FilterValues) =>
    apply({
      from: values.from ? (beijingWallToIso(values.from) ?? undefined) : undefined,
      to: values.to ? (beijingWallToIso(values.to, { endOfMinute: true }) ?? undefined) : undefined,
      action: values.action?.trim() || undefined,
      actor: values.actor?.trim() || undefined,
      outcome: values.outcome,
      page: 1,
      pageSize: filters.pageSize,
    });
  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify({ result: await verifyAuditChain(), error: null });
    } catch (e) {
      setVerify({ result: null, error: errorMessage(e as Error) });
    } finally {
      setVerifying(false);
    }
  };

  const muted = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;
  const columns: ColumnsType<AuditEventView> = [
    { title: t('audit.col.seq'), dataIndex: 'seq', width: 64, render: (seq: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{seq}</span> },
    { title: t('audit.col.at'), dataIndex: 'at', width: 160, render: (at: string) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatBeijing(at)}</span> },
    { title: t('audit.col.actor'), dataIndex: 'actorLogin', width: 110, render: (login: string | null) => (login ? <Typography.Text strong>{login}</Typography.Text> : muted(t('audit.systemActor'))) },
    {
      title: t('audit.col.roles'),
      dataIndex: 'actorRoles',
      width: 100,
      render: (roles: string | null) => {
        const names = roleNames(parseRoleList(roles), lang);
        return names.length ? names.join(lang === 'zh' ? '、' : ', ') : muted('—');
      },
    },
    { title: t('audit.col.ip'), dataIndex: 'ip', width: 100, render: (ip: string | null) => ip ?? muted('—') },
    {
      title: t('audit.col.action'),
      dataIndex: 'action',
      width: 190,
      render: (action: string) => (
        <div style={{ lineHeight: 1.3, whiteSpace: 'nowrap' }}>
          <div>{isKnownAction(action) ? t(`audit.action.${action}`) : action}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }} data-testid="audit-action">
            {action}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('audit.col.object'),
      key: 'object',
      width: 130,
      render: (_, e) => (e.objectType || e.objectId ? <span style={{ overflowWrap: 'anywhere' }}>{[e.objectType, e.objectId].filter(Boolean).join(' ')}</span> : muted('—')),
    },
    {
      title: t('audit.col.outcome'),
      dataIndex: 'outcome',
      width: 70,
      render: (o: AuditOutcome) => (
        <Tag color={OUTCOME_COLORS[o]} data-testid={`outcome-${o}`}>
          {t(`audit.outcome.${o}`)}
        </Tag>
      ),
    },
    { title: t('audit.col.message'), dataIndex: 'message', render: (m: string | null) => m ?? muted('—') },
  ];

  const page = events.data;
  return (
    <>
      <PageHeader
        title={t('nav.admin.audit')}
        subtitle={t('audit.subtitle')}
        extra={
          <>
            <Tooltip title={t('audit.exportHint')}>
              <Button icon={<DownloadOutlined />} href={auditExportUrl(filters)} download data-testid="audit-export">
                {t('audit.export')}
              </Button>
            </Tooltip>
            <Button type="primary" icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void runVerify()} data-testid="audit-verify">
              {t('audit.verify')}
            </Button>
          </>
        }
      />
      {verify ? <VerifyResult result={verify.result} error={verify.error} onClose={() => setVerify(null)} /> : null}
      <Card size="small">
        <div style={{ marginBottom: 12 }}>
          <Filters filters={filters} onApply={onFilter} />
        </div>
        {events.error && !page ? (
          <PageError error={events.error} onRetry={events.refetch} />
        ) : !page ? (
          <Loading />
        ) : (
          <div data-testid="audit-table">
            <Table<AuditEventView>
              rowKey="id"
              size="middle"
              loading={events.isFetching && events.isPlaceholderData}
              columns={columns}
              dataSource={page.items}
              scroll={{ x: 1180 }}
              expandable={{ expandedRowRender: (e) => <AuditChange event={e} />, columnWidth: 40 }}
              rowClassName={(e) => `audit-row audit-${e.outcome}`}
              locale={{ emptyText: hasAuditFilters(filters) ? t('audit.emptyFiltered') : t('audit.empty') }}
              pagination={{
                current: filters.page,
                pageSize: filters.pageSize,
                total: page.total,
                showSizeChanger: true,
                pageSizeOptions: PAGE_SIZES.map(String),
                showTotal: (total) => <span data-testid="audit-total">{t('audit.total', { n: total })}</span>,
                onChange: (p, size) => apply({ ...filters, page: size !== filters.pageSize ? 1 : p, pageSize: size }),
              }}
            />
          </div>
        )}
      </Card>
    </>
  );
}

/** Route `/admin/audit`. */
export function AuditPage() {
  return (
    <AccessGate permission="audit:read">
      <Audit />
    </AccessGate>
  );
}
