/** Limits that protect main from decompression bombs and runaway memory. */
export const MAX_IMAGE_PIXELS = 150_000_000; // 150 MP: a 100 MP medium-format file opens, a 30000² bomb does not
export const MAX_IMAGE_EDGE = 30_000;
export const MAX_FILE_BYTES = 400 * 1024 * 1024;
