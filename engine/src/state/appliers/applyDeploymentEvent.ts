import type { EngineEvent } from '../../log/EngineEvent';
import type { EngineState } from '../EngineState';
import type { DeploymentRow, FormRow, ProcessRow, ResourceRow } from '../rows';

export function applyDeploymentEvent(state: EngineState, event: EngineEvent): void {
  const s = state.stores;
  switch (`${event.valueType}:${event.intent}`) {
    case 'DEPLOYMENT:CREATED': {
      const v = event.value as { deployment: DeploymentRow; resources: ResourceRow[] };
      s.deployments.put(v.deployment);
      for (const resource of v.resources) s.resources.put(resource);
      return;
    }
    case 'PROCESS:CREATED':
      s.processes.put((event.value as { row: ProcessRow }).row);
      return;
    case 'FORM:CREATED':
      s.forms.put((event.value as { row: FormRow }).row);
      return;
  }
}
