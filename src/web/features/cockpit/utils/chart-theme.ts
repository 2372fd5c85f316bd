/**
 * Colours and sizes of the cockpit charts for the normal page and for 大屏 (wall mode: dark
 * background, larger type for a room-sized screen).
 */
export interface ChartTheme {
  dark: boolean;
  text: string;
  subtleText: string;
  axisLine: string;
  splitLine: string;
  /** Outline of map regions and bar segments. */
  border: string;
  labelHalo: string;
  fontSize: number;
  tooltipBg: string;
  tooltipText: string;
  /** Lines drawn over bars (the on-time rate). */
  accent: string;
}

export const LIGHT_THEME: ChartTheme = {
  dark: false,
  text: '#1f2937',
  subtleText: '#6b7280',
  axisLine: '#cbd2dc',
  splitLine: '#eef1f5',
  border: '#ffffff',
  labelHalo: 'rgba(255,255,255,0.9)',
  fontSize: 12,
  tooltipBg: 'rgba(255,255,255,0.98)',
  tooltipText: '#1f2937',
  accent: '#1d5fbf',
};

export const WALL_THEME: ChartTheme = {
  dark: true,
  text: '#e6edf7',
  subtleText: '#9fb0c8',
  axisLine: '#3b4d68',
  splitLine: '#1f2d42',
  border: '#0b1626',
  labelHalo: 'rgba(6,14,28,0.85)',
  fontSize: 16,
  tooltipBg: 'rgba(12,24,42,0.96)',
  tooltipText: '#e6edf7',
  accent: '#6cb4ff',
};

export const chartTheme = (wall: boolean): ChartTheme => (wall ? WALL_THEME : LIGHT_THEME);
