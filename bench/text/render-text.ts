/**
 * Renders known text with Debian's fonts (@napi-rs/canvas), for the text-check benchmark and the
 * committed test fixtures. Fonts are registered from their files; a missing font is reported, not
 * replaced by a fallback (the benchmark's truth depends on the font).
 */
import { existsSync } from 'node:fs';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';

export const FONT_FILES: Record<string, string> = {
  'DejaVu Sans': '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  'DejaVu Serif': '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf',
  'DejaVu Sans Mono': '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf',
  'Liberation Sans': '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  'Liberation Serif': '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf',
  'Liberation Sans Narrow': '/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf',
  'DejaVu Sans Bold': '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
};

/**
 * Fonts the glyph checks were NOT tuned on (held back): the benchmark reports them separately.
 * Debian packages fonts-liberation, fonts-dejavu-extra and fonts-noto-mono.
 */
export const HELD_BACK_FONT_FILES: Record<string, string> = {
  'Liberation Sans Bold': '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  'Liberation Serif Bold': '/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf',
  'Liberation Sans Italic': '/usr/share/fonts/truetype/liberation/LiberationSans-Italic.ttf',
  'Liberation Mono': '/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf',
  'DejaVu Sans Condensed': '/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf',
  'DejaVu Serif Condensed': '/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed.ttf',
  'Noto Sans Mono': '/usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf',
};

/** Registers the fonts whose files exist; returns their family names. */
export function availableFonts(files: Record<string, string> = FONT_FILES): string[] {
  const out: string[] = [];
  for (const [family, file] of Object.entries(files))
    if (existsSync(file)) {
      GlobalFonts.registerFromPath(file, `mw-${family}`);
      out.push(family);
    }
  return out;
}

export interface TextImage {
  text: string;
  font: string;
  px: number;
  width: number;
  height: number;
  background?: string;
  colour?: string;
  /** Shift of the text from the centre, px (fractions place it between pixels). */
  dx?: number;
  dy?: number;
}

/** PNG of `text` centred on a plain background. */
export function renderText(o: TextImage): Buffer {
  const c = createCanvas(o.width, o.height);
  const g = c.getContext('2d');
  g.fillStyle = o.background ?? '#e8dcc0';
  g.fillRect(0, 0, o.width, o.height);
  g.fillStyle = o.colour ?? '#202030';
  g.font = `${o.px}px "mw-${o.font}"`;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText(o.text, o.width / 2 + (o.dx ?? 0), o.height / 2 + (o.dy ?? 0));
  return c.toBuffer('image/png');
}
