/** A state machine as data: each state lists the states it may move to. */
export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

/** Thrown by assertTransition; the app layer turns it into its own error code. */
export class TransitionError extends Error {
  constructor(
    readonly machine: string,
    readonly from: string,
    readonly to: string,
    message: string,
  ) {
    super(message);
    this.name = 'TransitionError';
  }
}

export interface StateMachine<S extends string> {
  readonly name: string;
  readonly states: readonly S[];
  readonly table: TransitionTable<S>;
  readonly labels: Readonly<Record<S, string>>;
  canTransition(from: S, to: S): boolean;
  /** Throws TransitionError with a Vietnamese message naming both states. */
  assertTransition(from: S, to: S): void;
  isTerminal(state: S): boolean;
  isState(value: string): value is S;
}

export function defineStateMachine<S extends string>(name: string, table: TransitionTable<S>, labels: Readonly<Record<S, string>>): StateMachine<S> {
  const states = Object.keys(table) as S[];
  const canTransition = (from: S, to: S): boolean => table[from]?.includes(to) ?? false;
  return {
    name,
    states,
    table,
    labels,
    canTransition,
    assertTransition(from, to) {
      if (!canTransition(from, to)) {
        throw new TransitionError(name, from, to, `Không thể chuyển văn bản từ trạng thái "${labels[from] ?? from}" sang "${labels[to] ?? to}".`);
      }
    },
    isTerminal: (state) => (table[state]?.length ?? 0) === 0,
    isState: (value): value is S => (states as string[]).includes(value),
  };
}
