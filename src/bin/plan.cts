/**
 * `npm run plan`: runs the CLI's bundle (plan-bundle.cjs beside this file, scripts/bundle.mjs)
 * through V8's code cache. Compiling the bundle was the largest part of every start (#14), and
 * Node 20 has no compile cache of its own (module.enableCompileCache is Node 22). The cache is
 * written after a run, so it holds every function that run compiled, not only the top level.
 *
 * The cache names the bundle it was made from (size and modification time, one stat): V8 itself
 * checks only the source's length, and a rebuilt bundle of the same length must not run the old
 * bytecode. V8 rejects a cache from another Node or other flags; then, or when there is none, a
 * new one is written after the run (atomically, so two CLIs starting at once cannot tear it). A
 * folder that cannot be written only means no cache: the answer is the same, a little later.
 */
import fs = require('node:fs');
import path = require('node:path');
import vm = require('node:vm');

const bundle = path.join(__dirname, 'plan-bundle.cjs');
const cacheFile = `${bundle}.v8-cache`;

function stampOf(file: string): string {
  const { size, mtimeMs } = fs.statSync(file);
  return `plan-bot code cache ${size} ${Math.trunc(mtimeMs)}\n`;
}

function readCache(stamp: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  return bytes.toString('latin1', 0, stamp.length) === stamp ? bytes.subarray(stamp.length) : undefined;
}

function writeCache(stamp: string, script: vm.Script): void {
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, Buffer.concat([Buffer.from(stamp, 'latin1'), script.createCachedData()]));
    fs.renameSync(temp, cacheFile);
  } catch {
    fs.rmSync(temp, { force: true });
  }
}

const stamp = stampOf(bundle);
const cachedData = readCache(stamp);
const source = fs.readFileSync(bundle, 'utf8');
// The wrapper Node's own CommonJS loader puts around a file, so the bundle runs as if required.
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: bundle,
  cachedData,
});
if (cachedData === undefined || script.cachedDataRejected) process.once('beforeExit', () => writeCache(stamp, script));
// This file's own require: it lies in the bundle's folder, so it finds what the bundle asks for.
const main = { exports: {} };
script.runInThisContext()(main.exports, require, main, bundle, __dirname);
