import { expect } from 'vitest';
import type { SignedIn } from './apiHarness';
import type { TestBalcao } from './balcaoHarness';
import { eventually } from './eventually';

export interface Task {
  id: string;
  kind: string;
  agency: string | null;
  assignee: string | null;
  dueAt: string | null;
  priority: number;
}
export interface Page {
  items: Task[];
  page: { page: number; pageSize: number; total: number; hasMore: boolean };
}
export interface FieldErrors {
  error: { code: string; fields: { path: string; in: string; message: string }[] };
}

/** The inbox as a clerk reads it, and instances started to fill it. */
export function inboxKit(t: TestBalcao) {
  const list = async (who: SignedIn, query: string) => {
    const res = await who.call(`/api/tasks?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Page;
  };
  const start = (
    bpmnProcessId: string,
    variables: Record<string, string | number | boolean | { name: string }>,
  ) => t.camunda.getZeebeGrpcApiClient().createProcessInstance({ bpmnProcessId, variables });
  /** The first page of `query` once it holds `count` tasks. */
  const inboxOf = (what: string, who: SignedIn, query: string, count = 1) =>
    eventually(what, async () => {
      const page = await list(who, query);
      return page.items.length >= count ? page.items : undefined;
    });
  return { list, start, inboxOf };
}
