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

const upload = [
  {
    documentId: 'doc-statutes',
    sha256: 'b'.repeat(64),
    size: 1024,
    contentType: 'application/pdf',
    name: 'statutes.pdf',
  },
];

describe('P7 forms', () => {
  it('should accept a complete request with the document', async () => {
    // when
    const result = await validateSubmission(form('translation-service-application'), {
      requesterType: 'company',
      requesterName: 'Companhia de Comércio Lda.',
      direction: 'pt-zh',
      urgency: 'expedited',
      documentTitle: 'Estatutos',
      characterCount: 1200,
      sourceDocument: upload,
    });

    // then
    expect(result.ok).toBe(true);
  });

  it('should refuse a request without the document, an unknown direction and no characters', async () => {
    // when
    const result = await validateSubmission(
      form('translation-service-application'),
      {
        requesterType: 'person',
        requesterName: 'WONG KA MAN',
        direction: 'en-zh',
        urgency: 'normal',
        documentTitle: 'Letter',
        characterCount: 0,
      },
      { language: 'en' },
    );

    // then
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['direction', 'characterCount', 'sourceDocument']),
    );
  });

  it('should ask the kind of text when accepting and the corrections when returning', async () => {
    // when
    const noKind = await validateSubmission(form('translation-service-assessment'), {
      assessment: 'accept',
    });
    const noCorrections = await validateSubmission(form('translation-service-review'), {
      reviewDecision: 'return',
    });
    const noTranslation = await validateSubmission(form('translation-service-translation'), {});
    const handedOver = await validateSubmission(form('translation-service-pickup'), {
      collectedBy: 'WONG KA MAN',
      collectorIdNumber: '1234567(8)',
    });

    // then
    expect(noKind.ok ? [] : noKind.errors.map((e) => e.path)).toEqual(['textKind']);
    expect(noCorrections.ok ? [] : noCorrections.errors.map((e) => e.path)).toEqual([
      'reviewComments',
    ]);
    expect(noTranslation.ok ? [] : noTranslation.errors.map((e) => e.path)).toEqual([
      'translation',
    ]);
    expect(handedOver.ok).toBe(true);
  });
});
