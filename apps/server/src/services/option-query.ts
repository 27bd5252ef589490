import type { Db, FeePeriod } from '@kabinet/db';

/** An option as stored. */
export interface OptionRow {
  id: string;
  code: string;
  category: 'internet' | 'calls' | 'roaming' | 'messages' | 'extra' | 'content';
  name_ru: string;
  name_en: string;
  description_ru: string;
  description_en: string;
  connect_fee: bigint;
  fee: bigint;
  fee_period: FeePeriod | null;
  short_number: string | null;
  requires_tariffs: string[];
  excludes_options: string[];
  archived_at: Date | null;
}

/** An option connected to a line. */
export interface ConnectedRow extends OptionRow {
  connected_at: Date;
  next_fee_at: Date | null;
}

const COLUMNS = [
  'options.id',
  'options.code',
  'options.category',
  'options.name_ru',
  'options.name_en',
  'options.description_ru',
  'options.description_en',
  'options.connect_fee',
  'options.fee',
  'options.fee_period',
  'options.short_number',
  'options.requires_tariffs',
  'options.excludes_options',
  'options.archived_at',
] as const;

/** One option by id, whatever its state. */
export async function loadOption(db: Db, optionId: string): Promise<OptionRow | undefined> {
  return db.selectFrom('options').select(COLUMNS).where('options.id', '=', optionId).executeTakeFirst();
}

/** The options connected to a line, oldest first. */
export async function loadConnected(db: Db, lineId: string): Promise<ConnectedRow[]> {
  return db
    .selectFrom('line_options')
    .innerJoin('options', 'options.id', 'line_options.option_id')
    .select([...COLUMNS, 'line_options.connected_at', 'line_options.next_fee_at'])
    .where('line_options.line_id', '=', lineId)
    .orderBy('line_options.connected_at')
    .orderBy('options.code')
    .execute();
}

/** Options on offer: not archived, not content subscriptions (those are SVC-03), by category and code. */
export async function loadOffered(db: Db): Promise<OptionRow[]> {
  return db
    .selectFrom('options')
    .select(COLUMNS)
    .where('options.archived_at', 'is', null)
    .where('options.category', '!=', 'content')
    .orderBy('options.category')
    .orderBy('options.code')
    .execute();
}

/** Names of tariffs and options by code, to explain incompatibilities. */
export async function loadNames(db: Db, tariffCodes: string[], optionCodes: string[]) {
  const tariffs =
    tariffCodes.length > 0
      ? await db
          .selectFrom('tariffs')
          .select(['code', 'name_ru', 'name_en'])
          .where('code', 'in', tariffCodes)
          .execute()
      : [];
  const options =
    optionCodes.length > 0
      ? await db
          .selectFrom('options')
          .select(['code', 'name_ru', 'name_en'])
          .where('code', 'in', optionCodes)
          .execute()
      : [];
  const index = (rows: Array<{ code: string; name_ru: string; name_en: string }>) =>
    new Map(rows.map((r) => [r.code, { ru: r.name_ru, en: r.name_en }]));
  return { tariffs: index(tariffs), options: index(options) };
}
