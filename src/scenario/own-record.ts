/**
 * A record (an object used as a map from ids to values) that keeps every key as an own property
 * of a null-prototype object. zod's `z.record` skips a `__proto__` key, and a plain object turns
 * `constructor` or `toString` lookups into Object.prototype's functions; any id a school may use
 * must work, so scenario and solution records are read with this instead.
 */
import { z } from 'zod';

/** The key and value schemas of every record schema {@link ownRecord} makes, for tools that describe the formats (docs/format.md). */
export const ownRecordParts = new WeakMap<z.core.$ZodType, { readonly key: z.core.$ZodType; readonly value: z.core.$ZodType }>();

/** Keys of a record read by {@link ownRecord}, in insertion order, each an own property. */
export type OwnRecord<V> = Record<string, V>;

/**
 * A record schema whose output is a null-prototype object holding every key, `__proto__` included.
 * Key and value problems carry the key in their path, like `z.record`.
 */
export function ownRecord<V extends z.ZodType>(key: z.ZodType<string, string>, value: V, keyFix = 'correct or remove the key') {
  const schema = z
    .custom<Record<string, z.input<V>>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: 'expected an object { "key": value, … }' })
    .transform((input, ctx) => {
      const out: Record<string, z.output<V>> = Object.create(null) as Record<string, z.output<V>>;
      for (const k of Object.keys(input)) {
        const keyResult = key.safeParse(k);
        if (!keyResult.success) {
          for (const issue of keyResult.error.issues)
            ctx.addIssue({ code: 'custom', path: [k], message: `bad key ${JSON.stringify(k)}: ${issue.message}`, params: { fix: keyFix }, input: k });
          continue;
        }
        const valueResult = value.safeParse(input[k]);
        if (!valueResult.success) {
          for (const issue of valueResult.error.issues) ctx.addIssue({ ...issue, path: [k, ...issue.path] });
          continue;
        }
        Object.defineProperty(out, k, { value: valueResult.data, enumerable: true, writable: true, configurable: true });
      }
      return out;
    });
  ownRecordParts.set(schema, { key, value });
  return schema;
}

/** A null-prototype object for building records keyed by ids (`__proto__` and `constructor` are plain keys). */
export function emptyRecord<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}
