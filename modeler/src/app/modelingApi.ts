import type { Paged } from '@balcao/web-shared';
import { api } from './services';

export interface DraftSummary {
  name: string;
  updatedAt: string;
  updatedBy: string;
  baseVersion: number | null;
}

export interface ProcessSummary {
  processId: string;
  name: string;
  agency: string | null;
  versions: { version: number; key: string; versionTag?: string }[];
  formIds: string[];
  draft: DraftSummary | null;
}

export interface FormSummary {
  formId: string;
  agency: string | null;
  versions: { version: number; key: string }[];
  draft: DraftSummary | null;
}

// A type (not an interface), so it fits the client's Query index signature.
export type ModelQuery = {
  q?: string | undefined;
  page?: number;
  pageSize?: number;
};

export interface Draft {
  kind: 'process' | 'form';
  id: string;
  agency: string;
  name: string;
  content: string;
  baseVersion: number | null;
  updatedAt: string;
}

export interface Deployed {
  deploymentKey: string;
  processes: { processId: string; version: number; key: string }[];
  forms: { formId: string; version: number; key: string }[];
}

/** The server's modeling routes (server/src/modeling). */
export const modelingApi = {
  /** A page of processes by id; `q` part of an id or name, `processId` exactly one. */
  processes: (query: ModelQuery & { processId?: string } = {}) =>
    api.get<Paged<ProcessSummary>>('/api/modeling/processes', query),
  forms: (query: ModelQuery = {}) => api.get<Paged<FormSummary>>('/api/modeling/forms', query),
  async processXml(processId: string, version?: number): Promise<string> {
    const query = version ? `?version=${version}` : '';
    const res = await fetch(
      `/api/modeling/processes/${encodeURIComponent(processId)}/xml${query}`,
      {
        credentials: 'same-origin',
      },
    );
    if (!res.ok) throw new Error(`${res.status}`);
    return res.text();
  },
  form: (formId: string, version?: number) =>
    api.get<{ formId: string; version: number; schema: FormSchema }>(
      `/api/modeling/forms/${encodeURIComponent(formId)}`,
      { version },
    ),
  draft: (kind: 'process' | 'form', id: string) =>
    api.get<Draft>(`/api/modeling/drafts/${kind}/${encodeURIComponent(id)}`),
  saveDraft: (
    kind: 'process' | 'form',
    id: string,
    body: { name: string; content: string; baseVersion?: number | null },
  ) => api.put<Draft>(`/api/modeling/drafts/${kind}/${encodeURIComponent(id)}`, body),
  discardDraft: (kind: 'process' | 'form', id: string) =>
    api.delete(`/api/modeling/drafts/${kind}/${encodeURIComponent(id)}`),
  deploy: (resources: { name: string; content: string }[]) =>
    api.post<Deployed>('/api/modeling/deployments', { resources }),
  elementTemplates: () => api.get<Record<string, unknown>[]>('/api/modeling/element-templates'),
};

/** A Form.io form as the library stores it: English labels, translations in `i18n`. */
export interface FormSchema {
  formId: string;
  title?: string | Record<string, string>;
  display?: string;
  components: Record<string, unknown>[];
  i18n?: Record<string, Record<string, string>>;
  [key: string]: unknown;
}
