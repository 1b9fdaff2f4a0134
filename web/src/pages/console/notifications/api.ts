// TanStack Query hooks over the notification API: the center's settings and a dossier's messages.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, http } from '../../../api/client';
import type { Answer, DossierMessage, NotifySettings, NotifySettingsBody } from '../../../api/types';

const keys = {
  settings: (center?: string) => ['notify', 'settings', center ?? ''] as const,
  dossier: (code: string, version: number) => ['notify', 'dossier', code, version] as const,
};

export function useNotifySettings(center: string | undefined, enabled: boolean) {
  return useQuery({ queryKey: keys.settings(center), queryFn: () => http.get<NotifySettings>('/notifications/settings', { center }), enabled });
}

export function useSaveNotifySettings(center: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NotifySettingsBody) => api<NotifySettings>('PUT', '/notifications/settings', body, { center }),
    onSuccess: (data) => qc.setQueryData(keys.settings(center), data),
  });
}

export function useSendTest(center: string | undefined) {
  return useMutation({
    mutationFn: (body: { channel: 'sms' | 'email'; to: string }) => api<Answer<'/api/v1/notifications/test', 'post'>>('POST', '/notifications/test', body, { center }),
  });
}

/**
 * A dossier's messages: read again after each change of the dossier (its version), and every 5 s while some are on
 * their way or the last change is under a minute old (the worker turns an event into messages within seconds).
 */
export function useDossierMessages(code: string, version: number, lastEventAt: string | null) {
  return useQuery({
    queryKey: keys.dossier(code, version),
    queryFn: () => http.get<{ items: DossierMessage[] }>(`/dossiers/${encodeURIComponent(code)}/notifications`),
    select: (d) => d.items,
    placeholderData: (previous) => previous,
    refetchInterval: (q) => {
      const pending = q.state.data?.items.some((m) => m.status === 'queued' || m.status === 'sending');
      const recent = lastEventAt !== null && Date.now() - Date.parse(lastEventAt) < 60_000;
      return pending || recent ? 5000 : false;
    },
  });
}
