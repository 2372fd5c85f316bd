/**
 * The report form's state: the working copy, autosave (debounced PUT with the current version),
 * explicit save, and what went wrong where. A 409 (someone else saved, or the report moved on)
 * reloads the report and says so; a 400 puts the server's issues next to their fields.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SaveReportInput } from '../../../../shared/api/report-api.js';
import { ApiClientError } from '../../../lib/api-client.js';
import { fetchReport, reportKey, saveReport, type ReportDetail } from '../api/reports.api.js';
import { Autosaver, type AutosaveStatus } from '../utils/autosave.js';
import { buildSavePayload, draftFromReport, serverIssues, type FieldIssues, type FieldKey, type ReportDraft, type TargetShape } from '../utils/report-draft.js';

/** Quiet period before an autosave. */
export const AUTOSAVE_DELAY_MS = 1500;

export interface Conflict {
  message: string;
  currentVersion: number | null;
}

export interface ReportEditor {
  draft: ReportDraft;
  update: (change: (draft: ReportDraft) => ReportDraft, field: FieldKey) => void;
  /** Local problems and the server's, by field (the server's win). */
  issues: FieldIssues;
  status: AutosaveStatus;
  savedAt: string | null;
  /** The last failed save's message (not a 409, which becomes `conflict`). */
  saveError: ApiClientError | Error | null;
  conflict: Conflict | null;
  dismissConflict: () => void;
  /** 保存: save now, sending numbers our own check doubts so that the server judges them. */
  saveNow: () => Promise<boolean>;
  /** The version the next request must carry. */
  version: () => number;
  /** Replace the working copy with a report the server returned (after a transition). */
  reload: (report: ReportDetail) => void;
}

export function useReportEditor(report: ReportDetail, shapes: ReadonlyMap<number, TargetShape>, csrf: string | null): ReportEditor {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ReportDraft>(() => draftFromReport(report));
  const draftRef = useRef(draft);
  const versionRef = useRef(report.version);
  const shapesRef = useRef(shapes);
  const csrfRef = useRef(csrf);
  useEffect(() => {
    shapesRef.current = shapes;
    csrfRef.current = csrf;
  }, [shapes, csrf]);
  const [fromServer, setFromServer] = useState<FieldIssues>({});
  const [status, setStatus] = useState<AutosaveStatus>('idle');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<ApiClientError | Error | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const reportId = report.id;
  const autosaverRef = useRef<Autosaver<SaveReportInput> | null>(null);

  const applyBaseline = useCallback(
    (fresh: ReportDetail) => {
      const next = draftFromReport(fresh);
      draftRef.current = next;
      setDraft(next);
      versionRef.current = fresh.version;
      setFromServer({});
      setSaveError(null);
      queryClient.setQueryData(reportKey(fresh.id), fresh);
      autosaverRef.current?.reset();
    },
    [queryClient],
  );

  const autosaver = useMemo(() => {
    const saver = new Autosaver<SaveReportInput>({
      delayMs: AUTOSAVE_DELAY_MS,
      build: (explicit) => {
        const built = buildSavePayload(draftRef.current, versionRef.current, shapesRef.current, explicit);
        return !explicit && Object.keys(built.issues).length > 0 ? null : built.payload;
      },
      save: async (payload) => {
        try {
          const saved = await saveReport(reportId, payload, csrfRef.current);
          versionRef.current = saved.version;
          queryClient.setQueryData(reportKey(reportId), saved);
          setFromServer({});
          setSaveError(null);
          setSavedAt(saved.updatedAt);
        } catch (e) {
          if (e instanceof ApiClientError && e.status === 409) {
            const details = e.details as { currentVersion?: unknown } | null;
            setConflict({ message: e.message, currentVersion: typeof details?.currentVersion === 'number' ? details.currentVersion : null });
            try {
              applyBaseline(await fetchReport(reportId));
            } catch (reloadError) {
              setSaveError(reloadError as Error);
            }
          } else if (e instanceof ApiClientError && e.status === 400) {
            setFromServer(serverIssues(e.details, payload));
            setSaveError(e);
          } else {
            setSaveError(e as Error);
          }
          throw e;
        }
      },
      onStatus: setStatus,
    });
    autosaverRef.current = saver;
    return saver;
  }, [reportId, queryClient, applyBaseline]);

  // Leaving the page: store what is pending (fire and forget).
  useEffect(
    () => () => {
      if (autosaver.hasUnsavedChanges) void autosaver.flush().catch(() => undefined);
    },
    [autosaver],
  );

  // Closing the tab with unsaved changes: the browser asks first.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (autosaver.hasUnsavedChanges) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [autosaver]);

  const update = useCallback(
    (change: (d: ReportDraft) => ReportDraft, field: FieldKey) => {
      const next = change(draftRef.current);
      draftRef.current = next;
      setDraft(next);
      setFromServer((prev) => {
        if (!(field in prev)) return prev;
        const { [field]: _gone, ...rest } = prev;
        return rest;
      });
      autosaver.touch();
    },
    [autosaver],
  );

  const saveNow = useCallback(async () => {
    try {
      await autosaver.flush();
      return true;
    } catch {
      return false;
    }
  }, [autosaver]);

  const local = buildSavePayload(draft, versionRef.current, shapes, false).issues;
  return {
    draft,
    update,
    issues: { ...local, ...fromServer },
    status,
    savedAt,
    saveError,
    conflict,
    dismissConflict: () => setConflict(null),
    saveNow,
    version: () => versionRef.current,
    reload: applyBaseline,
  };
}
