// multipart/form-data parsing through the WHATWG `Response.formData()` that
// Node 20+ ships (undici). Never throws: malformed bodies come back as an error
// string the caller turns into a 400.

export interface UploadedFile {
  field: string;
  filename: string;
  /** The content type the client declared for this part (not trusted). */
  type: string;
  data: Buffer;
}

export interface ParsedForm {
  /** Text fields; repeated names keep every value in order. */
  fields: Map<string, string[]>;
  files: UploadedFile[];
}

export type FormResult = { ok: true; form: ParsedForm } | { ok: false; message: string };

export function isMultipart(contentType: string | undefined): boolean {
  return !!contentType && /^multipart\/form-data\s*;/i.test(contentType) && /boundary=/i.test(contentType);
}

export async function parseMultipart(body: Buffer, contentType: string): Promise<FormResult> {
  let fd: FormData;
  try {
    fd = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  } catch (e) {
    return { ok: false, message: `Could not parse multipart form: ${(e as Error)?.message ?? String(e)}` };
  }
  const fields = new Map<string, string[]>();
  const files: UploadedFile[] = [];
  for (const [name, value] of fd.entries()) {
    if (typeof value === 'string') {
      const list = fields.get(name) ?? [];
      list.push(value);
      fields.set(name, list);
    } else {
      const blob = value as File;
      files.push({
        field: name,
        filename: blob.name ?? '',
        type: blob.type ?? '',
        data: Buffer.from(await blob.arrayBuffer()),
      });
    }
  }
  return { ok: true, form: { fields, files } };
}

/** Last value of a text field (the service uses the last occurrence). */
export function field(form: ParsedForm, name: string): string | undefined {
  const v = form.fields.get(name);
  return v?.length ? v[v.length - 1] : undefined;
}
