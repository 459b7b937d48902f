/**
 * The edit record every export carries: an XMP description with the IPTC digital source type for
 * images edited with generative AI (`compositeWithTrainedAlgorithmicMedia`), the AI systems used
 * (IPTC `AISystemUsed`), the date, and — only when the user opted in — the prompts
 * (`AIPromptInformation`). An XMP packet the original already has is kept: the record is added as
 * another rdf:Description, and only the properties it sets (digital source type, AI fields, modify
 * and metadata dates) are taken out of the old one so no property appears twice.
 */

export const DIGITAL_SOURCE_TYPE = 'http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia';

export interface Provenance {
  /** Model ids of the visible kept results, e.g. `gpt-image-2`, `local`. */
  models: string[];
  /** Prompts, included only when the user opted in (empty or absent otherwise). */
  prompts?: string[];
}

/** XML-escaped text without the control characters XML 1.0 forbids (tab, newline and return stay). */
const esc = (s: string) =>
  [...s]
    .filter((c) => c.charCodeAt(0) >= 32 || c === '\t' || c === '\n' || c === '\r')
    .join('')
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Human names for the model ids in the record. */
function systemName(model: string): string {
  if (model === 'local') return 'Maskwork offline engine';
  if (model.startsWith('gemini')) return `Google ${model}`;
  if (model.startsWith('gpt-image')) return `OpenAI ${model}`;
  return model;
}

const SET = ['DigitalSourceType', 'AISystemUsed', 'AIPromptInformation', 'ModifyDate', 'MetadataDate'];

function description(p: Provenance, date: Date): string {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const models = [...new Set(p.models)];
  const prompts = (p.prompts ?? []).filter((s) => s.trim());
  const lines = [
    '  <rdf:Description rdf:about=""',
    '    xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"',
    '    xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `   <Iptc4xmpExt:DigitalSourceType>${DIGITAL_SOURCE_TYPE}</Iptc4xmpExt:DigitalSourceType>`,
    `   <Iptc4xmpExt:AISystemUsed>${esc(models.length ? models.map(systemName).join(', ') : 'Maskwork')}</Iptc4xmpExt:AISystemUsed>`,
  ];
  if (prompts.length) lines.push(`   <Iptc4xmpExt:AIPromptInformation>${esc(prompts.join('\n'))}</Iptc4xmpExt:AIPromptInformation>`);
  lines.push(`   <xmp:ModifyDate>${iso}</xmp:ModifyDate>`, `   <xmp:MetadataDate>${iso}</xmp:MetadataDate>`, '  </rdf:Description>');
  return lines.join('\n');
}

/** Removes the properties the record sets (element and attribute forms, any prefix) from existing XMP. */
function withoutOurProperties(xmp: string): string {
  let out = xmp;
  for (const name of SET) {
    out = out.replace(new RegExp(`<([\\w.-]+):${name}\\b[^>]*?/>`, 'g'), '');
    out = out.replace(new RegExp(`<([\\w.-]+):${name}\\b[^>]*>[\\s\\S]*?</\\1:${name}>`, 'g'), '');
    out = out.replace(new RegExp(`\\s[\\w.-]+:${name}="[^"]*"`, 'g'), '');
  }
  return out;
}

/** The XMP packet for an export: `existing` (the original's, if any) with the edit record added. */
export function provenanceXmp(p: Provenance, existing: string | undefined, date = new Date()): string {
  const record = description(p, date);
  const old = existing?.replace(/\0+$/, '');
  if (old?.includes('</rdf:RDF>')) {
    const cleaned = withoutOurProperties(old);
    const at = cleaned.lastIndexOf('</rdf:RDF>');
    return `${cleaned.slice(0, at)}${record}\n ${cleaned.slice(at)}`;
  }
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    record,
    ' </rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}
