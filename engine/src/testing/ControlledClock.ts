import type { Clock } from '../runtime/context/Clock';

/** A clock tests move by hand, so timers and deadlines fire exactly when a test says. */
export class ControlledClock implements Clock {
  private current: number;

  constructor(start: string | number = '2026-01-05T09:00:00+08:00') {
    this.current = typeof start === 'number' ? start : Date.parse(start);
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(instant: string): void {
    this.current = Date.parse(instant);
  }
}
