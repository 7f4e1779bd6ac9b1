// The assistant page: ask over server-sent events and show each statement as it arrives; without this
// script the form posts and the answer comes with the page. The stream is a POST of the form itself (its CSRF
// token included), read with fetch: asking spends the plan's quota and keeps a member's question, so no GET does.
(function () {
  const form = document.getElementById('ask-form');
  if (!form || !window.fetch || !window.TextDecoder || !window.URLSearchParams || !window.ReadableStream) return;
  const out = document.getElementById('answer-statements');
  const box = document.getElementById('answer-stream');
  const conversation = form.querySelector('[name=conversation]');
  function paragraph(text, cls) {
    const p = document.createElement('p');
    if (cls) p.className = cls;
    p.textContent = text;
    return p;
  }
  const on = {
    statement: function (s) {
      const div = document.createElement('div');
      div.className = 'statement';
      div.appendChild(paragraph(s.text));
      const cites = paragraph('', 'source');
      s.citations.forEach(function (c, i) {
        if (i > 0) cites.appendChild(document.createTextNode('; '));
        if (c.url) { const a = document.createElement('a'); a.href = c.url; a.textContent = c.source; cites.appendChild(a); }
        else cites.appendChild(document.createTextNode(c.source));
      });
      div.appendChild(cites);
      out.appendChild(div);
    },
    missing: function (m) { out.appendChild(paragraph(m.text, 'older')); },
    notice: function (m) { out.appendChild(paragraph(m.text, 'currency')); },
    error: function (e) { out.appendChild(paragraph(e.message, 'form-error')); },
    done: function (done) {
      if (done.conversation && conversation) conversation.value = done.conversation; // the next question follows up
      if (done.history) {
        const p = paragraph('', 'source');
        const a = document.createElement('a');
        a.href = done.history;
        a.textContent = 'Saved to your history: rate this answer';
        p.appendChild(a);
        out.appendChild(p);
      }
      out.setAttribute('data-done', 'true');
    }
  };
  // one server-sent event ("event:name" and "data:" lines) to its handler
  function dispatch(block) {
    let name = 'message';
    const data = [];
    block.split('\n').forEach(function (line) {
      if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    });
    if (on[name] && data.length) on[name](JSON.parse(data.join('\n')));
  }
  function read(response) {
    if (!response.ok || !response.body) {
      on.error({ message: 'The question could not be asked (HTTP ' + response.status + '); reload the page and ask again.' });
      return undefined;
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    function next() {
      return reader.read().then(function (chunk) {
        buffer = (buffer + decoder.decode(chunk.value || new Uint8Array(), { stream: !chunk.done })).replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
        if (!chunk.done) return next();
        if (buffer.trim()) dispatch(buffer);
        return undefined;
      });
    }
    return next();
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const old = document.getElementById('answer');
    if (old) old.remove();
    out.replaceChildren();
    out.removeAttribute('data-done');
    box.hidden = false;
    fetch('/ask/stream', {
      method: 'POST', credentials: 'same-origin', headers: { 'Accept': 'text/event-stream' },
      body: new URLSearchParams(new FormData(form)) // q, date, conversation and the CSRF token
    }).then(read).catch(function () { on.error({ message: 'The connection was lost; please ask again.' }); });
  });
  document.getElementById('copy-answer').addEventListener('click', function () {
    if (navigator.clipboard) navigator.clipboard.writeText(out.innerText);
  });
})();
