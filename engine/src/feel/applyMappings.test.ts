import { describe, expect, it } from 'vitest';
import { applyMappings } from './applyMappings';
import { evaluateStaticOrFeel } from './evaluateStaticOrFeel';

describe('applyMappings', () => {
  it('should map static and FEEL sources, nested targets merging into objects', () => {
    // given
    const source = { applicant: { id: '1234567(8)', name: 'Chan' }, fee: 50 };

    // when
    const result = applyMappings(
      [
        { source: { kind: 'feel', source: 'applicant.id' }, target: 'idNumber' },
        { source: { kind: 'static', value: 'MOP' }, target: 'payment.currency' },
        { source: { kind: 'feel', source: 'fee * 2' }, target: 'payment.amount' },
        { source: { kind: 'feel', source: 'idNumber' }, target: 'applicant.checkedId' },
        { source: { kind: 'static', value: 'x' }, target: 'a.b.c' },
      ],
      source,
    );

    // then
    expect(result).toEqual({
      ok: true,
      variables: {
        idNumber: '1234567(8)',
        payment: { currency: 'MOP', amount: 100 },
        applicant: { id: '1234567(8)', name: 'Chan', checkedId: '1234567(8)' },
        a: { b: { c: 'x' } },
      },
    });
    expect(source.applicant).toEqual({ id: '1234567(8)', name: 'Chan' });
  });

  it('should fail naming the target when a source does not evaluate', () => {
    // when
    const result = applyMappings([{ source: { kind: 'feel', source: 'a +' }, target: 'b' }], {});

    // then
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain("'b'");
  });
});

describe('evaluateStaticOrFeel', () => {
  it('should split static comma-separated lists and check FEEL result types', () => {
    // when / then
    expect(
      evaluateStaticOrFeel({ kind: 'static', value: 'clerks, approvers,' }, {}, 'list-of-strings'),
    ).toEqual({ ok: true, value: ['clerks', 'approvers'] });
    expect(
      evaluateStaticOrFeel(
        { kind: 'feel', source: 'groups' },
        { groups: ['a'] },
        'list-of-strings',
      ),
    ).toEqual({ ok: true, value: ['a'] });
    expect(evaluateStaticOrFeel({ kind: 'static', value: '3' }, {}, 'number')).toEqual({
      ok: true,
      value: 3,
    });
    expect(evaluateStaticOrFeel({ kind: 'static', value: 'three' }, {}, 'number').ok).toBe(false);
    const wrongType = evaluateStaticOrFeel({ kind: 'feel', source: '"x"' }, {}, 'number');
    expect(!wrongType.ok && wrongType.message).toBe(
      `Expected result of the expression '"x"' to be 'NUMBER', but was 'STRING'.`,
    );
  });
});
