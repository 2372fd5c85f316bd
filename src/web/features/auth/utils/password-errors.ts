/**
 * How a refused password change reads. The server answers VALIDATION_FAILED with the field at
 * fault and, for policy breaches, the list of problems:
 *   { message: '新密码不符合要求：密码长度至少8位；密码不能包含用户名', details: { field: 'newPassword', problems: [...] } }
 * The list is shown as a list under the message's lead-in; nothing of the message is lost.
 */

export interface PasswordErrorView {
  /** The message, or its lead-in when the problems are listed separately. */
  title: string;
  problems: string[];
  /** Form field the server blamed ('currentPassword', 'newPassword'), if any. */
  field: string | null;
}

const record = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : null);

/** Split a server error on a password change into title, problem list and field. */
export function passwordErrorView(error: { message: string; details?: unknown }): PasswordErrorView {
  const details = record(error.details);
  const field = typeof details?.field === 'string' ? details.field : null;
  const raw = Array.isArray(details?.problems) ? details.problems : [];
  const problems = raw.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  if (problems.length === 0) return { title: error.message, problems: [], field };
  const cut = error.message.search(/[：:]/);
  const lead = cut > 0 ? error.message.slice(0, cut) : '';
  const rest = cut > 0 ? error.message.slice(cut + 1).trim() : '';
  // Only drop the tail when it is exactly the listed problems; otherwise keep the whole message.
  const tailIsList = rest === problems.join('；') || rest === problems.join('; ');
  return { title: tailIsList && lead ? lead : error.message, problems, field };
}
