import { setFlagsFromString } from 'node:v8';

/**
 * Imported by `npm start` right after the version check, before anything has compiled
 * WebAssembly. undici (Node's fetch, and the Socket Mode WebSocket) parses HTTP with llhttp,
 * a WebAssembly module whose state machine is one very large function. V8 first compiles it
 * with its baseline compiler (Liftoff), then, once it runs hot, again with its optimising one
 * (TurboFan) on a background thread, and that compile alone took ~35 MB outside the JS heap
 * a second after every start: the bot's peak memory (#14; measured in docs/operations.md).
 * The bot parses a few small responses a minute with it, so the baseline code is kept.
 *
 * The flag is read when a module is compiled, so it must be set before the first fetch.
 */
setFlagsFromString('--liftoff-only');
