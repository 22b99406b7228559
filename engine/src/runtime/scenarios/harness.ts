import { afterEach, beforeEach, expect } from 'vitest';
import { TestEngine } from '../../testing/TestEngine';

/**
 * Each scenario gets a fresh engine; after it, the event log must rebuild exactly the state
 * the engine wrote (replay equality), whatever the scenario did.
 */
export function useTestEngine(): { readonly t: TestEngine } {
  const holder = {} as { t: TestEngine };
  beforeEach(async () => {
    holder.t = await TestEngine.start();
  });
  afterEach(async () => {
    expect(await holder.t.replayDifferences()).toEqual([]);
    await holder.t.close();
  });
  return {
    get t() {
      return holder.t;
    },
  };
}
