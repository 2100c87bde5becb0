/**
 * Bytes URL images may pull: each request has its own allowance, and all requests in progress share the
 * process's. A request gives back what it took from the process when its run has really stopped.
 */
export class FetchBudget {
  private inFlight = 0;

  constructor(
    readonly maxBytesPerRequest: number,
    readonly maxBytesInFlight: number,
  ) {}

  get bytesInFlight(): number {
    return this.inFlight;
  }

  /** A fresh allowance for one request. */
  forRequest(): RequestFetchBudget {
    return new RequestFetchBudget(this);
  }

  /** @internal */
  take(bytes: number): boolean {
    if (this.inFlight + bytes > this.maxBytesInFlight) return false;
    this.inFlight += bytes;
    return true;
  }

  /** @internal */
  give(bytes: number): void {
    this.inFlight -= bytes;
  }
}

export class RequestFetchBudget {
  private used = 0;
  private closed = false;

  constructor(private readonly shared: FetchBudget) {}

  /** Counts `bytes` more, or says which limit they would pass. */
  take(bytes: number): string | undefined {
    if (this.closed) return 'the run has ended';
    if (this.used + bytes > this.shared.maxBytesPerRequest) {
      return `the images of this request pass ${this.shared.maxBytesPerRequest} bytes together (FLOW_URL_MAX_BYTES_PER_REQUEST)`;
    }
    if (!this.shared.take(bytes)) return 'the server holds too many downloaded images right now (FLOW_URL_MAX_BYTES_IN_FLIGHT); retry later';
    this.used += bytes;
    return undefined;
  }

  /** Gives the request's bytes back to the process; later takes fail. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.shared.give(this.used);
  }
}
