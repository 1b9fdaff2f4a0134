import { useCallback, useSyncExternalStore } from 'react';
import { useCenters, useDefaultCenter } from '../api/hooks';
import type { Center } from '../api/types';

const KEY = 'motcua.center';
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** The center a citizen is looking at (remembered), defaulting to the installation's own (MOTCUA_DEFAULT_CENTER). */
export function usePublicCenter(): { center: Center | null; centers: Center[]; choose: (code: string) => void } {
  const centers = useCenters().data ?? [];
  const fallback = useDefaultCenter();
  const stored = useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    read,
    () => null,
  );
  const choose = useCallback((code: string) => {
    try {
      localStorage.setItem(KEY, code);
    } catch {
      /* ignore */
    }
    listeners.forEach((l) => l());
  }, []);
  const center = centers.find((c) => c.code === stored) ?? centers.find((c) => c.code === fallback) ?? centers[0] ?? null;
  return { center, centers, choose };
}

/** "Trung tâm Hành chính công thị xã Hương Thủy" → "TTHCC thị xã Hương Thủy", for narrow table cells. */
export function abbreviateCenter(name: string): string {
  return name.replace(/^trung tâm (phục vụ )?hành chính công\s*/iu, 'TTHCC ');
}

/** "Trung tâm Hành chính công thị xã Hương Thủy" → "thị xã Hương Thủy" (the header already says the first part). */
export function placeName(center: { name: string; shortName?: string | null } | null | undefined): string {
  if (!center) return '';
  const name = center.name.trim();
  const m = /^trung tâm (phục vụ )?hành chính công\s*(.*)$/iu.exec(name);
  if (m && m[2]) return m[2];
  return center.shortName?.trim() || name;
}
