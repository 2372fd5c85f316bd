/**
 * Periodic progress reporting (进展报告) over /api/v1: reports and their workflow, evidence,
 * periods, 我的待办, the inbox, contributions, county work plans and their coverage.
 * Each fetcher has a react-query hook; state changes carry the session's CSRF token.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  contributionSchema,
  coverageSchema,
  inboxSchema,
  periodListSchema,
  ReportDetail,
  reportSummarySchema,
  ReportStatus,
  SaveReportInput,
  WorkPlanView,
} from '../../../../shared/api/report-api.js';
import { apiGet, apiPath, apiPost, apiSend } from '../../../lib/api-client.js';
import type { TodoItem } from '../utils/todo-groups.js';

export type ReportSummary = z.infer<typeof reportSummarySchema>;
export type PeriodList = z.infer<typeof periodListSchema>;
export type Period = PeriodList['items'][number];
export type Inbox = z.infer<typeof inboxSchema>;
export type Contribution = z.infer<typeof contributionSchema>;
export type Coverage = z.infer<typeof coverageSchema>;
export type { ReportDetail, WorkPlanView };

type Csrf = string | null | undefined;

export const reportKey = (id: number) => ['report', id] as const;

/** GET /reports/:id */
export function fetchReport(id: number, signal?: AbortSignal): Promise<ReportDetail> {
  return apiGet<ReportDetail>(`/reports/${id}`, { signal });
}

export function useReport(id: number, enabled = true) {
  return useQuery({ queryKey: reportKey(id), queryFn: ({ signal }) => fetchReport(id, signal), enabled, staleTime: 0 });
}

/** POST /plans/:planId/reports — opens the unit's report on a task for a period (creates a draft if none). */
export function openReport(planId: number, taskNo: number, period: string, csrf: Csrf): Promise<ReportDetail> {
  return apiPost<ReportDetail>(`/plans/${planId}/reports`, { taskNo, period }, csrf);
}

/** PUT /reports/:id (draft or returned; stale version → 409 with details.currentVersion). */
export function saveReport(id: number, body: SaveReportInput, csrf: Csrf): Promise<ReportDetail> {
  return apiSend<ReportDetail>('PUT', `/reports/${id}`, body, { csrfToken: csrf });
}

/** POST /reports/:id/submit with an Idempotency-Key (a retry with the same key gets the same answer). */
export function submitReport(id: number, version: number, idempotencyKey: string, csrf: Csrf): Promise<ReportDetail> {
  return apiSend<ReportDetail>('POST', `/reports/${id}/submit`, { version }, { csrfToken: csrf, headers: { 'idempotency-key': idempotencyKey } });
}

/** 审核通过 (unit head) / 采纳 (plan office). */
export function decideReport(id: number, action: 'approve' | 'accept', version: number, csrf: Csrf): Promise<ReportDetail> {
  return apiPost<ReportDetail>(`/reports/${id}/${action}`, { version }, csrf);
}

/** 退回 with a reason: the unit head from submitted, the plan office from approved. */
export function returnReport(id: number, by: 'unitHead' | 'planOffice', version: number, reason: string, csrf: Csrf): Promise<ReportDetail> {
  return apiPost<ReportDetail>(`/reports/${id}/${by === 'planOffice' ? 'return-by-plan-office' : 'return'}`, { version, reason }, csrf);
}

/** 更正: a new revision (draft) of an accepted report. */
export function correctReport(id: number, reason: string, csrf: Csrf): Promise<ReportDetail> {
  return apiPost<ReportDetail>(`/reports/${id}/correct`, { reason }, csrf);
}

/** POST /reports/:id/evidence: the file's bytes, its name URL-encoded in x-file-name. */
export function uploadEvidence(id: number, file: File, csrf: Csrf): Promise<ReportDetail> {
  return apiSend<ReportDetail>('POST', `/reports/${id}/evidence`, file, { csrfToken: csrf, headers: { 'x-file-name': encodeURIComponent(file.name) } });
}

/** Download address of an evidence file (the server names it). */
export function evidenceUrl(id: number): string {
  return apiPath(`/evidence/${id}`);
}

export interface ReportFilter {
  period?: string;
  taskNo?: number;
  unit?: string;
  status?: ReportStatus;
}

/** GET /plans/:planId/reports?… (the unit's own; plan office and leaders see every non-draft). */
export function fetchReports(planId: number, filter: ReportFilter, signal?: AbortSignal): Promise<ReportSummary[]> {
  const query = { period: filter.period, taskNo: filter.taskNo, unit: filter.unit, status: filter.status };
  return apiGet<{ items: ReportSummary[] }>(apiPath(`/plans/${planId}/reports`, query), { signal }).then((r) => r.items);
}

export function useReports(planId: number, filter: ReportFilter, enabled = true) {
  return useQuery({
    queryKey: ['reports', planId, filter],
    queryFn: ({ signal }) => fetchReports(planId, filter, signal),
    enabled,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

/** GET /plans/:planId/periods?year= — the year's periods with working-day deadlines. */
export function usePeriods(planId: number, year: number) {
  return useQuery({
    queryKey: ['periods', planId, year],
    queryFn: ({ signal }) => apiGet<PeriodList>(apiPath(`/plans/${planId}/periods`, { year }), { signal }),
  });
}

/** GET /plans/:planId/todo */
export function useTodo(planId: number) {
  return useQuery({
    queryKey: ['todo', planId],
    queryFn: ({ signal }) => apiGet<{ items: TodoItem[] }>(`/plans/${planId}/todo`, { signal }).then((r) => r.items),
    staleTime: 0,
  });
}

export const INBOX_KEY = ['inbox'] as const;

/** GET /inbox (newest first, with the unread count). */
export function useInbox(enabled = true) {
  return useQuery({ queryKey: INBOX_KEY, queryFn: ({ signal }) => apiGet<Inbox>('/inbox', { signal }), enabled, staleTime: 0 });
}

/** POST /inbox/read */
export function markInboxRead(ids: number[] | 'all', csrf: Csrf): Promise<{ ok: true }> {
  return apiPost('/inbox/read', { ids }, csrf);
}

/** PUT /plans/:planId/tasks/:no/contribution (配合单位反馈; submit = hand it to the lead). */
export function saveContribution(planId: number, taskNo: number, body: { period: string; text: string; submit: boolean }, csrf: Csrf): Promise<Contribution> {
  return apiSend<Contribution>('PUT', `/plans/${planId}/tasks/${taskNo}/contribution`, body, { csrfToken: csrf });
}

export const workPlanKey = (id: number) => ['work-plan', id] as const;

/** POST /plans/:planId/work-plans {year} — the county's plan for the year (created if none). */
export function openWorkPlan(planId: number, year: number, csrf: Csrf): Promise<WorkPlanView> {
  return apiPost<WorkPlanView>(`/plans/${planId}/work-plans`, { year }, csrf);
}

/** GET /work-plans/:id (the county's own; the plan office and leaders any). */
export function fetchWorkPlan(id: number, signal?: AbortSignal): Promise<WorkPlanView> {
  return apiGet<WorkPlanView>(`/work-plans/${id}`, { signal });
}

export function useWorkPlan(id: number, enabled = true) {
  return useQuery({ queryKey: workPlanKey(id), queryFn: ({ signal }) => fetchWorkPlan(id, signal), enabled, staleTime: 0 });
}

export interface SaveWorkPlanInput {
  version: number;
  milestones: { milestoneId: number; action: string; shares: { targetId: number; share: number | null }[] }[];
}

/** PUT /work-plans/:id */
export function saveWorkPlan(id: number, body: SaveWorkPlanInput, csrf: Csrf): Promise<WorkPlanView> {
  return apiSend<WorkPlanView>('PUT', `/work-plans/${id}`, body, { csrfToken: csrf });
}

/** 提交 (county), 采纳 / 退回 (plan office). */
export function moveWorkPlan(id: number, move: 'submit' | 'accept' | 'return', version: number, csrf: Csrf, reason?: string): Promise<WorkPlanView> {
  return apiPost<WorkPlanView>(`/work-plans/${id}/${move}`, move === 'return' ? { version, reason } : { version }, csrf);
}

/** GET /plans/:planId/work-plan-coverage?year= */
export function useCoverage(planId: number, year: number) {
  return useQuery({
    queryKey: ['coverage', planId, year],
    queryFn: ({ signal }) => apiGet<Coverage>(apiPath(`/plans/${planId}/work-plan-coverage`, { year }), { signal }),
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}
