import type { Queryable } from '@balcao/platform';
import type { LibraryEntry } from '@balcao/process-library';

/**
 * Makes the deployed library services applicable: stores each service sheet with its start
 * form and the process version the engine holds now. Services whose process did not deploy
 * stay out of the catalogue.
 */
export async function publishCatalogue(
  db: Queryable,
  entries: readonly LibraryEntry[],
  versions: ReadonlyMap<string, number>,
): Promise<number> {
  let published = 0;
  for (const entry of entries) {
    const sheet = entry.service;
    const version = sheet ? versions.get(sheet.processId) : undefined;
    if (!sheet || version === undefined) continue;
    const form = entry.resources.find((r) => r.name.endsWith(`/${sheet.startFormId}.form.json`));
    await db.query(
      `insert into catalogue_service (process_id, version, sheet, start_form)
       values ($1, $2, $3, $4)
       on conflict (process_id) do update
         set version = excluded.version, sheet = excluded.sheet,
             start_form = excluded.start_form, updated_at = now()`,
      [
        sheet.processId,
        version,
        JSON.stringify(sheet),
        form ? form.content.toString('utf8') : null,
      ],
    );
    published += 1;
  }
  return published;
}
