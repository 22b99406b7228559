import pg from 'pg';
import type { Camunda8 } from '@camunda8/sdk';

/**
 * Start → notify the applicant by e-mail (the notify connector, through the stand-in
 * notification gateway, with the job key as idempotency key) → end. Three retries, 200 ms
 * back-off: an outage of the agency becomes an incident within a second or so.
 */
export const chaosModel = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="chaos-defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="chaos" isExecutable="true">
    <bpmn:startEvent id="s" />
    <bpmn:serviceTask id="notify">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="balcao:notify:1" retries="3" />
        <zeebe:ioMapping>
          <zeebe:input source="=&#34;citizen&#34;" target="account" />
          <zeebe:input source="=&#34;DSI&#34;" target="senderAgency" />
          <zeebe:input source="=&#34;chaos-test@1&#34;" target="template" />
          <zeebe:input source="=&#34;en&#34;" target="language" />
          <zeebe:input source="=email" target="email" />
          <zeebe:input source="=caseRef" target="caseRef" />
        </zeebe:ioMapping>
        <zeebe:taskHeaders>
          <zeebe:header key="retries" value="3" />
          <zeebe:header key="retryBackoff" value="200" />
          <zeebe:header key="timeout" value="3000" />
        </zeebe:taskHeaders>
      </bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:endEvent id="e" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="notify" />
    <bpmn:sequenceFlow id="f2" sourceRef="notify" targetRef="e" />
  </bpmn:process>
</bpmn:definitions>`;

export async function deployChaosProcess(camunda: Camunda8): Promise<void> {
  await camunda
    .getZeebeGrpcApiClient()
    .deployResource({ name: 'chaos.bpmn', process: Buffer.from(chaosModel) });
}

/** The e-mail address of instance `n` of a run: one recipient per instance. */
export const recipientOf = (run: string, n: number) => `${run}-${n}@example.mo`;

/** Reads the engine's state straight from the shared database (what every node sees). */
export async function queryEngine<R extends object>(
  databaseUrl: string,
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Waits until `check` gives a value; chaos runs recover on their own time, so poll. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 180_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until)
      throw new Error(
        `${what}: not reached in ${timeoutMs} ms${last instanceof Error ? ` (${last.message})` : ''}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
