// Draws media/icon.png (128×128): a spec page with a check mark on a blue tile. Shapes are
// rendered at 4× and averaged, so edges are smooth without an image library.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SCALE = 4;

const inRoundedRect = (x, y, left, top, right, bottom, radius) => {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
};
const nearSegment = (x, y, [ax, ay], [bx, by], width) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= width / 2;
};

/** The color at a point, back to front: tile, page, text lines, check badge, check. */
function colorAt(x, y) {
  let color = [0, 0, 0, 0];
  if (inRoundedRect(x, y, 4, 4, 124, 124, 24)) color = [37, 99, 235, 255];
  if (inRoundedRect(x, y, 30, 20, 90, 108, 6)) color = [248, 250, 252, 255];
  for (const [top, right] of [[36, 78], [50, 74], [64, 78], [78, 62]]) if (inRoundedRect(x, y, 40, top, right, top + 5, 2.5)) color = [148, 163, 184, 255];
  if ((x - 90) ** 2 + (y - 92) ** 2 <= 22 ** 2) color = [22, 163, 74, 255];
  if (nearSegment(x, y, [79, 92], [87, 100], 6) || nearSegment(x, y, [87, 100], [101, 83], 6)) color = [255, 255, 255, 255];
  return color;
}

const rows = [];
for (let py = 0; py < SIZE; py++) {
  const row = [0];
  for (let px = 0; px < SIZE; px++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SCALE; sy++) {
      for (let sx = 0; sx < SCALE; sx++) {
        const [r, g, b, a] = colorAt(px + (sx + 0.5) / SCALE, py + (sy + 0.5) / SCALE);
        sum[0] += r * a;
        sum[1] += g * a;
        sum[2] += b * a;
        sum[3] += a;
      }
    }
    const alpha = sum[3] / SCALE ** 2;
    row.push(...(sum[3] ? [sum[0] / sum[3], sum[1] / sum[3], sum[2] / sum[3]] : [0, 0, 0]).map(Math.round), Math.round(alpha));
  }
  rows.push(Buffer.from(row));
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
