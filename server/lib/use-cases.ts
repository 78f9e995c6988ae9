// Services split by use case (issue 18 point 2): each use case is a plain function `f(deps, ...args)` in a file of
// its group (e.g. assistance.pairings.ts), and the module's factory `create<X>Service(db, …)` builds the deps once
// and returns the use cases bound to them, so its callers see the same functions as before the split.

/** `f` with its first parameter (the service's deps) fixed; the other parameters and the result keep their types. */
export function bindDeps<D, A extends unknown[], R>(deps: D, f: (deps: D, ...args: A) => R): (...args: A) => R {
  return (...args: A) => f(deps, ...args);
}
