/**
 * One milestone of the year in the report: its text with the typed targets highlighted (the
 * tasks feature's MilestoneText), a status (未启动/推进中/已完成/滞后), a narrative, and an input
 * per target typed by its unit, with the target and the previous accepted value beside it.
 */
import type { CSSProperties } from 'react';
import { Card, Col, Form, Input, Row, Select, Tag, Typography } from 'antd';
import type { TargetView } from '../../../../shared/api/plan-api.js';
import { SourceLine } from '../../../components/source-line.js';
import { formatNumber } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { MilestoneText } from '../../tasks/components/milestone-text.js';
import { describeTarget } from '../../tasks/utils/target-format.js';
import type { ReportDetail } from '../api/reports.api.js';
import { MILESTONE_CLAIMS, milestoneKey, valueKey, type FieldIssues, type MilestoneClaim, type ReportDraft, type TargetShape } from '../utils/report-draft.js';
import { periodText } from '../utils/period-text.js';
import { parseValueInput } from '../utils/value-input.js';
import { useFieldHelp } from './field-help.js';

type ReportMilestone = ReportDetail['milestones'][number];
type ReportTarget = ReportDetail['targets'][number];

/** Subject · target · value · previous accepted, one grid row per target. */
const TARGET_GRID: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'minmax(150px, 1.3fr) minmax(110px, 0.9fr) minmax(200px, 1.3fr) minmax(150px, 1fr)',
  gap: '4px 16px',
  alignItems: 'center',
  padding: '8px 0',
};

const CLAIM_COLORS: Record<MilestoneClaim, string> = { notStarted: 'default', inProgress: 'processing', done: 'success', behind: 'warning' };

export interface MilestoneCardProps {
  index: number;
  milestone: ReportMilestone;
  targets: ReportTarget[];
  /** The milestone's targets with their text spans (from the task), for highlighting. */
  highlights: TargetView[];
  shapes: ReadonlyMap<number, TargetShape>;
  draft: ReportDraft;
  issues: FieldIssues;
  editable: boolean;
  onStatus: (status: MilestoneClaim) => void;
  onNarrative: (text: string) => void;
  onValue: (targetId: number, raw: string) => void;
}

export function MilestoneCard({ index, milestone, targets, highlights, shapes, draft, issues, editable, onStatus, onNarrative, onValue }: MilestoneCardProps) {
  const { t, lang } = useI18n();
  const help = useFieldHelp();
  const state = draft.milestones[milestone.milestoneId] ?? { status: null, narrative: '' };
  return (
    <Card
      size="small"
      title={t('reports.milestoneN', { n: index + 1 })}
      extra={<SourceLine line={milestone.line} />}
      style={{ marginBottom: 16 }}
      data-testid="report-milestone"
      data-milestone={milestone.milestoneId}
    >
      <MilestoneText text={milestone.text} targets={highlights} line={milestone.line} />
      <Form layout="vertical" style={{ marginTop: 12 }} component="div">
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item label={t('reports.milestoneStatus')} required={editable} {...help(issues[milestoneKey(milestone.milestoneId, 'status')], 'milestone-status-error')}>
              {editable ? (
                <Select<MilestoneClaim>
                  value={state.status ?? undefined}
                  placeholder={t('reports.choose')}
                  onChange={onStatus}
                  options={MILESTONE_CLAIMS.map((c) => ({ value: c, label: t(`reports.claim.${c}`) }))}
                  data-testid="milestone-status"
                />
              ) : state.status ? (
                <Tag color={CLAIM_COLORS[state.status]} data-testid="milestone-status-text">
                  {t(`reports.claim.${state.status}`)}
                </Tag>
              ) : (
                <Typography.Text type="secondary">{t('reports.notFilled')}</Typography.Text>
              )}
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item label={t('reports.narrative')} {...help(issues[milestoneKey(milestone.milestoneId, 'narrative')], 'milestone-narrative-error')}>
              {editable ? (
                <Input.TextArea
                  value={state.narrative}
                  onChange={(e) => onNarrative(e.target.value)}
                  autoSize={{ minRows: 2, maxRows: 8 }}
                  maxLength={4000}
                  data-testid="milestone-narrative"
                />
              ) : (
                <ReadOnlyText text={state.narrative} testId="milestone-narrative-text" />
              )}
            </Form.Item>
          </Col>
        </Row>
        {targets.length ? (
          <div data-testid="report-targets" style={{ borderTop: '1px solid rgba(5,5,5,0.06)' }}>
            <div style={{ ...TARGET_GRID, color: 'rgba(0,0,0,0.45)', fontSize: 12, paddingBottom: 0 }}>
              <span>{t('target.subject')}</span>
              <span>{t('reports.targetGoal')}</span>
              <span>{t('reports.reportedValue')}</span>
              <span>{t('reports.previousAccepted')}</span>
            </div>
            {targets.map((target) => {
              const shape = shapes.get(target.targetId) ?? { unit: target.unit, kind: 'decimal' as const };
              const raw = draft.values[target.targetId] ?? '';
              const parsed = parseValueInput(raw, shape.kind);
              return (
                <div key={target.targetId} style={{ ...TARGET_GRID, borderBottom: '1px solid rgba(5,5,5,0.06)' }} data-testid="report-target" data-subject={target.subject}>
                  <span style={{ fontWeight: 500 }}>{target.subject}</span>
                  <span>{describeTarget(target, lang)}</span>
                  <Form.Item style={{ marginBottom: 0 }} {...help(issues[valueKey(target.targetId)], 'target-value-error')}>
                    {editable ? (
                      <Input
                        value={raw}
                        onChange={(e) => onValue(target.targetId, e.target.value)}
                        suffix={target.unit}
                        inputMode="decimal"
                        placeholder={t(`reports.valueHint.${shape.kind}`)}
                        aria-label={`${target.subject}（${target.unit}）`}
                        style={{ maxWidth: 220 }}
                        data-testid="target-value"
                      />
                    ) : (
                      <span data-testid="target-value-text">{parsed.ok && parsed.value !== null ? `${formatNumber(parsed.value, lang)}${target.unit}` : '—'}</span>
                    )}
                  </Form.Item>
                  <span style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }} data-testid="target-previous">
                    {target.previousAccepted
                      ? t('reports.previousValue', { value: `${formatNumber(target.previousAccepted.value, lang)}${target.unit}`, period: periodText(target.previousAccepted.period, lang) })
                      : t('reports.noPrevious')}
                  </span>
                </div>
              );
            })}
          </div>
        ) : null}
      </Form>
    </Card>
  );
}

/** Text entered by the unit, shown as written (line breaks kept), or a muted dash. */
export function ReadOnlyText({ text, testId }: { text: string; testId?: string }) {
  return text.trim() ? (
    <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid={testId}>
      {text}
    </div>
  ) : (
    <Typography.Text type="secondary" data-testid={testId}>
      —
    </Typography.Text>
  );
}
