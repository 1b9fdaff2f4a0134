import { Dropdown } from 'antd';
import type { Center } from '../api/types';
import { ChooserButton } from './ChooserButton';

/** The public header's center chooser (more than one center): loaded on its own, after the page (PublicLayout). */
export default function CenterChooser({ centers, center, place, choose, open, onOpenChange }: {
  centers: Center[]; center: Center | null; place: string; choose: (code: string) => void; open: boolean; onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dropdown
      trigger={['click']}
      open={open}
      onOpenChange={onOpenChange}
      menu={{
        items: centers.map((c) => ({ key: c.code, label: c.name })),
        selectable: true,
        selectedKeys: center ? [center.code] : [],
        onClick: ({ key }) => {
          choose(key);
          onOpenChange(false);
        },
      }}
    >
      <ChooserButton place={place} center={center} />
    </Dropdown>
  );
}
