import { PNG } from 'pngjs';

/** Sizes Teams requires for the two app icons. */
export const TEAMS_ICON_SIZES = { color: 192, outline: 32 } as const;

function decode(bytes: Uint8Array): PNG | undefined {
  try {
    return PNG.sync.read(Buffer.from(bytes));
  } catch {
    return undefined;
  }
}

/** Problems with the icon files, as `file: problem` lines; empty when both are what Teams accepts. */
export function checkTeamsIcons(color: Uint8Array, outline: Uint8Array): string[] {
  const problems: string[] = [];
  const images = { 'color.png': decode(color), 'outline.png': decode(outline) };
  for (const [name, image] of Object.entries(images)) {
    const size = name === 'color.png' ? TEAMS_ICON_SIZES.color : TEAMS_ICON_SIZES.outline;
    if (!image) problems.push(`${name}: not a PNG file`);
    else if (image.width !== size || image.height !== size) problems.push(`${name}: expected ${size}×${size}, got ${image.width}×${image.height}`);
  }
  const image = images['outline.png'];
  if (problems.length > 0 || !image) return problems;
  // Teams recolours the outline icon, so every visible pixel must be white and the rest transparent.
  let visible = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const [r, g, b, a] = image.data.subarray(i, i + 4);
    if (!a) continue;
    visible += 1;
    if (r !== 255 || g !== 255 || b !== 255) return ['outline.png: every visible pixel must be white (Teams tints the outline icon)'];
  }
  if (visible === 0) problems.push('outline.png: fully transparent, nothing would show');
  if (visible === image.width * image.height) problems.push('outline.png: needs a transparent background');
  return problems;
}
