import { Type } from 'typebox';
export declare const RequestCodeBody: Type.TObject<{
  phone: Type.TString;
}>;
export declare const CodeSent: Type.TObject<{
  phone: Type.TString;
  maskedPhone: Type.TString;
  expiresInSeconds: Type.TInteger;
  resendAfterSeconds: Type.TInteger;
}>;
export declare const VerifyCodeBody: Type.TObject<{
  phone: Type.TString;
  code: Type.TString;
  rememberDevice: Type.TBoolean;
}>;
export declare const LineSummary: Type.TObject<{
  id: Type.TString;
  kind: Type.TUnsafe<'mobile' | 'home_internet' | 'tv' | 'home_phone'>;
  msisdn: Type.TUnsafe<string | null>;
  contractNumber: Type.TUnsafe<string | null>;
  status: Type.TUnsafe<'active' | 'blocked' | 'suspended' | 'closed'>;
  role: Type.TUnsafe<'owner' | 'linked' | 'child' | 'delegate'>;
  access: Type.TUnsafe<'full' | 'partial'>;
}>;
export declare const Me: Type.TObject<{
  login: Type.TObject<{
    id: Type.TString;
    displayName: Type.TString;
  }>;
  lines: Type.TArray<
    Type.TObject<{
      id: Type.TString;
      kind: Type.TUnsafe<'mobile' | 'home_internet' | 'tv' | 'home_phone'>;
      msisdn: Type.TUnsafe<string | null>;
      contractNumber: Type.TUnsafe<string | null>;
      status: Type.TUnsafe<'active' | 'blocked' | 'suspended' | 'closed'>;
      role: Type.TUnsafe<'owner' | 'linked' | 'child' | 'delegate'>;
      access: Type.TUnsafe<'full' | 'partial'>;
    }>
  >;
}>;
export declare const CsrfToken: Type.TObject<{
  token: Type.TString;
}>;
