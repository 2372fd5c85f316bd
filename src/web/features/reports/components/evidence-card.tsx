/**
 * 佐证材料: upload (raw bytes to POST /reports/:id/evidence; pdf/jpg/png/docx/xlsx, ≤10 MB — the
 * server reads the type from the content) and the list with download links.
 */
import { DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useErrorMessage } from '../../../components/error-message.js';
import { formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { evidenceUrl, uploadEvidence, type ReportDetail } from '../api/reports.api.js';
import { evidenceProblem } from '../utils/evidence-check.js';
import { formatBytes } from '../utils/period-text.js';

const TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
};

export function EvidenceCard({ report, editable, csrf, onUploaded }: { report: ReportDetail; editable: boolean; csrf: string | null; onUploaded: (r: ReportDetail) => void }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async (files: FileList | null) => {
    if (!files?.length) return;
    setError(null);
    setBusy(true);
    try {
      for (const file of Array.from(files)) {
        const problem = evidenceProblem(file);
        if (problem) {
          setError(t(`reports.problem.${problem}`, { name: file.name }));
          break;
        }
        onUploaded(await uploadEvidence(report.id, file, csrf));
      }
    } catch (e) {
      setError(errorMessage(e as Error));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Card
      size="small"
      title={t('reports.evidence', { n: report.evidence.length })}
      style={{ marginBottom: 16 }}
      data-testid="evidence-card"
      extra={
        editable ? (
          <>
            <input
              ref={input}
              type="file"
              multiple
              accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
              style={{ display: 'none' }}
              onChange={(e) => void upload(e.target.files)}
              data-testid="evidence-input"
            />
            <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid="evidence-upload">
              {t('reports.upload')}
            </Button>
          </>
        ) : null
      }
    >
      {editable ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {t('reports.uploadHint')}
        </Typography.Paragraph>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="evidence-error" /> : null}
      {report.evidence.length === 0 ? (
        <Typography.Text type="secondary">{t('reports.noEvidence')}</Typography.Text>
      ) : (
        <Flex vertical gap={4}>
          {report.evidence.map((file) => (
            <Flex key={file.id} gap={12} align="center" wrap data-testid="evidence-item" style={{ padding: '4px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
              <PaperClipOutlined />
              <a href={evidenceUrl(file.id)} download={file.fileName} data-testid="evidence-link">
                {file.fileName}
              </a>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {TYPE_LABELS[file.mimeType] ?? file.mimeType} · {formatBytes(file.size)} · {formatDateTime(file.uploadedAt)}
              </Typography.Text>
              <Tooltip title={`SHA-256 ${file.sha256}`}>
                <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
                  {file.sha256.slice(0, 12)}…
                </Typography.Text>
              </Tooltip>
              <Button type="link" size="small" icon={<DownloadOutlined />} href={evidenceUrl(file.id)} download={file.fileName} aria-label={t('reports.download')} />
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
