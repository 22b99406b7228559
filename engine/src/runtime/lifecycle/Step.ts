import type { ElementInstanceRow } from '../../state/rows';

/** The lifecycle's internal commands, processed in order within one command's transaction. */
export type Step =
  | {
      op: 'activate';
      definitionKey: number;
      processInstanceKey: number;
      elementId: string;
      flowScopeKey: number;
      /** Sequence-flow tokens this activation consumes. */
      consumedFlowIds: string[];
      /** Variables an event brings (message, error, timer): set on the new element. */
      variables?: Record<string, unknown> | undefined;
      /** Initial fields of the element instance's record. */
      record?: Partial<ElementInstanceRow['record']> | undefined;
      /** Variables set in the new element's own scope before its input mappings. */
      localVariables?: Record<string, unknown> | undefined;
    }
  /** Run the activation work again (after ACTIVATING; also when an incident is resolved). */
  | { op: 'resumeActivation'; key: number }
  | {
      op: 'complete';
      key: number;
      variables?: Record<string, unknown> | undefined;
      record?: Partial<ElementInstanceRow['record']> | undefined;
    }
  /** Run the completion work again (after COMPLETING; also when an incident is resolved). */
  | { op: 'resumeCompletion'; key: number }
  | { op: 'terminate'; key: number; record?: Partial<ElementInstanceRow['record']> | undefined }
  | { op: 'terminated'; key: number }
  | {
      op: 'join';
      definitionKey: number;
      processInstanceKey: number;
      gatewayId: string;
      flowScopeKey: number;
    }
  | { op: 'checkScope'; key: number }
  /** Open the start events of the event sub-processes of a scope that just activated. */
  | { op: 'openEventSubProcesses'; key: number }
  /** The element's start (or end) execution listeners are done: go on activating (completing). */
  | { op: 'listenersDone'; key: number; eventType: 'start' | 'end' };
