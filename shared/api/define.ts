import { z } from 'zod';

/** One API call: its argument schema and, as a phantom type, its result. */
export interface CallDef<S extends z.ZodType, R> {
  readonly args: S;
  readonly __result?: R;
}

/** defineCall<ResultType>()(argsSchema): the result type is given, the schema validates arguments. */
export function defineCall<R>() {
  return <S extends z.ZodType>(args: S): CallDef<S, R> => ({ args });
}

/** A calendar date as the API carries it: YYYY-MM-DD and a real day (zod's ISO date: no 2023-02-29). */
export const isoDate = z.iso.date({ error: 'is not a real date in the form YYYY-MM-DD' });
