// How close the builder comes to the curated pack on the five bundled documents: recall of the
// curated entities per type (a proposal matches one when any of their aliases is the same text) and
// the share of proposals that are no real entity, by a judgement made by hand once and kept as a
// fixture. Pure: the caller reads the files.
import { ENTITY_TYPES, type Entity, type EntityType } from '../knowledge/schema';
import type { Proposal } from './build';

export interface Judgement {
  /** The proposal's name, as the builder wrote it. */
  name: string;
  real: boolean;
  note?: string;
}

export interface TypeScore {
  type: EntityType;
  curated: number;
  found: number;
  recall: number;
  proposals: number;
  notReal: number;
  /** Curated entities no proposal matches, for the README's honesty. */
  missed: string[];
}

export function score(
  proposals: readonly Proposal[],
  curated: readonly Entity[],
  judged: readonly Judgement[],
): TypeScore[] {
  const proposalAliases = proposals.map((proposal) => new Set(proposal.entity.aliases.map((alias) => alias.text)));
  const real = new Map(judged.map((judgement) => [judgement.name, judgement.real]));
  return ENTITY_TYPES.map((type) => {
    const ofType = curated.filter((entity) => entity.type === type);
    const missed = ofType.filter(
      (entity) => !proposalAliases.some((aliases) => entity.aliases.some((alias) => aliases.has(alias.text))),
    );
    const proposed = proposals.filter((proposal) => proposal.entity.type === type);
    return {
      type,
      curated: ofType.length,
      found: ofType.length - missed.length,
      recall: ofType.length === 0 ? 1 : (ofType.length - missed.length) / ofType.length,
      proposals: proposed.length,
      notReal: proposed.filter((proposal) => real.get(proposal.entity.name) === false).length,
      missed: missed.map((entity) => entity.name),
    };
  });
}

/** The names of proposals the judged list does not hold: judge them before the numbers mean anything. */
export function unjudged(proposals: readonly Proposal[], judged: readonly Judgement[]): string[] {
  const names = new Set(judged.map((judgement) => judgement.name));
  return proposals.map((proposal) => proposal.entity.name).filter((name) => !names.has(name));
}
