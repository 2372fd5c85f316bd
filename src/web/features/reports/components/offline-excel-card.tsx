/**
 * 离线填报: download the unit's prefilled Excel template for a period, fill it in Excel/WPS and
 * upload it. The server checks every cell and imports all or nothing; its cell errors are listed
 * here by row and column.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ApiClientError, apiPath } from '../../../lib/api-client.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { apiSend } from '../../../lib/api-client.js';
import { PeriodPicker, defaultYear, type PeriodValue } from './period-picker.js';

interface CellError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

export function OfflineExcelCard({ planId, csrf }: { planId: number; csrf: string | null }) {
  const { t } = useI18n();
  const [value, setValue] = useState<PeriodValue>({ year: defaultYear([2020, 2021, 2022]), period: null });
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true; count: number } | { ok: false; message: string; errors: CellError[] } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const upload = async (file: File): Promise<void> => {
    setBusy(true);
    setResult(null);
    try {
      const r = await apiSend<{ reports: unknown[] }>('POST', `/plans/${planId}/report-template`, file, { csrfToken: csrf });
      setResult({ ok: true, count: r.reports.length });
    } catch (e) {
      const details = e instanceof ApiClientError ? (e.details as { errors?: CellError[] } | undefined) : undefined;
      setResult({ ok: false, message: e instanceof Error ? e.message : String(e), errors: details?.errors ?? [] });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Card size="small" title={t('reports.offline.title')} data-testid="offline-excel">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('reports.offline.hint')}
      </Typography.Paragraph>
      <Flex gap={12} wrap align="center">
        <PeriodPicker planId={planId} years={[2020, 2021, 2022]} value={value} onChange={setValue} />
        <Button icon={<DownloadOutlined />} disabled={!value.period} href={value.period ? apiPath(`/plans/${planId}/report-template.xlsx`, { period: value.period }) : undefined} data-testid="offline-download">
          {t('reports.offline.download')}
        </Button>
        <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid="offline-upload">
          {t('reports.offline.upload')}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          style={{ display: 'none' }}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
          }}
        />
      </Flex>
      {result?.ok ? <Alert style={{ marginTop: 12 }} type="success" showIcon title={t('reports.offline.done', { count: result.count })} /> : null}
      {result && !result.ok ? (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          title={result.message}
          description={
            result.errors.length ? (
              <Table
                size="small"
                pagination={false}
                rowKey={(r) => `${r.row}-${r.column}`}
                dataSource={result.errors}
                columns={[
                  { title: t('reports.offline.row'), dataIndex: 'row', width: 80 },
                  { title: t('reports.offline.column'), dataIndex: 'column', width: 160 },
                  { title: t('reports.offline.message'), dataIndex: 'message' },
                ]}
              />
            ) : null
          }
        />
      ) : null}
    </Card>
  );
}
