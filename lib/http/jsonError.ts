/** The one shape of every JSON error the app answers: `{ error: { id, code, message } }`. */
export function jsonErrorBody(status: number, id: string, message: string) {
  return { error: { id, code: status, message } };
}

export function jsonError(status: number, id: string, message: string, headers?: HeadersInit): Response {
  return Response.json(jsonErrorBody(status, id, message), { status, headers });
}
