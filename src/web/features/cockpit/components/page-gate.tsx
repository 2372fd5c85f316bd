/**
 * The supervision pages need a signed-in account with a permission: explain what is missing
 * (sign in, or a role) before asking the server for anything — a request that cannot succeed
 * would only produce an error.
 */
import type { ReactNode } from 'react';
import { ErrorResult, Loading } from '../../../components/async-content.js';
import { ApiClientError } from '../../../lib/api-client.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { can, ROLE_NAMES, ROLES, type Permission } from '../../../../shared/domain/roles.js';
import { useSupervisionSession } from '../hooks/use-supervision-session.js';

export function PageGate({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t, lang } = useI18n();
  const session = useSupervisionSession();
  if (session.loading) return <Loading />;
  if (!session.signedIn) return <ErrorResult error={new ApiClientError(401, 'UNAUTHENTICATED', t('cockpit.signInFirst'))} />;
  if (!session.can(permission)) {
    const holders = ROLES.filter((role) => can([role], permission)).map((role) => ROLE_NAMES[role][lang]);
    return <ErrorResult error={new ApiClientError(403, 'FORBIDDEN', t('cockpit.forbidden', { roles: holders.join(lang === 'zh' ? '、' : ', ') }))} />;
  }
  return <>{children}</>;
}
