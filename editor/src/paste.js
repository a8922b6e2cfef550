// Clean-up of pasted HTML before ProseMirror parses it. ProseMirror already
// keeps only what the schema knows (no styles, classes, scripts or event
// handlers); this handles what Microsoft Word puts on the clipboard that a
// schema cannot: list paragraphs with typed bullets, and images that point
// at the user's disk.
import { safeImageURL } from './schema.js'

const listClass = /^MsoListParagraph/i
const orderedMarker = /^\(?([0-9]+|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.)]/

// wordLists turns Word's list paragraphs (<p class=MsoListParagraphCxSpFirst>
// with a bullet in a mso-list:Ignore span) into <ul>/<ol>.
function wordLists (doc) {
  const paras = Array.from(doc.querySelectorAll('p')).filter((p) => listClass.test(p.className) || /mso-list:\s*l\d/i.test(p.getAttribute('data-paste-style') || ''))
  let list = null
  let last = null
  for (const p of paras) {
    let marker = ''
    for (const s of Array.from(p.querySelectorAll('span'))) {
      if (/mso-list:\s*Ignore/i.test(s.getAttribute('data-paste-style') || '')) {
        marker = marker || s.textContent.trim()
        s.remove()
      }
    }
    // Word's bullets may also sit in conditional comments: drop them.
    for (const n of Array.from(p.childNodes)) {
      if (n.nodeType === 8) n.remove()
    }
    const ordered = orderedMarker.test(marker)
    const tag = ordered ? 'OL' : 'UL'
    if (!list || last !== p.previousElementSibling || list.tagName !== tag) {
      list = doc.createElement(tag)
      p.before(list)
    }
    const li = doc.createElement('li')
    li.append(...p.childNodes)
    list.append(li)
    p.remove()
    last = list
  }
}

// Style attributes are renamed before the HTML is parsed: parsing them
// here would only trip the page's CSP (style-src 'self'), and the server
// drops styles anyway. Bold and italic written as styles (Google Docs, many
// web pages) become <strong> and <em> first.
const styleAttr = /(<[a-zA-Z][^<>]*?\s)style\s*=/g
// Event handlers are renamed too and then dropped: the page's CSP would
// refuse them anyway, but no parser should even see one.
const handlerAttr = /(<[a-zA-Z][^<>]*?[\s/])on([a-z]+\s*=)/gi

function styledMarks (doc) {
  for (const el of Array.from(doc.querySelectorAll('[data-paste-style]'))) {
    const st = el.getAttribute('data-paste-style') || ''
    el.removeAttribute('data-paste-style')
    if (el.tagName === 'B' && /font-weight:\s*(normal|400)/i.test(st)) {
      // Google Docs wraps everything in <b style="font-weight:normal">.
      el.replaceWith(...el.childNodes)
      continue
    }
    if (!/^(SPAN|FONT)$/.test(el.tagName)) continue
    let inner = null
    if (/font-weight:\s*(bold|[6-9]00)/i.test(st)) inner = 'strong'
    if (/font-style:\s*italic/i.test(st)) inner = inner ? inner + ' em' : 'em'
    if (!inner) continue
    const tags = inner.split(' ')
    const outer = doc.createElement(tags[0])
    let cur = outer
    if (tags[1]) { cur = doc.createElement(tags[1]); outer.append(cur) }
    cur.append(...el.childNodes)
    el.replaceWith(outer)
  }
}

function dropIfEmpty (el) {
  if (el && el.tagName === 'P' && !el.textContent.trim() && !el.querySelector('img,br')) el.remove()
}

// cleanPastedHTML returns the HTML to parse and how many images were dropped.
export function cleanPastedHTML (html) {
  html = html.replace(/<(style|script)\b[\s\S]*?<\/\1\s*>/gi, '').replace(styleAttr, '$1data-paste-style=')
  for (let prev = ''; prev !== html;) {
    prev = html
    html = html.replace(handlerAttr, '$1data-paste-on$2')
  }
  const doc = new DOMParser().parseFromString(html, 'text/html')
  let dropped = 0
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    if (!safeImageURL(img.getAttribute('src'))) {
      const parent = img.parentElement
      img.remove()
      dropIfEmpty(parent)
      dropped++
    }
  }
  // VML images (<v:imagedata>) and Word's empty <o:p> elements.
  for (const el of Array.from(doc.body.getElementsByTagName('*'))) {
    const name = el.tagName.toLowerCase()
    if (name.startsWith('v:') || name.startsWith('o:') || name.startsWith('w:')) {
      if (name === 'v:imagedata') dropped++
      el.remove()
    }
  }
  if (/urn:schemas-microsoft-com|class="?Mso/i.test(html)) wordLists(doc)
  styledMarks(doc)
  for (const el of Array.from(doc.body.getElementsByTagName('*'))) {
    for (const a of Array.from(el.attributes)) {
      if (/^(data-paste-|on)/i.test(a.name) || /^\s*(javascript|vbscript|data):/i.test(a.value)) el.removeAttribute(a.name)
    }
    if (/^(SCRIPT|STYLE|IFRAME|FRAME|OBJECT|EMBED|SVG|MATH|TEMPLATE|LINK|META|BASE|FORM)$/i.test(el.tagName)) el.remove()
  }
  return { html: doc.body.innerHTML, dropped }
}
