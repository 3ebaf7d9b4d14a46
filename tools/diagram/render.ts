import { dotOf } from './dot';
import { architectureOf } from './model';
import { Template } from './template';

/** Drawn text size relative to the measured one (see below). */
const TEXT_SCALE = 0.88;

/** The part of @viz-js/viz used here. */
interface Viz {
  renderString(dot: string, options: { format: string; engine: string }): string;
}

/**
 * @viz-js/viz is an ES module package with a CommonJS build (`require` condition): TypeScript's node16 resolution
 * only sees its ES module types, so the CommonJS build is loaded with require, typed by hand.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { instance } = require('@viz-js/viz') as { instance: () => Promise<Viz> };

/**
 * The architecture diagram of a synthesized CloudFormation template, as SVG text: the same template gives the same
 * bytes. `title` is its caption, e.g. "numinia-production-baseline (eu-west-1)".
 */
export async function diagramSvg(template: Template, title: string): Promise<string> {
  const viz = await instance();
  const svg = viz.renderString(dotOf(architectureOf(template, title)), { format: 'svg', engine: 'dot' });
  return svg
    // Graphviz names Helvetica (with its own fallback); Arial and any sans-serif serve readers without it.
    .replace(/font-family="Helvetica,sans-Serif"/g, 'font-family="Helvetica,Arial,sans-serif"')
    // Boxes are sized with Helvetica's metrics; a reader's sans-serif may be wider (DejaVu Sans by about 9%), so text
    // is drawn a little smaller than measured and stays inside its box whatever font the viewer has.
    .replace(/font-size="([\d.]+)"/g, (_, size: string) => `font-size="${(Number(size) * TEXT_SCALE).toFixed(2)}"`);
}
