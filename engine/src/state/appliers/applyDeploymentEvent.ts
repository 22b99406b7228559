import type { EngineEvent } from '../../log/EngineEvent';
import type { EngineState } from '../EngineState';
import type { DecisionRequirementsRow, DecisionRow } from '../decisionRows';
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
    case 'DECISION_REQUIREMENTS:CREATED':
      s.decisionRequirements.put((event.value as { row: DecisionRequirementsRow }).row);
      return;
    case 'DECISION:CREATED':
      s.decisions.put((event.value as { row: DecisionRow }).row);
      return;
  }
}
