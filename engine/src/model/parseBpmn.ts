import type { CompiledProcess } from './CompiledProcess';
import { compileProcess } from './compileProcess';
import { ModelErrors, type ModelError } from './ModelError';
import { bool, children } from './moddleAccess';
import { readBpmn } from './readBpmn';

export type ParseBpmnResult =
  | { ok: true; processes: CompiledProcess[]; warnings: string[] }
  | { ok: false; errors: ModelError[] };

/**
 * Reads, validates and compiles a Camunda 8 BPMN document. Collects every error instead
 * of stopping at the first, so the analyst can fix the model in one round.
 */
export async function parseBpmn(
  xml: string | Buffer,
  resourceName: string,
): Promise<ParseBpmnResult> {
  const errors = new ModelErrors();
  const definitions = await readBpmn(xml, resourceName, errors);
  if (definitions === undefined) return { ok: false, errors: errors.errors };
  const processes: CompiledProcess[] = [];
  const all = children(definitions, 'rootElements').filter((e) => e.$type === 'bpmn:Process');
  for (const process of all) {
    if (bool(process, 'isExecutable') !== true) {
      errors.warnings.push(`process '${process.id ?? ''}' is not executable and was not deployed`);
      continue;
    }
    processes.push(compileProcess(errors, process));
  }
  if (processes.length === 0 && errors.errors.length === 0) {
    errors.add(
      undefined,
      `${resourceName} has no executable process: set isExecutable="true" on the process to deploy`,
    );
  }
  if (errors.errors.length > 0) return { ok: false, errors: errors.errors };
  return { ok: true, processes, warnings: errors.warnings };
}
