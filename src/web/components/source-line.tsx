/** 原文第N行: the source line every figure and text on screen traces back to. */
import { FileTextOutlined } from '@ant-design/icons';
import { useI18n } from '../lib/i18n/i18n-context.js';
import { Muted } from './ui/panel.js';

/** A small, muted "原文第N行" marker (line 0 = the whole document). */
export function SourceLine({ line, prefix }: { line: number | null | undefined; prefix?: string }) {
  const { t } = useI18n();
  if (line === null || line === undefined) return null;
  const label = line > 0 ? t('common.sourceLine', { line }) : t('common.wholeDocument');
  return (
    <Muted className="source-line" data-line={line} style={{ fontSize: 12, whiteSpace: 'nowrap', fontWeight: 400 }}>
      <FileTextOutlined style={{ marginInlineEnd: 4 }} />
      {prefix ? `${prefix} · ` : ''}
      {label}
    </Muted>
  );
}
