import type { Queryable } from '@balcao/platform';
import type { CompiledProcess } from '../../model/CompiledProcess';

export interface ProcessDefinition {
  key: number;
  bpmnProcessId: string;
  version: number;
  versionTag: string | null;
  process: CompiledProcess;
}

/**
 * Deployed process definitions by key. A definition never changes once deployed, so it is
 * cached for the life of the process; "latest version" always asks the database.
 */
export class Definitions {
  private readonly byKey = new Map<number, ProcessDefinition>();

  async get(tx: Queryable, key: number): Promise<ProcessDefinition | undefined> {
    const cached = this.byKey.get(key);
    if (cached) return cached;
    const result = await tx.query<DefinitionRow>(
      'select key, bpmn_process_id, version, version_tag, compiled from engine_process where key = $1',
      [key],
    );
    return result.rows[0] ? this.remember(result.rows[0]) : undefined;
  }

  async latest(tx: Queryable, bpmnProcessId: string): Promise<ProcessDefinition | undefined> {
    const result = await tx.query<{ key: number }>(
      'select key from engine_process where bpmn_process_id = $1 order by version desc limit 1',
      [bpmnProcessId],
    );
    return result.rows[0] ? this.get(tx, result.rows[0].key) : undefined;
  }

  async byVersion(
    tx: Queryable,
    bpmnProcessId: string,
    version: number,
  ): Promise<ProcessDefinition | undefined> {
    const result = await tx.query<{ key: number }>(
      'select key from engine_process where bpmn_process_id = $1 and version = $2',
      [bpmnProcessId, version],
    );
    return result.rows[0] ? this.get(tx, result.rows[0].key) : undefined;
  }

  /** Only definitions already cached (the command loaded them before). */
  cached(key: number): ProcessDefinition {
    const definition = this.byKey.get(key);
    if (!definition) throw new Error(`process definition ${key} is not loaded`);
    return definition;
  }

  private remember(row: DefinitionRow): ProcessDefinition {
    const definition: ProcessDefinition = {
      key: row.key,
      bpmnProcessId: row.bpmn_process_id,
      version: row.version,
      versionTag: row.version_tag,
      process: row.compiled as CompiledProcess,
    };
    this.byKey.set(row.key, definition);
    return definition;
  }
}

interface DefinitionRow {
  key: number;
  bpmn_process_id: string;
  version: number;
  version_tag: string | null;
  compiled: unknown;
}
