import { Resvg } from '@resvg/resvg-js';

/** An SVG as PNG at its own size (or `width` pixels wide), for a person to look at. Dev-side only. */
export function pngOf(svg: string, width?: number): { png: Buffer; width: number; height: number } {
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: width ? { mode: 'width', value: width } : { mode: 'original' },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
