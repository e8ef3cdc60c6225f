// A quick yes for the common case of a zod schema: `fastParser(schema)` reads the schema's own
// definition once (objects, strict or not, arrays, tuples, strings, numbers, booleans, literals,
// enums, anything (`unknown`), optional and default values, unions and discriminated unions, and every check and
// refinement attached to them, run as zod runs them) and returns a function that gives the
// schema's output for a valid input, as zod builds it (keys in the schema's order, defaults
// filled in; a list or mapping that would come out equal to the input, same keys in the same
// order, is the input itself rather than a copy), or `undefined`. `undefined` means "ask zod": for an invalid input, or for a schema
// part it does not know. Zod stays the one source of the messages and their paths; the fast
// path only skips the work zod does to report problems when there are none. A property test
// compares both on valid and invalid inputs.

import type { z } from "zod";

/** No fast answer: the input is invalid, or its schema is beyond this reader. */
const NO: unique symbol = Symbol("ask zod");
type Fast = (input: unknown) => unknown;

/** How many texts each checked string schema remembers as valid. */
const PASSED_TEXTS = 8192;

type Def = {
  readonly type: string;
  readonly checks?: readonly { readonly _zod: { readonly check: (payload: Payload) => unknown } }[];
  readonly [key: string]: unknown;
};
type Payload = { value: unknown; issues: unknown[] };
type Schema = { readonly _zod: { readonly def: Def } };

/** A list the schema passed unchanged: the list itself, unless it carries keys other than its
 *  indices (no parsed file makes such a list, but zod's copy would drop them). */
function kept(v: unknown[]): unknown[] {
  return Object.keys(v).length === v.length ? v : v.slice();
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** What the schema's parse gives for `input`, or NO. */
function compile(schema: Schema): Fast {
  const def = schema._zod.def;
  const base = compileType(def);
  const checks = def.checks ?? [];
  if (checks.length === 0) return base;
  // Text that passed the checks once passes them again (checks are functions of the value): the
  // dates and ids a big file repeats are checked once each, up to a bound.
  const passed = def.type === "string" ? new Set<unknown>() : undefined;
  return (input) => {
    if (passed?.has(input)) return input;
    const value = base(input);
    if (value === NO) return NO;
    const payload: Payload = { value, issues: [] };
    for (const check of checks) {
      const r = check._zod.check(payload);
      if (r instanceof Promise || payload.issues.length > 0) return NO;
    }
    if (passed && passed.size < PASSED_TEXTS && payload.value === input) passed.add(input);
    return payload.value;
  };
}

const never: Fast = () => NO;

function compileType(def: Def): Fast {
  if (def.coerce === true) return never;
  switch (def.type) {
    case "string":
      return (v) => (typeof v === "string" ? v : NO);
    case "number":
      return (v) => (typeof v === "number" && Number.isFinite(v) ? v : NO);
    case "boolean":
      return (v) => (typeof v === "boolean" ? v : NO);
    case "unknown":
    case "any":
      return (v) => v;
    case "literal": {
      const values = def.values as readonly unknown[];
      return (v) => (values.includes(v) ? v : NO);
    }
    case "enum": {
      const values = new Set(Object.values(def.entries as Record<string, unknown>));
      return (v) => (values.has(v) ? v : NO);
    }
    case "optional": {
      const inner = compile(def.innerType as Schema);
      return (v) => (v === undefined ? undefined : inner(v));
    }
    case "default": {
      const inner = compile(def.innerType as Schema);
      // The default as zod gives it (a fresh copy each time, when it is a list or a mapping).
      return (v) => (v === undefined ? def.defaultValue : inner(v));
    }
    case "array": {
      const element = compile(def.element as Schema);
      return (v) => {
        if (!Array.isArray(v)) return NO;
        let out: unknown[] | undefined; // made at the first item that reads differently
        for (let i = 0; i < v.length; i++) {
          const x = element(v[i]);
          if (x === NO) return NO;
          if (out) out.push(x);
          else if (x !== v[i]) (out = v.slice(0, i)).push(x);
        }
        return out ?? kept(v);
      };
    }
    case "tuple": {
      if (def.rest !== null && def.rest !== undefined) return never;
      const items = (def.items as readonly Schema[]).map((s) =>
        s._zod.def.type === "optional" || s._zod.def.type === "default" ? never : compile(s),
      );
      return (v) => {
        if (!Array.isArray(v) || v.length !== items.length) return NO;
        let out: unknown[] | undefined;
        for (let i = 0; i < items.length; i++) {
          const x = (items[i] as Fast)(v[i]);
          if (x === NO) return NO;
          if (out) out.push(x);
          else if (x !== v[i]) (out = v.slice(0, i)).push(x);
        }
        return out ?? kept(v);
      };
    }
    case "object":
      return compileObject(def);
    case "union":
      return compileUnion(def);
    default:
      return never;
  }
}

function compileObject(def: Def): Fast {
  const catchall = def.catchall as Schema | undefined;
  const strict = catchall?._zod.def.type === "never";
  if (catchall !== undefined && !strict) return never;
  const shape = def.shape as Record<string, Schema>;
  const keys = Object.keys(shape);
  const fields = keys.map((k) => compile(shape[k] as Schema));
  const position = new Map(keys.map((k, i) => [k, i]));
  return (v) => {
    if (!isPlainObject(v)) return NO;
    // The input's keys: all known (when strict), and in the schema's order?
    let ordered = Object.getPrototypeOf(v) === Object.prototype;
    let last = -1;
    for (const k in v) {
      const at = position.get(k);
      if (at === undefined) {
        if (strict) return NO;
        ordered = false;
      } else if (at < last) ordered = false;
      else last = at;
    }
    let out: Record<string, unknown> | undefined; // made at the first field that reads differently
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      const x = (fields[i] as Fast)(v[k]);
      if (x === NO) return NO;
      // As zod does: a key absent from the input and without a default stays absent.
      const present = x !== undefined || k in v;
      if (!out && (!ordered || x !== v[k] || (present && !(k in v)))) {
        out = {};
        for (let j = 0; j < i; j++) {
          const before = keys[j] as string;
          if (before in v) out[before] = v[before];
        }
      }
      if (out && present) out[k] = x;
    }
    return out ?? v;
  };
}

function compileUnion(def: Def): Fast {
  const options = def.options as readonly Schema[];
  const fast = options.map(compile);
  const discriminator = def.discriminator as string | undefined;
  if (discriminator !== undefined) {
    // The option is the one whose literal the discriminator holds (the literals are distinct).
    const byValue = new Map<unknown, Fast>();
    options.forEach((o, i) => {
      const shape = o._zod.def.shape as Record<string, Schema> | undefined;
      const field = shape?.[discriminator]?._zod.def;
      if (field?.type !== "literal") return;
      for (const value of field.values as readonly unknown[]) byValue.set(value, fast[i] as Fast);
    });
    if (byValue.size > 0)
      return (v) => {
        if (!isPlainObject(v)) return NO;
        const option = byValue.get(v[discriminator]);
        return option ? option(v) : NO;
      };
  }
  // The first option that takes the input, as zod takes it.
  return (v) => {
    for (const f of fast) {
      const x = f(v);
      if (x !== NO) return x;
    }
    return NO;
  };
}

/** The fast parser of `schema` (whose output is never `undefined`): the output zod gives for a
 * valid input, or `undefined` when zod must parse it (an invalid input, or one it cannot tell). */
export function fastParser<S extends z.ZodType>(schema: S): (input: unknown) => z.output<S> | undefined {
  const f = compile(schema as unknown as Schema);
  return (input) => {
    const x = f(input);
    return x === NO || x === undefined ? undefined : (x as z.output<S>);
  };
}
