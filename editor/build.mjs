// Builds the article editor into the Go server's embedded assets:
//   ../internal/web/static/editor/editor.js   (one minified script, no imports)
//   ../internal/web/static/editor/editor.css
// and rewrites LICENSES.md from the packages that ended up in the bundle.
// Run: npm ci && npm run build
import * as esbuild from 'esbuild'
import { readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const out = join(here, '..', 'internal', 'web', 'static', 'editor')
mkdirSync(out, { recursive: true })

const js = await esbuild.build({
  entryPoints: [join(here, 'src', 'editor.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  legalComments: 'none',
  metafile: true,
  write: false,
  charset: 'utf8',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning'
})

// Which packages are in the bundle, with their licences.
const pkgs = new Map()
for (const input of Object.keys(js.metafile.inputs)) {
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)
  if (!m || pkgs.has(m[1])) continue
  const dir = join(here, 'node_modules', m[1])
  const pj = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const lic = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f))
  const text = lic ? readFileSync(join(dir, lic), 'utf8') : ''
  const copyright = (text.match(/^\s*Copyright .*$/mi) || [''])[0].trim()
  pkgs.set(m[1], { name: pj.name, version: pj.version, license: pj.license, copyright, licenseFile: lic, text })
}
const list = [...pkgs.values()].sort((a, b) => a.name.localeCompare(b.name))
for (const p of list) {
  if (p.license !== 'MIT') throw new Error(`${p.name}: licence ${p.license} is not MIT; review it before bundling`)
  if (!p.copyright) throw new Error(`${p.name}: no copyright line found in its licence file`)
}

// The MIT licence asks for the copyright notices and the permission notice
// in copies: they go at the end of the bundle, once for all packages.
const mitText = list[0].text.slice(list[0].text.indexOf('Permission is hereby granted')).trim()
const holders = [...new Set(list.map((p) => p.copyright))]
const notice = '/*! Cổng article editor. Bundled packages (MIT licence; list and versions in editor/LICENSES.md): ' +
  list.map((p) => p.name + '@' + p.version).join(', ') + '.\n' + holders.join('\n') + '\n\n' + mitText + '\n*/\n'
const code = js.outputFiles[0].text
writeFileSync(join(out, 'editor.js'), code + notice)

const css = await esbuild.build({
  entryPoints: [join(here, 'src', 'editor.css')],
  bundle: true,
  minify: true,
  write: false,
  charset: 'utf8',
  target: ['chrome87', 'firefox78', 'safari14'],
  logLevel: 'warning'
})
writeFileSync(join(out, 'editor.css'), css.outputFiles[0].text)

const md = ['# Licences of the editor bundle', '',
  '`npm run build` writes this file from the packages esbuild put into',
  '`internal/web/static/editor/editor.js`; versions are pinned in `package.json`',
  'and `package-lock.json`. The bundle ends with the copyright notices and the MIT',
  'permission notice. esbuild (MIT) builds the bundle and is not part of it.', '',
  '| package | version | licence | copyright |', '|---|---|---|---|',
  ...list.map((p) => `| ${p.name} | ${p.version} | ${p.license} | ${p.copyright.replace(/\|/g, '\\|')} |`),
  '', '## MIT licence text', '', 'Each package above ships this text with its own copyright line:', '',
  '```', mitText, '```', '']
writeFileSync(join(here, 'LICENSES.md'), md.join('\n'))

const kb = (n) => (n / 1024).toFixed(1) + ' KB'
const jsSize = Buffer.byteLength(code + notice)
const cssSize = css.outputFiles[0].contents.length
const { gzipSync } = await import('node:zlib')
console.log(`editor.js  ${kb(jsSize)} (gzip ${kb(gzipSync(code + notice).length)})`)
console.log(`editor.css ${kb(cssSize)} (gzip ${kb(gzipSync(css.outputFiles[0].contents).length)})`)
console.log(`${list.length} packages bundled → ${relative(process.cwd(), out)}`)
if (!existsSync(join(out, 'editor.js'))) process.exit(1)
