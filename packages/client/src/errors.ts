/**
 * An error the API answered, with its code (`NOT_FOUND`, `BAD_USER_INPUT`, `FORBIDDEN`, `UNAUTHENTICATED`,
 * `CONFLICT`, `PAYLOAD_TOO_LARGE`...) and, for bad input, the field at fault.
 */
export class RetrainApiError extends Error {
  override name = "RetrainApiError";
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
    /** The HTTP status it came with. */
    readonly status?: number,
  ) {
    super(message);
  }
}

interface ErrorBody {
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
  error?: { code?: string; message?: string; field?: string };
}

/** The API's error from a GraphQL answer (`errors[0]`) or a REST one (`error`), or null when there is none. */
export function apiErrorOf(body: unknown, status: number): RetrainApiError | null {
  const { errors, error } = (body ?? {}) as ErrorBody;
  const first = errors?.[0];
  if (first)
    return new RetrainApiError(first.message, first.extensions?.code ?? "ERROR", first.extensions?.field, status);
  if (error) return new RetrainApiError(error.message ?? "error", error.code ?? "ERROR", error.field, status);
  return null;
}
