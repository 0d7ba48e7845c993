/** Expectations several specs make of the API's answers, written once. */

interface Answer {
  status: number;
  body: { fields?: unknown };
}

/** A 400 whose `fields` name `field` (among others): how the API reports bad input. */
export function expect400Naming(res: Answer, field: string): void {
  expect(res.status).toBe(400);
  expect(res.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
}

/** An error body without its request id, which differs per request by design (to compare two refusals). */
export function withoutRequestId(body: Record<string, unknown>): Record<string, unknown> {
  return { ...body, requestId: undefined };
}
