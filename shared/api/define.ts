import { z } from 'zod';

/** One API call: its argument schema and, as a phantom type, its result. */
export interface CallDef<S extends z.ZodType, R> {
  readonly args: S;
  readonly __result?: R;
}

/**
 * defineCall<ResultType>()(argsSchema): the result type is given, the schema validates arguments.
 * Given a function that builds the schema, the schema is built at the call's first validation,
 * not when the API table loads: building every call's schema cost each process tens of
 * milliseconds at start (issue 21), and a command or a window makes a handful of calls.
 */
export function defineCall<R>() {
  return <S extends z.ZodType>(args: S | (() => S)): CallDef<S, R> => {
    if (typeof args !== 'function') return { args };
    let built: S | undefined;
    return {
      get args() {
        return (built ??= args());
      },
    };
  };
}

/**
 * A schema several calls share, built at its first use: `lazySchema(() => z.object(...))()`.
 * (A schema others only parse with can be z.lazy(() => ...) instead, which keeps its type.)
 */
export function lazySchema<S extends z.ZodType>(build: () => S): () => S {
  let built: S | undefined;
  return () => (built ??= build());
}

/** A calendar date as the API carries it: YYYY-MM-DD and a real day (zod's ISO date: no 2023-02-29). */
export const isoDate = z.iso.date({ error: 'is not a real date in the form YYYY-MM-DD' });
