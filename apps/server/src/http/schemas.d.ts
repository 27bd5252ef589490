/** Schemas shared by many routes: the problem document and common parameters. */
import { type TSchema, Type } from 'typebox';
export declare const FieldErrorSchema: Type.TObject<{
  field: Type.TString;
  code: Type.TString;
  message: Type.TString;
}>;
export declare const ProblemSchema: Type.TObject<{
  type: Type.TString;
  title: Type.TString;
  status: Type.TInteger;
  detail: Type.TString;
  code: Type.TString;
  errors: Type.TOptional<
    Type.TArray<
      Type.TObject<{
        field: Type.TString;
        code: Type.TString;
        message: Type.TString;
      }>
    >
  >;
}>;
/** Problem responses for the statuses a route can answer with (for OpenAPI). */
export declare function problemResponses(...statuses: number[]): {
  [k: string]: Type.TObject<{
    type: Type.TString;
    title: Type.TString;
    status: Type.TInteger;
    detail: Type.TString;
    code: Type.TString;
    errors: Type.TOptional<
      Type.TArray<
        Type.TObject<{
          field: Type.TString;
          code: Type.TString;
          message: Type.TString;
        }>
      >
    >;
  }>;
};
export declare const LineIdParams: Type.TObject<{
  lineId: Type.TString;
}>;
/**
 * `T | null` as `type: [T's type, "null"]` rather than `anyOf`: the response serialiser (fast-json-stringify)
 * resolves an `anyOf` by running a validator per value, which costs more than the rest of the serialisation.
 */
export declare function Nullable<
  T extends TSchema & {
    type: string;
  },
>(
  schema: T,
  options?: {
    description?: string;
  },
): Type.TUnsafe<import('typebox').StaticType<[], 'Encode', {}, {}, T> | null>;
/** A string from a closed set, as `type: string, enum: [...]` (cheap to validate and to serialise). */
export declare function StringEnum<const V extends readonly string[]>(
  values: V,
  options?: {
    description?: string;
  },
): Type.TUnsafe<V[number]>;
