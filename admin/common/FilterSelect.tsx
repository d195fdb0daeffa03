import { Select } from 'antd';

interface Props {
  /** What no choice means, e.g. 全部大厅. */
  placeholder: string;
  width: number;
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  items: ReadonlyArray<{ id: string; name: string }>;
}

/** A clearable filter over named things (halls, campaigns) by id. */
export function FilterSelect({ placeholder, width, value, onChange, items }: Props) {
  return (
    <Select
      allowClear
      placeholder={placeholder}
      style={{ width }}
      value={value}
      onChange={onChange}
      options={items.map((x) => ({ value: x.id, label: x.name }))}
    />
  );
}
