// The reports API (/api/v1/dashboard, /reports/…) for the console: types, hooks, and links from a figure to the
// dossier list that counts it (the list's ?stat= filter uses the server's same predicates).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, withQuery } from '../../../api/client';

export interface Figures {
  received: { total: number; online: number; direct: number; carriedOver: number };
  settled: { total: number; early: number; onTime: number; late: number; withdrawn: number; rejected: number };
  inProgress: { total: number; withinTime: number; overdue: number };
  refused: number;
  onTimeRate: number | null;
}
export interface Ref { id: string; name: string }
export interface CenterRef { id: string; code: string; name: string }
export interface Period { from: string; to: string }
export interface Share { key: string; name: string; settled: number; early: number; onTime: number; late: number; onTimeRate: number | null }
export interface OverdueDossier {
  code: string; centerId: string; procedure: { code: string; name: string }; field: string; department: Ref | null;
  step: { index: number; name: string; role: string } | null; holder: string; assignee: string | null; dueAt: string; legalDueAt: string;
  paused: boolean; overdueWorkingDays: number;
}
export interface Dashboard {
  center: CenterRef | null; department: Ref | null; generatedAt: string;
  today: { period: Period; figures: Figures }; month: { period: Period; figures: Figures };
  overdue: number; atRisk: number; queue: { waiting: number; averageWaitMinutes: number | null; served: number } | null;
  byField: Share[]; byDepartment: Share[]; mostOverdue: OverdueDossier[];
}
export type GroupBy = 'field' | 'department';
export interface SettlementRow extends Figures { key: string; name: string }
export interface Settlement { from: string; to: string; asOf: string; groupBy: GroupBy; center: CenterRef | null; department: Ref | null; rows: SettlementRow[]; total: Figures }
export interface MonthlyReport {
  id: string; month: string; center: CenterRef; status: 'generating' | 'ready' | 'failed'; periodFrom: string; periodTo: string;
  generatedAt: string | null; asOf: string | null; total: Figures | null; error: string | null;
  mail: { status: 'off' | 'no_recipients' | 'sent' | 'failed' | null; recipients: string[]; mailedAt: string | null; error: string | null };
}

export function useDashboard(center: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['reports', 'dashboard', center ?? ''],
    queryFn: () => http.get<Dashboard>('/dashboard', { center }),
    enabled,
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useSettlement(q: { from: string; to: string; groupBy: GroupBy; center?: string }) {
  return useQuery({ queryKey: ['reports', 'settlement', q], queryFn: () => http.get<Settlement>('/reports/settlement', { ...q }), placeholderData: keepPreviousData });
}

export function useMonthlyReports(center: string | undefined, enabled: boolean) {
  return useQuery({ queryKey: ['reports', 'monthly', center ?? ''], queryFn: () => http.get<{ items: MonthlyReport[] }>('/reports/monthly', { center }), enabled });
}

export function useRecipients(center: string | undefined, enabled: boolean) {
  return useQuery({ queryKey: ['reports', 'recipients', center ?? ''], queryFn: () => http.get<{ center: CenterRef; recipients: string[] }>('/reports/recipients', { center }), enabled });
}

export function useSaveRecipients() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { center?: string; recipients: string[] }) => http.put<{ center: CenterRef; recipients: string[] }>('/reports/recipients', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['reports', 'recipients'] }),
  });
}

export type Stat =
  | 'received' | 'received_online' | 'received_direct' | 'carried_over' | 'settled' | 'settled_early' | 'settled_on_time' | 'settled_late'
  | 'settled_withdrawn' | 'settled_rejected' | 'in_progress' | 'in_progress_within' | 'in_progress_overdue' | 'refused' | 'overdue' | 'at_risk';

/** The dossier list of one figure: same stat, period, center and group as the figure. */
export function statLink(stat: Stat, o: { period?: Period; center?: string | null; field?: string; department?: string } = {}): string {
  return withQuery('/console/dossiers', { stat, from: o.period?.from, to: o.period?.to, center: o.center ?? undefined, field: o.field, department: o.department });
}

export const reportFileUrl = (ext: 'xlsx' | 'pdf', q: Record<string, string | undefined>) => `/api/v1${withQuery(`/reports/settlement.${ext}`, q)}`;
export const monthlyFileUrl = (id: string, ext: 'xlsx' | 'pdf') => `/api/v1/reports/monthly/${id}.${ext}`;

export const percent = (r: number | null, lang: string) => (r === null ? '—' : `${(r * 100).toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 1 })}%`);
