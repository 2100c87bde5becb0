/** An error the server answers with a fixed status and `{"message": ...}` body (plus optional headers). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** A request body failed its schema: answered 422 `{"detail": [...]}` like FastAPI. */
export class RequestValidationError extends Error {
  constructor(readonly detail: ValidationDetail[]) {
    super(detail.map((item) => `${item.loc.join('.')}: ${item.msg}`).join('; '));
    this.name = 'RequestValidationError';
  }
}

export interface ValidationDetail {
  type: string;
  loc: Array<string | number>;
  msg: string;
}
