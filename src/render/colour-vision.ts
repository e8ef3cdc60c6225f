// Can a colour-blind reader tell the factions apart? Colours are passed through the Machado,
// Oliveira & Fernandes (2009) simulations of protanopia, deuteranopia and tritanopia (severity 1,
// in linear RGB) and compared by CIE76 ΔE in CIELAB (D65). Pure; used by tests and `check`.

import { factionFill, parseHex, UNKNOWN_FILL } from "../map/style.js";

export type Vision = "normal" | "protanopia" | "deuteranopia" | "tritanopia";
type Matrix = readonly [number, number, number, number, number, number, number, number, number];

const SIMULATION: Readonly<Record<Exclude<Vision, "normal">, Matrix>> = {
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
  tritanopia: [1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039],
};

export const VISIONS: readonly Vision[] = ["normal", "protanopia", "deuteranopia", "tritanopia"];

const toLinear = (c: number): number => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};

/** CIELAB of `#rrggbb` as seen with `vision`. */
export function labAs(color: string, vision: Vision): [number, number, number] {
  const rgb = parseHex(color) ?? [0, 0, 0];
  let [r, g, b] = rgb.map(toLinear) as [number, number, number];
  if (vision !== "normal") {
    const m = SIMULATION[vision];
    [r, g, b] = [
      Math.min(1, Math.max(0, m[0] * r + m[1] * g + m[2] * b)),
      Math.min(1, Math.max(0, m[3] * r + m[4] * g + m[5] * b)),
      Math.min(1, Math.max(0, m[6] * r + m[7] * g + m[8] * b)),
    ];
  }
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (841 / 108) * t + 4 / 29);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference between two colours as seen with `vision`. */
export function deltaE(a: string, b: string, vision: Vision = "normal"): number {
  const p = labAs(a, vision);
  const q = labAs(b, vision);
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

export interface ColourClash {
  readonly a: string;
  readonly b: string;
  readonly vision: Vision;
  readonly deltaE: number;
}

/** Below this ΔE two map fills are easily confused. */
export const MIN_DELTA_E = 10;

/** Pairs of named colours closer than `min` for some vision, closest first. */
export function colourClashes(colours: Readonly<Record<string, string>>, min = MIN_DELTA_E): ColourClash[] {
  const names = Object.keys(colours);
  const out: ColourClash[] = [];
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++)
      for (const vision of VISIONS) {
        const a = names[i] as string;
        const b = names[j] as string;
        const d = deltaE(colours[a] as string, colours[b] as string, vision);
        if (d < min) out.push({ a, b, vision, deltaE: d });
      }
  return out.sort((x, y) => x.deltaE - y.deltaE);
}

/**
 * The compiler's check of a scenario's faction colours, as the map fills them (with the fill of
 * unknown ground), under normal and colour-blind vision.
 */
export function factionColourClashes(
  colours: Readonly<Record<string, string>>,
): { readonly a: string; readonly b: string; readonly why: string }[] {
  const fills: Record<string, string> = { "unknown ground": UNKNOWN_FILL };
  for (const [id, c] of Object.entries(colours)) fills[id] = factionFill(c);
  return colourClashes(fills).map((c) => ({
    a: c.a,
    b: c.b,
    why: `ΔE ${c.deltaE.toFixed(1)} under ${c.vision === "normal" ? "normal vision" : c.vision} (at least ${MIN_DELTA_E} wanted)`,
  }));
}
