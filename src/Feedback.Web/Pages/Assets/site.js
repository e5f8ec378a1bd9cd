// Enhancements only: every page works without this script.
(function () {
  'use strict';
  // Countdowns: [data-left] holds the seconds left when the page was rendered.
  function format(s) {
    var a = Math.abs(s), h = Math.floor(a / 3600), m = Math.floor(a % 3600 / 60);
    return (s < 0 ? '已超期 ' : '剩余 ') + (h > 0 ? h + '小时' : '') + m + '分' + (h > 0 ? '' : Math.floor(a % 60) + '秒');
  }
  var started = Date.now();
  function tick() {
    document.querySelectorAll('[data-left]').forEach(function (e) {
      var s = Number(e.dataset.left) - (Date.now() - started) / 1000;
      e.textContent = format(s);
      e.classList.toggle('late', s < 0);
      e.classList.toggle('soon', s >= 0 && s < 3600);
    });
  }
  // Filters that apply as soon as a choice changes; the submit button stays for keyboards and no-script use.
  function autosubmit() {
    document.querySelectorAll('form[data-autosubmit]').forEach(function (form) {
      form.addEventListener('change', function (e) {
        if (e.target.matches('select, input[type=checkbox], input[type=date]')) form.requestSubmit();
      });
    });
  }
  // Buttons that ask before an irreversible step: data-confirm holds the question.
  function confirmations() {
    document.addEventListener('submit', function (e) {
      var question = e.submitter && e.submitter.dataset.confirm;
      if (question && !window.confirm(question)) e.preventDefault();
    });
  }
  // File inputs with data-max-bytes refuse a file over the limit before it is sent (the server refuses it too).
  function fileLimits() {
    document.querySelectorAll('input[type=file][data-max-bytes]').forEach(function (input) {
      input.addEventListener('change', function () {
        var max = Number(input.dataset.maxBytes), big = Array.prototype.some.call(input.files, function (f) { return f.size > max; });
        input.setCustomValidity(big ? '文件超过 ' + Math.round(max / 1048576) + ' MB，请压缩后再上传。' : '');
        input.reportValidity();
      });
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    if (document.querySelector('[data-left]')) { tick(); setInterval(tick, 1000); }
    autosubmit();
    confirmations();
    // Print buttons only work with the script, so they start hidden.
    document.querySelectorAll('[data-print]').forEach(function (b) { b.hidden = false; b.addEventListener('click', function () { window.print(); }); });
    fileLimits();
  });
})();
