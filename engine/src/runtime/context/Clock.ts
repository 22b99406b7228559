/** The engine's time source. Tests use a controllable clock (testing/ControlledClock). */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
