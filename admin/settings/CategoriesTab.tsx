import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { LIST_FIELD_LABELS } from '../../core/credit/dataset.js';
import type { CategoryInfo } from '../../core/protocol/credit.js';
import { ResourceTable } from '../common/resource/ResourceTable.js';
import { editAction } from '../common/resource/types.js';
import { categoriesQuery } from '../lib/queries.js';
import { ListTypeTag } from '../lists/tags.js';
import { categoryForm } from './categoryForm.js';

const columns: ColumnsType<CategoryInfo> = [
  { title: '名称', dataIndex: 'name' },
  {
    title: '类型',
    dataIndex: 'listType',
    render: (t: CategoryInfo['listType']) => <ListTypeTag listType={t} />,
  },
  { title: '公示期限规则', key: 'rules', render: (_, c) => <Tag>{c.windowRules.ruleSetVersion}</Tag> },
  {
    title: '自然人姓名',
    key: 'name',
    render: (_, c) =>
      c.publishPersonName ? '依法公开全名' : c.maskPolicy.personName === 'full' ? '全名' : '仅姓',
  },
  {
    title: '异议期间',
    dataIndex: 'objectionPolicy',
    render: (p: string) => (p === 'suspend' ? '暂停显示' : '继续显示'),
  },
  {
    title: '显示字段',
    dataIndex: 'fields',
    render: (fields: CategoryInfo['fields']) => fields.map((f) => LIST_FIELD_LABELS[f]).join('、'),
  },
];

/** 名单类别: list type, publication window, masking and objection policy per category. */
export function CategoriesTab() {
  return (
    <ResourceTable
      variant="tab"
      query={categoriesQuery}
      columns={columns}
      create={{ label: '新建类别', testId: 'category-create' }}
      form={categoryForm}
      actions={[editAction<CategoryInfo>('category-edit')]}
      table={{ scroll: { x: 'max-content' } }}
    />
  );
}
