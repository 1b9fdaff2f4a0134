import { useEffect, useRef } from 'react';
import type { Center } from '../api/types';
import { ChooserButton } from './ChooserButton';

/**
 * The public header's center chooser (more than one center): a menu of our own, loaded on its own after the page
 * (PublicLayout) at the first click. Keyboard: arrows move, Enter picks, Escape closes and returns to the button.
 */
export default function CenterChooser({ centers, center, place, choose, open, onOpenChange }: {
  centers: Center[]; center: Center | null; place: string; choose: (code: string) => void; open: boolean; onOpenChange: (open: boolean) => void;
}) {
  const wrap = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!open) return;
    const items = menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]');
    const current = Array.from(items ?? []).find((b) => b.getAttribute('aria-current') === 'true') ?? items?.[0];
    current?.focus();
    const away = (e: MouseEvent) => {
      if (!wrap.current?.contains(e.target as Node)) onOpenChange(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open, onOpenChange]);
  const onKey = (e: React.KeyboardEvent) => {
    const items = Array.from(menu.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown') { e.preventDefault(); items[(i + 1) % items.length]?.focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); items[(i - 1 + items.length) % items.length]?.focus(); }
    else if (e.key === 'Home') { e.preventDefault(); items[0]?.focus(); }
    else if (e.key === 'End') { e.preventDefault(); items[items.length - 1]?.focus(); }
    else if (e.key === 'Escape' || e.key === 'Tab') { onOpenChange(false); if (e.key === 'Escape') button.current?.focus(); }
  };
  return (
    <span className="pu-menu-wrap" ref={wrap}>
      <ChooserButton ref={button} place={place} center={center} aria-expanded={open} onClick={() => onOpenChange(!open)} />
      {open && (
        <ul className="pu-menu" role="menu" ref={menu} onKeyDown={onKey}>
          {centers.map((c) => (
            <li key={c.code} role="none">
              <button
                type="button"
                role="menuitem"
                className="pu-menu-item"
                aria-current={center?.code === c.code ? 'true' : undefined}
                tabIndex={-1}
                onClick={() => {
                  choose(c.code);
                  onOpenChange(false);
                  button.current?.focus();
                }}
              >
                {c.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
