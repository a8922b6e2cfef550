// Cổng's article editor: progressive enhancement of the body textarea on
// /quan-tri/bai-viet/…. Without JavaScript the textarea is the editor (HTML);
// with it, a TipTap editor replaces it on screen and writes its HTML back to
// the textarea on every change and on submit. The server sanitises whatever
// arrives: this editor only makes clean HTML easy.
import { Editor } from '@tiptap/core'
import { extensions, safeImageURL } from './schema.js'
import { cleanPastedHTML } from './paste.js'
import { Autosave } from './autosave.js'
import { ask, el } from './dialog.js'

const timeFmt = (d) => d.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', second: '2-digit' })
const dateTimeFmt = (d) => d.toLocaleString('vi-VN', { hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' })

function linkURLError (v) {
  if (/^(https?:\/\/[^\s]+|mailto:[^\s]+|tel:[0-9+ ]+|\/[^\s]*|#[^\s]*)$/i.test(v)) return ''
  return 'Địa chỉ phải bắt đầu bằng https://, http://, mailto:, tel: hoặc / (trang trong cổng).'
}

function imageURLError (v) {
  if (/^data:/i.test(v)) return 'Ảnh dạng data: không được lưu. Hãy tải ảnh lên thư viện và dùng địa chỉ của ảnh.'
  return safeImageURL(v) && !/\s/.test(v) ? '' : 'Địa chỉ ảnh phải bắt đầu bằng https://, http:// hoặc / (ảnh trong cổng).'
}

function videoURLError (v) {
  return /^https?:\/\/[^\s]+$/i.test(v) ? '' : 'Địa chỉ video phải bắt đầu bằng https:// (ví dụ https://www.youtube.com/watch?v=…).'
}

// normalize gives the editor's HTML for some HTML, to compare drafts with
// what the server sent regardless of formatting differences.
function normalizer () {
  const probe = new Editor({ extensions: extensions(), injectCSS: false, content: '' })
  const norm = (html) => {
    probe.commands.setContent(html || '', { emitUpdate: false })
    return probe.isEmpty ? '' : probe.getHTML()
  }
  norm.destroy = () => probe.destroy()
  return norm
}

function mount (ta) {
  const form = ta.form
  const readOnly = ta.readOnly || ta.disabled
  const label = document.querySelector('label[for="' + ta.id + '"]')
  if (label && !label.id) label.id = ta.id + '-label'
  const hint = document.getElementById(ta.id + '-hint')

  const wrap = el('div', { class: 'rte' })
  const toolbar = el('div', { class: 'rte-toolbar', role: 'toolbar', 'aria-label': 'Định dạng nội dung', 'aria-controls': ta.id + '-rte' })
  const area = el('div', { class: 'rte-area' })
  const status = el('p', { class: 'rte-status', role: 'status', 'aria-live': 'polite' })
  const notice = el('div', { class: 'rte-notice', hidden: true })
  wrap.append(notice, toolbar, area, status)
  ta.before(wrap)
  ta.hidden = true
  ta.classList.add('rte-source')
  if (hint) hint.textContent = 'Soạn thảo trực quan: chọn kiểu chữ trên thanh công cụ (Alt+F10 để đến thanh công cụ). Dán từ Word hoặc trang web được làm sạch tự động; máy chủ luôn lọc mã độc khi lưu.'

  const editor = new Editor({
    element: area,
    extensions: extensions(),
    content: ta.value,
    editable: !readOnly,
    injectCSS: false,
    editorProps: {
      attributes: {
        id: ta.id + '-rte',
        class: 'rte-content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': label ? label.id : '',
        'aria-describedby': hint ? hint.id : '',
        lang: 'vi'
      },
      // The media library gives HTML to copy (<figure><img …>). Pasted as
      // text, it would arrive as text: take it as HTML instead.
      handlePaste (view, event) {
        const dt = event.clipboardData
        if (!dt || dt.types.includes('text/html')) return false
        const text = (dt.getData('text/plain') || '').trim()
        if (!/^<(figure|img|p)\b[^>]*>[\s\S]*>$/i.test(text) || !/<(img|a)\b/i.test(text)) return false
        const r = cleanPastedHTML(text)
        editor.chain().focus().insertContent(r.html).run()
        say('Đã chèn mã HTML dán vào (ảnh hoặc tệp từ thư viện).')
        return true
      },
      transformPastedHTML (html) {
        const r = cleanPastedHTML(html)
        if (r.dropped) say('Đã bỏ ' + r.dropped + ' ảnh dán từ máy tính (Word): hãy chèn ảnh bằng nút "Ảnh".')
        return r.html
      }
    }
  })

  // The textarea keeps the server's HTML byte for byte until the body is
  // edited here: saving only a new title must not reformat an imported body.
  let sourceMode = false
  let touched = false
  const html = () => (editor.isEmpty ? '' : editor.getHTML())
  const sync = () => { if (!sourceMode && touched) ta.value = html() }
  function say (msg) { status.textContent = msg }

  // Autosave.
  const d = ta.dataset
  const auto = new Autosave({
    user: d.user,
    id: d.articleId,
    version: parseInt(d.version || '0', 10),
    fields: { title: form && form.elements.title, summary: form && form.elements.summary },
    getBody: () => (sourceMode ? ta.value : html()),
    onStatus: (kind, when) => {
      if (kind === 'saved') say('Đã tự lưu bản nháp trên máy này lúc ' + timeFmt(when) + '.')
      else if (kind === 'failed') say('Không tự lưu được bản nháp (bộ nhớ trình duyệt đầy hoặc bị chặn).')
    }
  })

  editor.on('update', () => { touched = true; sync(); auto.dirty = true })
  editor.on('blur', () => auto.save())
  editor.on('selectionUpdate', () => refresh())
  editor.on('transaction', () => refresh())
  for (const f of [form && form.elements.title, form && form.elements.summary]) {
    if (!f) continue
    f.addEventListener('input', () => { auto.dirty = true })
    f.addEventListener('blur', () => auto.save())
  }
  ta.addEventListener('input', () => { auto.dirty = true })
  ta.addEventListener('blur', () => auto.save())
  if (form) {
    form.addEventListener('submit', () => {
      sync()
      auto.submitting()
    })
  }
  if (label) label.addEventListener('click', (e) => { e.preventDefault(); editor.commands.focus() })

  // Toolbar.
  const controls = []
  function button (text, aria, run, opts = {}) {
    const b = el('button', { type: 'button', class: 'rte-btn' + (opts.cls ? ' ' + opts.cls : ''), 'aria-label': aria, title: aria + (opts.keys ? ' (' + opts.keys + ')' : ''), 'data-cmd': opts.name || null })
    b.textContent = text
    if (opts.toggle) b.setAttribute('aria-pressed', 'false')
    b.addEventListener('click', () => run())
    b.addEventListener('mousedown', (e) => e.preventDefault()) // keep the editor's selection
    controls.push({ el: b, ...opts })
    return b
  }
  function group (label, ...items) {
    toolbar.append(el('span', { class: 'rte-group', role: 'group', 'aria-label': label }, ...items))
  }
  const chain = () => editor.chain().focus()

  const block = el('select', { class: 'rte-block', 'aria-label': 'Kiểu đoạn', title: 'Kiểu đoạn' },
    el('option', { value: 'p', text: 'Đoạn văn' }),
    el('option', { value: '2', text: 'Tiêu đề mục (H2)' }),
    el('option', { value: '3', text: 'Tiêu đề nhỏ (H3)' }),
    el('option', { value: '4', text: 'Tiêu đề phụ (H4)' }))
  block.addEventListener('change', () => {
    if (block.value === 'p') chain().setParagraph().run()
    else chain().setHeading({ level: parseInt(block.value, 10) }).run()
  })
  controls.push({ el: block, block: true })

  group('Kiểu chữ', block,
    button('B', 'Chữ đậm', () => chain().toggleBold().run(), { toggle: true, mark: 'bold', keys: 'Ctrl+B', name: 'dam', cls: 'rte-b' }),
    button('I', 'Chữ nghiêng', () => chain().toggleItalic().run(), { toggle: true, mark: 'italic', keys: 'Ctrl+I', name: 'nghieng', cls: 'rte-i' }))
  group('Danh sách và trích dẫn',
    button('• Danh sách', 'Danh sách dấu chấm', () => chain().toggleBulletList().run(), { toggle: true, node: 'bulletList', name: 'ds-cham' }),
    button('1. Danh sách', 'Danh sách đánh số', () => chain().toggleOrderedList().run(), { toggle: true, node: 'orderedList', name: 'ds-so' }),
    button('❝ Trích dẫn', 'Trích dẫn', () => chain().toggleBlockquote().run(), { toggle: true, node: 'blockquote', name: 'trich-dan' }))
  group('Chèn',
    button('Liên kết', 'Chèn hoặc sửa liên kết', () => linkDialog(), { toggle: true, mark: 'link', keys: 'Ctrl+K', name: 'lien-ket' }),
    button('Ảnh', 'Chèn ảnh', () => imageDialog(), { name: 'anh' }),
    button('Video', 'Chèn liên kết video', () => videoDialog(), { name: 'video' }),
    button('Bảng', 'Chèn bảng 3 × 3', () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(), { name: 'bang' }))
  group('Bảng',
    button('+ Hàng', 'Thêm hàng bên dưới', () => chain().addRowAfter().run(), { table: true, name: 'them-hang' }),
    button('+ Cột', 'Thêm cột bên phải', () => chain().addColumnAfter().run(), { table: true, name: 'them-cot' }),
    button('− Hàng', 'Xóa hàng', () => chain().deleteRow().run(), { table: true, name: 'xoa-hang' }),
    button('− Cột', 'Xóa cột', () => chain().deleteColumn().run(), { table: true, name: 'xoa-cot' }),
    button('Hàng tiêu đề', 'Bật/tắt hàng tiêu đề', () => chain().toggleHeaderRow().run(), { table: true, name: 'hang-tieu-de' }),
    button('Xóa bảng', 'Xóa bảng', () => chain().deleteTable().run(), { table: true, name: 'xoa-bang' }))
  group('Lịch sử',
    button('↶', 'Hoàn tác', () => chain().undo().run(), { keys: 'Ctrl+Z', undo: true, name: 'hoan-tac' }),
    button('↷', 'Làm lại', () => chain().redo().run(), { keys: 'Ctrl+Y', redo: true, name: 'lam-lai' }))
  group('Mã nguồn',
    button('HTML', 'Sửa mã HTML', () => toggleSource(), { toggle: true, source: true, name: 'html' }))

  function refresh () {
    const inTable = editor.isActive('table')
    for (const c of controls) {
      const b = c.el
      if (c.block) {
        const h = [2, 3, 4].find((l) => editor.isActive('heading', { level: l }))
        b.value = h ? String(h) : 'p'
        b.disabled = sourceMode || readOnly
        continue
      }
      if (c.source) {
        b.setAttribute('aria-pressed', String(sourceMode))
        b.disabled = readOnly
        continue
      }
      let disabled = sourceMode || readOnly
      if (c.table) disabled = disabled || !inTable
      if (c.undo) disabled = disabled || !editor.can().undo()
      if (c.redo) disabled = disabled || !editor.can().redo()
      b.disabled = disabled
      if (c.toggle) b.setAttribute('aria-pressed', String(!sourceMode && editor.isActive(c.mark || c.node)))
    }
    roving()
  }

  // Roving tabindex: one Tab stop for the whole toolbar, arrows inside.
  let current = 0
  function enabled () { return controls.filter((c) => !c.el.disabled).map((c) => c.el) }
  function roving () {
    const list = enabled()
    if (!list.length) return
    if (!list.includes(controls[current]?.el)) current = controls.findIndex((c) => c.el === list[0])
    for (const c of controls) c.el.tabIndex = c === controls[current] ? 0 : -1
  }
  toolbar.addEventListener('focusin', (e) => {
    const i = controls.findIndex((c) => c.el === e.target)
    if (i >= 0) { current = i; roving() }
  })
  toolbar.addEventListener('keydown', (e) => {
    const list = enabled()
    const i = list.indexOf(document.activeElement)
    let next = -1
    if (e.key === 'ArrowRight') next = (i + 1) % list.length
    else if (e.key === 'ArrowLeft') next = (i - 1 + list.length) % list.length
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = list.length - 1
    else if (e.key === 'Escape') { e.preventDefault(); editor.commands.focus(); return }
    if (next < 0 || i < 0) return
    e.preventDefault()
    list[next].focus()
  })
  area.addEventListener('keydown', (e) => {
    if (e.altKey && e.key === 'F10') {
      e.preventDefault()
      const list = enabled()
      const b = controls[current]?.el
      ;(list.includes(b) ? b : list[0])?.focus()
    }
    if ((e.ctrlKey || e.metaKey) && (e.key === 'k' || e.key === 'K')) {
      e.preventDefault()
      linkDialog()
    }
  })

  // HTML source: the textarea itself, for what the toolbar cannot do.
  function toggleSource () {
    if (!sourceMode) {
      touched = true
      sync()
      // One block per line, so the HTML is readable.
      ta.value = ta.value.replace(/(<\/(p|h[2-4]|li|ul|ol|blockquote|figure|table|tbody|tr)>)(?=<)/g, '$1\n')
      sourceMode = true
      area.hidden = true
      ta.hidden = false
      ta.focus()
      say('Đang sửa mã HTML. Bấm "HTML" lần nữa để trở lại soạn thảo trực quan.')
    } else {
      editor.commands.setContent(ta.value, { emitUpdate: false })
      sourceMode = false
      ta.hidden = true
      area.hidden = false
      sync()
      editor.commands.focus()
      say('')
    }
    refresh()
  }

  async function linkDialog () {
    if (sourceMode || readOnly) return
    const { from, to, empty } = editor.state.selection
    const current = editor.getAttributes('link').href || ''
    const fields = [{ name: 'href', label: 'Địa chỉ liên kết', type: 'url', value: current, required: true, validate: linkURLError, hint: 'Ví dụ: https://dichvucong.gov.vn hoặc /trang/gioi-thieu' }]
    if (empty && !current) fields.push({ name: 'text', label: 'Chữ hiển thị', hint: 'Để trống thì hiển thị chính địa chỉ.' })
    const r = await ask({ title: current ? 'Sửa liên kết' : 'Chèn liên kết', fields, submit: 'Áp dụng', extra: current ? [{ label: 'Bỏ liên kết', value: 'unlink' }] : [] })
    if (!r) { editor.commands.focus(); return }
    if (r.action === 'unlink') { chain().extendMarkRange('link').unsetLink().run(); return }
    if (empty && !current) {
      chain().insertContent({ type: 'text', text: r.text || r.href, marks: [{ type: 'link', attrs: { href: r.href } }] }).run()
    } else {
      chain().setTextSelection({ from, to }).extendMarkRange('link').setLink({ href: r.href }).run()
    }
  }

  // mediaPicker lists the library's images inside the image dialog:
  // choosing one fills the address and the alt text the library holds
  // (still editable), so nobody copies a URL from another tab or retypes
  // a description that already exists.
  function mediaPicker (url) {
    const search = el('input', { type: 'search', id: 'rte-picker-q', autocomplete: 'off' })
    const find = el('button', { type: 'button', class: 'rte-secondary', text: 'Tìm' })
    const status = el('p', { class: 'rte-hint', role: 'status' })
    const list = el('ul', { class: 'rte-picker-list' })
    const box = el('fieldset', { class: 'rte-picker' }, el('legend', { text: 'Chọn ảnh từ thư viện' }),
      el('p', { class: 'rte-picker-search' }, el('label', { for: 'rte-picker-q', text: 'Tìm ảnh (tên tệp, mô tả, chú thích)' }), search, find), status, list)
    let seqNo = 0
    async function load () {
      const mine = ++seqNo
      status.textContent = 'Đang tải danh sách ảnh…'
      let data
      try {
        const r = await fetch(url + '?q=' + encodeURIComponent(search.value.trim()), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        if (!r.ok) throw new Error(String(r.status))
        data = await r.json()
      } catch (e) {
        if (mine === seqNo) status.textContent = 'Không tải được thư viện ảnh. Hãy nhập địa chỉ ảnh vào ô dưới đây.'
        return
      }
      if (mine !== seqNo) return
      list.replaceChildren()
      for (const it of data.items || []) {
        const b = el('button', { type: 'button', class: 'rte-picker-item', 'aria-pressed': 'false', 'data-src': it.src },
          el('img', { src: it.thumb, alt: '', width: 80, height: it.width && it.height ? Math.max(1, Math.round(it.height * 80 / it.width)) : null, loading: 'lazy' }),
          el('span', { text: it.alt || it.name }))
        b.addEventListener('click', () => {
          const form = box.closest('form')
          form.elements.src.value = it.src
          form.elements.alt.value = it.alt || ''
          for (const o of list.querySelectorAll('button')) o.setAttribute('aria-pressed', String(o === b))
          status.textContent = 'Đã chọn ảnh "' + (it.alt || it.name) + '". Kiểm tra mô tả ảnh rồi bấm Chèn ảnh.'
          form.elements.alt.focus()
        })
        list.append(el('li', {}, b))
      }
      const n = (data.items || []).length
      status.textContent = n === 0 ? 'Không có ảnh nào phù hợp.' : (data.total > n ? 'Hiện ' + n + ' trong ' + data.total + ' ảnh mới nhất; tìm để thu hẹp.' : n + ' ảnh.')
    }
    find.addEventListener('click', load)
    // Enter in the search box searches instead of submitting the dialog.
    search.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); load() } })
    load()
    return box
  }

  async function imageDialog () {
    if (sourceMode || readOnly) return
    const sel = editor.state.selection
    const node = sel.node && ['image', 'figure'].includes(sel.node.type.name) ? sel.node : null
    let note = null
    if (d.mediaLibrary) {
      note = el('p', { class: 'rte-hint' }, 'Tải ảnh mới lên ', el('a', { href: d.mediaLibrary, target: '_blank', rel: 'noopener', text: 'thư viện ảnh' }),
        ' (mở thẻ mới); ảnh đã có thì chọn ngay dưới đây.')
      if (d.mediaPicker) note = el('div', {}, note, mediaPicker(d.mediaPicker))
    }
    const r = await ask({
      title: node ? 'Sửa ảnh' : 'Chèn ảnh',
      note,
      submit: node ? 'Cập nhật' : 'Chèn ảnh',
      fields: [
        { name: 'src', label: 'Địa chỉ ảnh', type: 'url', value: node ? node.attrs.src : '', required: true, validate: imageURLError, hint: 'Ảnh trong cổng (bắt đầu bằng /) hoặc https://…' },
        { name: 'alt', label: 'Mô tả ảnh cho người khiếm thị (alt)', value: node ? node.attrs.alt : '', required: true, hint: 'Ảnh cho thấy gì, ví dụ: "Đồng chí Chủ tịch UBND huyện phát biểu tại hội nghị".' },
        { name: 'caption', label: 'Chú thích dưới ảnh', value: node && node.type.name === 'figure' ? node.textContent : '', hint: 'Không bắt buộc.' }
      ]
    })
    if (!r) { editor.commands.focus(); return }
    const content = r.caption
      ? { type: 'figure', attrs: { src: r.src, alt: r.alt }, content: [{ type: 'text', text: r.caption }] }
      : { type: 'image', attrs: { src: r.src, alt: r.alt } }
    if (node) chain().insertContentAt({ from: sel.from, to: sel.to }, content).run()
    else chain().insertContent(content).run()
    if (r.caption) leaveFigure()
    say(node ? 'Đã cập nhật ảnh.' : 'Đã chèn ảnh.')
  }

  // leaveFigure puts the cursor in the paragraph after the figure just
  // inserted (making one if none follows): left in the caption, the next
  // sentence the editor typed was published as part of it.
  function leaveFigure () {
    const $from = editor.state.selection.$from
    for (let depth = $from.depth; depth > 0; depth--) {
      if ($from.node(depth).type.name !== 'figure') continue
      const after = $from.after(depth)
      const next = editor.state.doc.resolve(after).nodeAfter
      if (next && next.type.name === 'paragraph') {
        chain().setTextSelection(after + 1).run()
      } else {
        chain().insertContentAt(after, { type: 'paragraph' }).setTextSelection(after + 1).run()
      }
      return
    }
  }

  async function videoDialog () {
    if (sourceMode || readOnly) return
    const r = await ask({
      title: 'Chèn liên kết video',
      note: el('p', { class: 'rte-hint', text: 'Cổng không nhúng khung video của trang khác (vì an toàn); bài sẽ có một liên kết để người đọc mở video.' }),
      submit: 'Chèn',
      fields: [
        { name: 'href', label: 'Địa chỉ video', type: 'url', required: true, validate: videoURLError, hint: 'Ví dụ: https://www.youtube.com/watch?v=…' },
        { name: 'text', label: 'Tên video', hint: 'Để trống thì ghi "Xem video".' }
      ]
    })
    if (!r) { editor.commands.focus(); return }
    const text = '▶ ' + (r.text ? 'Video: ' + r.text : 'Xem video')
    chain().insertContent({ type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'link', attrs: { href: r.href } }] }] }).run()
    say('Đã chèn liên kết video.')
  }

  // Restore offer: the newest local draft of this article, when it differs
  // from what the page shows.
  const pageOK = !document.querySelector('.adm-main .error[role="alert"]') && /[?&]tb=/.test(location.search)
  auto.afterSubmit(pageOK)
  if (auto.available && !readOnly) {
    const norm = normalizer()
    const current = { title: auto.fields.title ? auto.fields.title.value : '', summary: auto.fields.summary ? auto.fields.summary.value : '', body: html() }
    const same = (x) => x.title === current.title && x.summary === current.summary && norm(x.body) === current.body
    const drafts = auto.drafts()
    for (const x of drafts) if (same(x)) auto.remove(x.key)
    const newest = drafts.find((x) => !same(x))
    if (newest) offer(newest)
    norm.destroy()
  }
  auto.start(30000)

  function offer (x) {
    const when = dateTimeFmt(new Date(x.t))
    const cur = parseInt(d.version || '0', 10)
    const text = 'Có bản nháp tự lưu trên máy này lúc ' + when + ' khác với nội dung đang hiển thị.' +
      (x.v && cur && x.v < cur ? ' Lưu ý: bản nháp được soạn từ phiên bản ' + x.v + '; bài đã được lưu thành phiên bản ' + cur + ' sau đó.' : '')
    const restore = el('button', { type: 'button', text: 'Khôi phục bản nháp tự lưu' })
    const drop = el('button', { type: 'button', class: 'rte-secondary', text: 'Bỏ bản nháp này' })
    notice.replaceChildren(el('p', { text }), el('p', {}, restore, ' ', drop))
    notice.setAttribute('role', 'region')
    notice.setAttribute('aria-label', 'Bản nháp tự lưu')
    notice.hidden = false
    restore.addEventListener('click', () => {
      if (auto.fields.title) auto.fields.title.value = x.title
      if (auto.fields.summary) auto.fields.summary.value = x.summary
      if (sourceMode) ta.value = x.body
      else editor.commands.setContent(x.body, { emitUpdate: true })
      touched = true
      sync()
      auto.dirty = true
      auto.save()
      if (x.key !== auto.key) auto.remove(x.key)
      notice.hidden = true
      say('Đã khôi phục bản nháp tự lưu lúc ' + when + '. Bấm "Lưu bài viết" để lưu lên máy chủ.')
      editor.commands.focus()
    })
    drop.addEventListener('click', () => {
      auto.remove(x.key)
      notice.hidden = true
      say('Đã bỏ bản nháp tự lưu.')
      editor.commands.focus()
    })
  }

  refresh()
  wrap.editor = editor // for tests and debugging
  return editor
}

function init () {
  for (const ta of document.querySelectorAll('textarea.body-html')) {
    try {
      mount(ta)
    } catch (e) {
      // The plain textarea still works.
      ta.hidden = false
      ta.previousElementSibling?.classList.contains('rte') && ta.previousElementSibling.remove()
      console.error('editor:', e)
    }
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init)
else init()
