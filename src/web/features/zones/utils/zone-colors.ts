/** One colour per zone everywhere (map, bars, tags): 都市核心区 warm red, 大广海湾区 sea blue, 生态发展区 green. */
import type { ZoneCode } from '../../../../shared/plan-model.js';

export const ZONE_COLORS: Record<ZoneCode, string> = {
  core: '#d4553a',
  bay: '#2f7ed8',
  eco: '#3c9a4f',
};

export const ZONE_ORDER: readonly ZoneCode[] = ['core', 'bay', 'eco'];
