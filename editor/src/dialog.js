// Small modal forms (<dialog>): link, image, video link. Native dialogs trap
// focus, close on Escape and return focus to the opener.

let seq = 0

function el (tag, attrs, ...children) {
  const e = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v == null) continue
    if (k === 'text') e.textContent = v
    else e.setAttribute(k, v === true ? '' : v)
  }
  e.append(...children)
  return e
}
export { el }

// ask shows a dialog with the given fields and resolves with their values,
// or null when cancelled. fields: [{name, label, type, value, required,
// hint, validate(v, values) -> error message or ''}]. extra: optional
// [{label, value}] buttons that resolve with {action: value}.
export function ask ({ title, fields, submit, extra, note }) {
  return new Promise((resolve) => {
    const id = 'rte-dlg-' + (++seq)
    const form = el('form', { method: 'dialog', novalidate: true })
    const dlg = el('dialog', { class: 'rte-dialog', 'aria-labelledby': id + '-t' }, form)
    form.append(el('h2', { id: id + '-t', text: title }))
    if (note) form.append(note)
    const inputs = {}
    for (const f of fields) {
      const fid = id + '-' + f.name
      const input = el('input', {
        id: fid, name: f.name, type: f.type || 'text', value: f.value || '',
        required: !!f.required, autocomplete: 'off', 'aria-describedby': f.hint ? fid + '-h' : null
      })
      const err = el('span', { class: 'rte-err', id: fid + '-e', role: 'alert' })
      const p = el('p', {}, el('label', { for: fid, text: f.label + (f.required ? ' *' : '') }), input)
      if (f.hint) p.append(el('small', { id: fid + '-h', text: f.hint }))
      p.append(err)
      form.append(p)
      inputs[f.name] = { input, err, f }
    }
    const buttons = el('p', { class: 'rte-dialog-buttons' })
    const ok = el('button', { type: 'submit', value: 'ok', text: submit || 'Chèn' })
    buttons.append(ok)
    for (const x of extra || []) {
      const b = el('button', { type: 'button', class: 'rte-secondary', text: x.label })
      b.addEventListener('click', () => { done({ action: x.value }) })
      buttons.append(b)
    }
    const cancel = el('button', { type: 'button', class: 'rte-secondary', text: 'Hủy' })
    cancel.addEventListener('click', () => done(null))
    buttons.append(cancel)
    form.append(buttons)

    let finished = false
    function done (v) {
      if (finished) return
      finished = true
      dlg.close()
      dlg.remove()
      resolve(v)
    }
    dlg.addEventListener('cancel', (e) => { e.preventDefault(); done(null) })
    form.addEventListener('submit', (e) => {
      e.preventDefault()
      const values = {}
      for (const [k, { input }] of Object.entries(inputs)) values[k] = input.value.trim()
      let first = null
      for (const { input, err, f } of Object.values(inputs)) {
        let msg = ''
        if (f.required && !values[f.name]) msg = 'Vui lòng nhập ' + f.label.toLowerCase() + '.'
        else if (f.validate) msg = f.validate(values[f.name], values) || ''
        err.textContent = msg
        if (msg) {
          input.setAttribute('aria-invalid', 'true')
          input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), err.id].filter(Boolean).join(' '))
          first = first || input
        } else {
          input.removeAttribute('aria-invalid')
        }
      }
      if (first) {
        first.focus()
        return
      }
      done(values)
    })
    document.body.append(dlg)
    dlg.showModal()
    const firstInput = fields.length ? inputs[fields[0].name].input : ok
    firstInput.focus()
  })
}
