import { describe, expect, it } from 'vitest';
import { StatementNames } from './StatementNames';

describe('StatementNames', () => {
  it('should give a text the same name every time and different texts different names', () => {
    const names = new StatementNames();

    const first = names.nameOf('select $1');

    expect(first).toMatch(/^balcao_[0-9a-f]{20}$/);
    expect(names.nameOf('select $1')).toBe(first);
    expect(names.nameOf('select $1 + 1')).not.toBe(first);
  });

  it('should name no more texts than its limit, keeping the names it gave', () => {
    const names = new StatementNames(2);
    const a = names.nameOf('a $1');
    names.nameOf('b $1');

    expect(names.nameOf('c $1')).toBeUndefined();
    expect(names.nameOf('a $1')).toBe(a);
  });

  it('should give a renamed text a name never used before', () => {
    const names = new StatementNames();
    const before = names.nameOf('select * from t where id = $1');

    names.rename('select * from t where id = $1');

    const after = names.nameOf('select * from t where id = $1');
    expect(after).not.toBe(before);
    expect(after).toMatch(/^balcao_r1_/);
  });
});
