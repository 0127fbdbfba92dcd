/** The one shape of every JSON error the app answers: `{ error: { id, code, message } }`. */
export function jsonError(status: number, id: string, message: string, headers?: HeadersInit): Response {
  return Response.json({ error: { id, code: status, message } }, { status, headers });
}
