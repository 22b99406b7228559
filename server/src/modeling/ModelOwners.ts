import type { Queryable } from '@balcao/platform';
import { libraryEntries } from '@balcao/process-library';
import { readModelFacts } from './readModelFacts';

export type ModelKind = 'process' | 'form';

/** Owner of the library's shared building blocks: only administrators deploy them. */
export const PLATFORM_AGENCY = 'platform';

/**
 * Who owns a process or form id (ADR 0012): the library's service sheet, else the agency
 * recorded at its first deployment through the modeler. Shared blocks belong to the platform.
 */
export class ModelOwners {
  private library: Promise<Map<string, string>> | undefined;

  async ownerOf(db: Queryable, kind: ModelKind, id: string): Promise<string | undefined> {
    const fromLibrary = (await this.libraryOwners()).get(`${kind}:${id}`);
    if (fromLibrary) return fromLibrary;
    const row = await db.query<{ agency: string }>(
      'select agency from modeling_owner where kind = $1 and resource_id = $2',
      [kind, id],
    );
    return row.rows[0]?.agency;
  }

  /** ownerOf for many ids in one query: the ids with an owner. */
  async ownersOf(
    db: Queryable,
    kind: ModelKind,
    ids: readonly string[],
  ): Promise<Map<string, string>> {
    const library = await this.libraryOwners();
    const owners = new Map<string, string>();
    const rest = [];
    for (const id of ids) {
      const fromLibrary = library.get(`${kind}:${id}`);
      if (fromLibrary) owners.set(id, fromLibrary);
      else rest.push(id);
    }
    if (rest.length > 0) {
      const rows = await db.query<{ resource_id: string; agency: string }>(
        'select resource_id, agency from modeling_owner where kind = $1 and resource_id = any($2)',
        [kind, rest],
      );
      for (const row of rows.rows) owners.set(row.resource_id, row.agency);
    }
    return owners;
  }

  async record(db: Queryable, kind: ModelKind, id: string, agency: string): Promise<void> {
    if ((await this.libraryOwners()).has(`${kind}:${id}`)) return;
    await db.query(
      `insert into modeling_owner (kind, resource_id, agency) values ($1, $2, $3)
       on conflict (kind, resource_id) do nothing`,
      [kind, id, agency],
    );
  }

  private libraryOwners(): Promise<Map<string, string>> {
    this.library ??= readLibraryOwners();
    return this.library;
  }
}

async function readLibraryOwners(): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (const entry of libraryEntries()) {
    const agency = entry.service?.agency ?? PLATFORM_AGENCY;
    for (const resource of entry.resources) {
      if (resource.name.endsWith('.bpmn')) {
        for (const process of await readModelFacts(resource.content.toString('utf8')))
          owners.set(`process:${process.processId}`, agency);
      } else {
        const form = JSON.parse(resource.content.toString('utf8')) as { formId?: string };
        if (form.formId) owners.set(`form:${form.formId}`, agency);
      }
    }
  }
  return owners;
}
