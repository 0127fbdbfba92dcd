// Reads a self-service submission the way Kratos does (form, multipart or JSON), so the
// proxy's checks see the same fields Kratos will. Null when the body cannot be read.

export type ParsedForm = URLSearchParams | Record<string, unknown>;

export async function parseFormBody(contentType: string, body: ArrayBuffer): Promise<ParsedForm | null> {
  const text = new TextDecoder().decode(body);
  if (contentType.includes("application/x-www-form-urlencoded")) return new URLSearchParams(text);
  if (contentType.includes("application/json")) {
    try {
      const v: unknown = JSON.parse(text);
      return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }
  if (contentType.includes("multipart/form-data")) {
    try {
      const fd = await new Response(body, { headers: { "content-type": contentType } }).formData();
      const params = new URLSearchParams();
      fd.forEach((v, k) => params.append(k, typeof v === "string" ? v : ""));
      return params;
    } catch {
      return null;
    }
  }
  return null;
}

/** A field as a string (the first value for forms, as Kratos reads it), or undefined. */
export function field(form: ParsedForm, name: string): string | undefined {
  const v = form instanceof URLSearchParams ? form.get(name) : form[name];
  return typeof v === "string" ? v : undefined;
}
