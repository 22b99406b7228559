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

const errorPaths = (result: Awaited<ReturnType<typeof validateSubmission>>) =>
  result.ok ? [] : result.errors.map((e) => e.path);

describe('P14 forms', () => {
  it('should accept a complete draft and refuse an unknown department and a missing subject', async () => {
    // given
    const draft = form('official-letter-draft');
    const good = {
      senderDepartment: 'SAFP',
      receiverDepartment: 'DSAJ',
      fileReference: 'SAFP/DAJ/2026/41',
      subject: 'Pedido de parecer',
      letterBody: 'Texto',
      classification: 'ordinary',
      signer: 'Director SAFP',
    };

    // when
    const accepted = await validateSubmission(draft, good);
    const refused = await validateSubmission(
      draft,
      { ...good, receiverDepartment: 'NASA', subject: '' },
      { language: 'zh-Hant' },
    );

    // then
    expect(accepted.ok).toBe(true);
    expect(errorPaths(refused)).toEqual(expect.arrayContaining(['receiverDepartment', 'subject']));
  });

  it('should require a decision on approval and an assignee on registration', async () => {
    // when
    const noDecision = await validateSubmission(form('official-letter-approval'), {});
    const decided = await validateSubmission(form('official-letter-approval'), {
      approvalDecision: 'return',
      approvalComment: 'Rever o segundo parágrafo',
    });
    const unassigned = await validateSubmission(form('official-letter-registration'), {
      receiverRegistrar: 'registry-dsaj-1',
    });

    // then
    expect(errorPaths(noDecision)).toEqual(['approvalDecision']);
    expect(decided.ok).toBe(true);
    expect(errorPaths(unassigned)).toEqual(['receiverAssignee']);
  });

  it('should refuse a delivery date that is not YYYY-MM-DD and a reply without a summary', async () => {
    // when
    const badDate = await validateSubmission(form('official-letter-manual-delivery'), {
      receivedBy: 'Chefe DSAJ',
      deliveredOn: '30/11/2026',
      receiptNumber: 'R-88',
    });
    const goodDate = await validateSubmission(form('official-letter-manual-delivery'), {
      receivedBy: 'Chefe DSAJ',
      deliveredOn: '2026-11-30',
      receiptNumber: 'R-88',
    });
    const noReply = await validateSubmission(form('official-letter-reply'), { replySummary: '' });

    // then
    expect(errorPaths(badDate)).toEqual(['deliveredOn']);
    expect(goodDate.ok).toBe(true);
    expect(errorPaths(noReply)).toEqual(['replySummary']);
  });
});
