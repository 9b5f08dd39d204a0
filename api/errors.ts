// The one error type of the HTTP layer; the error middleware turns it into the contract's shape.
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly cause?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, 'not-found', `${what} not found`);
export const forbidden = (why: string) => new AppError(403, 'forbidden', why);
export const invalid = (fields: Record<string, string>, message = 'the request has invalid fields') =>
  new AppError(400, 'invalid', message, fields);
