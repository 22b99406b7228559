import { checkFormDefinition, validateSubmission, type FormDefinition } from '@balcao/forms';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function form(id: string): FormDefinition {
  const checked = checkFormDefinition(
    JSON.parse(readFileSync(join(import.meta.dirname, 'forms', `${id}.form.json`), 'utf8')),
  );
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.form;
}

describe('P9 forms', () => {
  it('should accept an individual opinion and ask an association for its name', async () => {
    // given
    const opinion = form('public-consultation-opinion');
    const base = {
      consultationRef: 'CONS-2027-DSAT-01',
      stance: 'mixed',
      opinion: 'Mais passadeiras junto das escolas.',
    };

    // when
    const individual = await validateSubmission(opinion, {
      ...base,
      participantType: 'individual',
      organisationName: 'dropped for individuals',
    });
    const association = await validateSubmission(opinion, {
      ...base,
      participantType: 'association',
    });

    // then
    expect(individual.ok).toBe(true);
    expect(individual.ok && individual.data.organisationName).toBeUndefined();
    expect(association.ok ? [] : association.errors.map((e) => e.path)).toEqual([
      'organisationName',
    ]);
  });

  it('should refuse an opinion that is too short, has an unknown stance or no listed consultation', async () => {
    // when
    const result = await validateSubmission(
      form('public-consultation-opinion'),
      {
        consultationRef: 'CONS-1999-OLD',
        participantType: 'individual',
        stance: 'maybe',
        opinion: 'No.',
      },
      { language: 'zh-Hant' },
    );

    // then
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['consultationRef', 'stance', 'opinion']));
  });

  it('should ask the moderator for a topic when counting and a reason when setting aside', async () => {
    // given
    const moderation = form('public-consultation-moderation');

    // when
    const counted = await validateSubmission(moderation, { moderation: 'count' });
    const setAside = await validateSubmission(moderation, {
      moderation: 'setAside',
      setAsideReason: 'duplicate',
    });

    // then
    expect(counted.ok ? [] : counted.errors.map((e) => e.path).sort()).toEqual([
      'classifiedStance',
      'topic',
    ]);
    expect(setAside.ok).toBe(true);
  });
});
