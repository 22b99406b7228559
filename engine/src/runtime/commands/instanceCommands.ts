import type { RootQuery } from '../../state/loadInstanceState';
import { ValueType } from '../../log/EngineEvent';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { beginVariableUpdate, restartTaskListeners } from '../listeners/taskListeners';
import { propagateVariables, setLocalVariables } from '../variables/variables';
import { retryAdHocCompletion } from '../adHoc/adHocProgress';
import { reject } from './EngineRejection';

/** The root of the instance tree that holds an element instance (or process instance). */
export function rootOfElement(elementInstanceKey: number, action: string): RootQuery {
  return {
    sql: `(select p.root_key from engine_process_instance p where p.key = $1 and p.state = 'ACTIVE'
     union all
     select p.root_key from engine_element_instance e join engine_process_instance p on p.key = e.process_instance_key
      where e.key = $1
     limit 1)`,
    params: [elementInstanceKey],
    notFound: () =>
      reject.notFound(
        `Expected to ${action} with key '${elementInstanceKey}', but no such element was found.`,
      ),
  };
}

export function cancelProcessInstance(life: Lifecycle, processInstanceKey: number): void {
  const instance = life.ctx.state.processInstances.get(processInstanceKey);
  if (!instance || instance.state !== 'ACTIVE') {
    throw reject.notFound(
      `Expected to cancel a process instance with key '${processInstanceKey}', but no such process was found.`,
    );
  }
  if (instance.parentInstanceKey !== null) {
    throw reject.invalidState(
      `Expected to cancel a process instance with key '${processInstanceKey}', but it is created by a parent process instance. Cancel the root process instance '${instance.rootKey}' instead.`,
    );
  }
  life.terminate(processInstanceKey);
}

export function setVariables(
  life: Lifecycle,
  input: { elementInstanceKey: number; variables: Record<string, unknown>; local: boolean },
): void {
  const element = life.instance(input.elementInstanceKey);
  if (!element) {
    throw reject.notFound(
      `Expected to update variables for element with key '${input.elementInstanceKey}', but no such element was found.`,
    );
  }
  // On a Camunda user task with updating listeners, the variables wait for them.
  const task = life.ctx.state.userTasks.find(
    (t) => t.elementInstanceKey === element.key && t.state === 'CREATED',
  );
  if (task && beginVariableUpdate(life, task, input.variables, input.local)) return;
  if (input.local)
    setLocalVariables(life.ctx, element.key, element.processInstanceKey, input.variables);
  else propagateVariables(life.ctx, element.key, element.processInstanceKey, input.variables);
}

export function rootOfIncident(incidentKey: number): RootQuery {
  return {
    sql: 'select p.root_key from engine_incident i join engine_process_instance p on p.key = i.process_instance_key where i.key = $1',
    params: [incidentKey],
    notFound: () =>
      reject.notFound(
        `Expected to resolve incident with key '${incidentKey}', but no such incident was found.`,
      ),
  };
}

/** Resolves an incident and runs the step that failed again. */
export function resolveIncident(life: Lifecycle, incidentKey: number): void {
  const ctx = life.ctx;
  const incident = ctx.state.incidents.get(incidentKey);
  if (!incident) {
    throw reject.notFound(
      `Expected to resolve incident with key '${incidentKey}', but no such incident was found.`,
    );
  }
  const job = incident.jobKey === null ? undefined : ctx.state.jobs.get(incident.jobKey);
  if (incident.record.retry === 'job' && job && job.retries <= 0) {
    throw reject.invalidState(
      `Expected to resolve incident with key '${incidentKey}' of job '${job.key}', but the job has no retries left. Update the job's retries first (UpdateJobRetries), then resolve the incident.`,
    );
  }
  ctx.emit(
    ValueType.Incident,
    'RESOLVED',
    incident.key,
    { row: incident },
    incident.processInstanceKey,
  );
  switch (incident.record.retry) {
    case 'job':
      if (job) {
        ctx.emit(ValueType.Job, 'MADE_ACTIVATABLE', job.key, {}, job.processInstanceKey);
        ctx.createdJobTypes.push(job.type);
      }
      return;
    case 'activate':
      life.push({ op: 'resumeActivation', key: incident.elementInstanceKey });
      return;
    case 'complete':
      life.push({ op: 'resumeCompletion', key: incident.elementInstanceKey });
      return;
    case 'taskListener':
      restartTaskListeners(life, incident.elementInstanceKey);
      return;
    case 'completionCondition':
      retryAdHocCompletion(life, incident.elementInstanceKey);
      return;
    case 'none':
      return;
  }
}
