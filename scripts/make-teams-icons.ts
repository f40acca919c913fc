import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

/**
 * Draws the Teams app icons (a magnifying glass over a pulse line: "find the module in trouble")
 * and writes appPackage/color.png (192×192) and appPackage/outline.png (32×32, white on transparent).
 * Run once after changing the design: npx tsx scripts/make-teams-icons.ts
 */

type Shape = (x: number, y: number) => boolean;

const ACCENT: readonly [number, number, number] = [0x1f, 0x5f, 0xa8];
const WHITE: readonly [number, number, number] = [0xff, 0xff, 0xff];

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The glyph in a unit square: ring, handle and a small pulse line inside the lens. */
const glyph: Shape = (x, y) => {
  const ring = Math.abs(Math.hypot(x - 0.42, y - 0.42) - 0.26) <= 0.06;
  const handle = distanceToSegment(x, y, 0.62, 0.62, 0.86, 0.86) <= 0.075;
  const pulse = [
    [0.26, 0.44, 0.34, 0.44],
    [0.34, 0.44, 0.39, 0.32],
    [0.39, 0.32, 0.46, 0.54],
    [0.46, 0.54, 0.5, 0.42],
    [0.5, 0.42, 0.58, 0.42],
  ].some(([ax = 0, ay = 0, bx = 0, by = 0]) => distanceToSegment(x, y, ax, ay, bx, by) <= 0.025);
  return ring || handle || pulse;
};

/** Fraction of a pixel covered by a shape, from 4×4 samples, so edges are smooth. */
function coverage(shape: Shape, px: number, py: number, size: number, inset: number): number {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const u = ((px + (sx + 0.5) / 4) / size - inset) / (1 - 2 * inset);
      const v = ((py + (sy + 0.5) / 4) / size - inset) / (1 - 2 * inset);
      if (u >= 0 && u <= 1 && v >= 0 && v <= 1 && shape(u, v)) hits += 1;
    }
  }
  return hits / 16;
}

function draw(size: number, inset: number, paint: (cover: number) => readonly [number, number, number, number]): PNG {
  const image = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) image.data.set(paint(coverage(glyph, x, y, size, inset)), (y * size + x) * 4);
  }
  return image;
}

/** Full-colour icon: white glyph on the accent colour, glyph inside the central safe area. */
export function colorIcon(): PNG {
  return draw(192, 0.2, (c) => [
    Math.round(ACCENT[0] + (WHITE[0] - ACCENT[0]) * c),
    Math.round(ACCENT[1] + (WHITE[1] - ACCENT[1]) * c),
    Math.round(ACCENT[2] + (WHITE[2] - ACCENT[2]) * c),
    255,
  ]);
}

/** Outline icon: Teams tints it, so it must be pure white with transparency only. */
export function outlineIcon(): PNG {
  return draw(32, 0.03, (c) => [...WHITE, Math.round(255 * c)]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = new URL('../appPackage/', import.meta.url);
  writeFileSync(new URL('color.png', dir), PNG.sync.write(colorIcon()));
  writeFileSync(new URL('outline.png', dir), PNG.sync.write(outlineIcon()));
  console.log('wrote appPackage/color.png and appPackage/outline.png');
}
