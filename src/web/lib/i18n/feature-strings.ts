/**
 * UI strings of the administration, reporting, cockpit and assessment pages, loaded as their own chunk so
 * the first page (the public plan overview) does not carry them. Their menu titles (`nav.*`)
 * stay in the first chunk (dictionary.ts) so the menu can be drawn at once.
 */
import * as admin from '../../features/admin/i18n.js';
import * as assessment from '../../features/assessment/i18n.js';
import * as cockpit from '../../features/cockpit/i18n.js';
import * as reports from '../../features/reports/i18n.js';

export const zh: Record<string, string> = { ...admin.zh, ...reports.zh, ...cockpit.zh, ...assessment.zh };
export const en: Record<string, string> = { ...admin.en, ...reports.en, ...cockpit.en, ...assessment.en };
