import { Form, Input, InputNumber, Select } from 'antd';
import type { Item, ItemKind } from '../../core/manifest/types.js';
import type { CategoryInfo } from '../../core/protocol/credit.js';
import type { ItemInfo, ItemInput, MediaInfo, ProgramEdit } from '../../core/protocol/programs.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { FormModal } from '../common/FormModal.js';
import { call } from '../lib/client.js';
import { KIND_LABELS } from '../screens/labels.js';
import { ItemFields } from './ItemFields.js';

interface Props {
  item: ItemInfo | null;
  media: MediaInfo[];
  categories: CategoryInfo[];
  onClose: () => void;
  onSaved: (item: Item, edit?: ProgramEdit<Item>) => void;
}

type Values = Record<string, unknown> & {
  kind: ItemKind;
  name: string;
  seconds: number;
  categories?: string[];
};

const DEFAULTS: Record<ItemKind, Record<string, unknown>> = {
  'list-board': {
    selector: { listType: 'red' },
    mode: 'paged',
    rowsPerPage: 8,
    dwellSec: 12,
    fields: ['name', 'reason'],
    seconds: 60,
  },
  image: { fit: 'contain', seconds: 15 },
  video: { playToEnd: true, seconds: 30 },
  notice: { style: 'integrity', body: '', seconds: 15 },
  ticker: { speed: 120, seconds: 30 },
  clock: { seconds: 10 },
};

function toValues(item: ItemInfo | null): Partial<Values> {
  if (!item) return { kind: 'notice', ...DEFAULTS.notice };
  const { id: _id, usedBy: _u, updatedAt: _t, durationMs, ...rest } = item;
  const categories =
    item.kind === 'list-board' && item.selector.categoryIds !== 'all' ? item.selector.categoryIds : [];
  return { ...rest, seconds: durationMs / 1000, categories };
}

function toInput(v: Values): ItemInput {
  const { seconds, categories, ...rest } = v;
  const base = { ...rest, durationMs: Math.round(seconds * 1000) } as Record<string, unknown>;
  if (v.kind === 'list-board') {
    const selector = base.selector as { listType: string };
    base.selector = { listType: selector.listType, categoryIds: categories?.length ? categories : 'all' };
  }
  if (base.media === undefined || base.media === null) delete base.media;
  return base as ItemInput;
}

/** Creates or edits one content item of any kind. */
export function ItemFormModal({ item, media, categories, onClose, onSaved }: Props) {
  const save = async (values: Values) => {
    const body = toInput(values);
    if (!item) return onSaved(await call(routes.items.create, { body }));
    const edit = await call(routes.items.update, { params: { id: item.id }, body });
    onSaved(edit.saved, edit);
  };
  return (
    <FormModal<Values>
      title={item ? `编辑内容：${item.name}` : '新建内容'}
      width={640}
      initialValues={toValues(item)}
      fields={['name', 'title', 'text', 'media', 'fields']}
      save={save}
      onClose={onClose}
    >
      <ItemFormFields item={item} media={media} categories={categories} />
    </FormModal>
  );
}

/** The kind picks the fields below it; changing it loads that kind's defaults. */
function ItemFormFields({ item, media, categories }: Pick<Props, 'item' | 'media' | 'categories'>) {
  const form = Form.useFormInstance<Values>();
  const kind = Form.useWatch('kind', form) ?? item?.kind ?? 'notice';
  return (
    <>
      <Form.Item label="类型" name="kind">
        <Select
          disabled={item !== null}
          options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
          onChange={(k: ItemKind) => form.setFieldsValue(DEFAULTS[k] as Partial<Values>)}
        />
      </Form.Item>
      <Form.Item
        label="名称"
        name="name"
        rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label="播放时长（秒）" name="seconds" rules={[{ required: true, message: '请填写时长' }]}>
        <InputNumber min={1} max={86_400} />
      </Form.Item>
      <ItemFields kind={kind} media={media} categories={categories} />
    </>
  );
}
