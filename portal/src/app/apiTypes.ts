import type { Text3 } from '@balcao/web-shared';

/** Shapes of the server's API (see /api/openapi.json), as far as the pages use them. */
export interface Service {
  processId: string;
  version: number;
  name: Text3;
  description: Text3;
  agency: string;
  category: string;
  audience: string;
  start: string;
  startFormId: string | null;
  fees: { item: Text3; amountMop: number; condition?: Text3 }[];
  requiredDocuments: Text3[];
  processingTime: { workingDays: number; urgentWorkingDays?: number };
  channels: string[];
  /** Messages staff of the agency may send to a waiting application (e.g. debts settled). */
  staffMessages: { name: string; label: Text3 }[];
}

export interface FormSchema {
  title?: Text3 | string;
  components?: FormComponent[];
  i18n?: Record<string, Record<string, string>>;
  prefill?: { key: string; from: string; path: string }[];
  [key: string]: unknown;
}

export interface FormComponent {
  type?: string;
  key?: string;
  label?: string;
  input?: boolean;
  values?: { label: string; value: string }[];
  data?: { values?: { label: string; value: string }[] };
  components?: FormComponent[];
  columns?: { components?: FormComponent[] }[];
  [key: string]: unknown;
}

export interface Draft {
  id: string;
  processId: string;
  data: Record<string, unknown>;
  updatedAt: string;
}

export type ApplicationStatus =
  'submitted' | 'in-progress' | 'awaiting-citizen' | 'completed' | 'rejected' | 'withdrawn';

export interface ApplicationSummary {
  number: string;
  processId: string;
  service: { name: Text3 } | null;
  agency: string;
  currentAgency: string;
  status: ApplicationStatus;
  submittedAt: string;
  updatedAt: string;
  expectedBy: string | null;
  sla: { state: string; dueDate: string | null };
  owedCount: number;
}

export interface Milestone {
  id: string;
  label: Text3;
  agency: string | null;
  state: 'done' | 'active';
  startedAt: string;
  completedAt: string | null;
}

export interface IssuedDocument {
  verificationCode: string;
  title: string;
  issuer?: string;
  issuedAt: string;
  downloadUrl: string;
  verifyUrl: string;
}

export interface Owed {
  taskId: string;
  kind: string;
  label: Text3;
  formId: string | null;
  dueAt: string | null;
  /** Where the citizen acts outside Balcão (the payment page). */
  actionUrl?: string | null;
}

export interface ApplicationDetail extends ApplicationSummary {
  data: Record<string, unknown>;
  timeline: Milestone[];
  documents: IssuedDocument[];
  owed: Owed[];
}

export interface Task {
  id: string;
  name: string;
  label: Text3 | string | null;
  processId: string;
  elementId: string;
  applicationNumber: string | null;
  agency: string | null;
  candidateGroups: string[];
  assignee: string | null;
  createdAt: string;
  dueAt: string | null;
  priority: number | null;
  formId: string | null;
  state: string;
}

export interface TaskDetail extends Task {
  form: FormSchema | null;
  data: Record<string, unknown>;
  application?: ApplicationDetail | null;
  comments: { author: string; text: string; at: string }[];
  history: { at: string; what: string; who: string | null }[];
}

export interface TaskCounts {
  all: number;
  mine: number;
  unassigned: number;
  overdue: number;
}

export interface SavedView {
  id: string;
  name: string;
  filter: Record<string, string>;
}

export interface Notification {
  id: string;
  caseRef: string | null;
  title: Text3 | string;
  body: Text3 | string;
  createdAt: string;
  readAt: string | null;
}
