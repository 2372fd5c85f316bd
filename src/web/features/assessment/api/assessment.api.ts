/**
 * 差异化考核 over /api/v1 (contract: src/shared/api/assessment-api.ts): indicator catalogue,
 * years, schemes, values, results, import, publish. Every fetcher has a react-query hook; changes
 * carry the session's CSRF token and the pages invalidate `assessmentKeys.plan(planId)` after them.
 */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AssessmentResults,
  importResultSchema,
  importRowErrorSchema,
  Indicator,
  indicatorCreateSchema,
  indicatorEditSchema,
  Scheme,
  schemeSaveSchema,
  valueEntrySchema,
  valueListSchema,
  yearListSchema,
} from '../../../../shared/api/assessment-api.js';
import { ApiClientError, apiGet, apiPath, apiPost, apiPut, apiSend } from '../../../lib/api-client.js';
import { importContentType } from '../utils/csv-template.js';

type Csrf = string | null | undefined;
export type Weighting = 'blended' | 'primary';
export type Method = 'efficacy' | 'attainment';
export type YearList = z.infer<typeof yearListSchema>;
export type ValueList = z.infer<typeof valueListSchema>;
export type ValueEntry = z.infer<typeof valueEntrySchema>;
export type SchemeSave = z.infer<typeof schemeSaveSchema>;
export type IndicatorEdit = z.infer<typeof indicatorEditSchema>;
export type IndicatorCreate = z.infer<typeof indicatorCreateSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;
export type ImportRowError = z.infer<typeof importRowErrorSchema>;
export type { AssessmentResults, Indicator, Scheme };

const FRESH = 30_000;

export const assessmentKeys = {
  all: ['assessment'] as const,
  indicators: () => ['assessment', 'indicators'] as const,
  plan: (planId: number) => ['assessment', planId] as const,
  years: (planId: number) => ['assessment', planId, 'years'] as const,
  scheme: (planId: number, year: number) => ['assessment', planId, year, 'scheme'] as const,
  values: (planId: number, year: number) => ['assessment', planId, year, 'values'] as const,
  results: (planId: number, year: number, weighting?: Weighting, method?: Method) => ['assessment', planId, year, 'results', weighting ?? '', method ?? ''] as const,
};

const base = (planId: number) => `/plans/${planId}/assessment`;

/** GET /assessment/indicators */
export function useIndicators(enabled = true) {
  return useQuery({
    queryKey: assessmentKeys.indicators(),
    queryFn: async ({ signal }) => (await apiGet<{ items: Indicator[] }>('/assessment/indicators', { signal })).items,
    enabled,
    staleTime: FRESH,
  });
}

/** GET /plans/:planId/assessment/years */
export function useAssessmentYears(planId: number, enabled = true) {
  return useQuery({
    queryKey: assessmentKeys.years(planId),
    queryFn: async ({ signal }) => (await apiGet<YearList>(`${base(planId)}/years`, { signal })).items,
    enabled,
    staleTime: FRESH,
  });
}

/** GET /plans/:planId/assessment/:year/scheme */
export function useScheme(planId: number, year: number, enabled = true) {
  return useQuery({
    queryKey: assessmentKeys.scheme(planId, year),
    queryFn: ({ signal }) => apiGet<Scheme>(`${base(planId)}/${year}/scheme`, { signal }),
    enabled,
    staleTime: FRESH,
  });
}

/** GET /plans/:planId/assessment/:year/values */
export function useValues(planId: number, year: number, enabled = true) {
  return useQuery({
    queryKey: assessmentKeys.values(planId, year),
    queryFn: ({ signal }) => apiGet<ValueList>(`${base(planId)}/${year}/values`, { signal }),
    enabled,
    staleTime: FRESH,
  });
}

/** GET /plans/:planId/assessment/:year/results?weighting=&method= (omitted: the scheme's defaults). */
export function useResults(planId: number, year: number, weighting: Weighting | undefined, method: Method | undefined, enabled = true) {
  return useQuery<AssessmentResults>({
    queryKey: assessmentKeys.results(planId, year, weighting, method),
    queryFn: ({ signal }) => apiGet<AssessmentResults>(apiPath(`${base(planId)}/${year}/results`, { weighting, method }), { signal }),
    enabled,
    staleTime: FRESH,
    // While a toggle recomputes, keep the same year's table on screen (never another year's).
    placeholderData: (previous: AssessmentResults | undefined) => (previous?.year === year && previous.planId === planId ? previous : undefined),
  });
}

/** The .xlsx export of the results (the server names the file). */
export function resultsXlsxUrl(planId: number, year: number, weighting?: Weighting, method?: Method): string {
  return apiPath(`${base(planId)}/${year}/results.xlsx`, { weighting, method });
}

/** PUT /assessment/indicators/:code */
export function editIndicator(code: string, body: IndicatorEdit, csrf: Csrf): Promise<unknown> {
  return apiPut(`/assessment/indicators/${encodeURIComponent(code)}`, body, csrf);
}

/** POST /assessment/indicators */
export function createIndicator(body: IndicatorCreate, csrf: Csrf): Promise<unknown> {
  return apiPost('/assessment/indicators', body, csrf);
}

/** PUT /plans/:planId/assessment/:year/scheme (stale baseVersion → 409). */
export function saveScheme(planId: number, year: number, body: SchemeSave, csrf: Csrf): Promise<Scheme> {
  return apiPut(`${base(planId)}/${year}/scheme`, body, csrf);
}

/** PUT /plans/:planId/assessment/:year/values (one cell). */
export function saveValue(planId: number, year: number, body: ValueEntry, csrf: Csrf): Promise<unknown> {
  return apiPut(`${base(planId)}/${year}/values`, body, csrf);
}

/** POST /plans/:planId/assessment/:year/publish {version}: locks the year. */
export function publishYear(planId: number, year: number, version: number, csrf: Csrf): Promise<unknown> {
  return apiPost(`${base(planId)}/${year}/publish`, { version }, csrf);
}

/**
 * POST /plans/:planId/assessment/values/import with the file as the raw body (its own content
 * type, the name in x-file-name). A rejected file throws ApiClientError whose details hold
 * `{ errors: [{row, column, message}] }`; `importErrors` reads them.
 */
export function importValues(planId: number, file: File, csrf: Csrf): Promise<ImportResult> {
  return apiSend<ImportResult>('POST', `${base(planId)}/values/import`, file, { csrfToken: csrf, headers: { 'content-type': importContentType(file), 'x-file-name': encodeURIComponent(file.name) } });
}

/** The row errors of a rejected import (empty for other failures). */
export function importErrors(error: unknown): ImportRowError[] {
  if (!(error instanceof ApiClientError)) return [];
  const errors = (error.details as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) ? (errors as ImportRowError[]) : [];
}
