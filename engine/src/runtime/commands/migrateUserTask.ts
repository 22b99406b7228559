import { ValueType } from '../../log/EngineEvent';
import type { UserTask } from '../../model/CompiledProcess';
import type { ElementInstanceRow } from '../../state/rows';
import { camundaTaskRow, evaluateAssignment } from '../elements/userTask';
import { cancelJobsOf } from '../jobs/jobBehaviour';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { reject } from './EngineRejection';

const HEADER = 'io.camunda.zeebe:';

/**
 * A job-based user task migrated to a Camunda user task (Zeebe 8.8): its job is canceled and a
 * user task created that keeps the job's candidate groups and users, due and follow-up dates
 * and custom headers; assignee, priority and form come from the target definition.
 */
export async function migrateToCamundaUserTask(
  life: Lifecycle,
  instance: ElementInstanceRow,
  into: UserTask,
  what: string,
): Promise<void> {
  const job = life.ctx.state.jobs.find((j) => j.elementInstanceKey === instance.key);
  const headers = job?.record.customHeaders ?? {};
  const assignment = await evaluateAssignment(life.ctx, into, instance);
  if ('error' in assignment) {
    throw reject.invalidArgument(
      `${what}, but the Camunda user task '${into.id}' cannot be created for '${instance.elementId}': ${assignment.error}`,
    );
  }
  cancelJobsOf(life, instance);
  const list = (name: string) => {
    const raw = headers[`${HEADER}${name}`];
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.map(String) : [];
  };
  const date = (name: string) => {
    const raw = headers[`${HEADER}${name}`];
    return raw ? new Date(raw).toISOString() : null;
  };
  const kept = Object.fromEntries(
    Object.entries(headers).filter(([name]) => !name.startsWith(HEADER)),
  );
  const row = camundaTaskRow(life, into, instance, {
    ...assignment,
    candidateGroups: list('candidateGroups'),
    candidateUsers: list('candidateUsers'),
    dueDate: date('dueDate'),
    followUpDate: date('followUpDate'),
  });
  row.record.customHeaders = kept;
  life.ctx.emit(ValueType.UserTask, 'CREATED', row.key, { row }, row.processInstanceKey);
}
