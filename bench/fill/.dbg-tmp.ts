import sharp from 'sharp';
import { inpaint, diffusionFill, textureScore, seamScore, psnrInMask } from '../../shared/engine';
const W = 200, H = 160;
const data = new Uint8ClampedArray(W * H * 4);
for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
  const v = ((Math.floor(x / 6) + Math.floor(y / 6)) % 2) ? 200 : 50;
  const i = (y * W + x) * 4; data[i] = v; data[i + 1] = (x * 3) % 256 > 128 ? v : 255 - v; data[i + 2] = 100; data[i + 3] = 255;
}
const img = { width: W, height: H, data };
const mask = new Uint8Array(W * H);
for (let y = 50; y < 110; y++) for (let x = 70; x < 140; x++) mask[y * W + x] = 255;
const out = inpaint(img, mask, { seed: 1 });
const d = diffusionFill(img, mask);
console.log('tex', textureScore(out, img, mask), textureScore(d, img, mask), 'seam', seamScore(out, img, mask), seamScore(d, img, mask), 'psnr', psnrInMask(out, img, mask));
await sharp(Buffer.from(out.data.buffer), { raw: { width: W, height: H, channels: 4 } }).resize(W*2,H*2,{kernel:'nearest'}).png().toFile('/tmp/fill/checker.png');
