/**
 * The report's actions, in a bar that stays under the header while the form scrolls: autosave state and
 * 保存/提交 for the unit's reporter, 审核通过/退回 for the unit head (submitted), 采纳/退回 for the
 * plan office (approved), 更正 on an accepted report. 提交 carries an Idempotency-Key that a retry
 * after a network failure reuses, so a report is never submitted twice.
 */
import { CheckOutlined, EditOutlined, RollbackOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Popconfirm, Typography, theme } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiClientError } from '../../../lib/api-client.js';
import { formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { newIdempotencyKey } from '../api/http.js';
import { correctReport, decideReport, fetchReport, INBOX_KEY, returnReport, submitReport, type ReportDetail } from '../api/reports.api.js';
import type { ReportEditor } from '../hooks/use-report-editor.js';
import { ReasonModal } from './reason-modal.js';

export interface Notice {
  type: 'success' | 'error' | 'warning';
  text: string;
}

type Dialog = null | 'return' | 'correct';

export function WorkflowBar({
  report,
  editor,
  editable,
  writer,
  head,
  office,
  csrf,
  onNotice,
  errorMessage,
}: {
  report: ReportDetail;
  editor: ReportEditor;
  editable: boolean;
  writer: boolean;
  head: boolean;
  office: boolean;
  csrf: string | null;
  onNotice: (n: Notice | null) => void;
  errorMessage: (e: Error) => string;
}) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const submitKey = useRef<string | null>(null);
  const latest = report.revisions.at(-1)?.id === report.id;
  const issueCount = Object.keys(editor.issues).length;

  const refreshLists = () => {
    void queryClient.invalidateQueries({ queryKey: ['todo'] });
    void queryClient.invalidateQueries({ queryKey: ['reports'] });
    void queryClient.invalidateQueries({ queryKey: INBOX_KEY });
  };

  /**
   * Run a transition; the new status shows in the header and the state alert. A 409 reloads
   * the report (someone acted first) and says what the server said.
   */
  const act = async (name: string, run: () => Promise<ReportDetail>) => {
    setBusy(name);
    onNotice(null);
    try {
      const next = await run();
      editor.reload(next);
      refreshLists();
      return true;
    } catch (e) {
      if (e instanceof ApiClientError && e.status === 409) {
        try {
          editor.reload(await fetchReport(report.id));
        } catch {
          // keep what is shown; the message below explains
        }
      }
      onNotice({ type: 'error', text: errorMessage(e as Error) });
      return false;
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    setBusy('save');
    onNotice(null);
    const ok = await editor.saveNow();
    setBusy(null);
    if (ok) onNotice({ type: 'success', text: t('reports.saved') });
  };

  const submit = async () => {
    if (issueCount > 0) {
      onNotice({ type: 'error', text: t('reports.fixFirst', { n: issueCount }) });
      return;
    }
    setBusy('submit');
    const saved = await editor.saveNow();
    setBusy(null);
    if (!saved) {
      onNotice({ type: 'error', text: t('reports.saveFailed') });
      return;
    }
    submitKey.current ??= newIdempotencyKey();
    const key = submitKey.current;
    await act(
      'submit',
      async () => {
        try {
          const r = await submitReport(report.id, editor.version(), key, csrf);
          submitKey.current = null;
          return r;
        } catch (e) {
          // Only a request that may not have arrived is retried with the same key.
          if (!(e instanceof ApiClientError && e.status === 0)) submitKey.current = null;
          throw e;
        }
      },
    );
  };

  const saveState = (() => {
    if (!editable) return null;
    if (issueCount > 0) return <Typography.Text type="danger">{t('reports.autosave.blocked', { n: issueCount })}</Typography.Text>;
    switch (editor.status) {
      case 'pending':
        return <Typography.Text type="secondary">{t('reports.autosave.pending')}</Typography.Text>;
      case 'saving':
        return <Typography.Text type="secondary">{t('reports.autosave.saving')}</Typography.Text>;
      case 'saved':
        return <Typography.Text type="success">{t('reports.autosave.saved', { time: editor.savedAt ? formatDateTime(editor.savedAt) : '' })}</Typography.Text>;
      case 'error':
        return <Typography.Text type="danger">{t('reports.autosave.error', { message: editor.saveError ? errorMessage(editor.saveError) : '' })}</Typography.Text>;
      default:
        return <Typography.Text type="secondary">{t('reports.autosave.idle')}</Typography.Text>;
    }
  })();

  const buttons: React.ReactNode[] = [];
  if (editable) {
    buttons.push(
      <Button key="save" icon={<SaveOutlined />} onClick={() => void save()} loading={busy === 'save'} data-testid="report-save">
        {t('reports.save')}
      </Button>,
      <Popconfirm key="submit" title={t('reports.confirm.submit')} okText={t('reports.submit')} cancelText={t('reports.cancel')} onConfirm={() => void submit()}>
        <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'} data-testid="report-submit">
          {t('reports.submit')}
        </Button>
      </Popconfirm>,
    );
  }
  if (head && report.status === 'submitted') {
    buttons.push(
      <Button key="return" danger icon={<RollbackOutlined />} onClick={() => setDialog('return')} data-testid="report-return">
        {t('reports.return')}
      </Button>,
      <Popconfirm key="approve" title={t('reports.confirm.approve')} okText={t('reports.approve')} cancelText={t('reports.cancel')} onConfirm={() => void act('approve', () => decideReport(report.id, 'approve', report.version, csrf))}>
        <Button type="primary" icon={<CheckOutlined />} loading={busy === 'approve'} data-testid="report-approve">
          {t('reports.approve')}
        </Button>
      </Popconfirm>,
    );
  }
  if (office && report.status === 'approved') {
    buttons.push(
      <Button key="return" danger icon={<RollbackOutlined />} onClick={() => setDialog('return')} data-testid="report-return">
        {t('reports.return')}
      </Button>,
      <Popconfirm key="accept" title={t('reports.confirm.accept')} okText={t('reports.accept')} cancelText={t('reports.cancel')} onConfirm={() => void act('accept', () => decideReport(report.id, 'accept', report.version, csrf))}>
        <Button type="primary" icon={<CheckOutlined />} loading={busy === 'accept'} data-testid="report-accept">
          {t('reports.accept')}
        </Button>
      </Popconfirm>,
    );
  }
  if (writer && report.status === 'accepted' && latest) {
    buttons.push(
      <Button key="correct" icon={<EditOutlined />} onClick={() => setDialog('correct')} data-testid="report-correct">
        {t('reports.correct')}
      </Button>,
    );
  }
  if (!saveState && buttons.length === 0) return null;

  const returnBy = office && report.status === 'approved' ? 'planOffice' : 'unitHead';
  return (
    <>
      <Flex
        justify="space-between"
        align="center"
        gap={12}
        wrap
        data-testid="workflow-bar"
        style={{
          // Under the sticky header (56px), so the actions stay in reach on a long form.
          position: 'sticky',
          top: 56,
          zIndex: 10,
          background: token.colorBgContainer,
          border: `1px solid ${token.colorBorderSecondary}`,
          borderRadius: token.borderRadiusLG,
          boxShadow: '0 2px 8px rgba(0,0,0,0.06)',
          padding: '8px 16px',
          marginBottom: 16,
        }}
      >
        <span data-testid="autosave-state">{saveState}</span>
        <Flex gap={8} wrap>
          {buttons}
        </Flex>
      </Flex>
      <ReasonModal
        open={dialog === 'return'}
        title={returnBy === 'planOffice' ? t('reports.returnByOffice') : t('reports.returnByHead')}
        label={t('reports.returnReason')}
        okText={t('reports.return')}
        danger
        onClose={() => setDialog(null)}
        onSubmit={async (reason) => {
          let next: ReportDetail;
          try {
            next = await returnReport(report.id, returnBy, report.version, reason, csrf);
          } catch (e) {
            // Someone acted first: show the report as it now stands; the dialog shows the message.
            if (e instanceof ApiClientError && e.status === 409) editor.reload(await fetchReport(report.id));
            throw e;
          }
          editor.reload(next);
          refreshLists();
          setDialog(null);
        }}
      />
      <ReasonModal
        open={dialog === 'correct'}
        title={t('reports.correctTitle')}
        label={t('reports.correctReason')}
        okText={t('reports.correct')}
        onClose={() => setDialog(null)}
        onSubmit={async (reason) => {
          const next = await correctReport(report.id, reason, csrf);
          queryClient.setQueryData(['report', next.id], next);
          refreshLists();
          setDialog(null);
          void navigate(`/reports/${next.id}`);
        }}
      />
    </>
  );
}
