/** Schemas shared by many routes: the problem document and common parameters. */
import { type Static, type TSchema, Type } from 'typebox';

export const FieldErrorSchema = Type.Object(
  {
    field: Type.String({ description: 'Path of the offending field, e.g. `phone`.' }),
    code: Type.String({ description: 'Stable machine code, e.g. `invalid_phone`, `required`.' }),
    message: Type.String({ description: 'English explanation for logs and developers.' }),
  },
  { $id: 'FieldError' },
);

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'URI identifying the problem type.' }),
    title: Type.String({ description: 'Short summary of the HTTP status.' }),
    status: Type.Integer({ description: 'HTTP status code.' }),
    detail: Type.String({ description: 'English explanation of this occurrence.' }),
    code: Type.String({ description: 'Stable machine code clients switch on (e.g. `invalid_code`).' }),
    errors: Type.Optional(Type.Array(FieldErrorSchema, { description: 'Field-level validation errors.' })),
  },
  { $id: 'Problem', additionalProperties: true, description: 'RFC 9457 problem details.' },
);

/** Problem responses for the statuses a route can answer with (for OpenAPI). */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));
}

export const LineIdParams = Type.Object({
  lineId: Type.String({ pattern: '^line_[0-9a-z]{6,40}$', description: 'Line id (`line_…`).' }),
});

/**
 * `T | null` as `type: [T's type, "null"]` rather than `anyOf`: the response serialiser (fast-json-stringify)
 * resolves an `anyOf` by running a validator per value, which costs more than the rest of the serialisation.
 */
export function Nullable<T extends TSchema & { type: string }>(
  schema: T,
  options: { description?: string } = {},
) {
  return Type.Unsafe<Static<T> | null>({ ...schema, ...options, type: [schema.type, 'null'] });
}

/** A string from a closed set, as `type: string, enum: [...]` (cheap to validate and to serialise). */
export function StringEnum<const V extends readonly string[]>(
  values: V,
  options: { description?: string } = {},
) {
  return Type.Unsafe<V[number]>({ type: 'string', enum: [...values], ...options });
}
