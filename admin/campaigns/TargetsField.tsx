import { Flex, Radio, Select } from 'antd';
import type { ScreenStatus } from '../../core/protocol/events.js';
import type { Targets } from '../../core/protocol/programs.js';
import type { Group, Hall } from '../../core/protocol/rest.js';

export interface TargetOptions {
  halls: Hall[];
  groups: Group[];
  screens: ScreenStatus[];
}

interface Props extends TargetOptions {
  value?: Targets;
  onChange?: (value: Targets) => void;
}

export const NO_TARGETS: Targets = { all: false, hallIds: [], groupIds: [], screenIds: [] };

/** Where a campaign or notice shows: all screens, or chosen halls, groups and screens. */
export function TargetsField({ value = NO_TARGETS, onChange, halls, groups, screens }: Props) {
  const set = (patch: Partial<Targets>) => onChange?.({ ...value, ...patch });
  const options = (list: { id: string; name: string }[]) => list.map((x) => ({ value: x.id, label: x.name }));
  return (
    <Flex vertical gap={8}>
      <Radio.Group
        value={value.all ? 'all' : 'some'}
        onChange={(e) => set({ all: e.target.value === 'all' })}
        options={[
          { value: 'all', label: '全部屏幕' },
          { value: 'some', label: '指定大厅、分组或屏幕' },
        ]}
      />
      {!value.all && (
        <>
          <Select
            mode="multiple"
            placeholder="大厅"
            value={value.hallIds}
            onChange={(hallIds) => set({ hallIds })}
            options={options(halls)}
          />
          <Select
            mode="multiple"
            placeholder="屏幕分组"
            value={value.groupIds}
            onChange={(groupIds) => set({ groupIds })}
            options={options(groups)}
          />
          <Select
            mode="multiple"
            placeholder="单块屏幕"
            value={value.screenIds}
            onChange={(screenIds) => set({ screenIds })}
            options={options(screens.filter((s) => !s.revoked))}
            optionFilterProp="label"
          />
        </>
      )}
    </Flex>
  );
}
