import '../lists/testDom.js';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Form, Input } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api.js';
import { FormModal } from './FormModal.js';
import { Providers } from './Providers.js';

interface Values {
  name: string;
}

/** A dialog shaped like the hall and group ones: null creates, a record edits. */
function renderDialog(record: Values | null, save = vi.fn(async (_: Values) => {}), onClose = vi.fn()) {
  render(
    <Providers>
      <FormModal<Values>
        title={record ? `编辑：${record.name}` : '新建'}
        initialValues={record ?? { name: '' }}
        fields={['name']}
        save={save}
        onClose={onClose}
        submitTestId="thing-submit"
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
      throw new ApiError(409, 'conflict', '名称已被使用');
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
});
