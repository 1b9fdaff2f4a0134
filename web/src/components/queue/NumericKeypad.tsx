import type { TFunction } from 'i18next';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

/** An on-screen numeric keypad for the touch kiosk (no system keyboard pops up). */
export function NumericKeypad({ value, onChange, maxLength, t }: { value: string; onChange: (v: string) => void; maxLength: number; t: TFunction }) {
  const press = (k: (typeof KEYS)[number]) => {
    if (k === 'clear') onChange('');
    else if (k === 'back') onChange(value.slice(0, -1));
    else if (value.length < maxLength) onChange(value + k);
  };
  return (
    <div className="qk-keypad" role="group" aria-label={t('queue.kiosk.phoneTitle')}>
      {KEYS.map((k) => (
        <button
          key={k}
          type="button"
          className={`qk-key${k === 'clear' || k === 'back' ? ' qk-key-fn' : ''}`}
          onClick={() => press(k)}
          aria-label={k === 'clear' ? t('queue.kiosk.keyClear') : k === 'back' ? t('queue.kiosk.keyBack') : k}
        >
          {k === 'clear' ? t('queue.kiosk.keyClear') : k === 'back' ? '⌫' : k}
        </button>
      ))}
    </div>
  );
}

/** "0912345678" → "0912 345 678" (for display only). */
export function formatPhone(v: string): string {
  if (v.length <= 4) return v;
  if (v.length <= 7) return `${v.slice(0, 4)} ${v.slice(4)}`;
  return `${v.slice(0, 4)} ${v.slice(4, 7)} ${v.slice(7)}`;
}
