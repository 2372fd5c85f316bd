/** Catches a crash inside one page so the shell stays usable; resets when the URL changes. */
import { Component, type ReactNode } from 'react';
import { useLocation } from 'react-router';

interface Props {
  fallback: ReactNode;
  children: ReactNode;
  resetKey: string;
}

class Boundary extends Component<Props, { failed: boolean; resetKey: string }> {
  override state = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<{ failed: boolean }> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: { failed: boolean; resetKey: string }) {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown): void {
    console.error('页面渲染出错 / page crashed', error);
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** Error boundary keyed by the current location. */
export function RouteErrorBoundary({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  const location = useLocation();
  return (
    <Boundary fallback={fallback} resetKey={location.pathname + location.search}>
      {children}
    </Boundary>
  );
}
