/** The fields a body carried, by name (the transformed DTO also has the absent ones, as undefined): for the audit. */
export const sentFields = (body: object): string[] =>
  Object.entries(body)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k)
    .sort();
