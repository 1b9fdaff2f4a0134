import { Dropdown } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Center } from '../api/types';

/** The public header's center chooser (more than one center): loaded on its own, after the page (PublicLayout). */
export default function CenterChooser({ centers, center, place, choose }: { centers: Center[]; center: Center | null; place: string; choose: (code: string) => void }) {
  const { t } = useTranslation();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: centers.map((c) => ({ key: c.code, label: c.name })),
        selectable: true,
        selectedKeys: center ? [center.code] : [],
        onClick: ({ key }) => choose(key),
      }}
    >
      <button type="button" className="brand-place brand-place-choose" title={t('public.chooseCenter')} aria-label={`${place}, ${t('public.chooseCenter')}: ${center?.name ?? ''}`}>
        {place} <DownOutlined style={{ fontSize: 10 }} />
      </button>
    </Dropdown>
  );
}
