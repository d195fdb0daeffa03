import { Alert, Form, Input } from 'antd';
import type { ErrorCode } from '../../core/protocol/errors.js';
import type { ScreenStatus } from '../../core/protocol/events.js';
import { type Group, type Hall, PairingCode } from '../../core/protocol/rest.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { FormModal } from '../common/FormModal.js';
import { ApiError, toApiError } from '../lib/api.js';
import { call } from '../lib/client.js';
import { presetById } from './labels.js';
import { ScreenFields, type ScreenFieldValues } from './ScreenFields.js';

interface Props {
  halls: Hall[];
  groups: Group[];
  onClose: () => void;
  onPaired: (screen: ScreenStatus) => void;
}

type Values = ScreenFieldValues & { code: string };

const CODE_ERRORS: ReadonlySet<string> = new Set<ErrorCode>(['code_not_found', 'code_expired']);

// Case-insensitive entry: upper-case as typed, drop spaces and dashes people copy from the screen.
const normalizeCode = (value: string | undefined) =>
  (value ?? '')
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .slice(0, 6);

/** Claims the code a new screen shows and names it; code errors appear under the code field. */
export function PairScreenModal({ halls, groups, onClose, onPaired }: Props) {
  const initial: Partial<Values> = { presetId: 'fhd', hallId: halls.length === 1 ? halls[0]?.id : undefined };

  const save = async (values: Values) => {
    const preset = presetById(values.presetId);
    if (!preset) return;
    const request = {
      code: values.code,
      name: values.name.trim(),
      hallId: values.hallId,
      groupId: values.groupId ?? null,
    };
    try {
      onPaired(await call(routes.screens.claim, { body: { ...request, ...preset } }));
    } catch (err) {
      const e = toApiError(err);
      if (!CODE_ERRORS.has(e.code)) throw e;
      // An unknown or expired code comes without issues; it belongs under the code field all the same.
      throw new ApiError(e.status, e.code, e.message, [{ path: 'code', message: e.message }]);
    }
  };

  return (
    <FormModal<Values>
      title="配对新屏幕"
      initialValues={initial}
      fields={['code', 'name', 'hallId', 'groupId']}
      save={save}
      onClose={onClose}
      submitTestId="pair-submit"
      submitText="配对"
      submitDisabled={halls.length === 0}
      errorTestId="pair-error"
      notice={
        halls.length === 0 && (
          <Alert type="warning" showIcon title="还没有大厅：请先在「大厅」页面创建大厅（需系统管理员）" />
        )
      }
    >
      <Form.Item
        label="配对码"
        name="code"
        normalize={normalizeCode}
        extra="新屏幕开机后显示的 6 位配对码，不区分大小写"
        rules={[
          { required: true, message: '请输入屏幕上显示的配对码' },
          {
            validator: async (_, value: string | undefined) => {
              if (value && !PairingCode.safeParse(value).success) throw new Error('配对码为 6 位字母数字');
            },
          },
        ]}
      >
        <Input
          autoFocus
          autoComplete="off"
          placeholder="例如 7KQ2MX"
          style={{ fontFamily: 'monospace', letterSpacing: 4 }}
          data-testid="pair-code-input"
        />
      </Form.Item>
      <ScreenFields halls={halls} groups={groups} testidPrefix="pair" />
    </FormModal>
  );
}
