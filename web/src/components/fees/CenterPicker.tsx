import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCenters, useMe } from '../../api/hooks';

/**
 * Province-wide accounts (no center of their own) must name the center whose money they look at; everyone else
 * is held to their own center by the server. Returns the center to send (undefined = the user's own) and a picker
 * to show only when one is needed.
 */
export function useFeeCenter() {
  const me = useMe().data;
  const wide = !!me && !me.center;
  const [center, setCenter] = useState<string>();
  const picker = wide ? <CenterSelect value={center} onChange={setCenter} /> : null;
  return { center: wide ? center : undefined, ready: !wide || !!center, picker };
}

function CenterSelect({ value, onChange }: { value?: string; onChange: (v?: string) => void }) {
  const { t } = useTranslation();
  const centers = useCenters();
  return (
    <Select
      className="toolbar-select-wide"
      placeholder={t('fees.chooseCenter')}
      value={value}
      onChange={onChange}
      loading={centers.isPending}
      options={(centers.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
      popupMatchSelectWidth={false}
      aria-label={t('fees.center')}
    />
  );
}
