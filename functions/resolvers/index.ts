import { NotImplementedError } from '../domain/kernel/errors.js';
import type { Resolvers } from '../generated/resolvers.js';
import { businessResolvers } from './business.js';
import { concernResolvers } from './concern.js';
import { deadlineResolvers } from './deadline.js';
import { reportResolvers } from './report.js';
import { sessionResolvers } from './session.js';
import { summaryResolvers } from './summary.js';
import { unitResolvers } from './units.js';
import { viewerResolvers } from './viewer.js';
import { voiceResolvers } from './voice.js';
import { wardResolvers } from './ward.js';
import { taxResolvers } from './tax.js';

const ROOT_TYPES = ['Query', 'Mutation'] as const;

/** Merges resolver maps type by type (later maps add fields; they never replace a whole type). */
export function mergeResolvers(...maps: Resolvers[]): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map)) {
      merged[typeName] = { ...(merged[typeName] ?? {}), ...(fields as Record<string, unknown>) };
    }
  }
  return merged as Resolvers;
}

/**
 * Every root field of the schema without a resolver answers a plain "not implemented yet" error,
 * never fake data.
 */
export function withNotImplemented(resolvers: Resolvers, rootFields: Record<(typeof ROOT_TYPES)[number], string[]>): Resolvers {
  const out = { ...resolvers } as Record<string, Record<string, unknown>>;
  for (const typeName of ROOT_TYPES) {
    const fields = { ...(out[typeName] ?? {}) };
    for (const field of rootFields[typeName]) {
      if (!fields[field]) {
        fields[field] = () => {
          throw new NotImplementedError(`${typeName}.${field}`);
        };
      }
    }
    out[typeName] = fields;
  }
  return out as Resolvers;
}

export const resolvers: Resolvers = mergeResolvers(wardResolvers, viewerResolvers, sessionResolvers, concernResolvers, businessResolvers, summaryResolvers, deadlineResolvers, reportResolvers, unitResolvers, voiceResolvers, taxResolvers);
