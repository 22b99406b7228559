import { checkFormDefinition, type FormDefinition } from '@balcao/forms';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The checked definition `forms/<id>.form.json` of the service kept in `serviceDir`. */
export function serviceForm(serviceDir: string, id: string): FormDefinition {
  const checked = checkFormDefinition(
    JSON.parse(readFileSync(join(serviceDir, 'forms', `${id}.form.json`), 'utf8')),
  );
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.form;
}
