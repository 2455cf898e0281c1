// Error codes every layer agrees on. Core throws AppError(code); transports carry {code, message}.

export const ERROR_CODES = [
  'bad_request', // arguments failed validation
  'unknown_call', // no such API call
  'not_found',
  'conflict', // duplicate, already exists, already in this case; a save from a stale form or one loaded for another case
  'invalid_input', // a value a user typed is not acceptable (empty name, future date...)
  'unsupported_file', // the bytes are not a kind of document we import
  'corrupt_file',
  'encrypted_file',
  'too_large',
  'locked', // another copy of the app holds the data folder
  'db_newer', // database written by a newer app version
  'db_corrupt',
  'not_writable',
  'cancelled',
  'unauthorized',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorShape {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toShape(): ErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorShape };

/** Converts anything thrown into the wire shape; unknown errors become 'internal' with their message. */
export function toErrorShape(e: unknown): ErrorShape {
  if (isAppError(e)) return e.toShape();
  if (e && typeof e === 'object' && 'code' in e && 'message' in e && ERROR_CODES.includes((e as ErrorShape).code)) {
    return { code: (e as ErrorShape).code, message: String((e as ErrorShape).message) };
  }
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}
