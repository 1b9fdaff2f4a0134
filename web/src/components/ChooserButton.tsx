import type { ComponentPropsWithRef } from 'react';
import { DownIcon } from '../public-ui/icons';
import { useTranslation } from 'react-i18next';
import type { Center } from '../api/types';

/**
 * The public header's "which center" button: the same before and after the chooser's menu (CenterChooser, loaded at
 * the first click) takes it over; the menu's trigger props and ref pass through to the <button>.
 */
export function ChooserButton({ place, center, className, ...rest }: { place: string; center: Center | null } & ComponentPropsWithRef<'button'>) {
  const { t } = useTranslation();
  return (
    <button type="button" className={`brand-place brand-place-choose${className ? ` ${className}` : ''}`} title={t('public.chooseCenter')} aria-label={`${place}, ${t('public.chooseCenter')}: ${center?.name ?? ''}`} aria-haspopup="menu" {...rest}>
      {place} <DownIcon size={11} />
    </button>
  );
}
