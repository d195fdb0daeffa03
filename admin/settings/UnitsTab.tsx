import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Flex, Input, Table } from 'antd';
import { useState } from 'react';
import { type Unit, UnitInput } from '../../core/protocol/credit.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { toApiError } from '../lib/api.js';
import { call } from '../lib/client.js';
import { unitsQuery } from '../lib/queries.js';

/** 成员单位: the member units that submit lists; add one by name. */
export function UnitsTab() {
  const units = useQuery(unitsQuery);
  const client = useQueryClient();
  const { message } = App.useApp();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const add = async () => {
    const parsed = UnitInput.safeParse({ name });
    if (!parsed.success) {
      setError('请输入单位名称（最多 100 字）');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const unit = await call(routes.units.create, { body: parsed.data });
      client.setQueryData<Unit[]>(unitsQuery.queryKey, (list) => [...(list ?? []), unit]);
      setName('');
      void message.success(`已添加「${unit.name}」`);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 640 }}>
      {units.error && <Alert type="error" showIcon title={units.error.message} />}
      <Flex gap={8}>
        <Input
          value={name}
          maxLength={100}
          placeholder="例如：国家税务总局某市税务局"
          onChange={(e) => setName(e.target.value)}
          onPressEnter={() => void add()}
          data-testid="unit-name-input"
        />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          loading={busy}
          onClick={() => void add()}
          data-testid="unit-add"
        >
          添加单位
        </Button>
      </Flex>
      {error && <Alert type="error" showIcon title={error} />}
      <Table<Unit>
        rowKey="id"
        size="small"
        loading={units.isPending}
        dataSource={units.data ?? []}
        columns={[{ title: '成员单位', dataIndex: 'name' }]}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="还没有成员单位" /> }}
      />
    </Flex>
  );
}
