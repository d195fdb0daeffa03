import { Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { LIST_FIELD_LABELS, ListField } from '../../core/credit/dataset.js';
import type { ItemKind } from '../../core/manifest/types.js';
import type { CategoryInfo } from '../../core/protocol/credit.js';
import type { MediaInfo } from '../../core/protocol/programs.js';

interface Props {
  kind: ItemKind;
  media: MediaInfo[];
  categories: CategoryInfo[];
}

const mediaOptions = (media: MediaInfo[], type: 'image' | 'video') =>
  media.filter((m) => m.type === type).map((m) => ({ value: m.hash, label: m.originalName }));

const STYLES = [
  { value: 'integrity', label: '诚信建设' },
  { value: 'commerce', label: '诚信兴商' },
  { value: 'traffic', label: '信用交通' },
  { value: 'lecture', label: '诚信大讲堂' },
  { value: 'urgent', label: '紧急' },
];

/** The fields of one item kind (the shared name and duration are in the modal). */
export function ItemFields({ kind, media, categories }: Props) {
  const required = (message: string) => [{ required: true, message }];
  switch (kind) {
    case 'list-board':
      return (
        <>
          <Form.Item label="名单" name={['selector', 'listType']} rules={required('请选择红榜或黑榜')}>
            <Radio.Group
              options={[
                { value: 'red', label: '红榜（守信激励）' },
                { value: 'black', label: '黑榜（失信惩戒）' },
              ]}
            />
          </Form.Item>
          <Form.Item
            label="类别"
            name="categories"
            extra="不选即为该名单的全部类别（以后新增的类别也会自动显示）"
          >
            <Select
              mode="multiple"
              allowClear
              placeholder="全部类别"
              options={categories.map((c) => ({
                value: c.id,
                label: `${c.name}（${c.listType === 'red' ? '红' : '黑'}）`,
              }))}
            />
          </Form.Item>
          <Form.Item label="显示方式" name="mode" rules={required('请选择显示方式')}>
            <Radio.Group
              options={[
                { value: 'paged', label: '分页' },
                { value: 'scroll', label: '滚动' },
                { value: 'marquee', label: '跑马灯' },
              ]}
            />
          </Form.Item>
          <Form.Item label="每页行数" name="rowsPerPage" rules={required('请填写每页行数')}>
            <InputNumber min={1} max={50} />
          </Form.Item>
          <Form.Item label="每页停留（秒）" name="dwellSec" rules={required('请填写停留时间')}>
            <InputNumber min={2} max={600} />
          </Form.Item>
          <Form.Item label="显示字段（按选择顺序）" name="fields" rules={required('至少选择一个字段')}>
            <Select
              mode="multiple"
              options={ListField.options.map((f) => ({ value: f, label: LIST_FIELD_LABELS[f] }))}
            />
          </Form.Item>
        </>
      );
    case 'image':
      return (
        <>
          <Form.Item label="图片" name="media" rules={required('请选择图片')}>
            <Select showSearch optionFilterProp="label" options={mediaOptions(media, 'image')} />
          </Form.Item>
          <Form.Item label="缩放" name="fit">
            <Radio.Group
              options={[
                { value: 'contain', label: '完整显示' },
                { value: 'cover', label: '铺满裁切' },
              ]}
            />
          </Form.Item>
        </>
      );
    case 'video':
      return (
        <>
          <Form.Item label="视频" name="media" rules={required('请选择视频')}>
            <Select showSearch optionFilterProp="label" options={mediaOptions(media, 'video')} />
          </Form.Item>
          <Form.Item
            label="播放到结束"
            name="playToEnd"
            valuePropName="checked"
            extra="关闭时按上面的时长截断"
          >
            <Switch />
          </Form.Item>
        </>
      );
    case 'notice':
      return (
        <>
          <Form.Item label="标题" name="title" rules={required('请填写标题')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label="正文" name="body">
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
          <Form.Item label="配图（可选）" name="media">
            <Select allowClear options={mediaOptions(media, 'image')} />
          </Form.Item>
          <Form.Item label="模板" name="style">
            <Select options={STYLES} />
          </Form.Item>
        </>
      );
    case 'ticker':
      return (
        <>
          <Form.Item label="字幕内容" name="text" rules={required('请填写字幕内容')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item label="速度（像素/秒，按 1080 高度）" name="speed">
            <InputNumber min={20} max={1000} />
          </Form.Item>
        </>
      );
    default:
      return null;
  }
}
