import { describe, expect, it } from 'vitest';
import { cmykConversion } from './cmyk-conversion';

describe('cmykConversion', () => {
  it("names the file's own profile only when it has one", () => {
    expect(cmykConversion(true)).toBe("converted with the file's own colour profile");
    expect(cmykConversion(false)).toMatch(/generic CMYK profile, as the file has none/);
    expect(cmykConversion(false)).not.toMatch(/own colour profile/);
  });
});
