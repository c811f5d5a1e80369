/**
 * The one source of register numbers (design.md habit 8, domain.md §6.2.5): an atomic counter per
 * (register, year), taken inside the caller's transaction. If that transaction rolls back, the
 * number was never taken, so series stay gap-free; if it commits, no one else can get it.
 *
 * Take the number before the transaction's first audit event: the audit chain head is one locked
 * row, and taking a counter after it while another transaction holds that counter and waits for
 * the head would deadlock.
 */
export interface RegisterCounter {
  /** The next number of the register's series for the year: 1 for the first of a year. */
  next(registerId: string, year: number): Promise<number>;
  /** The number the next call would return, without taking it (for display only). */
  peek(registerId: string, year: number): Promise<number>;
}
