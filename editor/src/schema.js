// The document schema: what the editor can hold. Everything here maps to
// HTML that the server's sanitiser (internal/news/sanitize.go) keeps, so
// what an editor sees is what readers get.
import { Node, mergeAttributes } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import Heading from '@tiptap/extension-heading'
import Image from '@tiptap/extension-image'
import Link from '@tiptap/extension-link'
import { Table, TableRow, TableCell, TableHeader } from '@tiptap/extension-table'

// Headings h2–h4: the article title is the page's h1. Pasted h1 becomes h2
// and h5/h6 become h4, so structure survives a paste from Word.
const ArticleHeading = Heading.extend({
  parseHTML () {
    return [
      { tag: 'h1', attrs: { level: 2 } },
      { tag: 'h2', attrs: { level: 2 } },
      { tag: 'h3', attrs: { level: 3 } },
      { tag: 'h4', attrs: { level: 4 } },
      { tag: 'h5', attrs: { level: 4 } },
      { tag: 'h6', attrs: { level: 4 } }
    ]
  }
}).configure({ levels: [2, 3, 4] })

// Only addresses the sanitiser keeps: http(s) and site-relative paths.
export function safeImageURL (src) {
  return typeof src === 'string' && /^(https?:\/\/|\/(?!\/))/i.test(src.trim())
}

// What an image keeps: the media library's snippets carry srcset, sizes,
// width, height and loading="lazy"; the server decides what stays.
const imgAttrNames = ['src', 'alt', 'srcset', 'sizes', 'width', 'height', 'loading']
function imageAttrs () {
  const a = {}
  for (const n of imgAttrNames) a[n] = { default: null }
  return a
}

function imgAttrsOf (node) {
  const img = {}
  for (const n of imgAttrNames) if (node.attrs[n] != null && node.attrs[n] !== '') img[n] = String(node.attrs[n])
  img.alt = node.attrs.alt || ''
  return img
}

// A block image without a caption. Images from the clipboard that point at
// the user's disk (Word), blobs or data: URLs are dropped: the server would
// drop them anyway, and a broken image would mislead.
const ArticleImage = Image.extend({
  parseHTML () {
    return [{
      tag: 'img[src]',
      getAttrs: (el) => safeImageURL(el.getAttribute('src')) ? null : false
    }]
  },
  addAttributes () {
    return { ...imageAttrs(), title: { default: null } }
  }
}).configure({ inline: false })

// figure > img + figcaption: an image with a caption the editor types in
// place. The image itself is not editable; the caption is.
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  content: 'inline*',
  marks: 'bold italic link',
  draggable: true,
  isolating: true,
  defining: true,
  addAttributes () {
    // Rendered by renderHTML below, onto the <img>.
    const a = imageAttrs()
    for (const k in a) a[k].rendered = false
    return a
  },
  parseHTML () {
    return [{
      tag: 'figure',
      priority: 60,
      getAttrs: (el) => {
        const img = el.querySelector('img')
        if (!img || !safeImageURL(img.getAttribute('src'))) return false
        const a = {}
        for (const n of imgAttrNames) a[n] = img.getAttribute(n)
        return a
      },
      contentElement: (el) => el.querySelector('figcaption') || el.ownerDocument.createElement('figcaption')
    }]
  },
  renderHTML ({ node }) {
    return ['figure', {}, ['img', imgAttrsOf(node)], ['figcaption', 0]]
  },
  // In the editor the image is not editable, the caption is; the saved
  // HTML (renderHTML) carries none of that.
  addNodeView () {
    return ({ node }) => {
      const dom = document.createElement('figure')
      const img = document.createElement('img')
      const caption = document.createElement('figcaption')
      img.contentEditable = 'false'
      img.draggable = false
      dom.append(img, caption)
      const set = (n) => {
        const a = imgAttrsOf(n)
        for (const k of imgAttrNames) {
          if (a[k] == null) img.removeAttribute(k)
          else img.setAttribute(k, a[k])
        }
      }
      set(node)
      return {
        dom,
        contentDOM: caption,
        update (n) {
          if (n.type.name !== 'figure') return false
          set(n)
          return true
        }
      }
    }
  }
})

// Tables without inline styles: the page's CSP (style-src 'self') refuses
// style attributes, and the sanitiser drops them anyway.
const PlainTable = Table.extend({
  renderHTML ({ HTMLAttributes }) {
    const { style, ...rest } = HTMLAttributes
    return ['table', mergeAttributes(this.options.HTMLAttributes, rest), ['tbody', 0]]
  }
}).configure({ resizable: false, View: null })

function withoutAlign (Cell) {
  return Cell.extend({
    addAttributes () {
      const a = this.parent?.() || {}
      delete a.align
      return a
    }
  })
}

export function extensions () {
  return [
    StarterKit.configure({
      heading: false,
      // No buttons for these, but imported articles use them: keep them.
      codeBlock: false,
      link: false
    }),
    // Not inclusive: TipTap makes an autolinking link inclusive, so a full
    // stop or the next word typed at a link's end became part of the link.
    Link.extend({ inclusive: () => false }).configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      protocols: [],
      HTMLAttributes: { target: null, rel: null, class: null },
      isAllowedUri: (url) => /^(https?:|mailto:|tel:|\/|#)/i.test(url.trim())
    }),
    ArticleHeading,
    ArticleImage,
    Figure,
    PlainTable,
    TableRow,
    withoutAlign(TableHeader),
    withoutAlign(TableCell)
  ]
}
