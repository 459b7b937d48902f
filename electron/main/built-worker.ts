/**
 * Where a worker entry built by `npm run build:main` (out/main/<file>) is, from whichever code asks:
 * the bundle next to it (out/main, the app and the dev host), another bundle under out/ (the CLI, a
 * bench's), the sources (tests), or a packaged app, where workers are unpacked next to the asar
 * (package.json build.asarUnpack). Undefined when it is not built.
 */
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export function builtWorker(file: string): string | undefined {
  const near = [`./${file}`, `../main/${file}`, `../../out/main/${file}`, `../../../out/main/${file}`].map((rel) =>
    fileURLToPath(new URL(rel, import.meta.url)),
  );
  const candidates = [
    ...near.map((p) => p.replace(`app.asar${sep}`, `app.asar.unpacked${sep}`)),
    ...near,
    join(process.cwd(), 'out', 'main', file),
  ];
  return candidates.find((p) => existsSync(p));
}
