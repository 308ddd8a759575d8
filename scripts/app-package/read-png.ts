import { inflateSync } from 'node:zlib';

export type PngHeader = {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
};
export type RgbaImage = { width: number; height: number; pixels: Uint8Array };

const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function chunks(png: Buffer): { type: string; data: Buffer }[] {
  if (png.length < 33 || !png.subarray(0, 8).equals(signature)) throw new Error('not a PNG file');
  const out: { type: string; data: Buffer }[] = [];
  for (let at = 8; at + 8 <= png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    out.push({ type, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  return out;
}

/** Width, height and format from the IHDR chunk, which PNG requires to come first (bytes 16-28). */
export function readPngHeader(png: Buffer): PngHeader {
  const first = chunks(png)[0];
  if (first?.type !== 'IHDR') throw new Error('PNG does not start with an IHDR chunk');
  const d = first.data;
  return {
    width: d.readUInt32BE(0),
    height: d.readUInt32BE(4),
    bitDepth: d[8] ?? 0,
    colorType: d[9] ?? 0,
    interlace: d[12] ?? 0,
  };
}

const channelsByColorType: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * Decodes an 8-bit, non-interlaced PNG to RGBA: enough to check an outline icon's pixels.
 * Other variants are rare for icons and are refused with a message rather than misread.
 */
export function decodePng(png: Buffer): RgbaImage {
  const header = readPngHeader(png);
  const channels = channelsByColorType[header.colorType];
  if (header.bitDepth !== 8 || header.interlace !== 0 || channels === undefined) {
    throw new Error(
      `unsupported PNG variant (bit depth ${header.bitDepth}, color type ${header.colorType}, interlace ${header.interlace}); save it as 8-bit RGBA`,
    );
  }
  const all = chunks(png);
  const palette = all.find((c) => c.type === 'PLTE')?.data;
  const paletteAlpha = all.find((c) => c.type === 'tRNS')?.data;
  const raw = inflateSync(Buffer.concat(all.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const { width, height } = header;
  const stride = width * channels;
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (rows[y * stride + x - channels] as number) : 0;
      const b = y > 0 ? (rows[(y - 1) * stride + x] as number) : 0;
      const c = x >= channels && y > 0 ? (rows[(y - 1) * stride + x - channels] as number) : 0;
      rows[y * stride + x] = ((line[x] as number) + predict(filter, a, b, c)) & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = rows.subarray(i * channels, (i + 1) * channels);
    const rgba = toRgba(header.colorType, s, palette, paletteAlpha);
    pixels.set(rgba, i * 4);
  }
  return { width, height, pixels };
}

function predict(filter: number | undefined, a: number, b: number, c: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return a;
    case 2:
      return b;
    case 3:
      return (a + b) >> 1;
    case 4: {
      const p = a + b - c;
      const pa = Math.abs(p - a),
        pb = Math.abs(p - b),
        pc = Math.abs(p - c);
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    default:
      throw new Error(`corrupt PNG: unknown row filter ${filter}`);
  }
}

function toRgba(colorType: number, s: Uint8Array, palette?: Buffer, paletteAlpha?: Buffer): number[] {
  const [v0 = 0, v1 = 0, v2 = 0, v3 = 0] = s;
  switch (colorType) {
    case 0:
      return [v0, v0, v0, 255];
    case 2:
      return [v0, v1, v2, 255];
    case 3:
      return [
        palette?.[v0 * 3] ?? 0,
        palette?.[v0 * 3 + 1] ?? 0,
        palette?.[v0 * 3 + 2] ?? 0,
        paletteAlpha?.[v0] ?? 255,
      ];
    case 4:
      return [v0, v0, v0, v1];
    default:
      return [v0, v1, v2, v3];
  }
}
