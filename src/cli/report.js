// The filter: unticking a standing hides its claims from the lists and its marks from the text.
(function () {
  var main = document.getElementById('claims');
  var filter = document.getElementById('filter');
  var shown = document.getElementById('shown');
  if (!main || !filter) return;
  var boxes = filter.querySelectorAll('input[name=verdict]');
  function update() {
    boxes.forEach(function (box) { main.classList.toggle('hide-' + box.value, !box.checked); });
    var all = main.querySelectorAll('li.claim');
    var visible = 0;
    all.forEach(function (li) { if (getComputedStyle(li).display !== 'none') visible++; });
    shown.textContent = 'Showing ' + visible + ' of ' + all.length + ' claims.';
  }
  boxes.forEach(function (box) { box.addEventListener('change', update); });
  filter.hidden = false;
  update();
})();
