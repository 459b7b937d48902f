import { describe, expect, it } from 'vitest';
import { gatewayModel } from './catalog';
import { formatAspect, formatCount, isSizeLegal } from './size-rules';

function rule(check: ReturnType<typeof isSizeLegal>): string | undefined {
  return check.ok ? undefined : check.rule;
}

describe('isSizeLegal for gpt-image-2', () => {
  it('accepts the popular sizes and the 3824 px recommendation', () => {
    for (const [w, h] of [
      [1024, 1024],
      [1536, 1024],
      [1024, 1536],
      [2048, 2048],
      [2048, 1152],
      [3824, 2160],
      [2160, 3824],
    ]) {
      expect(isSizeLegal('gpt-image-2', w, h)).toEqual({ ok: true });
    }
  });

  it('names the broken rule in words', () => {
    expect(rule(isSizeLegal('gpt-image-2', 1000, 1024))).toBe('width 1000 is not a multiple of 16');
    expect(rule(isSizeLegal('gpt-image-2', 1024, 1000))).toBe('height 1000 is not a multiple of 16');
    expect(rule(isSizeLegal('gpt-image-2', 3584, 1024))).toBe("aspect 3.5:1 exceeds gpt-image-2's 3:1 limit");
    expect(rule(isSizeLegal('gpt-image-2', 1024, 3584))).toBe("aspect 1:3.5 exceeds gpt-image-2's 3:1 limit");
    expect(rule(isSizeLegal('gpt-image-2', 800, 800))).toBe('640,000 px below min 655,360');
    expect(rule(isSizeLegal('gpt-image-2', 3824, 2176))).toBe('8,321,024 px above max 8,294,400');
    expect(rule(isSizeLegal('gpt-image-2', 3840, 2160))).toBe('edge 3840 above max 3824');
  });

  it('accepts exactly 3:1 and exactly the pixel bounds', () => {
    expect(isSizeLegal('gpt-image-2', 2400, 800).ok).toBe(true);
    expect(isSizeLegal('gpt-image-2', 1280, 512).ok).toBe(true); // 655,360 px
  });

  it('rejects fractional or empty sizes', () => {
    expect(rule(isSizeLegal('gpt-image-2', 1024.5, 1024))).toMatch(/whole pixels/);
    expect(rule(isSizeLegal('gpt-image-2', 0, 1024))).toMatch(/whole pixels/);
  });
});

describe('isSizeLegal for fixed-size models', () => {
  it('accepts only the listed sizes and lists them when refusing', () => {
    expect(isSizeLegal('gpt-image-1.5', 1536, 1024).ok).toBe(true);
    expect(rule(isSizeLegal('gpt-image-1-mini', 1000, 1000))).toBe(
      "1000×1000 is not one of gpt-image-1-mini's sizes (1024×1024, 1536×1024, 1024×1536)",
    );
  });
});

describe('isSizeLegal for Gemini', () => {
  it('accepts a table size at its tier, or at any tier when none is named', () => {
    expect(isSizeLegal('gemini-3-pro-image', 1376, 768, '1K').ok).toBe(true);
    expect(isSizeLegal('gemini-3-pro-image', 2752, 1536).ok).toBe(true);
    expect(isSizeLegal('gemini-3.1-flash-image', 1024, 256, '512').ok).toBe(true);
  });

  it('refuses a tier the model lacks and a size from another tier', () => {
    expect(rule(isSizeLegal('gemini-3-pro-image', 512, 512, '512'))).toBe(
      'imageSize 512 is not offered by gemini-3-pro-image (1K, 2K, 4K)',
    );
    expect(rule(isSizeLegal('gemini-3-pro-image', 2752, 1536, '1K'))).toMatch(
      /^2752×1536 is not an output size of gemini-3-pro-image at 1K; aspect 16:9 at 1K yields 1376×768$/,
    );
  });

  it('refuses the banner aspects on Nano Banana Pro', () => {
    expect(isSizeLegal('gemini-3.1-flash-image', 3072, 384, '1K').ok).toBe(true);
    expect(isSizeLegal('gemini-3-pro-image', 3072, 384, '1K').ok).toBe(false);
  });
});

describe('isSizeLegal for other models', () => {
  it('lets the local engine take any size within its pixel budget', () => {
    expect(isSizeLegal('local', 1, 1).ok).toBe(true);
    expect(isSizeLegal('local', 4096, 4096).ok).toBe(true);
    expect(rule(isSizeLegal('local', 4097, 4096))).toBe('16,781,312 px above max 16,777,216');
  });

  it('says when a retired model was shut down and what to use instead', () => {
    expect(rule(isSizeLegal('gpt-image-1', 1024, 1024))).toBe('gpt-image-1 was shut down on 2026-10-23; use gpt-image-2');
    expect(rule(isSizeLegal('dall-e-2', 512, 512))).toBe('dall-e-2 was shut down on 2026-05-12; use gpt-image-2');
    expect(rule(isSizeLegal('gemini-2.5-flash-image', 1024, 1024))).toMatch(/use gemini-3.1-flash-image$/);
  });

  it('refuses unknown models and checks gateway specs by their template rules', () => {
    expect(rule(isSizeLegal('imagen-9', 1024, 1024))).toBe("unknown model 'imagen-9'");
    const gw = gatewayModel({ id: 'gw', name: 'gw' }, 'gpt-image-2');
    expect(isSizeLegal(gw, 2048, 1152).ok).toBe(true);
    expect(rule(isSizeLegal(gw, 1000, 1024))).toBe('width 1000 is not a multiple of 16');
  });
});

describe('formatting helpers', () => {
  it('groups thousands and writes aspects long:short', () => {
    expect(formatCount(8_294_400)).toBe('8,294,400');
    expect(formatCount(999)).toBe('999');
    expect(formatAspect(3500, 1000)).toBe('3.5:1');
    expect(formatAspect(1000, 4000)).toBe('1:4');
    expect(formatAspect(1000, 1000)).toBe('1:1');
  });
});
