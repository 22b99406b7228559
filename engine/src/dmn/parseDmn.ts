import { ModelErrors, type ModelError } from '../model/ModelError';
import type { CompiledDrg } from './CompiledDrg';
import { compileDrg } from './compileDrg';
import { readDmn } from './readDmn';

export type ParsedDmn = { ok: true; drg: CompiledDrg } | { ok: false; errors: ModelError[] };

/** Reads, checks and compiles one .dmn resource; every problem comes back at once. */
export async function parseDmn(content: Buffer | string, resourceName: string): Promise<ParsedDmn> {
  const errors = new ModelErrors();
  const definitions = await readDmn(content, resourceName, errors);
  const drg =
    definitions && errors.errors.length === 0 ? compileDrg(definitions, errors) : undefined;
  return drg && errors.errors.length === 0
    ? { ok: true, drg }
    : { ok: false, errors: errors.errors };
}
