/** A delegation (domain.md §4.3): while `principal` is away, `delegate` acts for them. */
export interface DelegationRecord {
  id: string;
  agencyId: string;
  principalUserId: string;
  principalName: string;
  delegateUserId: string;
  delegateName: string;
  /** The interval is [startsAt, endsAt). */
  startsAt: Date;
  endsAt: Date;
  reason: string;
  createdBy: string;
  createdAt: Date;
  cancelledAt: Date | null;
}

export interface NewDelegation {
  agencyId: string;
  principalUserId: string;
  delegateUserId: string;
  startsAt: Date;
  endsAt: Date;
  reason: string;
  createdBy: string;
}

export interface DelegationRepository {
  findById(id: string): Promise<DelegationRecord | undefined>;
  /** The agency's delegations (not cancelled first, latest start first); `userId` keeps those naming that user. */
  list(agencyId: string, options?: { userId?: string }): Promise<DelegationRecord[]>;
  /** Not cancelled delegations of `principalUserId` whose interval meets [startsAt, endsAt). */
  listOverlapping(principalUserId: string, startsAt: Date, endsAt: Date): Promise<DelegationRecord[]>;
  /** Not cancelled delegations from `principalUserId` to `delegateUserId`, any time. */
  listBetween(principalUserId: string, delegateUserId: string): Promise<DelegationRecord[]>;
  insert(d: NewDelegation): Promise<DelegationRecord>;
  cancel(id: string, by: string, at: Date): Promise<void>;
}
