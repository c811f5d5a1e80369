import type { Clock } from '../app/ports/clock.ts';

/** A clock tests set and move by hand. */
export class FixedClock implements Clock {
  constructor(private current: Date = new Date('2026-03-02T02:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
