/** Shared bits of the assessment pages: the session, zone names, and invalidating after a change. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ZoneCode } from '../../../../shared/plan-model.js';
import type { DictKey } from '../../../lib/i18n/dictionary.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useSupervisionSession } from '../../cockpit/hooks/use-supervision-session.js';
import { assessmentKeys } from '../api/assessment.api.js';

export function useAssessmentSession() {
  const session = useSupervisionSession();
  return { ...session, canManage: session.can('assessment:manage') };
}

/** Full (都市核心区) and short (核心区) zone names in the current language. */
export function useZoneNames() {
  const { t } = useI18n();
  const full = useCallback((zone: ZoneCode) => t(`assessment.zone.${zone}` as DictKey), [t]);
  const short = useCallback((zone: ZoneCode) => t(`assessment.zoneShort.${zone}` as DictKey), [t]);
  return { full, short };
}

/** Refetch everything of a plan's assessment (and the catalogue) after a change. */
export function useRefreshAssessment(planId: number) {
  const queryClient = useQueryClient();
  return useCallback(
    () => Promise.all([queryClient.invalidateQueries({ queryKey: assessmentKeys.plan(planId) }), queryClient.invalidateQueries({ queryKey: assessmentKeys.indicators() })]),
    [queryClient, planId],
  );
}
