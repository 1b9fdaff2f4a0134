import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../../api/client';
import type { Answer, Body } from '../../../api/types';

const keys = { state: ['auth', 'two-factor'] as const, kiosks: (center?: string) => ['queue', 'kiosk-devices', center ?? ''] as const };

export const useTwoFactor = () => useQuery({ queryKey: keys.state, queryFn: () => http.get<Answer<'/api/v1/auth/two-factor'>>('/auth/two-factor') });

function useRefreshing<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.state });
      void qc.invalidateQueries({ queryKey: ['me'] });
    },
  });
}
export const useTwoFactorSetup = () => useMutation({
  mutationFn: (b: Body<'/api/v1/auth/two-factor/setup', 'post'>) => http.post<Answer<'/api/v1/auth/two-factor/setup', 'post'>>('/auth/two-factor/setup', b),
});
export const useTwoFactorEnable = () => useRefreshing((b: Body<'/api/v1/auth/two-factor/enable', 'post'>) =>
  http.post<Answer<'/api/v1/auth/two-factor/enable', 'post'>>('/auth/two-factor/enable', b));
export const useTwoFactorDisable = () => useRefreshing((b: Body<'/api/v1/auth/two-factor/disable', 'post'>) => http.post<void>('/auth/two-factor/disable', b));

export const useKiosks = (center?: string) => useQuery({
  queryKey: keys.kiosks(center),
  queryFn: () => http.get<Answer<'/api/v1/queue/kiosk-devices'>>('/queue/kiosk-devices', center ? { center } : undefined),
});
export function usePairKiosk() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: Body<'/api/v1/queue/kiosk-devices', 'post'>) => http.post<Answer<'/api/v1/queue/kiosk-devices', 'post'>>('/queue/kiosk-devices', b),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['queue', 'kiosk-devices'] }),
  });
}
export function useRevokeKiosk() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, center }: { id: string; center?: string }) => http.post(`/queue/kiosk-devices/${id}/revoke`, center ? { center } : {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['queue', 'kiosk-devices'] }),
  });
}
