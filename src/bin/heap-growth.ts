import { setFlagsFromString } from 'node:v8';

/**
 * Imported by `npm start` before the bot loads. After each full collection V8 lets the old
 * generation grow to a multiple of what stayed live before collecting again, up to 4× on a
 * machine with memory to spare. Under load the bot promotes about as much short-lived data as
 * bare Bolt does, but it keeps more live (its own code and data: ~20 MB against Bolt's ~14), so
 * 4× of it made the larger part of its peak memory (#14, docs/operations.md). Three times what is
 * live keeps the peak within the floor's reach. Not less: every full collection under load
 * costs more than its pause (incremental marking slows every write and wakes the event loop),
 * and at 1.5× the bot spent a fifth more CPU a request. Read at every collection, so set here.
 */
setFlagsFromString('--heap-growing-percent=200');
