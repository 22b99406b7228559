import { describe, expect, it } from 'vitest';
import { inboxQuerySchema } from './inboxQuerySchema';

describe('inbox query', () => {
  it('should read var.<name> values as JSON, and bare words as strings', () => {
    // when
    const query = inboxQuerySchema.parse({
      'var.caseRef': '2026-DSI-000123',
      'var.quoted': '"50"',
      'var.fee': '50.5',
      'var.urgent': 'true',
      'var.empty': '',
      agency: 'DSI',
      unrelated: 'ignored',
    });

    // then
    expect(query.variables).toEqual({
      caseRef: '2026-DSI-000123',
      quoted: '50',
      fee: 50.5,
      urgent: true,
      empty: '',
    });
    expect(query).toMatchObject({ agency: 'DSI', view: 'all', sort: 'createdAt', page: 1 });
    expect(query).not.toHaveProperty('unrelated');
    expect(query).not.toHaveProperty(['var.caseRef']);
  });

  it('should name each malformed variable filter', () => {
    // when
    const parsed = inboxQuerySchema.safeParse({
      'var.a.b': '1',
      'var[a]': '1',
      'var.list': '[1]',
      'var.nothing': 'null',
      'var.twice': ['1', '2'],
      'var.long': 'x'.repeat(257),
    });

    // then
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'var.a.b',
      'var.list',
      'var.long',
      'var.nothing',
      'var.twice',
      'var[a]',
    ]);
  });
});
