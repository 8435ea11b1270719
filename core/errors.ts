/** Every failure the desk raises on purpose carries one of these codes. */
export type DeskErrorCode =
  /** Input failed validation: a field is missing, malformed or out of range. */
  | 'invalid_input'
  /** A number is NaN, infinite, negative where it must not be, or has too many decimals. */
  | 'invalid_number'
  /** The requested symbol, order, thread or record does not exist. */
  | 'not_found'
  /** A record with the same identity already exists with different contents. */
  | 'conflict'
  /** An approval token is missing, malformed, expired or does not match the order. */
  | 'approval_invalid'
  /** The broker refused or could not process an order. */
  | 'broker_rejected'
  /** The broker could not be reached or answered with a transient failure (timeout, 5xx, 429, circuit open). */
  | 'broker_unavailable'
  /** Not enough market data to answer (e.g. a backtest shorter than its slowest indicator). */
  | 'insufficient_data'
  /** A CSV or other import could not be parsed. */
  | 'parse_error'
  /** The database is unreachable or a migration failed. */
  | 'database_error'
  /** An agent asked for an MCP tool outside its allowlist. */
  | 'tool_not_allowed'
  /** The model provider failed or answered in a shape the desk cannot use. */
  | 'model_error'
  /** The decision log's hash chain does not verify. */
  | 'integrity_error'
  /** Configuration (env, files) is missing or invalid. */
  | 'config_error'
  /** A data provider failed; `details.retryable` says whether trying again may help (network, 5xx, 429). */
  | 'provider_error'
  /** A long computation was stopped because its caller cancelled the request. */
  | 'cancelled'
  /** The caller lacks the role the action needs (e.g. admin to change risk limits). */
  | 'forbidden'
  /** An order cannot move from its current status to the requested one (e.g. cancel a filled order). */
  | 'invalid_transition';

/**
 * The one error type of the desk. `code` is machine-readable, `message` says which field,
 * why, and what is allowed; `details` carries structured context; `cause` is kept.
 *
 * @example
 * throw new DeskError('invalid_input', 'quantity must be > 0 (got -5)', { field: 'quantity' });
 */
export class DeskError extends Error {
  readonly code: DeskErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: DeskErrorCode, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DeskError';
    this.code = code;
    this.details = details;
  }
}

/** True when `value` is a DeskError, optionally with the given code. */
export function isDeskError(value: unknown, code?: DeskErrorCode): value is DeskError {
  return value instanceof DeskError && (code === undefined || value.code === code);
}
