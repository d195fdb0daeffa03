import { Alert, Button, Checkbox, DatePicker, Form, Input, Radio, Select, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Campaign, CampaignInput, PlaylistInfo, Targets } from '../../core/protocol/programs.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { FormModal } from '../common/FormModal.js';
import { call } from '../lib/client.js';
import { PRIORITY_LABELS, SHARING_LABELS, WEEKDAY_LABELS } from './labels.js';
import { NO_TARGETS, type TargetOptions, TargetsField } from './TargetsField.js';

interface Props extends TargetOptions {
  campaign: Campaign | null;
  playlists: PlaylistInfo[];
  onClose: () => void;
  onSaved: (campaign: Campaign) => void;
}

interface Values {
  name: string;
  theme: string;
  range: [Dayjs, Dayjs];
  dayparts: [Dayjs, Dayjs][];
  weekdays: number[];
  excludedDates: Dayjs[];
  targets: Targets;
  priority: CampaignInput['priority'];
  playlistIds: string[];
  sharing: CampaignInput['sharing'];
}

const D = 'YYYY-MM-DD';
const hm = (s: string) => dayjs(`2000-01-01T${s}`);

function toValues(c: Campaign | null): Partial<Values> {
  if (!c)
    return {
      theme: '',
      dayparts: [],
      weekdays: [],
      excludedDates: [],
      targets: { ...NO_TARGETS, all: true },
      priority: 'normal',
      sharing: 'fill',
      playlistIds: [],
    };
  return {
    ...c,
    range: [dayjs(c.startDate), dayjs(c.endDate)],
    dayparts: c.dayparts.map((d) => [hm(d.start), hm(d.end)] as [Dayjs, Dayjs]),
    excludedDates: c.excludedDates.map((d) => dayjs(d)),
  };
}

function toInput(v: Values): CampaignInput {
  return {
    name: v.name.trim(),
    theme: (v.theme ?? '').trim(),
    startDate: v.range[0].format(D),
    endDate: v.range[1].format(D),
    dayparts: (v.dayparts ?? [])
      .filter(Boolean)
      .map(([s, e]) => ({ start: s.format('HH:mm'), end: e.format('HH:mm') })),
    weekdays: v.weekdays ?? [],
    excludedDates: (v.excludedDates ?? []).map((d) => d.format(D)),
    targets: v.targets,
    priority: v.priority,
    playlistIds: v.playlistIds,
    sharing: v.sharing,
  };
}

/** Creates or edits a campaign; editing an approved one sends it back to review. */
export function CampaignFormModal({ campaign, playlists, onClose, onSaved, ...targets }: Props) {
  const save = async (values: Values) => {
    const body = toInput(values);
    onSaved(
      campaign
        ? await call(routes.campaigns.update, { params: { id: campaign.id }, body })
        : await call(routes.campaigns.create, { body }),
    );
  };
  return (
    <FormModal<Values>
      title={campaign ? `编辑宣传活动：${campaign.name}` : '新建宣传活动'}
      width={720}
      initialValues={toValues(campaign)}
      fields={['name', 'theme', 'dayparts', 'weekdays', 'excludedDates', 'playlistIds']}
      save={save}
      onClose={onClose}
      notice={
        campaign?.approved && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="该活动已批准：保存修改后需重新审核，审核通过前屏幕继续播放已批准的版本"
          />
        )
      }
    >
      <Form.Item
        label="活动名称"
        name="name"
        rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
      >
        <Input maxLength={100} placeholder="例如：信用交通宣传月" />
      </Form.Item>
      <Form.Item label="主题" name="theme">
        <Input maxLength={200} placeholder="例如：诚实守信，一路畅行" />
      </Form.Item>
      <Form.Item label="日期" name="range" rules={[{ required: true, message: '请选择开始和结束日期' }]}>
        <DatePicker.RangePicker />
      </Form.Item>
      <Form.Item label="时段（不填为全天；结束早于开始表示跨过午夜）">
        <Form.List name="dayparts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Form.Item key={f.key} style={{ marginBottom: 8 }}>
                  <Form.Item name={f.name} noStyle rules={[{ required: true, message: '请选择时段' }]}>
                    <TimePicker.RangePicker format="HH:mm" order={false} minuteStep={5} />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(f.name)}>
                    删除
                  </Button>
                </Form.Item>
              ))}
              <Button type="dashed" size="small" onClick={() => add()}>
                ＋ 添加时段
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label="星期（不选为每天）" name="weekdays">
        <Checkbox.Group options={WEEKDAY_LABELS} />
      </Form.Item>
      <Form.Item label="排除日期" name="excludedDates">
        <DatePicker multiple maxTagCount="responsive" placeholder="例如节假日闭馆" />
      </Form.Item>
      <Form.Item label="投放范围" name="targets">
        <TargetsField {...targets} />
      </Form.Item>
      <Form.Item
        label="节目单"
        name="playlistIds"
        rules={[{ required: true, message: '请至少选择一个节目单' }]}
      >
        <Select
          mode="multiple"
          options={playlists.filter((p) => p.role === 'content').map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
      <Form.Item label="优先级" name="priority">
        <Radio.Group options={Object.entries(PRIORITY_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item label="与信用名单分享时间" name="sharing" extra="信用名单每小时的保底时长任何活动都不能占用">
        <Radio.Group options={Object.entries(SHARING_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
    </FormModal>
  );
}
