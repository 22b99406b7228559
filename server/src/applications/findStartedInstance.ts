import type { Camunda8 } from '@camunda8/sdk';
import type { ApplicationRow } from './applicationQueries';

/** Camunda 8.8's ProcessInstanceResult (the fields the starter reads). */
export interface StartedInstance {
  processInstanceKey: string;
  state: string;
  endDate?: string;
  parentProcessInstanceKey?: string;
}

/**
 * The process instance an earlier attempt already created for an application, if any: an
 * instance of its process whose `caseRef` (a start variable) is the application number. A start
 * can create the instance and then fail to record its key (the node died, the update failed);
 * retrying blindly would run the procedure twice. Through the REST search, so it works against
 * a Camunda 8 cluster too, whose search trails the engine by its exporter lag (seconds, well
 * under the starter's retry delay).
 */
export async function findStartedInstance(
  camunda: Camunda8,
  app: Pick<ApplicationRow, 'process_id' | 'number'>,
): Promise<StartedInstance | undefined> {
  const page = (await camunda.getCamundaRestClient().searchProcessInstances({
    filter: {
      processDefinitionId: app.process_id,
      variables: [{ name: 'caseRef', value: JSON.stringify(app.number) }],
    },
    sort: [{ field: 'processInstanceKey', order: 'ASC' }],
    page: { from: 0, limit: 10 },
  })) as unknown as { items: StartedInstance[] };
  // A call activity copies caseRef into its child: only a top-level instance is a start.
  return page.items.find((instance) => !instance.parentProcessInstanceKey);
}
