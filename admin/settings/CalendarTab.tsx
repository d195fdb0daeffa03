import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Flex, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { CalendarDay } from '../../core/protocol/credit.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { call, routeQuery } from '../lib/client.js';
import { useNotifyError } from '../lib/notify.js';
import { mergeDays, parseCalendarCsv } from './calendarCsv.js';

const KIND_OPTIONS = [
  { value: 'holiday', label: '放假' },
  { value: 'workday', label: '调休上班' },
];

/** 工作日历: a year's public holidays and make-up workdays (the takedown deadline counts working days). */
export function CalendarTab() {
  const [year, setYear] = useState(() => dayjs().year());
  const yearQuery = routeQuery(routes.calendar.get, { query: { year } });
  const saved = useQuery(yearQuery);
  const client = useQueryClient();
  const [days, setDays] = useState<CalendarDay[]>([]);
  const [dirty, setDirty] = useState(false);
  const [adding, setAdding] = useState<{ date: Dayjs | null; kind: CalendarDay['kind']; name: string }>({
    date: null,
    kind: 'holiday',
    name: '',
  });
  const [csv, setCsv] = useState('');
  const [csvErrors, setCsvErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const notifyError = useNotifyError();

  const discard = () => {
    setDays(mergeDays([], saved.data ?? []));
    setDirty(false);
  };
  // Each year's saved days, and each save's answer, replace what the table shows.
  useEffect(discard, [saved.data]);

  const edit = (next: CalendarDay[]) => {
    setDays(next);
    setDirty(true);
  };
  const addOne = () => {
    if (!adding.date) return;
    edit(
      mergeDays(days, [
        { date: adding.date.format('YYYY-MM-DD'), kind: adding.kind, name: adding.name.trim() },
      ]),
    );
    setAdding({ ...adding, date: null, name: '' });
  };
  const addCsv = () => {
    const { days: parsed, errors } = parseCalendarCsv(csv, year);
    setCsvErrors(errors);
    if (parsed.length > 0) edit(mergeDays(days, parsed));
    if (errors.length === 0) setCsv('');
  };
  const save = async () => {
    setBusy(true);
    try {
      const result = await call(routes.calendar.set, { params: { year: String(year) }, body: days });
      client.setQueryData(yearQuery.queryKey, result);
      void message.success(`已保存 ${year} 年工作日历`);
    } catch (err) {
      notifyError(err, '保存失败');
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<CalendarDay> = [
    { title: '日期', dataIndex: 'date', render: (d: string) => `${d}（${dayjs(d).format('dd')}）` },
    {
      title: '类型',
      dataIndex: 'kind',
      render: (k: CalendarDay['kind']) =>
        k === 'holiday' ? <Tag color="red">放假</Tag> : <Tag color="blue">调休上班</Tag>,
    },
    { title: '名称', dataIndex: 'name' },
    {
      title: '操作',
      key: 'remove',
      render: (_, day) => (
        <Button type="link" size="small" danger onClick={() => edit(days.filter((d) => d.date !== day.date))}>
          删除
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} style={{ maxWidth: 760 }}>
      {saved.error && <Alert type="error" showIcon title={saved.error.message} />}
      <Space wrap>
        <DatePicker
          picker="year"
          allowClear={false}
          value={dayjs(`${year}-01-01`)}
          onChange={(d) => d && setYear(d.year())}
          disabled={dirty}
        />
        {dirty && <Tag color="warning">有未保存的修改</Tag>}
        <Button
          type="primary"
          loading={busy}
          disabled={!dirty}
          onClick={() => void save()}
          data-testid="calendar-save"
        >
          保存 {year} 年日历
        </Button>
        {dirty && <Button onClick={discard}>放弃修改</Button>}
      </Space>
      <Alert
        type="info"
        showIcon
        title="周一至周五为工作日；这里只需列出法定节假日放假日期和周末调休上班日期。撤下的 3 个工作日法定时限按此计算。"
      />
      <Space wrap>
        <DatePicker
          value={adding.date}
          onChange={(date) => setAdding({ ...adding, date })}
          disabledDate={(d) => d.year() !== year}
        />
        <Select
          value={adding.kind}
          options={KIND_OPTIONS}
          onChange={(kind) => setAdding({ ...adding, kind })}
          style={{ width: 120 }}
        />
        <Input
          placeholder="名称，如：国庆节"
          value={adding.name}
          maxLength={50}
          onChange={(e) => setAdding({ ...adding, name: e.target.value })}
          style={{ width: 180 }}
        />
        <Button onClick={addOne} disabled={!adding.date}>
          添加
        </Button>
      </Space>
      <Input.TextArea
        rows={4}
        value={csv}
        onChange={(e) => setCsv(e.target.value)}
        placeholder={'粘贴 CSV，每行一天，例如：\n2026-10-01,holiday,国庆节\n2026-10-10,workday,国庆调休'}
        data-testid="calendar-csv-input"
      />
      <Flex>
        <Button onClick={addCsv} disabled={!csv.trim()} data-testid="calendar-csv-add">
          解析并加入
        </Button>
      </Flex>
      {csvErrors.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="以下行未加入"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {csvErrors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          }
        />
      )}
      <Table<CalendarDay>
        rowKey="date"
        size="small"
        loading={saved.isPending}
        dataSource={days}
        columns={columns}
        pagination={false}
      />
    </Flex>
  );
}
