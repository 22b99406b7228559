/** What /api/monitor answers (server/src/monitor/monitorRoutes.ts). */
export interface MonitorInstance {
  key: string;
  processId: string;
  version: number;
  state: string;
  hasIncident: boolean;
  startedAt: string | null;
  endedAt: string | null;
  agency: string | null;
}

export interface MonitorIncident {
  key: string;
  processId: string;
  instanceKey: string;
  elementId: string;
  errorType: string;
  errorMessage: string;
  state: string;
  jobKey: string | null;
  createdAt: string | null;
}

export type ElementState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

/** Element ids of the diagram, one mark each. */
export interface DiagramMarks {
  active: string[];
  completed: string[];
  terminated: string[];
  failed: string[];
}

export interface HistoryEntry {
  elementInstanceKey: string;
  elementId: string;
  type: string;
  state: ElementState;
  startedAt: string | null;
  endedAt: string | null;
  hasIncident: boolean;
}

export interface VariableEntry {
  name: string;
  value: string;
  truncated: boolean;
  scope: string;
  scopeKey: string;
}

export interface MonitorInstanceDetail {
  instance: MonitorInstance;
  bpmnXml: string;
  diagram: DiagramMarks;
  history: HistoryEntry[];
  historyTotal: number;
  variables: VariableEntry[];
  variablesTotal: number;
  incidents: MonitorIncident[];
}

export interface MonitorDashboard {
  days: number;
  bucket: 'hour' | 'day';
  throughput: { start: string; started: number; completed: number }[];
  backlog: {
    processId: string;
    agency: string | null;
    openInstances: number;
    openTasks: number;
    incidents: number;
  }[];
}
