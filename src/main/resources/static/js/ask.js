// The assistant page: ask over server-sent events and show each statement as it arrives; without this
// script the form posts and the answer comes with the page.
(function () {
  const form = document.getElementById('ask-form');
  if (!form || !window.EventSource) return;
  const out = document.getElementById('answer-statements');
  const box = document.getElementById('answer-stream');
  function paragraph(text, cls) {
    const p = document.createElement('p');
    if (cls) p.className = cls;
    p.textContent = text;
    return p;
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const q = form.querySelector('[name=q]').value;
    const date = form.querySelector('[name=date]').value;
    const old = document.getElementById('answer');
    if (old) old.remove();
    out.replaceChildren();
    box.hidden = false;
    const conversation = form.querySelector('[name=conversation]');
    const source = new EventSource('/ask/stream?q=' + encodeURIComponent(q) + '&date=' + encodeURIComponent(date)
        + (conversation && conversation.value ? '&conversation=' + encodeURIComponent(conversation.value) : ''));
    source.addEventListener('statement', function (e) {
      const s = JSON.parse(e.data);
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
    });
    source.addEventListener('missing', function (e) { out.appendChild(paragraph(JSON.parse(e.data).text, 'older')); });
    source.addEventListener('error', function (e) {
      if (e.data) out.appendChild(paragraph(JSON.parse(e.data).message, 'form-error'));
      source.close();
    });
    source.addEventListener('done', function (e) {
      source.close();
      const done = JSON.parse(e.data);
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
    });
  });
  document.getElementById('copy-answer').addEventListener('click', function () {
    if (navigator.clipboard) navigator.clipboard.writeText(out.innerText);
  });
})();
