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

describe('P1 forms', () => {
  it('should accept a complete application and drop the department when not sending', async () => {
    // when
    const result = await validateSubmission(form('criminal-record-certificate-application'), {
      idNumber: '1234567(8)',
      purpose: 'employment',
      urgency: 'normal',
      deliveryFormat: 'electronic',
      sendToDepartment: false,
      receivingDepartment: 'SAFP',
      consent: true,
    });

    // then
    expect(result.ok).toBe(true);
    expect(result.ok && result.data.receivingDepartment).toBeUndefined();
  });

  it('should refuse an application without consent, with a bad ID number and an unknown purpose', async () => {
    // when
    const result = await validateSubmission(
      form('criminal-record-certificate-application'),
      { idNumber: '9999', purpose: 'fun', urgency: 'normal', deliveryFormat: 'paper' },
      { language: 'pt' },
    );

    // then
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['idNumber', 'purpose', 'consent']));
  });

  it('should require what is missing when the clerk asks for information', async () => {
    // given
    const verification = form('criminal-record-certificate-verification');

    // when
    const bad = await validateSubmission(verification, { clerkDecision: 'requestInformation' });
    const good = await validateSubmission(verification, {
      clerkDecision: 'requestInformation',
      missingItems: 'Copy of your work permit',
    });

    // then
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(['missingItems']);
    expect(good.ok).toBe(true);
  });

  it('should require a reply in the shared request-information form', async () => {
    // given
    const checked = checkFormDefinition(
      JSON.parse(
        readFileSync(
          join(
            import.meta.dirname,
            '../../shared/request-information/forms/balcao-request-information.form.json',
          ),
          'utf8',
        ),
      ),
    );
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));

    // when
    const bad = await validateSubmission(checked.form, { reply: '' });
    const good = await validateSubmission(checked.form, { reply: 'Attached the permit' });

    // then
    expect(bad.ok).toBe(false);
    expect(good.ok).toBe(true);
  });
});
