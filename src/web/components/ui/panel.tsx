/**
 * Light building blocks for the shell and the first page. antd's Card pulls in Tabs and
 * Skeleton and Typography pulls in Input and Form (its editable mode); on the initial route
 * these plain elements styled with antd's design tokens keep the bundle within budget.
 * Lazily loaded pages use antd's Card and Typography freely.
 */
import { theme } from 'antd';
import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';

/** A card-like box: optional header (title + extra) and a body. */
export function Panel({
  title,
  extra,
  children,
  accent,
  style,
  bodyStyle,
  ...rest
}: { title?: ReactNode; extra?: ReactNode; children?: ReactNode; accent?: string; style?: CSSProperties; bodyStyle?: CSSProperties } & Omit<HTMLAttributes<HTMLElement>, 'title'> & {
    'data-testid'?: string;
  }) {
  const { token } = theme.useToken();
  return (
    <section
      {...rest}
      style={{
        background: token.colorBgContainer,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderTop: accent ? `3px solid ${accent}` : `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        ...style,
      }}
    >
      {title || extra ? (
        <header
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 12,
            flexWrap: 'wrap',
            minHeight: 40,
            padding: '8px 12px',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <div style={{ fontWeight: 600, fontSize: token.fontSize, color: token.colorTextHeading, minWidth: 0 }}>{title}</div>
          {extra ? <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>{extra}</div> : null}
        </header>
      ) : null}
      <div style={{ padding: 12, ...bodyStyle }}>{children}</div>
    </section>
  );
}

/** Secondary (muted) inline text. */
export function Muted({ children, style, ...rest }: { children?: ReactNode; style?: CSSProperties } & HTMLAttributes<HTMLSpanElement> & { 'data-testid'?: string }) {
  const { token } = theme.useToken();
  return (
    <span {...rest} style={{ color: token.colorTextSecondary, ...style }}>
      {children}
    </span>
  );
}

/** A section heading (h2) in antd's heading style. */
export function SectionTitle({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  return <h2 style={{ fontSize: token.fontSizeHeading4, fontWeight: 600, margin: '20px 0 12px', color: token.colorTextHeading }}>{children}</h2>;
}

/** A headline figure with its label (Statistic look, without Statistic's Skeleton). */
export function Figure({ label, value, note }: { label: ReactNode; value: ReactNode; note?: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div>
      <div style={{ color: token.colorTextSecondary, fontSize: token.fontSize, whiteSpace: 'nowrap' }}>{label}</div>
      <div style={{ color: token.colorTextHeading, fontSize: 28, lineHeight: 1.3, fontVariantNumeric: 'tabular-nums' }} className="figure-value">
        {value}
      </div>
      {note ? <div style={{ color: token.colorTextSecondary, fontSize: 12 }}>{note}</div> : null}
    </div>
  );
}

/** Label/value pairs in a responsive grid (Descriptions look). `wide` items span the row. */
export function Fields({ items }: { items: { key: string; label: ReactNode; value: ReactNode; wide?: boolean }[] }) {
  const { token } = theme.useToken();
  return (
    <dl style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: '8px 24px', margin: 0 }}>
      {items.map((item) => (
        <div key={item.key} style={{ display: 'flex', gap: 8, gridColumn: item.wide ? '1 / -1' : undefined, minWidth: 0 }}>
          <dt style={{ color: token.colorTextSecondary, whiteSpace: 'nowrap' }}>{item.label}：</dt>
          <dd style={{ margin: 0, minWidth: 0, overflowWrap: 'anywhere' }}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A small coloured label (Tag look). */
export function Chip({ children, color }: { children: ReactNode; color?: string }) {
  const { token } = theme.useToken();
  const c = color ?? token.colorPrimary;
  return (
    <span
      style={{
        display: 'inline-block',
        padding: '0 7px',
        fontSize: 12,
        lineHeight: '20px',
        borderRadius: token.borderRadiusSM,
        border: `1px solid ${c}55`,
        background: `${c}14`,
        color: c,
        whiteSpace: 'nowrap',
      }}
    >
      {children}
    </span>
  );
}
