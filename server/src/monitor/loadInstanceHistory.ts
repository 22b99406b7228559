import { z } from 'zod';
import type { Camunda8 } from '@camunda8/sdk';

type RestClient = ReturnType<Camunda8['getCamundaRestClient']>;

/** Longest variable value the monitor shows; the whole value stays in the engine. */
export const VALUE_PREVIEW = 300;
/** Most element instances and variables one instance page lists. */
const DETAIL_LIMIT = 1000;

export const historyEntrySchema = z.object({
  elementInstanceKey: z.string(),
  elementId: z.string(),
  type: z.string(),
  state: z.enum(['ACTIVE', 'COMPLETED', 'TERMINATED']),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  hasIncident: z.boolean(),
});

export const variableEntrySchema = z.object({
  name: z.string(),
  value: z.string(),
  truncated: z.boolean(),
  /** 'process' for the instance's own variables, else the element id of the local scope. */
  scope: z.string(),
  scopeKey: z.string(),
});

export const diagramStateSchema = z.object({
  active: z.array(z.string()),
  completed: z.array(z.string()),
  terminated: z.array(z.string()),
  failed: z.array(z.string()),
});

interface ElementInstance {
  elementInstanceKey: string;
  elementId: string;
  type: string;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  startDate?: string;
  endDate?: string;
  hasIncident: boolean;
}

interface Variable {
  name: string;
  value: string;
  isTruncated: boolean;
  scopeKey: string;
}

/**
 * An instance's element history, diagram marks and variables, read through Camunda's public
 * searches (ADR 0011), so it works the same against a Camunda 8 cluster.
 */
export async function loadInstanceHistory(rest: RestClient, instanceKey: string) {
  const [elements, variables] = await Promise.all([
    rest.searchElementInstances({
      filter: { processInstanceKey: instanceKey },
      sort: [{ field: 'startDate', order: 'ASC' }],
      page: { limit: DETAIL_LIMIT },
    } as never),
    rest.searchVariables({
      filter: { processInstanceKey: instanceKey },
      sort: [{ field: 'name', order: 'ASC' }],
      page: { limit: DETAIL_LIMIT },
    } as never),
  ]);
  const all = elements.items as unknown as ElementInstance[];
  // The process is an element instance of itself: its times are the instance's.
  const steps = all.filter((e) => e.type !== 'PROCESS');
  const scopes = new Map(all.map((e) => [e.elementInstanceKey, e]));
  return {
    history: steps.map((e) => ({
      elementInstanceKey: e.elementInstanceKey,
      elementId: e.elementId,
      type: e.type,
      state: e.state,
      startedAt: e.startDate ?? null,
      endedAt: e.endDate ?? null,
      hasIncident: e.hasIncident,
    })),
    historyTotal: Math.max(0, Number(elements.page.totalItems) - (all.length - steps.length)),
    diagram: diagramState(steps),
    variables: (variables.items as unknown as Variable[]).map((v) => {
      const scope = scopes.get(v.scopeKey);
      return {
        name: v.name,
        value: v.value.slice(0, VALUE_PREVIEW),
        truncated: v.isTruncated || v.value.length > VALUE_PREVIEW,
        scope: v.scopeKey === instanceKey || !scope ? 'process' : scope.elementId,
        scopeKey: v.scopeKey,
      };
    }),
    variablesTotal: Number(variables.page.totalItems),
  };
}

/**
 * One mark per element of the diagram: failed (an open incident) over active over completed
 * over terminated, as an element run in a loop may have instances in several states.
 */
function diagramState(steps: ElementInstance[]): z.infer<typeof diagramStateSchema> {
  const rank = (e: ElementInstance) =>
    e.hasIncident ? 3 : e.state === 'ACTIVE' ? 2 : e.state === 'COMPLETED' ? 1 : 0;
  const best = new Map<string, number>();
  for (const e of steps) best.set(e.elementId, Math.max(best.get(e.elementId) ?? -1, rank(e)));
  const ids = (r: number) => [...best].filter(([, v]) => v === r).map(([id]) => id);
  return { failed: ids(3), active: ids(2), completed: ids(1), terminated: ids(0) };
}
