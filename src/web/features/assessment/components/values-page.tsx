/**
 * 考核数据 (/assessment/:year/values): counties × entered indicators with each value's origin, a
 * cell editor for the plan office (one PUT per cell), the derived indicators read-only with the rule
 * that computed them, and the import card: a prefilled CSV template, upload of .xlsx/.csv, and on
 * rejection the row-numbered errors (nothing stored).
 */
import { DownloadOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, InputNumber, message, Modal, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { AsyncContent } from '../../../components/async-content.js';
import { useErrorMessage } from '../../../components/error-message.js';
import { formatDateTime } from '../../../lib/format.js';
import type { DictKey } from '../../../lib/i18n/dictionary.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { importErrors, importValues, saveValue, useIndicators, useValues, type ImportRowError, type Indicator, type ValueList } from '../api/assessment.api.js';
import { buildValuesTemplate, templateBlob, templateFileName } from '../utils/csv-template.js';
import { num } from '../utils/explain.js';
import { parseYearParam } from '../utils/years.js';
import { AssessmentShell } from './assessment-shell.js';
import { useAssessmentSession, useRefreshAssessment } from './use-assessment.js';

type Item = ValueList['items'][number];
interface GridRow {
  county: string;
  cells: Record<string, Item | undefined>;
}
interface Editing {
  county: string;
  indicator: Indicator;
  item: Item | undefined;
}

function OriginText({ item }: { item: Item }) {
  const { t } = useI18n();
  if (!item.origin) return null;
  return (
    <span>
      {t(`assessment.origin.${item.origin.kind}` as DictKey)}：{item.origin.text}
      {item.origin.at ? ` · ${formatDateTime(item.origin.at)}` : ''}
    </span>
  );
}

function ValueCell({ item, unit, onEdit }: { item: Item | undefined; unit: string; onEdit?: () => void }) {
  const { t } = useI18n();
  const text = item?.value === null || item?.value === undefined ? '—' : num(item.value);
  const body = (
    <span data-testid="value-cell" data-value={item?.value ?? ''} style={{ cursor: item?.origin ? 'help' : undefined, color: item?.value == null ? 'rgba(0,0,0,0.35)' : undefined }}>
      {text}
      {item?.target !== null && item?.target !== undefined ? (
        <Typography.Text type="secondary" style={{ fontSize: 11, marginInlineStart: 4 }}>
          {t('assessment.values.targetShort', { target: num(item.target) })}
        </Typography.Text>
      ) : null}
    </span>
  );
  return (
    <Flex gap={4} align="center" justify="flex-end">
      {item?.origin ? <Tooltip title={<OriginText item={item} />}>{body}</Tooltip> : body}
      {onEdit ? <Button type="text" size="small" icon={<EditOutlined />} onClick={onEdit} aria-label={t('assessment.values.edit')} data-testid="value-edit" title={unit} /> : null}
    </Flex>
  );
}

function EditValueModal({ editing, year, planId, onClose }: { editing: Editing; year: number; planId: number; onClose: () => void }) {
  const { t } = useI18n();
  const session = useAssessmentSession();
  const errorMessage = useErrorMessage();
  const refresh = useRefreshAssessment(planId);
  const [value, setValue] = useState<number | null>(editing.item?.value ?? null);
  const [target, setTarget] = useState<number | null>(editing.item?.target ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await saveValue(planId, year, { county: editing.county, code: editing.indicator.code, value, target }, session.csrf);
      void message.success(t('assessment.values.saved'));
      await refresh();
      onClose();
    } catch (e) {
      setError(errorMessage(e as Error));
    } finally {
      setBusy(false);
    }
  };
  const unit = editing.indicator.unit;
  return (
    <Modal
      open
      title={t('assessment.values.editTitle', { county: editing.county, indicator: editing.indicator.name })}
      okText={t('assessment.save')}
      cancelText={t('assessment.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ loading: busy, 'data-testid': 'value-save' } as never}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('assessment.values.value')} extra={t('assessment.values.valueHint')}>
          <InputNumber value={value} onChange={(v) => setValue(typeof v === 'number' ? v : null)} suffix={unit || undefined} style={{ width: '100%' }} data-testid="value-input" />
        </Form.Item>
        <Form.Item label={t('assessment.values.target')} extra={t('assessment.values.targetHint')}>
          <InputNumber value={target} onChange={(v) => setTarget(typeof v === 'number' ? v : null)} suffix={unit || undefined} style={{ width: '100%' }} data-testid="target-input" />
        </Form.Item>
        {editing.item?.origin ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('assessment.values.current')} <OriginText item={editing.item} />
          </Typography.Text>
        ) : null}
      </Form>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="value-error" /> : null}
    </Modal>
  );
}

function ImportCard({ planId, year, counties, codes, values, locked }: { planId: number; year: number; counties: string[]; codes: string[]; values: Item[]; locked: boolean }) {
  const { t } = useI18n();
  const session = useAssessmentSession();
  const errorMessage = useErrorMessage();
  const refresh = useRefreshAssessment(planId);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true; rows: number; years: number[] } | { ok: false; message: string; errors: ImportRowError[] } | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setResult(null);
    try {
      const r = await importValues(planId, file, session.csrf);
      setResult({ ok: true, rows: r.rows, years: r.years });
      await refresh();
    } catch (e) {
      setResult({ ok: false, message: errorMessage(e as Error), errors: importErrors(e) });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const downloadTemplate = () => {
    const text = buildValuesTemplate(year, counties, codes, values);
    const url = URL.createObjectURL(templateBlob(text));
    const link = document.createElement('a');
    link.href = url;
    link.download = templateFileName(year);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <Card size="small" title={t('assessment.import.title')} data-testid="import-card">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('assessment.import.hint')}
      </Typography.Paragraph>
      <Flex gap={12} wrap>
        <Button icon={<DownloadOutlined />} onClick={downloadTemplate} data-testid="template-download">
          {t('assessment.import.template', { year })}
        </Button>
        <Button type="primary" icon={<UploadOutlined />} loading={busy} disabled={locked} onClick={() => input.current?.click()} data-testid="import-upload">
          {t('assessment.import.upload')}
        </Button>
        <input
          ref={input}
          type="file"
          data-testid="import-file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          style={{ display: 'none' }}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
          }}
        />
      </Flex>
      {result?.ok ? (
        <Alert style={{ marginTop: 12 }} type="success" showIcon data-testid="import-done" title={t('assessment.import.done', { rows: result.rows, years: result.years.join('、') })} />
      ) : null}
      {result && !result.ok ? (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          data-testid="import-rejected"
          title={result.errors.length ? t('assessment.import.rejected', { n: result.errors.length }) : result.message}
          description={
            <Flex vertical gap={8}>
              {result.errors.length ? <span>{result.message}</span> : null}
              <strong data-testid="import-nothing-stored">{t('assessment.import.nothingStored')}</strong>
              {result.errors.length ? (
                <Table<ImportRowError>
                  size="small"
                  pagination={result.errors.length > 20 ? { pageSize: 20 } : false}
                  rowKey={(r, i) => `${r.row}-${r.column ?? ''}-${i}`}
                  dataSource={result.errors}
                  onRow={() => ({ 'data-testid': 'import-error-row' }) as never}
                  columns={[
                    { title: t('assessment.import.row'), dataIndex: 'row', width: 90, render: (row: number) => <span data-testid="import-error-rowno">{t('assessment.import.rowN', { row })}</span> },
                    { title: t('assessment.import.column'), dataIndex: 'column', width: 140, render: (c: string | null) => c ?? '—' },
                    { title: t('assessment.import.message'), dataIndex: 'message' },
                  ]}
                />
              ) : null}
            </Flex>
          }
        />
      ) : null}
    </Card>
  );
}

function ValuesBody({ data, indicators, planId, canEdit }: { data: ValueList; indicators: Indicator[]; planId: number; canEdit: boolean }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Editing | null>(null);
  const byKey = useMemo(() => new Map(data.items.map((i) => [`${i.county}\u0000${i.code}`, i])), [data.items]);
  const entered = indicators.filter((i) => i.source === 'entered' && (i.active || data.items.some((v) => v.code === i.code)));
  const derived = indicators.filter((i) => i.source === 'derived' && (i.active || data.items.some((v) => v.code === i.code)));
  const rows: GridRow[] = data.counties.map((county) => ({ county, cells: Object.fromEntries(indicators.map((i) => [i.code, byKey.get(`${county}\u0000${i.code}`)])) }));
  const editable = canEdit && !data.published;
  const gridColumns = (list: Indicator[], allowEdit: boolean): ColumnsType<GridRow> => [
    { title: t('assessment.col.county'), dataIndex: 'county', fixed: 'left', width: 100 },
    ...list.map((indicator) => ({
      key: indicator.code,
      align: 'right' as const,
      title: (
        <Tooltip title={indicator.definition}>
          <Flex vertical align="flex-end" data-testid="values-column" data-code={indicator.code}>
            <span>{indicator.name}</span>
            <Typography.Text type="secondary" style={{ fontSize: 11, fontWeight: 400 }}>
              {indicator.unit || '—'} · {t(`assessment.dir.${indicator.direction}` as DictKey)}
            </Typography.Text>
          </Flex>
        </Tooltip>
      ),
      render: (_: unknown, row: GridRow) => (
        <ValueCell item={row.cells[indicator.code]} unit={indicator.unit} onEdit={allowEdit ? () => setEditing({ county: row.county, indicator, item: row.cells[indicator.code] }) : undefined} />
      ),
    })),
  ];
  const filled = data.items.filter((i) => i.value !== null && entered.some((e) => e.code === i.code)).length;
  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={t('assessment.values.entered')}
        extra={<Typography.Text type="secondary">{t('assessment.values.filled', { filled, total: data.counties.length * entered.length })}</Typography.Text>}
      >
        <Table<GridRow>
          size="small"
          rowKey="county"
          pagination={false}
          columns={gridColumns(entered, editable)}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          onRow={(row) => ({ 'data-testid': 'values-row', 'data-county': row.county }) as never}
        />
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {editable ? t('assessment.values.editHint') : t('assessment.values.originHint')}
        </Typography.Paragraph>
      </Card>
      {derived.length ? (
        <Card size="small" title={t('assessment.values.derived')}>
          <Table<GridRow> size="small" rowKey="county" pagination={false} columns={gridColumns(derived, false)} dataSource={rows} scroll={{ x: 'max-content' }} />
          <Flex vertical gap={4} style={{ marginTop: 8 }}>
            {derived.map((indicator) => (
              <Typography.Text key={indicator.code} type="secondary" style={{ fontSize: 12 }} data-testid="derived-rule">
                <Tag>{indicator.name}</Tag>
                {indicator.definition}
              </Typography.Text>
            ))}
          </Flex>
        </Card>
      ) : null}
      {canEdit ? (
        <ImportCard planId={planId} year={data.year} counties={data.counties} codes={entered.filter((i) => i.active).map((i) => i.code)} values={data.items} locked={data.published} />
      ) : null}
      {editing ? <EditValueModal editing={editing} year={data.year} planId={planId} onClose={() => setEditing(null)} /> : null}
    </Flex>
  );
}

export function ValuesPage() {
  const { t } = useI18n();
  const { plan } = useCurrentPlan();
  const navigate = useNavigate();
  const session = useAssessmentSession();
  const year = parseYearParam(useParams().year);
  const values = useValues(plan.id, year ?? 0, year !== null && session.can('assessment:read'));
  const indicators = useIndicators(session.can('assessment:read'));
  return (
    <AssessmentShell
      section="values"
      year={year}
      onYear={(next) => void navigate(`/assessment/${next}/values`)}
      title={t('assessment.values.title', { year: year ?? '' })}
      subtitle={t('assessment.values.subtitle')}
    >
      <Flex vertical gap={16}>
        {values.data?.published ? <Alert type="info" showIcon title={t('assessment.values.locked')} data-testid="values-locked" /> : null}
        <AsyncContent query={values}>{(data) => <AsyncContent query={indicators}>{(list) => <ValuesBody data={data} indicators={list} planId={plan.id} canEdit={session.canManage} />}</AsyncContent>}</AsyncContent>
      </Flex>
    </AssessmentShell>
  );
}
