import { z } from 'zod';
import { pageQuerySchema } from '../api/pagination';
import {
  isFilterable,
  MAX_FILTERABLE_STRING,
  type FilterableValue,
} from '../tracking/filterableVariables';

const filters = pageQuerySchema.extend({
  view: z.enum(['all', 'mine', 'unassigned']).default('all'),
  state: z.enum(['open', 'completed', 'canceled']).default('open'),
  processId: z.string().max(64).optional(),
  agency: z.string().max(20).optional(),
  applicationNumber: z.string().max(30).optional(),
  dueBefore: z.iso.datetime({ offset: true }).optional(),
  priorityMin: z.coerce.number().int().min(0).max(100).optional(),
  sort: z.enum(['createdAt', 'dueAt', 'priority']).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

/** `var.caseRef`: a top-level variable name (letters, digits, `_` and `-`). */
const VARIABLE_PARAM = /^var\.([A-Za-z_][\w-]{0,63})$/;

const variableParam = z.unknown().meta({
  title: 'var.{name}',
  description:
    'Tasks whose process variable {name} equals the value, e.g. `var.caseRef=2026-DSI-000123`. ' +
    'The value is read as JSON when it is a number, true/false or a quoted string, otherwise ' +
    `as a string: \`var.fee=50\` matches the number 50, \`var.fee="50"\` the text. Only ` +
    `top-level strings (up to ${MAX_FILTERABLE_STRING} characters), numbers and booleans, as ` +
    'the task saw them when it entered the inbox, can be matched. Several are combined with and.',
  type: 'string',
});

/**
 * The inbox's query: the fixed filters, and `var.<name>=<value>` for process variables. Other
 * parameters are ignored, as on every route; a `var…` one that is not of that form, repeated or
 * not a string, number or boolean is refused with its field named.
 */
export const inboxQuerySchema = filters.catchall(variableParam).transform((query, ctx) => {
  const known: Record<string, unknown> = {};
  // No prototype: a variable named __proto__ is a name like any other.
  const variables = Object.create(null) as Record<string, FilterableValue>;
  for (const [key, raw] of Object.entries(query)) {
    if (key in filters.shape) known[key] = raw;
    else if (key.startsWith('var')) {
      const value = variableFilter(key, raw);
      if (typeof value === 'object') ctx.addIssue({ code: 'custom', path: [key], ...value });
      else variables[(VARIABLE_PARAM.exec(key) as RegExpExecArray)[1] as string] = value;
    }
  }
  return { ...(known as z.output<typeof filters>), variables };
});
export type InboxQuery = z.output<typeof inboxQuerySchema>;

function variableFilter(key: string, raw: unknown): FilterableValue | { message: string } {
  if (!VARIABLE_PARAM.test(key))
    return {
      message: `Name a top-level variable as var.<name> (letters, digits, _ or -), e.g. var.caseRef; nested paths cannot be filtered on.`,
    };
  if (typeof raw !== 'string') return { message: `Give ${key} once, with one value.` };
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // Not JSON: a bare word such as ABC is the string "ABC".
  }
  if (isFilterable(value)) return value;
  return {
    message: `Compare ${key} with a string (up to ${MAX_FILTERABLE_STRING} characters), a number or true/false; objects, lists and null cannot be filtered on.`,
  };
}
