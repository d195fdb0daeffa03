import '../lists/testDom.js';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Alert, Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api.js';
import { FormModal } from './FormModal.js';
import { Providers } from './Providers.js';

interface Values {
  name: string;
}

interface Extras {
  notice?: ReactNode;
  submitDisabled?: boolean;
  errorTestId?: string;
}

/** A dialog shaped like the hall and group ones: null creates, a record edits. */
function renderDialog(
  record: Values | null,
  save = vi.fn(async (_: Values) => {}),
  onClose = vi.fn(),
  extras: Extras = {},
) {
  render(
    <Providers>
      <FormModal<Values>
        title={record ? `编辑：${record.name}` : '新建'}
        initialValues={record ?? { name: '' }}
        fields={['name']}
        save={save}
        onClose={onClose}
        submitTestId="thing-submit"
        {...extras}
      >
        <Form.Item label="名称" name="name" rules={[{ required: true, message: '请输入名称' }]}>
          <Input data-testid="thing-name-input" />
        </Form.Item>
      </FormModal>
    </Providers>,
  );
  return { save, onClose };
}

const nameInput = () => screen.getByTestId('thing-name-input') as HTMLInputElement;
const submitButton = () => screen.getByTestId('thing-submit');

afterEach(cleanup);

describe('FormModal', { timeout: 20_000 }, () => {
  it('starts empty to create and filled to edit', () => {
    renderDialog(null);
    expect(screen.getByText('新建')).toBeTruthy();
    expect(nameInput().value).toBe('');
    cleanup();
    renderDialog({ name: '一楼大厅' });
    expect(screen.getByText('编辑：一楼大厅')).toBeTruthy();
    expect(nameInput().value).toBe('一楼大厅');
    expect(submitButton().textContent).toBe('保存');
  });

  it('validates before saving, then saves the form values', async () => {
    const { save } = renderDialog(null);
    fireEvent.click(submitButton());
    expect(await screen.findByText('请输入名称')).toBeTruthy();
    expect(save).not.toHaveBeenCalled();
    fireEvent.change(nameInput(), { target: { value: '二楼' } });
    fireEvent.click(submitButton());
    await waitFor(() => expect(save).toHaveBeenCalledWith({ name: '二楼' }));
  });

  it('shows the submit busy while saving', async () => {
    let finish = () => {};
    const save = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    renderDialog({ name: '一楼' }, save);
    fireEvent.click(submitButton());
    await waitFor(() => expect(submitButton().className).toContain('ant-btn-loading'));
    finish();
    await waitFor(() => expect(submitButton().className).not.toContain('ant-btn-loading'));
  });

  it('shows a failure above the form and stays open', async () => {
    const save = vi.fn(async () => {
      throw new ApiError(409, 'in_use', '名称已被使用');
    });
    const { onClose } = renderDialog({ name: '一楼' }, save);
    fireEvent.click(submitButton());
    expect(await screen.findByText('名称已被使用')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
    expect(nameInput().value).toBe('一楼');
    expect(submitButton().className).not.toContain('ant-btn-loading');
  });

  it("puts a field's issue under the field instead", async () => {
    const save = vi.fn(async () => {
      throw new ApiError(400, 'invalid_input', '输入有误', [{ path: 'name', message: '名称过长' }]);
    });
    renderDialog({ name: '一楼' }, save);
    fireEvent.click(submitButton());
    expect(await screen.findByText('名称过长')).toBeTruthy();
    expect(screen.queryByText('输入有误')).toBeNull();
  });

  it('closes on 取消', () => {
    const { onClose } = renderDialog(null);
    fireEvent.click(screen.getByText('取消'));
    expect(onClose).toHaveBeenCalled();
  });

  it('shows a notice above the error box', async () => {
    const save = vi.fn(async () => {
      throw new ApiError(409, 'in_use', '名称已被使用');
    });
    const notice = <Alert type="warning" title="保存后需要重新审核" data-testid="thing-notice" />;
    renderDialog({ name: '一楼' }, save, vi.fn(), { notice, errorTestId: 'thing-error' });
    const shown = screen.getByTestId('thing-notice');
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(shown.textContent).toContain('保存后需要重新审核');
    fireEvent.click(submitButton());
    const error = await screen.findByTestId('thing-error');
    expect(error.textContent).toContain('名称已被使用');
    expect(shown.compareDocumentPosition(error) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByTestId('thing-notice')).toBe(shown);
  });

  it('shows no notice unless given one', () => {
    renderDialog(null, undefined, undefined, { notice: false });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the submit off while submitDisabled', () => {
    const { save } = renderDialog({ name: '一楼' }, undefined, undefined, { submitDisabled: true });
    expect((submitButton() as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(submitButton());
    expect(save).not.toHaveBeenCalled();
  });
});
