/**
 * The help text. Kept apart from the commands (and imports nothing) so `maskwork --help` loads no
 * SDK, no sharp and no main-process code.
 */
export const EDIT_USAGE = `maskwork edit --image <file> --mask <png> [--prompt <text>] --model <id|auto> [--rules <json>] [--n <k>]
              [--quality low|medium|high|auto] [--ref <file>]... [--feather <px>] [--no-color-match]
              [--seed <n>] [--text <text> [--retry-text <n>]] --out <file.png|.jpg|.webp|.tif|.psd> [--overwrite] [--json]`;
export const FILL_USAGE = `maskwork fill --image <file> --mask <png> --out <file.png|.tif|.psd|…> [--seed <n>] [--overwrite] [--json]`;
export const EXPAND_USAGE = `maskwork expand --image <file> (--aspect W:H [--anchor centre|left|right|top|bottom]
              | --left N --right N --top N --bottom N) --model <id|auto> [--rules <json>] [--prompt <text>]
              [--quality low|medium|high|auto] [--band <px>] [--prefill smooth|local] [--seed <n>]
              --out <file.png|.tif|.psd|…> [--overwrite] [--json]`;
export const BATCH_USAGE = `maskwork batch <edit|fill|expand> --images <folder> [--mask <png> | --masks <folder>]
              --out <folder> [--format png|jpg|webp|tif|psd] [options of that command] [--json]
  maskwork batch edit … --model gemini-3.1-flash-image|gemini-3-pro-image|auto --batch-api [--json]
  maskwork batch status|fetch|cancel <batch id> [--json] [--overwrite]`;
export const COMPARE_USAGE = `maskwork compare --image <file> --mask <png> [--prompt <text>] --models <id,id,...>
              --out <file.png> [--quality low|medium|high|auto] [--overwrite] [--json]`;

export const USAGE = `Maskwork command line

  maskwork --version | -v
  ${EDIT_USAGE}
  ${FILL_USAGE}
  ${EXPAND_USAGE}
  ${BATCH_USAGE}
  ${COMPARE_USAGE}

The mask is a PNG of the image's size; white (luminance > 127) marks what to change.
--quality defaults to medium (as in the app) for models that have qualities.
Without --prompt a cloud model removes what is masked and continues the surroundings (as
Photoshop's Generative Fill with an empty prompt).
With --n k > 1, edit writes <stem>-1.png … <stem>-k.png (also when a model returns fewer).
--text (or a quoted text in --prompt) reads every candidate back with the offline OCR and ranks the
spelled-right ones first; --retry-text n sends up to n more requests until one is right (every file
is written, best first, numbered when there is more than one).
Nothing is overwritten: an --out that exists, or that is the input image, is refused unless
--overwrite is given. Inputs must be regular files (no devices or pipes) of at most 400 MB.
Without --json edit, fill and expand print "Wrote <file> (seed N)" (the offline engine's seed:
--seed N repeats that output) or "Wrote <file> · ≈ $cost".
--json prints one JSON object; with the offline engine (fill, --model local) "seeds" gives each
output's seed: --seed with it repeats that output. On failure {"error": {kind, message, …}}, with
spentUsd and requestsCharged when requests sent before the failure are charged (the error line says
so too).
Output formats: .png, .jpg, .webp, .tif/.tiff (deflate) and .psd (layered: the original, the result
and its alpha). A 16-bit PNG or TIFF stays 16-bit in .png, .tif and .psd; .jpg/.webp are 8-bit.
expand extends to an aspect preset (1:1 4:5 3:2 16:9 21:9 3:1 4:1 8:1 9:16 1:4 or any W:H)
or by pixels per side, tiling past each model's limits; --json prints the tile plan and cost.
The extended canvas may be at most 150 MP and 30000 px per side.
batch runs edit, fill or expand over a folder: --mask is one mask for all, --masks <folder> holds
each image's own, named <stem>.png, <stem>.mask.png or <stem>-mask.png, else its one
<stem>.mask-<label>.png (several labelled masks: that image fails, none is guessed). The masks may
be in the images folder itself (--masks <images folder>, or no mask option at all): files named
<stem>.mask.png, <stem>-mask.png or <stem>.mask-<label>.png are masks there, never images (and
<stem>.png there is an image, never a mask). Outputs are <stem>.<format>; two images with one stem (photo.jpg, photo.png) write
photo-jpg.png and photo-png.png. It goes on after a failure and exits 1 if any image failed.
--model auto lets the routing rules pick (text in the prompt → gpt-image-2, an outpaint wider than
3:1 → gemini-3.1-flash-image, else gpt-image-2; only models whose key is set); --rules <json> uses
rules saved from the app's Settings; --json reports the pick as auto: {model, rule, reason}.
batch edit --batch-api sends every image as one Gemini Batch API job (Nano Banana models: half
price, results within 24 h) and returns its id at once; batch fetch <id> writes the results when
the job is done (exit 3 while it is not), batch status <id> asks, batch cancel <id> cancels it.
compare runs one edit with several models (--models a,b,c) and writes <stem>-<model>.png each.
Models: gpt-image-2, gpt-image-1.5, gpt-image-1-mini, gemini-3.1-flash-image, gemini-3-pro-image,
local (offline, free); nano-banana-2 and nano-banana-pro name the two Gemini models.
Environment:
  OPENAI_API_KEY          the key for the GPT Image models (never printed)
  GEMINI_API_KEY          the key for the Nano Banana (Gemini) models (never printed)
  OPENAI_BASE_URL         another OpenAI-compatible endpoint (a gateway, a local server), with /v1
  GOOGLE_GEMINI_BASE_URL  another Gemini endpoint
  MASKWORK_STATE_DIR      where batch --batch-api keeps its jobs (else $XDG_STATE_HOME/maskwork,
                          else ~/.local/state/maskwork)
  MASKWORK_SETTINGS_DIR   the app's settings folder (else ~/.config/Maskwork on Linux, ~/Library/
                          Application Support/Maskwork on macOS, %APPDATA%\\Maskwork on Windows): the
                          spend cap set in the app (Settings → Spend cap) holds here too — a request
                          above it is refused before it is sent (exit 1) — and what is sent is counted
                          in the app's spend ledger
Ctrl+C cancels the running requests, writes nothing more and says what was written and what the
requests already sent are charged (with --json as the error object).
Exit codes: 0 success, 1 failed or refused (the typed error is printed), 2 bad usage,
130 interrupted (Ctrl+C; 143 SIGTERM).
`;
