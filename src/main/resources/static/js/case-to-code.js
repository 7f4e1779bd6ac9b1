// Case to code: pointing at a suggestion lights up its evidence in the note; an unchecked (rejected) row is dimmed.
(function () {
  function marksOf(code) {
    return Array.from(document.querySelectorAll('#case-text mark')).filter(function (m) {
      return (m.getAttribute('data-codes') || '').split(' ').indexOf(code) >= 0;
    });
  }
  document.querySelectorAll('table.suggestions tbody tr').forEach(function (row) {
    var code = row.getAttribute('data-code');
    row.addEventListener('mouseenter', function () { marksOf(code).forEach(function (m) { m.classList.add('focus'); }); });
    row.addEventListener('mouseleave', function () { marksOf(code).forEach(function (m) { m.classList.remove('focus'); }); });
    var box = row.querySelector('input[type=checkbox]');
    function show() { row.classList.toggle('rejected', !box.checked); }
    box.addEventListener('change', show);
    show();
  });
})();
