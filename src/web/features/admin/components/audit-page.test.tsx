import { afterEach, describe, expect, it } from 'vitest';
import { render, type Rendered } from '../../../test/render.js';
import { VerifyResult } from './audit-page.js';

let view: Rendered | null = null;
afterEach(async () => {
  await view?.unmount();
  view = null;
});

const shown = (v: Rendered) => v.container.querySelector('[data-testid="verify-result"]') as HTMLElement | null;

describe('VerifyResult (校验哈希链)', () => {
  it('reports an intact chain with the number of records checked', async () => {
    view = await render(<VerifyResult result={{ ok: true, checked: 27, firstSeq: 1, lastSeq: 27 }} error={null} onClose={() => undefined} />);
    const el = shown(view)!;
    expect(el.getAttribute('data-ok')).toBe('true');
    expect(el.textContent).toContain('哈希链完整：已校验 27 条记录（序号 1–27）');
    expect(el.className).toContain('ant-alert-success');
  });

  it('names the first broken record and the reason, in red', async () => {
    const reason = '第8条记录的内容与其哈希不符（记录被篡改）';
    view = await render(
      <VerifyResult result={{ ok: false, checked: 7, firstSeq: 1, lastSeq: 7, broken: { id: 8, seq: 8, reason } }} error={null} onClose={() => undefined} />,
    );
    const el = shown(view)!;
    expect(el.getAttribute('data-ok')).toBe('false');
    expect(el.className).toContain('ant-alert-error');
    expect(el.textContent).toContain('哈希链校验失败：第 8 条记录');
    const why = el.querySelector('[data-testid="verify-reason"]') as HTMLElement;
    expect(why.textContent).toBe(reason);
    expect(why.parentElement!.style.color).toMatch(/#cf1322|rgb\(207, 19, 34\)/);
    expect(el.textContent).toContain('此前 7 条记录完好（序号 1–7）');
  });

  it('shows a failed request as an error', async () => {
    view = await render(<VerifyResult result={null} error="您的角色无权进行此操作" onClose={() => undefined} />);
    expect(shown(view)!.textContent).toBe('您的角色无权进行此操作');
  });

  it('speaks English too', async () => {
    view = await render(<VerifyResult result={{ ok: true, checked: 3, firstSeq: 5, lastSeq: 7 }} error={null} onClose={() => undefined} />, { lang: 'en' });
    expect(shown(view)!.textContent).toContain('Hash chain intact: 3 records checked (no. 5–7)');
  });
});
