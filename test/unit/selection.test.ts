import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsAny } from '../../functions/resolvers/selection.js';

/** The `info` a resolver of the query's first field gets: its field nodes and the document's fragments. */
function infoOf(document: string) {
  const doc = parse(document);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}
const UNIT_FIELDS = new Set(['wards', 'unitRows']);

describe('selectsAny: whether a summary query asks for its rows by unit', () => {
  it('sees a field selected directly, through an inline fragment and through a named fragment', () => {
    expect(selectsAny(infoOf('{ summary { attendance wards { sessions } } }'), UNIT_FIELDS)).toBe(true);
    expect(selectsAny(infoOf('{ summary { ... on DistrictSummary { unitRows { sessions } } } }'), UNIT_FIELDS)).toBe(true);
    expect(selectsAny(infoOf('{ summary { ...A } } fragment A on DistrictSummary { ...B } fragment B on DistrictSummary { wards { sessions } }'), UNIT_FIELDS)).toBe(true);
  });
  it('does not see a field of that name deeper down, nor in a fragment the field does not use', () => {
    expect(selectsAny(infoOf('{ summary { attendance live { session { ward { id } } } } }'), UNIT_FIELDS)).toBe(false);
    expect(selectsAny(infoOf('{ summary { attendance ...A } } fragment A on DistrictSummary { sessions } fragment B on DistrictSummary { wards { sessions } }'), UNIT_FIELDS)).toBe(false);
    expect(selectsAny(infoOf('{ summary { ...A } } fragment A on DistrictSummary { ...A sessions }'), UNIT_FIELDS)).toBe(false); // a cycle ends
  });
});
