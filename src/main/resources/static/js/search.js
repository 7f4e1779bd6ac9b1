// Keyboard navigation for the header autocomplete (htmx fills #suggestions); without JavaScript the box is a plain form.
document.addEventListener('keydown', function (event) {
  var box = document.getElementById('header-q');
  var list = document.getElementById('suggestions');
  if (!box || !list) { return; }
  var links = Array.prototype.slice.call(list.querySelectorAll('a'));
  if (links.length === 0) { return; }
  var index = links.indexOf(document.activeElement);
  if (event.key === 'ArrowDown' && (document.activeElement === box || index >= 0)) {
    event.preventDefault();
    links[Math.min(index + 1, links.length - 1)].focus();
  } else if (event.key === 'ArrowUp' && index >= 0) {
    event.preventDefault();
    if (index === 0) { box.focus(); } else { links[index - 1].focus(); }
  } else if (event.key === 'Escape') {
    list.innerHTML = '';
    box.focus();
  }
});
