// Building blocks for the admin API's zod schemas: XML-safe text, decimal ids and merge-patch bodies.
import { z } from '@hono/zod-openapi';
import { findForbiddenXmlChar, forbiddenXmlCharMessage } from '../../domain/xml-chars.ts';

/** A string every feed can carry: characters XML 1.0 forbids (NUL, lone surrogates) are a 400. */
export const xmlString = () =>
  z.string().superRefine((value, ctx) => {
    const found = findForbiddenXmlChar(value);
    if (found) ctx.addIssue({ code: 'custom', message: forbiddenXmlCharMessage(found) });
  });

/** Plain text of at most `max` characters. */
export const text = (max: number) => xmlString().max(max);

/** An absolute http(s) URL of at most 2000 characters. */
export const httpUrl = xmlString()
  .max(2000)
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'must be an absolute http(s) URL');

/**
 * A record id in a path or query: decimal digits only (`0x1`, `1e0`, ` 1` and `01` are not ids, so
 * every id has exactly one spelling).
 */
export const decimalId = () =>
  z
    .string()
    .regex(/^[1-9]\d{0,14}$/, 'must be a whole number in decimal digits, such as 42')
    .transform(Number);

/**
 * The body of a PATCH for `input`, with JSON merge-patch semantics (RFC 7396): a field that is
 * absent keeps its stored value, so no default of `input` applies (defaults are for create only);
 * `null` clears a nullable field and resets a field that has a default to that default; `null` for
 * a required field is a 400. Unknown fields are refused, so a misspelt field is never ignored.
 */
export function mergePatchOf<Shape extends z.ZodRawShape>(
  input: z.ZodObject<Shape>,
): z.ZodType<MergePatch<z.output<z.ZodObject<Shape>>>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(input.shape) as [string, z.ZodType][]) {
    if (field instanceof z.ZodDefault) {
      const fallback = field.def.defaultValue;
      const inner = field.unwrap() as z.ZodType;
      shape[key] = inner
        .nullable()
        .optional()
        .transform((value) => (value === null ? structuredClone(fallback) : value));
    } else if (field instanceof z.ZodOptional) {
      shape[key] = (field.unwrap() as z.ZodType).optional();
    } else {
      shape[key] = field.optional();
    }
  }
  return z.strictObject(shape) as unknown as z.ZodType<MergePatch<z.output<z.ZodObject<Shape>>>>;
}

/** Every field optional: what a PATCH may change. */
export type MergePatch<T> = { [K in keyof T]?: T[K] };
