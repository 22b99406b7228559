import { z } from 'zod';
import { BalcaoError } from '@balcao/platform';
import { SearchErrorCode, type FieldSpec } from './searchQuery';

/** A value as Camunda's filters take it: the variable's JSON text, alone or in `$eq` / `$in`. */
const valueFilter = z.union([
  z.string(),
  z.object({ $eq: z.string() }).strict(),
  z.object({ $in: z.array(z.string()) }).strict(),
]);
const variablesFilter = z.array(z.object({ name: z.string(), value: valueFilter }).strict());

/**
 * Camunda 8.8's `variables` filter of the process instance search: instances whose own (root
 * scope) variable `name` has, at its latest value, one of the given JSON texts; several
 * entries must all hold. Read from the event log, so finished instances are found too, through
 * the index on root-scope variable events by name and value hash (engine migration 0006).
 */
export const processInstanceVariablesFilter: FieldSpec = {
  kind: 'custom',
  clauses: (raw, param) => {
    const parsed = variablesFilter.safeParse(raw);
    if (!parsed.success)
      throw invalid(
        "Expected filter field 'variables' to be a list of { name, value } with value the variable's JSON text (or { $eq: text } or { $in: [texts] }), but it was not.",
      );
    return parsed.data.map(({ name, value }) => {
      const values = param(jsonValues(name, value));
      return `i.key in (
        select e.process_instance_key from engine_event e
        where e.value_type = 'VARIABLE' and (e.value->>'scopeKey')::bigint = e.process_instance_key
          and e.value->>'name' = ${param(name)}
          and md5((e.value->'value')::text) = any(array(
            select md5(x::text) from jsonb_array_elements(${values}::jsonb) x))
          and e.value->'value' = any(array(select jsonb_array_elements(${values}::jsonb)))
          and not exists (
            select 1 from engine_event later
            where later.process_instance_key = e.process_instance_key
              and later.position > e.position and later.value_type = 'VARIABLE'
              and later.key = e.key))`;
    });
  },
};

/** The filter's values as one JSON array text, each checked to be JSON (`1.0` reads as `1`). */
function jsonValues(name: string, value: z.infer<typeof valueFilter>): string {
  const texts = typeof value === 'string' ? [value] : '$eq' in value ? [value.$eq] : value.$in;
  return JSON.stringify(
    texts.map((text) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw invalid(
          `Expected the value of variable '${name}' in filter field 'variables' to be JSON text (a string as "\\"text\\""), but was '${text}'.`,
        );
      }
    }),
  );
}

const invalid = (message: string) => new BalcaoError(SearchErrorCode.InvalidSearch, message);
