import { checkFormDefinition, validateSubmission, type FormDefinition } from '@balcao/forms';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function form(): FormDefinition {
  const file = join(import.meta.dirname, 'forms', 'balcao-exchange-delivery-failed.form.json');
  const checked = checkFormDefinition(JSON.parse(readFileSync(file, 'utf8')));
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.form;
}

describe('balcao-exchange-delivery-failed form', () => {
  it('should accept sending again without delivery details, and drop details given anyway', async () => {
    // when
    const result = await validateSubmission(form(), {
      deliveryAction: 'resend',
      deliveryReference: 'R-1',
    });

    // then
    expect(result.ok).toBe(true);
    expect(result.ok && result.data.deliveryReference).toBeUndefined();
  });

  it('should require how and with which receipt a letter was delivered by other means', async () => {
    // when
    const missing = await validateSubmission(form(), { deliveryAction: 'otherMeans' });
    const unknownMethod = await validateSubmission(form(), {
      deliveryAction: 'otherMeans',
      deliveryMethod: 'pigeon',
      deliveryReference: 'R-2',
    });
    const good = await validateSubmission(form(), {
      deliveryAction: 'otherMeans',
      deliveryMethod: 'hand',
      deliveryReference: 'R-2',
    });

    // then
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.errors.map((e) => e.path).sort()).toEqual([
      'deliveryMethod',
      'deliveryReference',
    ]);
    expect(unknownMethod.ok).toBe(false);
    expect(good.ok).toBe(true);
  });

  it('should refuse a submission without a choice', async () => {
    // when
    const result = await validateSubmission(form(), {});

    // then
    expect(!result.ok && result.errors.map((e) => e.path)).toEqual(['deliveryAction']);
  });
});
