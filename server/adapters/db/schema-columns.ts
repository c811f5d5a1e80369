import type { ColumnType } from 'kysely';

/** Column types shared by the table definitions (schema.ts and schema-<area>.ts). */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
export type TimestampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
export type DateOnly = ColumnType<string, string, string>;
