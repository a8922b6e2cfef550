// Autosave to the browser's localStorage: every 30 seconds and when the
// editor loses focus, the title, summary and body are kept on this computer,
// keyed by user, article and version. Nothing is sent to the server: saving
// remains the editor's decision ("Lưu bài viết").
//
// Key: cong.nhap.<user>.<article id or "moi">.<version>
// Value: {"t": ms since epoch, "v": version, "title", "summary", "body"}

const prefix = 'cong.nhap.'
const pendingKey = 'cong.nhap.dang-gui' // sessionStorage: the draft of a form being submitted
const maxAge = 30 * 24 * 3600 * 1000

function storage (name) {
  try {
    const s = window[name]
    const k = prefix + 'thu'
    s.setItem(k, '1')
    s.removeItem(k)
    return s
  } catch {
    return null
  }
}

export class Autosave {
  // fields: {title, summary} inputs; getBody(): current body HTML.
  constructor ({ user, id, version, fields, getBody, onStatus }) {
    this.ls = storage('localStorage')
    this.ss = storage('sessionStorage')
    this.base = prefix + encodeURIComponent(user || '') + '.' + (id || 'moi') + '.'
    this.key = this.base + (version || 0)
    this.version = version || 0
    this.fields = fields
    this.getBody = getBody
    this.onStatus = onStatus || (() => {})
    this.dirty = false
    this.timer = null
  }

  get available () { return !!this.ls }

  snapshot () {
    return {
      title: this.fields.title ? this.fields.title.value : '',
      summary: this.fields.summary ? this.fields.summary.value : '',
      body: this.getBody()
    }
  }

  // save writes the current content if it changed since the last save.
  save (force) {
    if (!this.ls || (!this.dirty && !force)) return false
    const d = { t: Date.now(), v: this.version, ...this.snapshot() }
    try {
      this.ls.setItem(this.key, JSON.stringify(d))
      this.dirty = false
      this.onStatus('saved', new Date(d.t))
      return true
    } catch {
      this.onStatus('failed')
      return false
    }
  }

  start (everyMs) {
    if (!this.ls) return
    this.timer = window.setInterval(() => this.save(), everyMs || 30000)
    window.addEventListener('pagehide', () => this.save())
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.save()
    })
  }

  // drafts returns this article's stored drafts, newest first, and drops
  // any draft older than 30 days or unreadable.
  drafts () {
    if (!this.ls) return []
    const out = []
    const now = Date.now()
    for (let i = this.ls.length - 1; i >= 0; i--) {
      const k = this.ls.key(i)
      if (!k || !k.startsWith(prefix)) continue
      let d = null
      try { d = JSON.parse(this.ls.getItem(k)) } catch {}
      if (!d || typeof d.t !== 'number' || now - d.t > maxAge) {
        this.ls.removeItem(k)
        continue
      }
      if (k.startsWith(this.base)) out.push({ key: k, ...d })
    }
    return out.sort((a, b) => b.t - a.t)
  }

  remove (key) {
    if (this.ls) this.ls.removeItem(key)
  }

  removeAll () {
    for (const d of this.drafts()) this.remove(d.key)
  }

  // Called on submit: the draft is kept (the save may fail) and remembered
  // so that the next page, if it shows the save succeeded, drops it.
  submitting () {
    this.save(true)
    if (this.ss) this.ss.setItem(pendingKey, this.key)
  }

  // afterSubmit drops the submitted draft when the previous page's submit
  // ended on a page that reports success.
  afterSubmit (succeeded) {
    if (!this.ss) return
    const k = this.ss.getItem(pendingKey)
    if (!k) return
    this.ss.removeItem(pendingKey)
    if (succeeded && this.ls) this.ls.removeItem(k)
  }
}
