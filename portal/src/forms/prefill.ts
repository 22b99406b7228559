import type { Me } from '@balcao/web-shared';
import type { FormSchema } from '../app/apiTypes';

/** Profile fields a form may ask to prefill (`prefill: [{key, from: 'profile', path}]`). */
const profile = (me: Me): Record<string, unknown> => ({
  idNumber: me.personDocument ?? undefined,
  name: me.displayName,
  displayName: me.displayName,
});

/** Starting answers from the signed-in person's profile, as the form asks. */
export function prefill(form: FormSchema, me: Me | null): Record<string, unknown> {
  if (!me) return {};
  const values = profile(me);
  const data: Record<string, unknown> = {};
  for (const rule of form.prefill ?? []) {
    if (rule.from === 'profile' && values[rule.path] !== undefined) {
      data[rule.key] = values[rule.path];
    }
  }
  return data;
}
