/** The store cannot be opened at start-up; the message starts with the variable to fix. */
export class StoreUnreachableError extends Error {
  readonly code = 'STORE_UNREACHABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnreachableError';
  }
}

/** A migration failed; the store is left at the last version that applied. */
export class MigrationError extends Error {
  readonly code = 'STORE_MIGRATION_FAILED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
  }
}
