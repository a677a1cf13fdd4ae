/**
 * A turn of the event loop (a macrotask: timers and I/O run, which awaiting a resolved promise does not let
 * them). The backends' work and usearch's calls are synchronous; long loops over blocks of 100,000 vectors call
 * this between blocks, so a worker keeps renewing its job's lease and answering its probes meanwhile.
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
