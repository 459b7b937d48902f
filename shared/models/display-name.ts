/**
 * A model's name where room is tight (a candidate's tile, a lineage): the catalog's Nano Banana
 * names carry their Gemini names in brackets ("Nano Banana 2 (Gemini 3.1 Flash Image)"), which a
 * 120 px tile cut to "Nano Banana 2 (Gem…". The tile's tooltip and accessible name keep the whole.
 * Any other name (a gateway model's own) is left as it is.
 */
export function shortModelName(name: string): string {
  const m = /^(.+?)\s+\(Gemini [^()]*\)$/.exec(name);
  return m ? m[1] : name;
}
