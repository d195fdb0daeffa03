import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';

/** The primary ＋ button beside a page's title that opens its create dialog. */
export function CreateButton({
  label,
  testId,
  onClick,
}: {
  label: string;
  testId: string;
  onClick: () => void;
}) {
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={onClick} data-testid={testId}>
      {label}
    </Button>
  );
}
