import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

/**
 * The transaction a unit of work is running, for adapters that read the database on their own
 * (signing keys, trust anchors, images) while a use case calls them inside `uow.run`. On PGlite
 * there is one connection: a second query from outside the open transaction would wait for it
 * forever. Following the ambient transaction also means such reads see the use case's own writes.
 */
const ambient = new AsyncLocalStorage<Transaction<DB>>();

export function withAmbientTransaction<T>(trx: Transaction<DB>, fn: () => Promise<T>): Promise<T> {
  return ambient.run(trx, fn);
}

/**
 * A Kysely handle that runs on the ambient transaction when there is one, else on `db`. Inside a
 * transaction, `transaction().execute(fn)` joins it instead of opening a nested one.
 */
export function followAmbientTransaction(db: Kysely<DB>): Kysely<DB> {
  return new Proxy(db, {
    get(target, prop) {
      const trx = ambient.getStore();
      if (trx && prop === 'transaction') {
        const joined = { execute: <R>(fn: (t: Transaction<DB>) => Promise<R>) => fn(trx), setIsolationLevel: () => joined, setAccessMode: () => joined };
        return () => joined;
      }
      const on: Kysely<DB> = trx ?? target;
      const value: unknown = Reflect.get(on, prop, on);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(on) : value;
    },
  });
}
