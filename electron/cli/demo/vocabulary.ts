// The word lists behind the demo data (resources/demo/*.json), validated once when loaded.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CHANNELS, ROLES } from '../../../shared/domain';

const RESOURCES = new URL('../../../resources/demo/', import.meta.url);

const weight = z.number().positive();
const word = z.string().min(1);

const placesSchema = z.object({
  regions: z
    .array(
      z.object({
        region: word,
        weight,
        cities: z
          .array(
            z.object({
              city: word,
              /** Empty for the municipalities (上海, 北京, 天津, 重庆). */
              province: z.string(),
              areaCode: z.string().regex(/^0\d{2,3}$/),
              weight,
              districts: z.array(word).min(1),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
  roads: z.array(word).min(1),
});

const wordsSchema = z.object({
  surnames: z.array(word).min(10),
  givenFirst: z.array(word).min(10),
  givenSecond: z.array(word).min(10),
  brandCharacters: z.array(z.string().length(1)).min(20),
  industries: z
    .array(
      z.object({
        industry: word,
        weight,
        words: z.array(word).min(1),
        pricePerTonYuan: z.tuple([z.int().positive(), z.int().positive()]),
      }),
    )
    .min(1),
  businessTypes: z.array(word).min(1),
  downstreamIndustries: z.array(word).min(1),
  industryStandings: z.array(word).min(1),
  selectionCriteria: z.array(word).min(1),
  serviceRequirements: z.array(word).min(1),
  notes: z.array(word).min(1),
});

const teamSchema = z.object({
  members: z
    .array(
      z.object({
        username: word,
        displayName: word,
        role: z.enum(ROLES),
        /** Username of the direct superior. */
        manager: word.nullable(),
        region: z.string(),
        channel: z.enum(CHANNELS).nullable(),
      }),
    )
    .min(1),
});

export type Places = z.output<typeof placesSchema>;
export type RegionPlaces = Places['regions'][number];
export type City = RegionPlaces['cities'][number];
export type Words = z.output<typeof wordsSchema>;
export type Industry = Words['industries'][number];
export type TeamMemberSeed = z.output<typeof teamSchema>['members'][number];

function load<T extends z.ZodType>(name: string, schema: T): z.output<T> {
  const file = fileURLToPath(new URL(name, RESOURCES));
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid demo resource ${file}: ${parsed.error.message}`);
  return parsed.data;
}

export interface Vocabulary {
  places: Places;
  words: Words;
  team: TeamMemberSeed[];
}

let cached: Vocabulary | null = null;

export function vocabulary(): Vocabulary {
  cached ??= {
    places: load('places.json', placesSchema),
    words: load('words.json', wordsSchema),
    team: load('team.json', teamSchema).members,
  };
  return cached;
}
