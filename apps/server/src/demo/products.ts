/**
 * The loaded catalog as the simulation needs it: each product by code with its database id and its package
 * templates (with their ids, so buckets can point at them).
 */
import type { Catalog, FeePeriod, OptionCategory, PackageKind, Rates, Renew } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import type { CatalogIds } from '../catalog/load-summary.ts';

export interface TemplateInfo {
  id: string;
  kind: PackageKind;
  amount: bigint;
  renew: Renew;
}

export interface ProductInfo {
  id: string;
  code: string;
  nameRu: string;
  fee: bigint;
  feePeriod: FeePeriod | null;
  connectFee: bigint;
  /** Null for tariffs. */
  category: OptionCategory | null;
  shortNumber: string | null;
  rates: Rates;
  templates: TemplateInfo[];
}

export interface ProductIndex {
  tariffs: Map<string, ProductInfo>;
  options: Map<string, ProductInfo>;
}

export async function productIndex(db: Db, catalog: Catalog, ids: CatalogIds): Promise<ProductIndex> {
  const rows = await db
    .selectFrom('package_templates')
    .select(['id', 'tariff_id', 'option_id', 'kind', 'amount', 'renew'])
    .execute();
  const templatesOf = (ownerId: string): TemplateInfo[] =>
    rows
      .filter((r) => r.tariff_id === ownerId || r.option_id === ownerId)
      .map((r) => ({ id: r.id, kind: r.kind, amount: r.amount, renew: r.renew }));
  const tariffs = new Map<string, ProductInfo>();
  for (const t of catalog.tariffs) {
    const id = ids.tariffs[t.code];
    if (!id) throw new Error(`Tariff ${t.code} is not loaded`);
    tariffs.set(t.code, {
      id,
      code: t.code,
      nameRu: t.name.ru,
      fee: t.fee,
      feePeriod: t.feePeriod,
      connectFee: 0n,
      category: null,
      shortNumber: null,
      rates: t.rates,
      templates: templatesOf(id),
    });
  }
  const options = new Map<string, ProductInfo>();
  for (const o of catalog.options) {
    const id = ids.options[o.code];
    if (!id) throw new Error(`Option ${o.code} is not loaded`);
    options.set(o.code, {
      id,
      code: o.code,
      nameRu: o.name.ru,
      fee: o.fee,
      feePeriod: o.feePeriod,
      connectFee: o.connectFee,
      category: o.category,
      shortNumber: o.shortNumber,
      rates: {},
      templates: templatesOf(id),
    });
  }
  return { tariffs, options };
}

/**
 * How a template renews on its product: a package "renewed with the fee" of a daily product is a daily
 * package; of a product without a periodic fee it is a one-off.
 */
export function renewal(template: TemplateInfo, product: ProductInfo): 'day' | 'month' | 'once' {
  if (template.renew !== 'fee_period') return template.renew;
  return product.feePeriod ?? 'once';
}
