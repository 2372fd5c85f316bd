/**
 * One error model: services throw AppError with a closed ErrorCode; the HTTP layer maps codes
 * to statuses and emits { error: { code, message, details } }. Messages are Chinese, for users.
 */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'VALIDATION_FAILED'
  | 'IMPORT_FAILED'
  /** A values file with bad rows: every error with its row and column in details.errors; nothing stored. */
  | 'VALUES_REJECTED'
  /** Allowed by role, but the year's assessment results are not published yet. */
  | 'NOT_PUBLISHED'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  /** Allowed by role, but not this unit's task, report or plan. */
  | 'OUT_OF_SCOPE'
  | 'CSRF_FAILED'
  | 'LOGIN_FAILED'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_DISABLED'
  | 'SESSION_EXPIRED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'TOTP_REQUIRED'
  | 'TOTP_SETUP_REQUIRED'
  | 'INTERNAL';

export const STATUS_OF: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  IMPORT_FAILED: 422,
  VALUES_REJECTED: 400,
  NOT_PUBLISHED: 403,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  CSRF_FAILED: 403,
  LOGIN_FAILED: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  SESSION_EXPIRED: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  TOTP_REQUIRED: 401,
  TOTP_SETUP_REQUIRED: 403,
  INTERNAL: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what}不存在`);
