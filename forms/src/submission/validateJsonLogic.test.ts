import { describe, expect, it } from 'vitest';
import { checkFormDefinition } from '../definition/checkFormDefinition';
import { validateSubmission } from './validateSubmission';

const checked = checkFormDefinition({
  formId: 'jsonlogic-rules',
  title: { 'zh-Hant': '規則', pt: 'Regras', en: 'Rules' },
  display: 'form',
  components: [
    {
      type: 'number',
      key: 'characters',
      label: 'Characters',
      input: true,
      validate: {
        json: {
          if: [{ '<=': [{ var: 'data.characters' }, 1500] }, true, 'At most 1500 characters'],
        },
      },
    },
  ],
});

describe('validateSubmission with JSONLogic rules', () => {
  it('should apply validate.json on the server', async () => {
    // given
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));

    // when
    const bad = await validateSubmission(checked.form, { characters: 2000 }, { language: 'en' });
    const good = await validateSubmission(checked.form, { characters: 200 }, { language: 'en' });

    // then
    expect(bad).toMatchObject({
      ok: false,
      errors: [{ path: 'characters', message: 'At most 1500 characters' }],
    });
    expect(good).toMatchObject({ ok: true, data: { characters: 200 } });
  });
});
