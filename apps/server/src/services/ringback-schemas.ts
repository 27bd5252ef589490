import { Type } from 'typebox';
import { Nullable } from '../http/schemas.ts';
import { LocalisedText } from '../requests/schemas.ts';
import { RequestRef } from '../sim/schemas.ts';

/** A melody of the ringback catalog (SVC-08). */
export const MelodySchema = Type.Object({
  id: Type.String({ description: 'Melody id (`mel_…`).' }),
  name: LocalisedText,
  artist: Type.String({ description: 'Composer or performer, as the catalog names them.' }),
  durationSeconds: Type.Integer({
    description: 'Length of the melody, seconds; it repeats while the call rings.',
  }),
});

export const RingbackState = Type.Object({
  option: Nullable(
    Type.Object({
      id: Type.String({ description: 'Option id of the ringback tone in the catalog (`opt_…`).' }),
      name: LocalisedText,
    }),
    { description: 'The ringback tone option, null when the catalog has none.' },
  ),
  connected: Type.Boolean({
    description: 'The option is connected to the line: only then a melody can be chosen.',
  }),
  current: Nullable(MelodySchema, {
    description: 'The melody chosen, kept while the option is off; null if none.',
  }),
  changedAt: Nullable(Type.String({ format: 'date-time' }), {
    description: 'When the melody was last chosen.',
  }),
  melodies: Type.Array(MelodySchema, { description: 'Melodies on offer, in catalog order.' }),
});

export const ChooseMelodyBody = Type.Object(
  {
    melodyId: Type.String({ pattern: '^mel_[a-z0-9_]{1,40}$', description: 'The melody to play (`mel_…`).' }),
  },
  { additionalProperties: false },
);

export const ChooseMelodyResult = Type.Object({ request: RequestRef, current: MelodySchema });
