/**
 * The text check's committed renderings (test/fixtures/text, made by make-fixtures.ts) as an edit
 * job reads them: a candidate's RGBA, and a candidate judged over the region that showed the old
 * text before the edit.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { checkCandidate, judgeCandidate, prepareTextCheck } from '../../electron/main/text-check/check-candidates';

const FIX = resolve(__dirname, '../fixtures/text');

/** A fixture's RGBA pixels and size. */
export async function fixtureRgba(name: string) {
  const { data, info } = await sharp(await readFile(join(FIX, name)))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { px: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}

/** The candidate `name`, asked to read `text`, over the region that showed `old` (the whole region masked). */
async function overOld(name: string, text: string, old: string) {
  const cand = await fixtureRgba(name);
  const base = (await fixtureRgba(old)).px;
  const mask = Uint8Array.from({ length: cand.width * cand.height }, () => 1);
  const ctx = await prepareTextCheck({ text }, base, mask, { width: cand.width, height: cand.height });
  return { ctx: ctx!, base, cand };
}

/** Its verdict, as `checkCandidate` gives it. */
export async function checkOverOld(name: string, text: string, old: string) {
  const { ctx, base, cand } = await overOld(name, text, old);
  return checkCandidate(ctx, base, cand.width, cand.px);
}

/** Its verdict with the second reading (`judgeCandidate`). */
export async function judgeOverOld(name: string, text: string, old: string) {
  const { ctx, base, cand } = await overOld(name, text, old);
  return judgeCandidate(ctx, base, cand.width, cand.px);
}
