// Control and urging over the API: the caller's notifications (with the live unread count of
// /notifications/stream), urging a dossier or a department, and the late-dossier report.
import { useEffect, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, http, newIdempotencyKey, withQuery } from '../../../api/client';
import type { DepartmentUrge, DepartmentUrgeBody, LateQuery, LateReport, NotificationPage, Urge } from '../../../api/types';
import { dossierKeys, dossierPath } from '../dossiers/api';

export const controlKeys = {
  unread: ['notifications', 'unread'] as const,
  list: (params: object) => ['notifications', 'list', params] as const,
  late: (q: object) => ['reports', 'late', q] as const,
};

/**
 * The unread count, kept live by the server's event stream (any app instance's change reaches it). If the stream cannot
 * be opened the count is read once a minute instead.
 */
export function useUnreadCount(enabled: boolean) {
  const qc = useQueryClient();
  const [streamDown, setStreamDown] = useState(false);
  const q = useQuery({
    queryKey: controlKeys.unread,
    queryFn: () => http.get<{ unread: number }>('/notifications/unread'),
    enabled,
    refetchInterval: streamDown ? 60_000 : false,
  });
  useEffect(() => {
    if (!enabled) return;
    if (typeof EventSource === 'undefined') {
      setStreamDown(true);
      return;
    }
    const es = new EventSource(`${API_BASE}/notifications/stream`);
    es.addEventListener('unread', (e) => {
      const { unread } = JSON.parse((e as MessageEvent<string>).data) as { unread: number };
      const before = qc.getQueryData<{ unread: number }>(controlKeys.unread)?.unread;
      qc.setQueryData(controlKeys.unread, { unread });
      if (before !== unread) void qc.invalidateQueries({ queryKey: ['notifications', 'list'] });
    });
    es.onerror = () => {
      // The browser retries by itself; a closed stream (the session ended) is not retried: fall back to reading.
      if (es.readyState === EventSource.CLOSED) setStreamDown(true);
    };
    return () => es.close();
  }, [enabled, qc]);
  return q.data?.unread ?? 0;
}

export function useNotifications(params: { unread?: '1'; limit: number; offset: number }, enabled = true) {
  return useQuery({
    queryKey: controlKeys.list(params),
    queryFn: () => http.get<NotificationPage>('/notifications', { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number | 'all') => (id === 'all' ? http.post<{ unread: number }>('/notifications/read-all') : http.post<{ unread: number }>(`/notifications/${id}/read`)),
    onSuccess: (r) => {
      qc.setQueryData(controlKeys.unread, { unread: r.unread });
      void qc.invalidateQueries({ queryKey: ['notifications', 'list'] });
    },
  });
}

/** Urges a dossier (one key per opened form: a double click urges once). */
export function useUrgeDossier(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ note, key }: { note: string; key: string }) => http.post<Urge>(`${dossierPath(code)}/urge`, { note }, { 'idempotency-key': key }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: dossierKeys.detail(code) }),
  });
}

export function useUrgeDepartment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, key }: { id: string; body: DepartmentUrgeBody; key: string }) =>
      http.post<DepartmentUrge>(`/departments/${encodeURIComponent(id)}/urge`, body, { 'idempotency-key': key }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['dossiers'] }),
  });
}

export { newIdempotencyKey };

export function useLateReport(q: LateQuery) {
  return useQuery({ queryKey: controlKeys.late(q), queryFn: () => http.get<LateReport>('/reports/late', { ...q }), placeholderData: keepPreviousData });
}

export const lateFileUrl = (q: Record<string, string | undefined>) => `${API_BASE}${withQuery('/reports/late.xlsx', q)}`;

/** Working minutes as people read them: "9 giờ", "1 ngày 1,5 giờ" (a working day of office hours). */
export function workingTime(t: (k: string, o?: Record<string, unknown>) => string, minutes: number, dayMinutes: number, lang: string): string {
  if (minutes <= 0) return t('control.late.zero');
  const fmt = (n: number) => n.toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 2 });
  const days = Math.floor(minutes / dayMinutes);
  const hours = (minutes - days * dayMinutes) / 60;
  if (!days) return t('control.late.hours', { n: fmt(hours) });
  return hours ? t('control.late.days', { d: days, h: fmt(hours) }) : t('control.late.daysOnly', { d: days });
}
