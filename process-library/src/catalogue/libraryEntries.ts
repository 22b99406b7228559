import { BalcaoError } from '@balcao/platform';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkServiceSheet } from './checkServiceSheet';
import { serviceSheetSchema, type ServiceSheet } from './ServiceSheet';

/** A deployable file: `name` is unique across the library (`services/<folder>/process.bpmn`). */
export interface LibraryResource {
  name: string;
  content: Buffer;
}

export const LibraryEntryKind = { Shared: 'shared', Service: 'service' } as const;
export type LibraryEntryKind = (typeof LibraryEntryKind)[keyof typeof LibraryEntryKind];

export interface LibraryEntry {
  kind: LibraryEntryKind;
  /** Folder name, e.g. `criminal-record-certificate` or `payment`. */
  folder: string;
  resources: LibraryResource[];
  /** The parsed `service.json` (services only). */
  service?: ServiceSheet;
}

const libraryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Every shared building block and service of the library with its BPMN and forms, read
 * from disk. Deploying all resources at once is idempotent: the engine only makes a new
 * version of what changed.
 */
export function libraryEntries(root: string = libraryRoot): LibraryEntry[] {
  return [
    ...entriesIn(root, LibraryEntryKind.Shared),
    ...entriesIn(root, LibraryEntryKind.Service),
  ];
}

/** All resources of all entries, ready for one deployment. */
export function libraryResources(root: string = libraryRoot): LibraryResource[] {
  return libraryEntries(root).flatMap((entry) => entry.resources);
}

function entriesIn(root: string, kind: LibraryEntryKind): LibraryEntry[] {
  const base = kind === LibraryEntryKind.Shared ? 'shared' : 'services';
  const dir = join(root, base);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((folder) => readEntry(join(dir, folder), `${base}/${folder}`, kind, folder));
}

function readEntry(
  path: string,
  name: string,
  kind: LibraryEntryKind,
  folder: string,
): LibraryEntry {
  const resources: LibraryResource[] = [
    { name: `${name}/process.bpmn`, content: readFileSync(join(path, 'process.bpmn')) },
  ];
  const formsDir = join(path, 'forms');
  if (existsSync(formsDir))
    for (const file of readdirSync(formsDir).sort())
      if (file.endsWith('.form.json'))
        resources.push({
          name: `${name}/forms/${file}`,
          content: readFileSync(join(formsDir, file)),
        });
  const entry: LibraryEntry = { kind, folder, resources };
  if (kind === LibraryEntryKind.Service)
    entry.service = readServiceSheet(join(path, 'service.json'), resources);
  return entry;
}

function readServiceSheet(file: string, resources: LibraryResource[]): ServiceSheet {
  const parsed = serviceSheetSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  const problems = parsed.success
    ? checkServiceSheet(
        parsed.data,
        startFormOf(parsed.data, resources),
        resources[0]?.content.toString('utf8') ?? '',
      )
    : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  if (!parsed.success || problems.length > 0)
    throw BalcaoError.nonRetryable(
      'LIBRARY_SERVICE_SHEET_INVALID',
      `The service sheet ${file} is invalid: ${problems.join('; ')}. Fix the file and restart.`,
    );
  return parsed.data;
}

function startFormOf(sheet: ServiceSheet, resources: LibraryResource[]) {
  const form = resources.find((r) => r.name.endsWith(`/forms/${sheet.startFormId}.form.json`));
  return form ? (JSON.parse(form.content.toString('utf8')) as object) : undefined;
}
