import { setFlagsFromString } from 'node:v8';

/**
 * Imported by `npm start` before the bot loads. After each full collection V8 lets the heap grow
 * to a multiple of what stayed live before collecting again: up to 4× on a machine with memory to
 * spare. Under load most of what a request allocates dies young but some is promoted anyway, so
 * the bot's old generation climbed from its ~20 MB live to ~75 MB between collections: the
 * larger part of its peak memory (#14, docs/operations.md). Growing by half of what is live
 * keeps that near 35 MB; the cost is a full collection a few times as often, each a few
 * milliseconds of mostly concurrent marking on a heap this small (the bench's throughput and
 * latency did not move). Read at every collection, so setting it here is in time.
 */
setFlagsFromString('--heap-growing-percent=50');
