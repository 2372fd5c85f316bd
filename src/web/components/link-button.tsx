/** An antd Button that is a real link (<a href>, new tab works) but navigates client-side. */
import { Button, type ButtonProps } from 'antd';
import type { MouseEvent } from 'react';
import { useHref, useNavigate } from 'react-router';

/** Button rendered as <a href={to}>; a plain click uses the router instead of reloading. */
export function LinkButton({ to, disabled, ...props }: Omit<ButtonProps, 'href' | 'onClick'> & { to: string }) {
  const navigate = useNavigate();
  const href = useHref(to);
  const onClick = (event: MouseEvent<HTMLElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate(to);
  };
  return <Button {...props} disabled={disabled} href={disabled ? undefined : href} onClick={disabled ? undefined : onClick} />;
}
