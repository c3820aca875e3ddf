/**
 * A `node --import` argument that prints every module the process resolves, imported or required
 * (packages' own requires aside), as `loaded <url>` lines on stderr: what a CLI start loads. Used
 * by the bundle test and the CLI bench.
 */
export const TRACE_LOADS = `data:text/javascript,${encodeURIComponent(
  `import Module, { register } from 'node:module';
   register('data:text/javascript,' + encodeURIComponent(
     'export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write("loaded " + r.url + "\\\\n"); return r; }'));
   const resolveFilename = Module._resolveFilename;
   Module._resolveFilename = function (request, parent, ...rest) {
     const r = resolveFilename.call(this, request, parent, ...rest);
     if (!parent?.filename?.includes('/node_modules/')) process.stderr.write('loaded file://' + r + '\\n');
     return r;
   };`,
)}`;
