/**
 * Scenarios that passed every check of {@link parseScenario}, remembered by identity so that a
 * library entry point given one does not validate it again (change a parsed scenario, and parse
 * it again before use).
 */
const validated = new WeakSet<object>();

export function markValidated(scenario: object): void {
  validated.add(scenario);
}

export function isValidated(value: unknown): boolean {
  return typeof value === 'object' && value !== null && validated.has(value);
}
