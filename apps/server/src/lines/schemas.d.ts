import { Type } from 'typebox';
export declare const Dashboard: Type.TObject<{
  line: Type.TObject<{
    id: Type.TString;
    kind: Type.TString;
    msisdn: Type.TUnsafe<string | null>;
    contractNumber: Type.TUnsafe<string | null>;
    status: Type.TString;
    ownerName: Type.TString;
  }>;
  balance: Type.TObject<{
    amount: Type.TInteger;
    currency: Type.TLiteral<'RUB'>;
    creditLimit: Type.TInteger;
  }>;
  tariff: Type.TUnsafe<{
    code: string;
    id: string;
    name: {
      ru: string;
      en: string;
    };
    fee: number;
    feePeriod: 'day' | 'month';
  } | null>;
  packages: Type.TArray<
    Type.TObject<{
      id: Type.TString;
      kind: Type.TUnsafe<'sms' | 'voice' | 'data'>;
      name: Type.TObject<{
        ru: Type.TString;
        en: Type.TString;
      }>;
      unit: Type.TUnsafe<'sms' | 'min' | 'mb'>;
      total: Type.TInteger;
      used: Type.TInteger;
      remaining: Type.TInteger;
      renewsAt: Type.TUnsafe<string | null>;
    }>
  >;
  nextCharge: Type.TUnsafe<{
    at: string;
    amount: number;
  } | null>;
  warnings: Type.TArray<
    Type.TObject<{
      code: Type.TUnsafe<'blocked' | 'low_balance' | 'negative_balance'>;
    }>
  >;
}>;
