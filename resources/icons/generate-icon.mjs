// Draws resources/icons/icon.png (512×512): two speech bubbles — a dialogue — on a
// rounded blue square. Code rather than a binary from a design tool, so it can be
// regenerated and reviewed: `node resources/icons/generate-icon.mjs`.
// electron-builder derives the Windows .ico and the Linux sizes from this PNG.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const clamp = (v) => Math.max(0, Math.min(1, v));

// Signed distances (negative inside).
const roundedBox = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const triangle = (x, y, [ax, ay], [bx, by], [cx, cy]) => {
  const side = (px, py, qx, qy) => (x - px) * (qy - py) - (y - py) * (qx - px);
  const d1 = side(ax, ay, bx, by), d2 = side(bx, by, cx, cy), d3 = side(cx, cy, ax, ay);
  const inside = (d1 <= 0 && d2 <= 0 && d3 <= 0) || (d1 >= 0 && d2 >= 0 && d3 >= 0);
  return inside ? -1 : 1;
};
const bubble = (x, y, cx, cy, tail) => Math.min(roundedBox(x, y, cx, cy, 120, 80, 60), triangle(x, y, ...tail) < 0 ? -1 : 1e9);

const layers = [
  { color: [31, 78, 155], sdf: (x, y) => roundedBox(x, y, 256, 256, 240, 240, 96) },
  { color: [255, 255, 255], sdf: (x, y) => bubble(x, y, 206, 196, [[140, 250], [200, 250], [120, 320]]) },
  { color: [255, 196, 61], sdf: (x, y) => bubble(x, y, 306, 316, [[312, 370], [372, 370], [392, 440]]) },
];

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (const layer of layers) {
      const cover = clamp(0.5 - layer.sdf(x + 0.5, y + 0.5));
      if (cover === 0) continue;
      const outA = cover + a * (1 - cover);
      [r, g, b] = [0, 1, 2].map((i) => (layer.color[i] * cover + [r, g, b][i] * a * (1 - cover)) / outA);
      a = outA;
    }
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    raw[o] = Math.round(r);
    raw[o + 1] = Math.round(g);
    raw[o + 2] = Math.round(b);
    raw[o + 3] = Math.round(a * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
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
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png');
writeFileSync(out, png);
console.log(`${out} (${png.length} bytes)`);
