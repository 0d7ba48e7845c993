import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** The text of the QR code in a `data:image/png;base64,…` URI, decoded as a phone's camera would (jsQR). */
export function decodeQrDataUri(dataUri: string): string | null {
  const match = /^data:image\/png;base64,(.+)$/.exec(dataUri);
  if (!match) return null;
  const png = PNG.sync.read(Buffer.from(match[1], 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}
