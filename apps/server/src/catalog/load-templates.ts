/** Keeps package templates in step with the packages of the file's tariffs and options. */
import { type CatalogPackage, newId } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import type { RowCounts } from './load-summary.ts';

export interface PackageOwner {
  column: 'tariff_id' | 'option_id';
  id: string;
  packages: readonly CatalogPackage[];
}

/**
 * Templates are matched by owner, kind and renewal (the file allows one package per pair). A template that left
 * the file is deleted unless buckets still refer to it: then it stays, so the line's current period keeps its
 * package until it renews. Products absent from the file keep their templates: they are archived, not gone.
 */
export async function syncPackageTemplates(db: Db, owners: readonly PackageOwner[]): Promise<RowCounts> {
  const counts: RowCounts = { created: 0, updated: 0, removed: 0 };
  const existing = await db.selectFrom('package_templates').selectAll().execute();
  const byKey = new Map(existing.map((t) => [`${t.tariff_id ?? t.option_id}|${t.kind}|${t.renew}`, t]));
  const keep = new Set<string>();
  const inserts = [];
  for (const owner of owners) {
    for (const p of owner.packages) {
      const found = byKey.get(`${owner.id}|${p.kind}|${p.renew}`);
      if (!found) {
        inserts.push({
          id: newId('package'),
          tariff_id: owner.column === 'tariff_id' ? owner.id : null,
          option_id: owner.column === 'option_id' ? owner.id : null,
          kind: p.kind,
          amount: p.amount,
          renew: p.renew,
          name_ru: p.name.ru,
          name_en: p.name.en,
        });
        continue;
      }
      keep.add(found.id);
      if (found.amount !== p.amount || found.name_ru !== p.name.ru || found.name_en !== p.name.en) {
        await db
          .updateTable('package_templates')
          .set({ amount: p.amount, name_ru: p.name.ru, name_en: p.name.en })
          .where('id', '=', found.id)
          .execute();
        counts.updated++;
      }
    }
  }
  if (inserts.length > 0) await db.insertInto('package_templates').values(inserts).execute();
  counts.created = inserts.length;
  const ownerIds = new Set(owners.map((o) => o.id));
  const stale = existing
    .filter((t) => ownerIds.has(t.tariff_id ?? t.option_id ?? '') && !keep.has(t.id))
    .map((t) => t.id);
  if (stale.length > 0) {
    const removed = await db
      .deleteFrom('package_templates')
      .where('id', 'in', stale)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('buckets')
              .select('buckets.id')
              .whereRef('buckets.package_template_id', '=', 'package_templates.id'),
          ),
        ),
      )
      .returning('id')
      .execute();
    counts.removed = removed.length;
  }
  return counts;
}
