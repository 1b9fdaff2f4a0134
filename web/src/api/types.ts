// Shapes of the motcua REST API (/api/v1) as the web app uses them.

export interface Ref {
  id: string | number;
  code: string;
  name: string;
}

export interface Me {
  id: string | number;
  username: string;
  fullName: string;
  roles: string[];
  roleNames: string[];
  permissions: string[];
  center: Ref | null;
  department: Ref | null;
}

export interface Field {
  code: string;
  no: number;
  name: string;
  procedureCount: number;
}

export type TimeUnit = 'working_days' | 'working_hours' | 'same_day';

export interface ProcessingTime {
  unit: TimeUnit;
  value: number;
  note?: string | null;
  calendarDays?: boolean | null;
  /** Same-day procedures: after this time (HH:MM) the result is due the next working day. */
  cutoff?: string | null;
}

export type FeeUnit = 'per_dossier' | 'per_page' | 'per_copy';

export interface Fee {
  name: string;
  amount: number | null;
  unit: FeeUnit;
  cap: number | null;
  note?: string | null;
}

export interface ProcedureSummary {
  code: string;
  name: string;
  field: string;
  fieldName: string;
  agency: string;
  processingTime: ProcessingTime;
  fees: Fee[];
  onlineLevel: number;
  active?: boolean;
}

export interface RequiredDocument {
  name: string;
  original: number;
  copy: number;
  mandatory: boolean;
}

export interface WorkflowStep {
  order: number;
  name: string;
  role: string;
  unit: string;
  budget: { unit: 'working_days' | 'working_hours'; value: number };
}

export interface Procedure extends ProcedureSummary {
  decidingAuthority: string;
  requiredDocuments: RequiredDocument[];
  result: string;
  legalBasis: string[];
  interAgency: string[];
  workflow: WorkflowStep[];
  source?: string | null;
  estimatedFields: string[];
  active: boolean;
  confidence?: string | null;
  notes?: string | null;
  updatedAt?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Items<T> {
  items: T[];
}

export interface Center {
  id: string | number;
  code: string;
  name: string;
  shortName: string;
  level: string;
  address: string;
  phone: string;
  email?: string;
  saturdayMorningOpen: boolean;
  active: boolean;
}

export interface Role {
  code: string;
  name: string;
  nameEn?: string;
  permissions: string[];
}

export interface AdminUser {
  id: string | number;
  username: string;
  fullName: string;
  email: string;
  roles: string[];
  center: Ref | null;
  department: Ref | null;
  active: boolean;
  lockedUntil: string | null;
}

export interface Department {
  id: string | number;
  code: string;
  name: string;
  fieldCodes: string[];
  active?: boolean;
}

export interface Counter {
  id: string | number;
  number: number;
  name: string;
  fieldCodes: string[];
  active: boolean;
}

export interface DueDate {
  dueAt: string;
  receiptDay: string;
  effectiveReceivedAt?: string;
  moved?: boolean;
}

export type CalendarDayKind = 'day_off' | 'makeup';
export type CalendarSource = 'announced' | 'statutory' | 'admin';

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  source: CalendarSource;
  name?: string | null;
  reason?: string | null;
  overrideId?: string | number | null;
}

export interface CalendarYear {
  year: number;
  center: Ref | null;
  saturdayMorningOpen: boolean;
  items: CalendarDay[];
}

export interface ImportResult {
  created: number;
  updated: number;
  errors: { code: string; message: string }[];
}
