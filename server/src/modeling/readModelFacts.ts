import { createRequire } from 'node:module';
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';

const require = createRequire(import.meta.url);
const zeebe = require('zeebe-bpmn-moddle/resources/zeebe.json') as Record<string, unknown>;

/** What the modeling routes need to know of one BPMN process. */
export interface ProcessFacts {
  processId: string;
  name: string | undefined;
  /** The process's `zeebe:properties` entry `balcao:agency`, if the analyst set one. */
  declaredAgency: string | undefined;
  /** Forms the model links (`zeebe:formDefinition formId`), start and user tasks. */
  formIds: string[];
}

export class ModelReadError extends Error {}

/**
 * Reads the executable processes of a BPMN document. A DOCTYPE is refused before parsing (no
 * entities), and so is anything the moddle only warns about: it would not deploy either.
 */
export async function readModelFacts(xml: string): Promise<ProcessFacts[]> {
  if (/<!DOCTYPE/i.test(xml))
    throw new ModelReadError('the file has a DOCTYPE; remove it (BPMN files never need one).');
  let parsed;
  try {
    parsed = await new BpmnModdle({ zeebe }).fromXML(xml);
  } catch (error) {
    throw new ModelReadError(`the file is not BPMN XML: ${(error as Error).message}`);
  }
  const warning = parsed.warnings[0];
  if (warning) throw new ModelReadError(`the file is not valid BPMN: ${warning.message}`);
  const rootElements = (parsed.rootElement.rootElements ?? []) as ModdleElement[];
  const processes = rootElements.filter((e) => e.$type === 'bpmn:Process');
  if (processes.length === 0)
    throw new ModelReadError('the file has no process; draw at least one pool or process.');
  return processes.map((process) => ({
    processId: process.id ?? '',
    name: typeof process.name === 'string' && process.name ? process.name : undefined,
    declaredAgency: properties(process)['balcao:agency'],
    formIds: [...new Set(formIdsIn(process))],
  }));
}

function extensionValues(element: ModdleElement): ModdleElement[] {
  const ext = element.extensionElements as { values?: ModdleElement[] } | undefined;
  return ext?.values ?? [];
}

function properties(element: ModdleElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const ext of extensionValues(element))
    if (ext.$type === 'zeebe:Properties')
      for (const p of (ext.properties ?? []) as { name?: string; value?: string }[])
        if (p.name && p.value !== undefined) out[p.name] = p.value;
  return out;
}

function formIdsIn(element: ModdleElement): string[] {
  const own = extensionValues(element)
    .filter((e) => e.$type === 'zeebe:FormDefinition' && typeof e.formId === 'string')
    .map((e) => e.formId as string);
  const children = (element.flowElements ?? []) as ModdleElement[];
  return [...own, ...children.flatMap(formIdsIn)];
}
