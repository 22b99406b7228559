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

export interface MonitorInstanceDetail {
  instance: MonitorInstance;
  bpmnXml: string;
  elements: { elementId: string; state: string }[];
  incidents: MonitorIncident[];
}
