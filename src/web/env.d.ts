/** Module declarations for non-TS imports handled by Vite. */
declare module '*.css';
