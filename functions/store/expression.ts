/**
 * The parts of a DynamoDB expression built clause by clause: each clause names one attribute
 * (`#<name>`) and its value (`:<name>`), and is left out when the value is undefined.
 */
export function expressionParts() {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  return {
    names,
    values,
    /** Adds `#name = :name`, or `clause` (which may use `#name`, `:name` and the `also` names); skipped when value is undefined. */
    add(name: string, value: unknown, clause = `#${name} = :${name}`, also: string[] = []) {
      if (value === undefined) return;
      clauses.push(clause);
      names[`#${name}`] = name;
      for (const other of also) names[`#${other}`] = other;
      values[`:${name}`] = value;
    },
    /** Adds `from <= #name < to`; skipped without a range. */
    addRange(name: string, range: { from: string; to: string } | undefined) {
      if (!range) return;
      clauses.push(`#${name} >= :${name}From AND #${name} < :${name}To`);
      names[`#${name}`] = name;
      values[`:${name}From`] = range.from;
      values[`:${name}To`] = range.to;
    },
    /** The clauses joined with `separator`, or undefined when there are none. */
    join(separator: string): string | undefined {
      return clauses.length ? clauses.join(separator) : undefined;
    },
    /** A FilterExpression with its names and values (ListQuery.filter), or undefined when empty. */
    asFilter() {
      const expression = this.join(' AND ');
      return expression ? { expression, names, values } : undefined;
    },
  };
}
