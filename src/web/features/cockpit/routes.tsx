/** Routes of the cockpit and supervision pages (merged into the app route table). */
import type { AppRoute } from '../../app/routes.js';

export const routes: AppRoute[] = [];
