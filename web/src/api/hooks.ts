// Typed TanStack Query hooks over the motcua API.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, http } from './client';
import type {
  AdminUser, Answer, Body, CalendarOverrideBody, CalendarYear, Center, CenterBody, Counter, CounterBody, Department, DepartmentBody, DueDate,
  DueDateQuery, ImportResult, Me, Procedure, ProcedureBody, ProcedurePage, ProcedureQuery, UserChange, UserCreate, UserPage, UserQuery,
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
    mutationFn: (body: Body<'/api/v1/auth/login', 'post'>) => http.post<Answer<'/api/v1/auth/login', 'post'>>('/auth/login', body),
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
    queryFn: () => http.get<Answer<'/api/v1/fields'>>('/fields'),
    staleTime: 5 * 60_000,
    select: (d) => [...d.items].sort((a, b) => a.no - b.no),
  });
}

export function useProcedures(params: ProcedureQuery) {
  return useQuery({
    queryKey: keys.procedures(params),
    queryFn: () => http.get<ProcedurePage>('/procedures', { ...params }),
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
    mutationFn: ({ code, body }: { code?: string; body: ProcedureBody }) =>
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

export function useDueDate(params: DueDateQuery | null) {
  return useQuery({
    queryKey: ['due-date', params],
    queryFn: () => http.get<DueDate>('/calendar/due-date', { ...params }),
    enabled: !!params,
    retry: false,
  });
}

// One request for both: the list of centers and which one the public pages show first.
const centersQuery = {
  queryKey: keys.centers,
  queryFn: () => http.get<Answer<'/api/v1/centers'>>('/centers'),
  staleTime: 5 * 60_000,
};

export function useCenters() {
  return useQuery({ ...centersQuery, select: (d) => d.items });
}

/** The code of the center the public pages show first (the installation's configured one). */
export function useDefaultCenter() {
  return useQuery({ ...centersQuery, select: (d) => d.defaultCenter }).data ?? null;
}

export function useSaveCenter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CenterBody | Body<'/api/v1/admin/centers/{id}', 'patch'> }) =>
      id !== undefined ? http.patch<Center>(`/admin/centers/${id}`, body) : http.post<Center>('/admin/centers', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.centers }),
  });
}

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: keys.roles,
    queryFn: () => http.get<Answer<'/api/v1/admin/roles'>>('/admin/roles'),
    staleTime: 5 * 60_000,
    enabled,
    select: (d) => d.items,
  });
}

export function useUsers(params: UserQuery) {
  return useQuery({
    queryKey: keys.users(params),
    queryFn: () => http.get<UserPage>('/admin/users', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: UserCreate | UserChange }) =>
      id !== undefined ? http.patch<AdminUser>(`/admin/users/${id}`, body) : http.post<AdminUser>('/admin/users', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useDepartments(centerId: string | undefined | null) {
  return useQuery({
    queryKey: keys.departments(centerId ?? ''),
    queryFn: () => http.get<Answer<'/api/v1/admin/centers/{id}/departments'>>(`/admin/centers/${centerId}/departments`),
    enabled: centerId !== undefined && centerId !== null && centerId !== '',
    select: (d) => d.items,
  });
}

export function useSaveDepartment(centerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: DepartmentBody | Body<'/api/v1/admin/departments/{id}', 'patch'> }) =>
      id !== undefined ? http.patch<Department>(`/admin/departments/${id}`, body) : http.post<Department>(`/admin/centers/${centerId}/departments`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.departments(centerId) }),
  });
}

export function useCounters(centerId: string | undefined | null) {
  return useQuery({
    queryKey: keys.counters(centerId ?? ''),
    queryFn: () => http.get<Answer<'/api/v1/admin/centers/{id}/counters'>>(`/admin/centers/${centerId}/counters`),
    enabled: centerId !== undefined && centerId !== null && centerId !== '',
    select: (d) => d.items,
  });
}

export function useSaveCounter(centerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CounterBody | Body<'/api/v1/admin/counters/{id}', 'patch'> }) =>
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
    mutationFn: (body: CalendarOverrideBody) =>
      http.post<Answer<'/api/v1/admin/calendar/overrides', 'post'>>('/admin/calendar/overrides', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['calendar'] }),
  });
}

export function useRemoveOverride() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string } & Body<'/api/v1/admin/calendar/overrides/{id}', 'delete'>) => http.del<void>(`/admin/calendar/overrides/${id}`, { reason }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['calendar'] }),
  });
}
