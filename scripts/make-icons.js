#!/usr/bin/env node
// @ts-check
/**
 * Draws the add-in icon (a rising bar chart and a coin on a blue tile) and writes it as PNG files
 * in assets/ at every size the manifest declares. Pure Node: shapes are rendered with 8×8
 * supersampling and the PNG is encoded with zlib, so the icons can be regenerated anywhere.
 *
 *   node scripts/make-icons.js            # writes assets/icon-{16,32,64,80}.png
 *   node scripts/make-icons.js --check    # exits 1 if a committed icon differs from the drawing
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const ASSETS = path.join(__dirname, "..", "assets");
const SUPERSAMPLE = 8;

/** @typedef {[number, number, number, number]} Rgba  straight (non-premultiplied), 0..255 */

const TILE = /** @type {Rgba} */ ([15, 108, 189, 255]); // Fluent brand blue #0F6CBD
const BAR = /** @type {Rgba} */ ([255, 255, 255, 255]);
const COIN = /** @type {Rgba} */ ([255, 185, 0, 255]); // #FFB900
const COIN_RIM = /** @type {Rgba} */ ([196, 128, 0, 255]);

/**
 * The drawing, in unit coordinates (0..1, y down). Later layers paint over earlier ones.
 * @param {number} x
 * @param {number} y
 * @param {number} size  icon size in pixels: fine details are left out of small icons
 * @returns {Rgba | null}
 */
function shade(x, y, size) {
  if (!insideRoundedRect(x, y, 0, 0, 1, 1, 0.19)) return null;
  /** @type {Rgba} */
  let color = TILE;
  const baseline = 0.84;
  const bars = [
    { left: 0.16, top: 0.6 },
    { left: 0.41, top: 0.43 },
    { left: 0.66, top: 0.22 },
  ];
  for (const bar of bars) {
    if (insideRoundedRect(x, y, bar.left, bar.top, bar.left + 0.18, baseline, 0.03)) color = BAR;
  }
  const coin = { cx: 0.255, cy: 0.31, r: 0.135 };
  const d = Math.hypot(x - coin.cx, y - coin.cy);
  if (d <= coin.r) {
    color = COIN;
    const rim = size >= 32 ? 0.028 : 0.04;
    if (d >= coin.r - rim) color = COIN_RIM;
    // inner ring on the larger icons, so the disc reads as a coin
    if (size >= 64 && d <= coin.r * 0.62 && d >= coin.r * 0.62 - 0.018) color = COIN_RIM;
  }
  return color;
}

/**
 * @param {number} x @param {number} y
 * @param {number} x0 @param {number} y0 @param {number} x1 @param {number} y1
 * @param {number} r corner radius
 */
function insideRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

/**
 * Renders the icon to straight RGBA pixels.
 * @param {number} size
 * @returns {Buffer}
 */
function render(size) {
  const out = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // average premultiplied colour over the sub-samples, then un-premultiply
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const c = shade(
            (px + (sx + 0.5) / SUPERSAMPLE) / size,
            (py + (sy + 0.5) / SUPERSAMPLE) / size,
            size
          );
          if (!c) continue;
          const alpha = c[3] / 255;
          r += c[0] * alpha;
          g += c[1] * alpha;
          b += c[2] * alpha;
          a += alpha;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
      out[i + 3] = Math.round((a / n) * 255);
    }
  }
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** @param {Buffer} buf */
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * Encodes straight RGBA pixels as an 8-bit RGBA PNG (filter 0 on every row).
 * @param {number} size
 * @param {Buffer} rgba
 */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const check = process.argv.includes("--check");
  let stale = 0;
  fs.mkdirSync(ASSETS, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(ASSETS, `icon-${size}.png`);
    const png = encodePng(size, render(size));
    if (check) {
      if (!fs.existsSync(file) || !fs.readFileSync(file).equals(png)) {
        console.error(`${path.relative(process.cwd(), file)} differs from scripts/make-icons.js`);
        stale++;
      }
    } else {
      fs.writeFileSync(file, png);
      console.log(`wrote ${path.relative(process.cwd(), file)} (${png.length} bytes)`);
    }
  }
  if (stale > 0) process.exit(1);
}

if (require.main === module) main();

module.exports = { render, encodePng, SIZES };
