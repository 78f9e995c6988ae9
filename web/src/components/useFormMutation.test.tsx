// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App, Form, Input } from 'antd';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { useFormMutation } from './useFormMutation.tsx';

// trySend (a form sent from a ConfirmAction): a refusal marked on the form's inputs stays on the form; one none of
// them shows goes back to the caller, who shows it (a toast) — the form then shows no banner besides.

const refusal = (fields: { field: string; messageZh: string; messageEn: string }[]) =>
  new ApiError(
    422,
    {
      code: 'VALIDATION',
      message: '输入有误',
      messageZh: '输入有误',
      messageEn: 'Invalid input',
      requestId: 'r-1',
      fields,
    },
    { zh: '请求失败', en: 'Request failed' },
  );
const conflict = () =>
  new ApiError(
    409,
    {
      code: 'CONFLICT',
      message: '已被他人修改',
      messageZh: '已被他人修改',
      messageEn: 'Changed by someone else',
      requestId: 'r-2',
    },
    { zh: '请求失败', en: 'Request failed' },
  );

/** What trySend answered: true/false, or the error it handed back (caught at once: no unhandled rejection). */
let outcome: Promise<unknown> | null = null;

function StageLike({ error, via }: { error: ApiError; via: 'trySend' | 'mutate' }) {
  const [form] = Form.useForm();
  const { trySend, mutation, errorAlert } = useFormMutation(form, () => Promise.reject(error));
  return (
    <Form form={form}>
      {errorAlert}
      <Form.Item name="findings" label="入户核实情况">
        <Input />
      </Form.Item>
      <button
        type="button"
        onClick={() => {
          if (via === 'trySend') outcome = trySend({}).catch((e: unknown) => e);
          else mutation.mutate({});
        }}
      >
        send
      </button>
    </Form>
  );
}

async function render(error: ApiError, via: 'trySend' | 'mutate') {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  await act(async () =>
    root.render(
      <QueryClientProvider client={new QueryClient()}>
        <App>
          <StageLike error={error} via={via} />
        </App>
      </QueryClientProvider>,
    ),
  );
  await act(async () => host.querySelector('button')!.click());
  const settled = outcome ? await outcome : undefined;
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
  return { host, settled, unmount: () => act(async () => root.unmount()) };
}

beforeAll(() => {
  // antd's responsive helpers ask for media queries jsdom does not have.
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

afterEach(() => {
  outcome = null;
  document.body.innerHTML = '';
});

describe('useFormMutation', () => {
  it('trySend: a refusal naming an input is marked under it and answers false', async () => {
    const r = await render(
      refusal([{ field: 'findings', messageZh: '请填写核实情况', messageEn: 'Give the findings' }]),
      'trySend',
    );
    expect(r.settled).toBe(false);
    expect(r.host.textContent).toContain('请填写核实情况');
    await r.unmount();
  });

  it('trySend: a refusal no input shows goes back to the caller, with no banner on the form', async () => {
    const error = conflict();
    const r = await render(error, 'trySend');
    expect(r.settled).toBe(error);
    expect(r.host.querySelector('[data-testid="server-error"]')).toBeNull();
    await r.unmount();
  });

  it('a form sent on its own shows that refusal in its banner', async () => {
    const r = await render(conflict(), 'mutate');
    expect(r.host.querySelector('[data-testid="server-error"]')?.textContent).toContain('已被他人修改');
    await r.unmount();
  });
});
