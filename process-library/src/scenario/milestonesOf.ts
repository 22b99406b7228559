import { parseBpmn, type LoggedEvent } from '@balcao/engine';
import { libraryResources } from '../catalogue/libraryEntries';

export interface Milestone {
  processId: string;
  elementId: string;
  en: string;
  pt: string;
  'zh-Hant': string;
  agency: string | undefined;
}

/**
 * The citizen milestones passed by a set of process instances: the `balcao:milestone:*`
 * task headers of every element activated, in log order (ADR 0004).
 */
export async function milestonesOf(
  events: LoggedEvent[],
  instanceKeys: Set<number>,
): Promise<Milestone[]> {
  const labels = await milestoneLabels();
  const reached: Milestone[] = [];
  for (const e of events) {
    if (e.valueType !== 'PROCESS_INSTANCE' || e.intent !== 'ELEMENT_ACTIVATED') continue;
    if (e.processInstanceKey === undefined || !instanceKeys.has(Number(e.processInstanceKey)))
      continue;
    const label = labels.get(`${String(e.value.bpmnProcessId)}#${String(e.value.elementId)}`);
    if (label) reached.push(label);
  }
  return reached;
}

let cache: Map<string, Milestone> | undefined;

async function milestoneLabels(): Promise<Map<string, Milestone>> {
  if (cache) return cache;
  const labels = new Map<string, Milestone>();
  for (const resource of libraryResources().filter((r) => r.name.endsWith('.bpmn'))) {
    const parsed = await parseBpmn(resource.content, resource.name);
    if (!parsed.ok) continue;
    for (const process of parsed.processes)
      for (const element of Object.values(process.elements)) {
        const p = element.properties;
        const en = p['balcao:milestone:en'];
        if (en === undefined) continue;
        labels.set(`${process.bpmnProcessId}#${element.id}`, {
          processId: process.bpmnProcessId,
          elementId: element.id,
          en,
          pt: p['balcao:milestone:pt'] ?? en,
          'zh-Hant': p['balcao:milestone:zh-Hant'] ?? en,
          agency: p['balcao:agency'],
        });
      }
  }
  cache = labels;
  return labels;
}
