/** Collects importer findings; errors make the import fail as a whole. */
import type { Diagnostic, Severity } from '../shared/plan-model.js';

export class Diagnostics {
  readonly items: Diagnostic[] = [];

  add(severity: Severity, code: string, line: number, message: string, suggestion?: string): void {
    const d: Diagnostic = { severity, code, line, message };
    if (suggestion !== undefined) d.suggestion = suggestion;
    this.items.push(d);
  }

  error(code: string, line: number, message: string, suggestion?: string): void {
    this.add('error', code, line, message, suggestion);
  }

  warn(code: string, line: number, message: string, suggestion?: string): void {
    this.add('warning', code, line, message, suggestion);
  }

  info(code: string, line: number, message: string, suggestion?: string): void {
    this.add('info', code, line, message, suggestion);
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }

  /** Sorted by line, then severity (errors first), keeping insertion order otherwise. */
  sorted(): Diagnostic[] {
    const rank = { error: 0, warning: 1, info: 2 } as const;
    return this.items
      .map((d, i) => ({ d, i }))
      .sort((a, b) => a.d.line - b.d.line || rank[a.d.severity] - rank[b.d.severity] || a.i - b.i)
      .map((x) => x.d);
  }
}
