// TanStack Query hooks over the queue API (/api/v1/queue/…).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, http } from '../../api/client';
import type { Answer, Body, IssueInput, QueueBoard, QueueCounter, QueueFollow, QueueIssued, QueueKiosk, QueueStats, QueueStatsQuery, QueueTicketHistory } from '../../api/types';
import type { paths } from '../../api/schema.gen';

export const queueKeys = {
  kiosk: (center: string) => ['queue', 'kiosk', center] as const,
  board: (center: string) => ['queue', 'board', center] as const,
  counters: (center: string) => ['queue', 'counters', center] as const,
  follow: (id: string) => ['queue', 'follow', id] as const,
  stats: (params: object) => ['queue', 'stats', params] as const,
  history: (id: string) => ['queue', 'history', id] as const,
};

export const fetchTicketHistory = (id: string) => http.get<QueueTicketHistory>(`/queue/tickets/${encodeURIComponent(id)}/history`);

/** A ticket's record for the staff: its events and the dossiers linked to it. */
export function useTicketHistory(id: string | undefined) {
  return useQuery({ queryKey: queueKeys.history(id ?? ''), queryFn: () => fetchTicketHistory(id ?? ''), enabled: !!id });
}

const notFoundIsFinal = (count: number, e: unknown) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && count < 3;

/** Fields (and service groups) a visitor can take a number for, the counters serving them, priority categories. */
export function useKiosk(center: string) {
  return useQuery({
    queryKey: queueKeys.kiosk(center),
    queryFn: () => http.get<QueueKiosk>('/queue/kiosk', { center }),
    enabled: !!center,
    refetchInterval: 30_000,
    retry: notFoundIsFinal,
  });
}

export function useIssueTicket() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IssueInput) => http.post<QueueIssued>('/queue/tickets', body),
    onSuccess: (_d, v) => void qc.invalidateQueries({ queryKey: queueKeys.kiosk(v.center) }),
  });
}

export function fetchBoard(center: string) {
  return http.get<QueueBoard>('/queue/board', { center });
}

/** The phone follow page: polls every 10 s while the ticket can still change. */
export function useFollow(id: string) {
  return useQuery({
    queryKey: queueKeys.follow(id),
    queryFn: () => http.get<QueueFollow>(`/queue/tickets/${encodeURIComponent(id)}`),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'no_show') ? false : 10_000),
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    retry: notFoundIsFinal,
  });
}

export function useQueueCounters(center: string | undefined) {
  return useQuery({
    queryKey: queueKeys.counters(center ?? ''),
    queryFn: () => http.get<Answer<'/api/v1/queue/counters'>>('/queue/counters', { center }),
    enabled: !!center,
    select: (d) => d.items,
  });
}

/** The actions at a counter: the last segment of POST /queue/counters/{id}/… */
export type CounterAction = keyof paths extends infer P ? (P extends `/api/v1/queue/counters/{id}/${infer A}` ? A : never) : never;
type Answered<A extends CounterAction> = Answer<`/api/v1/queue/counters/{id}/${A}`, 'post'>;

/** What a ticket action answers (each fills some of these: the ticket, the one it closed, a no-show, linked dossiers). */
export type CounterActionResult = Partial<Answered<'call-next'> & Answered<'recall'> & Answered<'finish'>>;

/** One action at a counter; the counters list is refreshed afterwards (whatever the outcome). */
export function useCounterAction(center: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ counterId, action, body }: { counterId: string; action: CounterAction; body?: unknown }) =>
      http.post<CounterActionResult | QueueCounter | undefined>(`/queue/counters/${counterId}/${action}`, body),
    onSettled: () => void qc.invalidateQueries({ queryKey: queueKeys.counters(center ?? '') }),
  });
}

export function useTransferTicket(center: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ ticketId, field }: { ticketId: string } & Body<'/api/v1/queue/tickets/{id}/transfer', 'post'>) =>
      http.post<Answer<'/api/v1/queue/tickets/{id}/transfer', 'post'>>(`/queue/tickets/${ticketId}/transfer`, { field }),
    onSettled: () => void qc.invalidateQueries({ queryKey: queueKeys.counters(center ?? '') }),
  });
}

export function useQueueStats(params: QueueStatsQuery, enabled: boolean) {
  return useQuery({
    queryKey: queueKeys.stats(params),
    queryFn: () => http.get<QueueStats>('/queue/stats', { ...params }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
