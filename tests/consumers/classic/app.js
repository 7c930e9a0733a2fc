// The README's classic-page section: the global `xinyong` from classic.js.
xinyong.ready.then(function () {
  var invalid = xinyong.validate('91350100M000100Y4A');
  document.getElementById('api').textContent =
    'valid=' + xinyong.validate('91350100M000100Y43').valid + ' position=' + invalid.errors[0].position;
});
