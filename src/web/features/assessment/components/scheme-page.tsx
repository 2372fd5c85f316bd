/**
 * 考核方案 (/assessment/:year/scheme): each indicator's weight in the scheme of each zone (common
 * indicators in all three), the per-zone sums, the default weighting and method, saving as a new
 * version (from the version the editor started on: a stale one is refused), the version history;
 * read-only without assessment:manage and once the year is published.
 */
import { LockOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, InputNumber, List, message, Radio, Row, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { ZoneCode } from '../../../../shared/plan-model.js';
import { AsyncContent } from '../../../components/async-content.js';
import { useErrorMessage } from '../../../components/error-message.js';
import { formatDateTime } from '../../../lib/format.js';
import type { DictKey } from '../../../lib/i18n/dictionary.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { ZONE_COLORS } from '../../zones/utils/zone-colors.js';
import { saveScheme, useIndicators, useScheme, type Indicator, type Method, type Scheme, type Weighting } from '../api/assessment.api.js';
import { num } from '../utils/explain.js';
import { cellWeight, sameWeights, toCells, toWeights, ZONES, zoneSums, type WeightCells } from '../utils/scheme-draft.js';
import { parseYearParam } from '../utils/years.js';
import { AssessmentShell } from './assessment-shell.js';
import { useAssessmentSession, useRefreshAssessment, useZoneNames } from './use-assessment.js';

const GROUP_ORDER = ['common', 'core', 'bay', 'eco'] as const;

function versionLabel(scheme: Scheme, t: (key: DictKey, params?: Record<string, string | number>) => string): string {
  if (scheme.version === 0) return t('assessment.scheme.defaultProposal');
  return t('assessment.scheme.version', { version: scheme.version, at: scheme.savedAt ? formatDateTime(scheme.savedAt) : '—', by: scheme.savedBy ?? '—' });
}

function SchemeEditor({ scheme, indicators, editable, planId }: { scheme: Scheme; indicators: Indicator[]; editable: boolean; planId: number }) {
  const { t } = useI18n();
  const zones = useZoneNames();
  const session = useAssessmentSession();
  const errorMessage = useErrorMessage();
  const refresh = useRefreshAssessment(planId);
  const saved = useMemo(() => toCells(scheme.weights), [scheme.weights]);
  const [cells, setCells] = useState<WeightCells>(saved);
  const [weighting, setWeighting] = useState<Weighting>(scheme.weighting);
  const [method, setMethod] = useState<Method>(scheme.method);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  useEffect(() => {
    setCells(saved);
    setWeighting(scheme.weighting);
    setMethod(scheme.method);
  }, [saved, scheme.weighting, scheme.method, scheme.version]);

  // Active indicators, plus inactive ones that still carry a weight; grouped 共性 → core → bay → eco.
  const rows = useMemo(
    () =>
      indicators
        .filter((i) => i.active || ZONES.some((z) => cellWeight(saved, i.code, z) > 0))
        .sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group)),
    [indicators, saved],
  );
  const codes = rows.map((r) => r.code);
  const sums = zoneSums(cells, codes);
  const dirty = !sameWeights(cells, saved, codes) || weighting !== scheme.weighting || method !== scheme.method;

  const setCell = (code: string, zone: ZoneCode, value: number | null) => setCells((prev) => ({ ...prev, [code]: { ...prev[code], [zone]: value } }));

  const save = async () => {
    setBusy(true);
    setConflict(null);
    try {
      const next = await saveScheme(planId, scheme.year, { baseVersion: scheme.version, weighting, method, weights: toWeights(cells, codes) }, session.csrf);
      void message.success(t('assessment.scheme.saved', { version: next?.version ?? scheme.version + 1 }));
      await refresh();
    } catch (e) {
      const text = errorMessage(e as Error);
      setConflict(text);
      void message.error(text);
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<Indicator> = [
    {
      title: t('assessment.col.indicator'),
      dataIndex: 'name',
      fixed: 'left',
      render: (name: string, row) => (
        <Flex vertical>
          <span>
            {name}
            {!row.active ? (
              <Tag style={{ marginInlineStart: 6 }} color="default">
                {t('assessment.indicator.inactive')}
              </Tag>
            ) : null}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.code}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('assessment.col.group'), dataIndex: 'group', render: (g: Indicator['group']) => t(`assessment.group.${g}` as DictKey) },
    { title: t('assessment.col.direction'), dataIndex: 'direction', render: (d: Indicator['direction']) => t(`assessment.dir.${d}` as DictKey) },
    ...ZONES.map((zone) => ({
      title: (
        <span data-testid={`zone-column-${zone}`} style={{ color: ZONE_COLORS[zone] }}>
          {zones.full(zone)}
        </span>
      ),
      key: zone,
      align: 'right' as const,
      width: 130,
      render: (_: unknown, row: Indicator) =>
        editable ? (
          <InputNumber
            size="small"
            min={0}
            max={100}
            step={1}
            value={cells[row.code]?.[zone] ?? null}
            placeholder="0"
            onChange={(value) => setCell(row.code, zone, typeof value === 'number' ? value : null)}
            aria-label={`${row.name} · ${zones.full(zone)}`}
            data-testid={`weight-${row.code}-${zone}`}
            style={{ width: 112 }}
          />
        ) : (
          <span data-testid={`weight-${row.code}-${zone}`}>{cellWeight(cells, row.code, zone) > 0 ? num(cellWeight(cells, row.code, zone)) : '—'}</span>
        ),
    })),
  ];

  return (
    <Flex vertical gap={16}>
      {conflict ? (
        <Alert
          type="error"
          showIcon
          title={conflict}
          data-testid="scheme-error"
          closable
          onClose={() => setConflict(null)}
          action={
            <Button size="small" onClick={() => void refresh()} data-testid="scheme-reload">
              {t('assessment.scheme.reload')}
            </Button>
          }
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Card
            size="small"
            title={
              <Flex gap={8} align="center" wrap>
                <span>{t('assessment.scheme.weights')}</span>
                <Tag color={scheme.version === 0 ? 'gold' : 'blue'} data-testid="scheme-version">
                  {versionLabel(scheme, t)}
                </Tag>
              </Flex>
            }
            extra={
              editable ? (
                <Flex gap={8}>
                  <Button icon={<UndoOutlined />} disabled={!dirty || busy} onClick={() => setCells(saved)} data-testid="scheme-reset">
                    {t('assessment.scheme.reset')}
                  </Button>
                  <Button type="primary" icon={<SaveOutlined />} loading={busy} disabled={!dirty && scheme.version > 0} onClick={() => void save()} data-testid="scheme-save">
                    {t('assessment.scheme.save')}
                  </Button>
                </Flex>
              ) : null
            }
          >
            <Table<Indicator>
              size="small"
              rowKey="code"
              pagination={false}
              columns={columns}
              dataSource={rows}
              scroll={{ x: 'max-content' }}
              onRow={(row) => ({ 'data-testid': 'scheme-row', 'data-code': row.code }) as never}
              summary={() => (
                <Table.Summary fixed="bottom">
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={3}>
                      <strong>{t('assessment.scheme.sum')}</strong>
                    </Table.Summary.Cell>
                    {ZONES.map((zone, i) => (
                      <Table.Summary.Cell key={zone} index={i + 1} align="right">
                        <strong data-testid={`zone-sum-${zone}`}>{num(sums[zone])}</strong>
                      </Table.Summary.Cell>
                    ))}
                  </Table.Summary.Row>
                </Table.Summary>
              )}
            />
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
              {t('assessment.scheme.weightsHint')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('assessment.scheme.defaults')}>
              <Flex vertical gap={12}>
                <div>
                  <Typography.Text type="secondary">{t('assessment.weighting')}</Typography.Text>
                  <Radio.Group value={weighting} disabled={!editable} onChange={(e) => setWeighting(e.target.value as Weighting)} data-testid="scheme-weighting" style={{ display: 'flex', flexDirection: 'column', marginTop: 4 }}>
                    <Radio value="blended">{t('assessment.weighting.blendedLong')}</Radio>
                    <Radio value="primary">{t('assessment.weighting.primaryLong')}</Radio>
                  </Radio.Group>
                </div>
                <div>
                  <Typography.Text type="secondary">{t('assessment.methodLabel')}</Typography.Text>
                  <Radio.Group value={method} disabled={!editable} onChange={(e) => setMethod(e.target.value as Method)} data-testid="scheme-method" style={{ display: 'flex', flexDirection: 'column', marginTop: 4 }}>
                    <Radio value="efficacy">{t('assessment.method.efficacyShort')}</Radio>
                    <Radio value="attainment">{t('assessment.method.attainmentShort')}</Radio>
                  </Radio.Group>
                </div>
              </Flex>
            </Card>
            <Card size="small" title={t('assessment.scheme.history')}>
              {scheme.history.length ? (
                <List
                  size="small"
                  data-testid="scheme-history"
                  dataSource={[...scheme.history].sort((a, b) => b.version - a.version)}
                  renderItem={(h) => (
                    <List.Item>
                      <Flex vertical>
                        <strong>{t('assessment.scheme.versionShort', { version: h.version })}</strong>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatDateTime(h.savedAt)} · {h.savedBy}
                        </Typography.Text>
                      </Flex>
                    </List.Item>
                  )}
                />
              ) : (
                <Typography.Text type="secondary">{t('assessment.scheme.noHistory')}</Typography.Text>
              )}
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}

export function SchemePage() {
  const { t } = useI18n();
  const { plan } = useCurrentPlan();
  const navigate = useNavigate();
  const session = useAssessmentSession();
  const year = parseYearParam(useParams().year);
  const scheme = useScheme(plan.id, year ?? 0, year !== null && session.can('assessment:read'));
  const indicators = useIndicators(session.can('assessment:read'));
  const published = scheme.data?.status === 'published';
  return (
    <AssessmentShell
      section="scheme"
      year={year}
      onYear={(next) => void navigate(`/assessment/${next}/scheme`)}
      title={t('assessment.scheme.title', { year: year ?? '' })}
      subtitle={t('assessment.scheme.subtitle')}
    >
      <Flex vertical gap={16}>
        {published ? (
          <Alert
            type="info"
            showIcon
            icon={<LockOutlined />}
            data-testid="scheme-locked"
            title={t('assessment.scheme.locked', { at: scheme.data?.publishedAt ? formatDateTime(scheme.data.publishedAt) : '—', by: scheme.data?.publishedBy ?? '—' })}
          />
        ) : !session.canManage ? (
          <Alert type="info" showIcon title={t('assessment.readOnly')} />
        ) : null}
        <AsyncContent query={scheme}>
          {(data) => (
            <AsyncContent query={indicators}>
              {(list) => <SchemeEditor key={`${data.year}-${data.version}`} scheme={data} indicators={list} editable={session.canManage && data.status !== 'published'} planId={plan.id} />}
            </AsyncContent>
          )}
        </AsyncContent>
      </Flex>
    </AssessmentShell>
  );
}
