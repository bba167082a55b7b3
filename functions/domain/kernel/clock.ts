/** Where the domain gets "now": the real clock, or a fixed one for the demo's history. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
