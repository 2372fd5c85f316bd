/**
 * Toasts for events outside a page's own rendering (failed background refreshes). antd's
 * message stack is loaded on first use, keeping it out of the initial bundle.
 */
import type { MessageInstance } from 'antd/es/message/interface.js';

/** Show an error toast (antd message), loading the component on demand. */
export async function notifyError(text: string): Promise<void> {
  // antd's ES files are ESM at runtime; TypeScript (nodenext) types them as CommonJS.
  const module = (await import('antd/es/message/index.js')) as unknown as { default: MessageInstance };
  void module.default.error(text);
}
