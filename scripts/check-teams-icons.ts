import { decodeRgbaPng, readPngHeader } from './png.js';

/** Sizes Teams requires for the two app icons. */
export const TEAMS_ICON_SIZES = { color: 192, outline: 32 } as const;

/** Problems with the icon files, as `file: problem` lines; empty when both are what Teams accepts. */
export function checkTeamsIcons(color: Uint8Array, outline: Uint8Array): string[] {
  const problems: string[] = [];
  for (const [name, bytes] of [['color.png', color], ['outline.png', outline]] as const) {
    const size = name === 'color.png' ? TEAMS_ICON_SIZES.color : TEAMS_ICON_SIZES.outline;
    const header = readPngHeader(bytes);
    if (!header) problems.push(`${name}: not a PNG file`);
    else if (header.width !== size || header.height !== size) problems.push(`${name}: expected ${size}×${size}, got ${header.width}×${header.height}`);
  }
  if (problems.length > 0) return problems;
  let image;
  try {
    image = decodeRgbaPng(outline);
  } catch (error) {
    return [`outline.png: ${(error as Error).message}`];
  }
  // Teams recolours the outline icon, so every visible pixel must be white and the rest transparent.
  let visible = 0;
  for (let i = 0; i < image.pixels.length; i += 4) {
    const [r, g, b, a] = image.pixels.subarray(i, i + 4);
    if (!a) continue;
    visible += 1;
    if (r !== 255 || g !== 255 || b !== 255) return ['outline.png: every visible pixel must be white (Teams tints the outline icon)'];
  }
  if (visible === 0) problems.push('outline.png: fully transparent, nothing would show');
  if (visible === image.width * image.height) problems.push('outline.png: needs a transparent background');
  return problems;
}
