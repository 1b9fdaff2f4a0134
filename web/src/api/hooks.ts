// Typed TanStack Query hooks over the motcua API.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, http } from './client';
import type {
  AdminUser, CalendarYear, Center, Counter, Department, DueDate, Field, ImportResult, Items, Me, Page,
  Procedure, ProcedureSummary, Role, TimeUnit,
} from './types';

export const keys = {
  me: ['me'] as const,
  fields: ['fields'] as const,
  procedures: (params: object) => ['procedures', params] as const,
  procedure: (code: string) => ['procedure', code] as const,
  centers: ['centers'] as const,
  roles: ['roles'] as const,
  users: (params: object) => ['users', params] as const,
  departments: (centerId: string | number) => ['departments', String(centerId)] as const,
  counters: (centerId: string | number) => ['counters', String(centerId)] as const,
  calendar: (year: number, center?: string) => ['calendar', year, center ?? ''] as const,
};

/** The signed-in user, or null when the server answers 401. */
export function useMe() {
  return useQuery<Me | null>({
    queryKey: keys.me,
    queryFn: async () => {
      try {
        return await http.get<Me>('/auth/me');
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => http.post<{ user: Me }>('/auth/login', body),
    onSuccess: async (data) => {
      qc.clear();
      if (data?.user) qc.setQueryData(keys.me, data.user);
      await qc.invalidateQueries({ queryKey: keys.me });
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => http.post<void>('/auth/logout'),
    onSettled: () => {
      qc.clear();
      qc.setQueryData(keys.me, null);
    },
  });
}

export function useFields() {
  return useQuery({
    queryKey: keys.fields,
    queryFn: () => http.get<Items<Field>>('/fields'),
    staleTime: 5 * 60_000,
    select: (d) => [...d.items].sort((a, b) => a.no - b.no),
  });
}

export interface ProcedureQuery {
  q?: string;
  field?: string;
  limit: number;
  offset: number;
  /** Staff catalog: also list procedures no longer applied. */
  includeInactive?: boolean;
}

export function useProcedures(params: ProcedureQuery) {
  return useQuery({
    queryKey: keys.procedures(params),
    queryFn: () => http.get<Page<ProcedureSummary>>('/procedures', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useProcedure(code: string | undefined) {
  return useQuery({
    queryKey: keys.procedure(code ?? ''),
    queryFn: () => http.get<Procedure>(`/procedures/${encodeURIComponent(code ?? '')}`),
    enabled: !!code,
    retry: (count, e) => !(e instanceof ApiError && e.status === 404) && count < 2,
  });
}

export function useSaveProcedure() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code?: string; body: Omit<Procedure, 'fieldName'> }) =>
      code ? http.put<Procedure>(`/procedures/${encodeURIComponent(code)}`, body) : http.post<Procedure>('/procedures', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['procedures'] });
      void qc.invalidateQueries({ queryKey: ['procedure'] });
      void qc.invalidateQueries({ queryKey: keys.fields });
    },
  });
}

export function useImportCatalog() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => http.post<ImportResult>('/catalog/import', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['procedures'] });
      void qc.invalidateQueries({ queryKey: ['procedure'] });
      void qc.invalidateQueries({ queryKey: keys.fields });
    },
  });
}

export function useDueDate(params: { receivedAt: string; unit: TimeUnit; value: number; cutoff?: string; center?: string } | null) {
  return useQuery({
    queryKey: ['due-date', params],
    queryFn: () => http.get<DueDate>('/calendar/due-date', { ...params }),
    enabled: !!params,
    retry: false,
  });
}

export function useCenters() {
  return useQuery({
    queryKey: keys.centers,
    queryFn: () => http.get<Items<Center>>('/centers'),
    staleTime: 5 * 60_000,
    select: (d) => d.items,
  });
}

export function useSaveCenter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string | number; body: Partial<Center> }) =>
      id !== undefined ? http.patch<Center>(`/admin/centers/${id}`, body) : http.post<Center>('/admin/centers', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.centers }),
  });
}

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: keys.roles,
    queryFn: () => http.get<Items<Role>>('/admin/roles'),
    staleTime: 5 * 60_000,
    enabled,
    select: (d) => d.items,
  });
}

export interface UserQuery {
  q?: string;
  /** center id */
  center?: string;
  role?: string;
  limit: number;
  offset: number;
}

export function useUsers(params: UserQuery) {
  return useQuery({
    queryKey: keys.users(params),
    queryFn: () => http.get<Page<AdminUser>>('/admin/users', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export interface UserInput {
  username?: string;
  fullName?: string;
  email?: string;
  password?: string;
  roles?: string[];
  centerId?: string | number | null;
  departmentId?: string | number | null;
  active?: boolean;
  unlock?: true;
}

export function useSaveUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string | number; body: UserInput }) =>
      id !== undefined ? http.patch<AdminUser>(`/admin/users/${id}`, body) : http.post<AdminUser>('/admin/users', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useDepartments(centerId: string | number | undefined | null) {
  return useQuery({
    queryKey: keys.departments(centerId ?? ''),
    queryFn: () => http.get<Items<Department>>(`/admin/centers/${centerId}/departments`),
    enabled: centerId !== undefined && centerId !== null && centerId !== '',
    select: (d) => d.items,
  });
}

export function useSaveDepartment(centerId: string | number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string | number; body: Partial<Department> }) =>
      id !== undefined ? http.patch<Department>(`/admin/departments/${id}`, body) : http.post<Department>(`/admin/centers/${centerId}/departments`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.departments(centerId) }),
  });
}

export function useCounters(centerId: string | number | undefined | null) {
  return useQuery({
    queryKey: keys.counters(centerId ?? ''),
    queryFn: () => http.get<Items<Counter>>(`/admin/centers/${centerId}/counters`),
    enabled: centerId !== undefined && centerId !== null && centerId !== '',
    select: (d) => d.items,
  });
}

export function useSaveCounter(centerId: string | number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string | number; body: Partial<Counter> }) =>
      id !== undefined ? http.patch<Counter>(`/admin/counters/${id}`, body) : http.post<Counter>(`/admin/centers/${centerId}/counters`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.counters(centerId) }),
  });
}

export function useCalendarDays(year: number, center?: string) {
  return useQuery({
    queryKey: keys.calendar(year, center),
    queryFn: () => http.get<CalendarYear>('/calendar/days', { year, center }),
    placeholderData: keepPreviousData,
  });
}

export function useAddOverride() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { date: string; kind: 'day_off' | 'working_day'; reason: string; center?: string }) =>
      http.post<unknown>('/admin/calendar/overrides', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['calendar'] }),
  });
}

export function useRemoveOverride() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string | number; reason: string }) => http.del<void>(`/admin/calendar/overrides/${id}`, { reason }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['calendar'] }),
  });
}
