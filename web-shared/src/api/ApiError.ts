/** One field the server refused, as in `{error:{fields:[…]}}`. */
export interface FieldError {
  path: string;
  message: string;
  in?: string;
}

/** An API answer that is not a success, with the server's stable code (or NETWORK). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get unauthenticated(): boolean {
    return this.status === 401;
  }

  get notFound(): boolean {
    return this.status === 404;
  }
}

/** Reads the error shape `{error:{code,message,fields?,requestId?}}`, whatever came back. */
export async function apiErrorFrom(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => undefined)) as
    | { error?: { code?: string; message?: string; fields?: FieldError[]; requestId?: string } }
    | undefined;
  const error = body?.error;
  return new ApiError(
    res.status,
    error?.code ?? `HTTP_${res.status}`,
    error?.message ?? res.statusText,
    error?.fields ?? [],
    error?.requestId,
  );
}
