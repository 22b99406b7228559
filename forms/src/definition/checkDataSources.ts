import type { FormComponent } from './FormDefinition';

/**
 * Options must come with the definition: a select that loads its items from a URL or a
 * resource would make the server fetch on every submission (and could not be checked).
 */
export function checkDataSources(component: FormComponent): string[] {
  const problems: string[] = [];
  if (component.type === 'select') {
    const source = component.dataSrc ?? 'values';
    if (source !== 'values' && source !== 'custom') {
      problems.push(
        `select data source "${describe(source)}" is not supported; list the options in data.values.`,
      );
    }
  }
  if (component.type === 'file' && component.storage !== undefined && component.storage !== 'url') {
    problems.push(
      `file storage "${describe(component.storage)}" is not supported; use "url" so files go to the Balcão document store.`,
    );
  }
  return problems;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
