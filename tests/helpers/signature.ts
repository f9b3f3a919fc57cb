import { PNG } from 'pngjs';

/** A customer's signature as the pad sends it: a real PNG (a diagonal stroke), base64. */
export function signaturePng(): { mime: 'image/png'; data: string } {
  const png = new PNG({ width: 120, height: 40 });
  for (let x = 0; x < 120; x++) {
    const y = Math.floor((x * 39) / 119);
    const i = (y * 120 + x) * 4;
    png.data[i + 3] = 255; // black, opaque
  }
  return { mime: 'image/png', data: PNG.sync.write(png).toString('base64') };
}
