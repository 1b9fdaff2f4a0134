// Light components of our own for the public pages (home, catalog, a procedure, the look-up, sign-in): plain HTML
// elements styled by ui.css, so a citizen's phone downloads no component library. Native elements keep keyboard use,
// focus and screen-reader names for free; every field has a <label>, every message a role.
import { forwardRef, useEffect, useId, useState, type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorText } from '../lib/errorText';
import { ErrorIcon, InfoIcon, SearchIcon, WarnIcon } from './icons';
import './ui.css';

type Variant = 'primary' | 'default' | 'link' | 'header';

export const Button = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: 'large' | 'small'; block?: boolean; loading?: boolean; icon?: ReactNode }>(
  function Button({ variant = 'default', size, block, loading, icon, className, children, type = 'button', disabled, ...rest }, ref) {
    const cls = ['pu-btn', `pu-btn-${variant}`, size ? `pu-btn-${size}` : '', block ? 'pu-btn-block' : '', className ?? ''].filter(Boolean).join(' ');
    return (
      <button ref={ref} type={type} className={cls} disabled={disabled || loading} aria-busy={loading || undefined} {...rest}>
        {loading ? <span className="pu-spin pu-spin-small" aria-hidden="true" /> : icon}
        {children}
      </button>
    );
  },
);

export const Input = forwardRef<HTMLInputElement, Omit<InputHTMLAttributes<HTMLInputElement>, 'prefix'> & { prefix?: ReactNode; inputSize?: 'large' }>(
  function Input({ prefix, inputSize, className, ...rest }, ref) {
    const input = <input ref={ref} className={`pu-input${inputSize ? ` pu-input-${inputSize}` : ''}${prefix ? ' pu-input-bare' : ''}${className && !prefix ? ` ${className}` : ''}`} {...rest} />;
    if (!prefix) return input;
    return (
      <span className={`pu-affix${inputSize ? ` pu-input-${inputSize}` : ''}${className ? ` ${className}` : ''}`}>
        <span className="pu-prefix">{prefix}</span>
        {input}
      </span>
    );
  },
);

/** A labelled field: the label, the control, a hint and an error tied to it (aria-describedby). */
export function Field({ label, hint, error, children, id }: { label: ReactNode; hint?: ReactNode; error?: string | null; id: string; children: ReactNode }) {
  return (
    <div className={`pu-field${error ? ' pu-field-error' : ''}`}>
      <label className="pu-label" htmlFor={id}>{label}</label>
      {children}
      {hint && <div id={`${id}-hint`} className="pu-hint">{hint}</div>}
      {error && <div id={`${id}-error`} className="pu-error-text" role="alert">{error}</div>}
    </div>
  );
}

/** A search form: a text box and its button; Enter or the button submits; the box is named by aria-label. */
export function SearchBox({ value, onChange, onSearch, placeholder, label, button, className, large, inputProps }: {
  value: string; onChange: (v: string) => void; onSearch: (v: string) => void; placeholder: string; label: string; button: ReactNode;
  className?: string; large?: boolean; inputProps?: InputHTMLAttributes<HTMLInputElement>;
}) {
  return (
    <form className={`pu-search${large ? ' pu-search-large' : ''}${className ? ` ${className}` : ''}`} role="search" onSubmit={(e) => { e.preventDefault(); onSearch(value); }}>
      <input type="search" className="pu-input pu-search-input" value={value} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} aria-label={label} enterKeyHint="search" {...inputProps} />
      <button type="submit" className="pu-btn pu-btn-primary pu-search-btn">
        {button}
      </button>
    </form>
  );
}

/** A native select: the phone's own picker, labelled. */
export function Select({ value, onChange, options, placeholder, label, className }: {
  value: string; onChange: (v: string) => void; options: { value: string; label: string }[]; placeholder: string; label: string; className?: string;
}) {
  return (
    <select className={`pu-input pu-select${className ? ` ${className}` : ''}`} value={value} onChange={(e) => onChange(e.target.value)} aria-label={label}>
      <option value="">{placeholder}</option>
      {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
    </select>
  );
}

export function Alert({ type = 'info', title, id, className, ...rest }: { type?: 'info' | 'warning' | 'error' | 'success'; title: ReactNode; id?: string; className?: string; role?: string; 'data-testid'?: string }) {
  const icon = type === 'error' ? <ErrorIcon /> : type === 'warning' ? <WarnIcon /> : <InfoIcon />;
  return (
    <div id={id} className={`pu-alert pu-alert-${type}${className ? ` ${className}` : ''}`} {...rest}>
      <span className="pu-alert-icon">{icon}</span>
      <div className="pu-alert-body">{title}</div>
    </div>
  );
}

/** A bordered block; its title is an h3 (the page's title is the h1/h2 above). */
export function Card({ title, children, className, id, level = 3, extra, ...rest }: {
  title?: ReactNode; children: ReactNode; className?: string; id?: string; 'data-testid'?: string;
  /** The title's heading level: 1 when the card is the page (the citizen's pages). */ level?: 1 | 2 | 3;
  /** Beside the title (a status, a button). */ extra?: ReactNode;
}) {
  const headingId = useId();
  const H = `h${level}` as const;
  return (
    <section className={`pu-card${className ? ` ${className}` : ''}`} id={id} aria-labelledby={title ? headingId : undefined} {...rest}>
      {title && (extra ? (
        <div className="pu-card-head pu-card-head-extra"><H className="pu-card-title" id={headingId}>{title}</H><div className="pu-card-extra">{extra}</div></div>
      ) : <H className="pu-card-head" id={headingId}>{title}</H>)}
      <div className="pu-card-body">{children}</div>
    </section>
  );
}

export function Tag({ children, color, className, title, ...rest }: { children: ReactNode; color?: string; className?: string; title?: string; 'data-status'?: string }) {
  return <span className={`pu-tag pu-tag-${color ?? 'default'}${className ? ` ${className}` : ''}`} title={title} {...rest}>{children}</span>;
}

export function Spinner({ label }: { label?: string }) {
  return <span className="pu-spin" role="status" aria-label={label} />;
}

/** Grey bars while a page's data arrives (aria-busy on the block, one "loading" for screen readers). */
export function Skeleton({ rows = 4 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div className="pu-skeleton" role="status" aria-busy="true" aria-label={t('common.loading')}>
      {Array.from({ length: rows }, (_, i) => <div key={i} className="pu-skeleton-row" style={{ width: `${i === rows - 1 ? 60 : 100 - (i % 3) * 8}%` }} />)}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="pu-empty">{children}</div>;
}

/** An error in the reader's words, with "try again" when the server may answer next time. */
export function ErrorBox({ error, onRetry, extra }: { error: unknown; onRetry?: () => void; extra?: ReactNode }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError ? error.status : 0;
  const title = status === 404 ? t('errors.notFoundTitle') : status === 403 ? t('errors.forbiddenTitle') : t('errors.title');
  return (
    <div className="pu-result" role="alert">
      <div className="pu-result-title">{title}</div>
      <p className="pu-result-text">{errorText(t, error)}</p>
      {extra ?? (onRetry && status !== 404 && status !== 403 ? <Button onClick={onRetry}>{t('common.retry')}</Button> : null)}
    </div>
  );
}

/** Page numbers (a window around the current page) or, on a phone, previous / "3 / 12" / next. */
export function Pagination({ current, pageSize, total, onChange, compact, className }: {
  current: number; pageSize: number; total: number; onChange: (page: number) => void; compact?: boolean; className?: string;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const nums: (number | '…')[] = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - current) <= 2) nums.push(p);
    else if (nums[nums.length - 1] !== '…') nums.push('…');
  }
  return (
    <nav className={`pu-pagination${className ? ` ${className}` : ''}`} aria-label={t('public.pagination')}>
      <button type="button" className="pu-page" disabled={current <= 1} onClick={() => onChange(current - 1)} aria-label={t('public.prevPage')}>‹</button>
      {compact ? (
        <span className="pu-page-info">{current} / {pages}</span>
      ) : (
        nums.map((n, i) =>
          n === '…' ? <span key={`e${i}`} className="pu-page-gap" aria-hidden="true">…</span> : (
            <button type="button" key={n} className={`pu-page${n === current ? ' pu-page-current' : ''}`} aria-current={n === current ? 'page' : undefined} aria-label={t('public.page', { page: n })} onClick={() => onChange(n)}>{n}</button>
          ),
        )
      )}
      <button type="button" className="pu-page" disabled={current >= pages} onClick={() => onChange(current + 1)} aria-label={t('public.nextPage')}>›</button>
    </nav>
  );
}

/** True when the window is at least `min` px wide (CSS media query), following resizes. */
export function useMinWidth(min: number): boolean {
  const query = `(min-width: ${min}px)`;
  const [match, setMatch] = useState(() => typeof window !== 'undefined' && window.matchMedia(query).matches);
  useEffect(() => {
    const m = window.matchMedia(query);
    setMatch(m.matches);
    const on = () => setMatch(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, [query]);
  return match;
}

export { SearchIcon };

export type Column<T> = {
  title: ReactNode;
  key?: string;
  dataIndex?: keyof T & string;
  width?: number;
  align?: 'center';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a cell's value has the type of its column
  render?: (value: any, row: T, index: number) => ReactNode;
};

/** A plain table with a header row (th scope="col"): the catalog and a procedure's fees, documents and steps. */
export function Table<T>({ columns, data, rowKey, className, empty }: {
  columns: Column<T>[]; data: T[]; rowKey: (row: T, index: number) => string | number; className?: string; empty?: ReactNode;
}) {
  return (
    <div className={`pu-table-wrap${className ? ` ${className}` : ''}`}>
      <table className="pu-table">
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={c.key ?? c.dataIndex ?? i} scope="col" className={c.align === 'center' ? 'center' : undefined} style={c.width ? { width: c.width } : undefined}>{c.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.length === 0 && empty ? (
            <tr><td colSpan={columns.length}>{empty}</td></tr>
          ) : data.map((row, r) => (
            <tr key={rowKey(row, r)}>
              {columns.map((c, i) => {
                const value = c.dataIndex ? row[c.dataIndex] : undefined;
                return (
                  <td key={c.key ?? c.dataIndex ?? i} className={c.align === 'center' ? 'center' : undefined}>
                    {c.render ? c.render(value, row, r) : (value as ReactNode)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Radio buttons in a fieldset whose legend names the group; each choice is a native radio with its own label. */
export function RadioGroup<V extends string>({ legend, name, value, onChange, options, className, ...rest }: {
  legend: ReactNode; name: string; value: V; onChange: (v: V) => void; options: { value: V; label: ReactNode }[]; className?: string; 'data-testid'?: string;
}) {
  return (
    <fieldset className={`pu-radios${className ? ` ${className}` : ''}`} {...rest}>
      <legend className="pu-label">{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="pu-radio">
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
