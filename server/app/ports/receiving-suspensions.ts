/** A period in which the system operator says an agency does not receive through the system (R15, domain.md §15.2). */
export interface ReceivingSuspension {
  id: string;
  agencyId: string;
  agencyName: string;
  /** Local dates, inclusive; `endsOn` null: until further notice. */
  startsOn: string;
  endsOn: string | null;
  reason: string;
  createdAt: Date;
}

export interface ReceivingSuspensions {
  list(): Promise<ReceivingSuspension[]>;
  add(input: { agencyId: string; startsOn: string; endsOn: string | null; reason: string; createdBy: string | null }): Promise<ReceivingSuspension>;
  /** The removed row, or undefined when there was none. */
  remove(id: string): Promise<ReceivingSuspension | undefined>;
}
