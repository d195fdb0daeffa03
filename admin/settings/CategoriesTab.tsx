import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { LIST_FIELD_LABELS } from '../../core/credit/dataset.js';
import type { CategoryInfo } from '../../core/protocol/credit.js';
import { upsertById } from '../lib/collections.js';
import { categoriesApi } from '../lib/endpoints.js';
import { useResource } from '../lib/useResource.js';
import { ListTypeTag } from '../lists/tags.js';
import { CategoryFormModal } from './CategoryFormModal.js';

function columns(onEdit: (c: CategoryInfo) => void): ColumnsType<CategoryInfo> {
  return [
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
    {
      title: '操作',
      key: 'actions',
      render: (_, c) => (
        <Button type="link" size="small" onClick={() => onEdit(c)} data-testid="category-edit">
          编辑
        </Button>
      ),
    },
  ];
}

/** 名单类别: list type, publication window, masking and objection policy per category. */
export function CategoriesTab() {
  const categories = useResource(categoriesApi.list);
  const { message } = App.useApp();
  const [editing, setEditing] = useState<CategoryInfo | 'new' | null>(null);

  return (
    <Flex vertical gap={16}>
      {categories.error && <Alert type="error" showIcon title={categories.error.message} />}
      <Flex>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          data-testid="category-create"
        >
          新建类别
        </Button>
      </Flex>
      <Table<CategoryInfo>
        rowKey="id"
        size="small"
        loading={categories.loading}
        dataSource={categories.data ?? []}
        columns={columns(setEditing)}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      {editing && (
        <CategoryFormModal
          category={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            categories.setData((list) => upsertById(list, saved));
            setEditing(null);
            void message.success('已保存');
          }}
        />
      )}
    </Flex>
  );
}
