import { expect } from 'vitest';
import type { SignedIn } from './apiHarness';
import type { TestBalcao } from './balcaoHarness';
import { eventually } from './eventually';

// Steps of the process library's journeys over HTTP, shared by the library's server tests.

export interface Task {
  id: string;
  elementId: string;
}

/** Applies for a service; the answer as it came. */
export function apply(
  who: SignedIn,
  processId: string,
  data: Record<string, unknown>,
  language = 'en',
): Promise<Response> {
  return who.call('/api/applications', { method: 'POST', body: { processId, language, data } });
}

/** The number of an application the server accepted (201). */
export async function applied(res: Response): Promise<string> {
  const body = (await res.json()) as { number: string };
  expect({ status: res.status, body }).toMatchObject({ status: 201 });
  return body.number;
}

/** The task `elementId` of an application, once it is in `who`'s inbox. */
export function taskOf(who: SignedIn, number: string, elementId: string): Promise<Task> {
  return eventually(`task ${elementId} of ${number}`, async () => {
    const list = (await (await who.call(`/api/tasks?applicationNumber=${number}`)).json()) as {
      items: Task[];
    };
    return list.items.find((task) => task.elementId === elementId);
  });
}

/** A clerk claims the task and completes it with `data`. */
export async function complete(
  clerk: SignedIn,
  task: Task,
  data: Record<string, unknown>,
): Promise<void> {
  expect((await clerk.call(`/api/tasks/${task.id}/claim`, { method: 'POST' })).status).toBe(200);
  const done = await clerk.call(`/api/tasks/${task.id}/complete`, {
    method: 'POST',
    body: { data },
  });
  expect(done.status).toBe(200);
}

/**
 * Waits until the active instance of `processId` for the case waits at `elementId`, as the
 * monitor shows it to an admin; resolves with its variables (values as JSON text).
 */
export async function instanceWaitingAt(
  t: TestBalcao,
  processId: string,
  caseRef: string,
  elementId: string,
): Promise<Record<string, string>> {
  const admin = await t.signIn('admin');
  let seen = '';
  return eventually(
    `${caseRef} waiting at ${elementId}`,
    async () => {
      const list = (await (
        await admin.call(`/api/monitor/instances?processId=${processId}&state=ACTIVE`)
      ).json()) as { items: { key: string }[] };
      for (const { key } of list.items) {
        const detail = (await (await admin.call(`/api/monitor/instances/${key}`)).json()) as {
          diagram: { active: string[] };
          variables: { name: string; value: string }[];
        };
        const vars = Object.fromEntries(detail.variables.map((v) => [v.name, v.value]));
        if (vars.caseRef !== JSON.stringify(caseRef)) continue;
        seen = JSON.stringify(detail.diagram.active);
        if (detail.diagram.active.includes(elementId)) return vars;
      }
      return undefined;
    },
    () => seen,
  );
}

/** The field errors of a 400 VALIDATION_FAILED answer. */
export async function fieldErrors(
  res: Response,
): Promise<{ path: string; in: string; message: string }[]> {
  const body = (await res.json()) as {
    error: { code: string; fields: { path: string; in: string; message: string }[] };
  };
  expect({ status: res.status, code: body.error.code }).toEqual({
    status: 400,
    code: 'VALIDATION_FAILED',
  });
  return body.error.fields;
}
