/**
 * One error model: services throw AppError with a closed ErrorCode; the HTTP layer maps codes
 * to statuses and emits { error: { code, message, details } }. Messages are Chinese, for users.
 */
export type ErrorCode = 'NOT_FOUND' | 'VALIDATION_FAILED' | 'IMPORT_FAILED' | 'CONFLICT' | 'RATE_LIMITED' | 'INTERNAL';

export const STATUS_OF: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  IMPORT_FAILED: 422,
  CONFLICT: 409,
  RATE_LIMITED: 429,
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
