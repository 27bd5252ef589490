/**
 * Russian names for the demo cast. Surnames are listed in the masculine form and put into the feminine one by
 * the usual endings (Смирнов → Смирнова, Достоевский → Достоевская); surnames that do not change
 * (Шевченко, Ковальчук, Черных) are kept as they are — "Анна Шевченкова" would be a giveaway of fake data.
 */
import type { Rng } from './random.ts';

export type Gender = 'male' | 'female';

export interface PersonName {
  first: string;
  last: string;
  gender: Gender;
}

const MALE = (
  'Александр Дмитрий Максим Сергей Андрей Алексей Артём Илья Кирилл Михаил Никита Матвей Роман ' +
  'Егор Иван Владимир Павел Николай Олег Виктор Евгений Константин Григорий Тимур Руслан Денис ' +
  'Юрий Игорь Антон Степан'
).split(' ');

const FEMALE = (
  'Анна Мария Елена Ольга Наталья Татьяна Ирина Екатерина Светлана Юлия Анастасия Дарья Полина ' +
  'Виктория Ксения Алина Галина Людмила Марина Вера Софья Валентина Надежда Любовь Евгения ' +
  'Кристина Алёна Оксана Лариса Тамара'
).split(' ');

const SURNAMES = (
  'Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков ' +
  'Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин ' +
  'Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов ' +
  'Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв ' +
  'Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов ' +
  'Осипов Сидоров Ковальский Вишневский Покровский Островский Шевченко Ковальчук Бондаренко Черных ' +
  'Седых Ким'
).split(' ');

/** Masculine surname → feminine, by ending. */
export function feminineSurname(surname: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(surname)) return `${surname}а`;
  if (/(ский|цкий)$/.test(surname)) return `${surname.slice(0, -2)}ая`;
  return surname;
}

export function randomPerson(rng: Rng, gender: Gender = rng.chance(0.5) ? 'female' : 'male'): PersonName {
  const last = rng.pick(SURNAMES);
  return {
    first: rng.pick(gender === 'female' ? FEMALE : MALE),
    last: gender === 'female' ? feminineSurname(last) : last,
    gender,
  };
}

export function fullName(p: PersonName): string {
  return `${p.first} ${p.last}`;
}

const TRANSLIT: Record<string, string> = Object.fromEntries(
  (
    'а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:kh ' +
    'ц:ts ч:ch ш:sh щ:shch ъ: ы:y ь: э:e ю:yu я:ya'
  )
    .split(' ')
    .map((pair) => pair.split(':')),
);

export function transliterate(text: string): string {
  return [...text.toLowerCase()].map((ch) => TRANSLIT[ch] ?? ch).join('');
}

/** An address on a reserved example domain (RFC 2606): demo mail must never reach a real mailbox. */
export function emailFor(p: PersonName, rng: Rng): string {
  const first = transliterate(p.first);
  const last = transliterate(p.last);
  const local = rng.pick([
    `${first}.${last}`,
    `${first[0]}.${last}`,
    `${last}${rng.int(70, 99)}`,
    `${first}${last[0]}`,
  ]);
  return `${local}@${rng.pick(['example.com', 'example.org', 'example.net'])}`;
}

export const COMPANIES = [
  'ООО «Вектор»',
  'ООО «СеверСтройМонтаж»',
  'АО «Торговый дом „Волга“»',
  'ООО «Логистика Плюс»',
  'ООО «Пекарня „Калач“»',
];

/**
 * A 10-digit INN of a legal entity with a valid check digit (weights 2 4 10 3 5 9 4 6 8, mod 11, mod 10),
 * so validators written later accept the demo companies.
 */
export function companyInn(rng: Rng): string {
  const region = rng.pick(['77', '50', '78', '52', '16']);
  const body = region + rng.digits(7);
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = weights.reduce((s, w, i) => s + w * Number(body[i]), 0);
  return body + ((sum % 11) % 10).toString();
}
