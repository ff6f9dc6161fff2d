// Uploads of documents: each chosen or dropped file goes as its own request body, with a
// progress bar and a cancel button. Without this script the same form posts as multipart.
(function () {
  'use strict';

  function text(el, value) { el.textContent = value; return el; }

  function queryOf(form) {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === 'string' && name !== 'csrf-token' && value !== '') {
        params.append(name, value);
      }
    });
    return params.toString();
  }

  function uploadOne(form, file, list, done) {
    var item = document.createElement('li');
    var name = text(document.createElement('span'), file.name + ' ');
    var bar = document.createElement('progress');
    bar.max = 100; bar.value = 0;
    bar.setAttribute('aria-label', file.name);
    var status = document.createElement('span');
    status.className = 'upload-status';
    var cancel = text(document.createElement('button'), form.dataset.labelCancel);
    cancel.type = 'button';
    cancel.className = 'button secondary small';
    item.append(name, bar, status, cancel);
    list.appendChild(item);

    var xhr = new XMLHttpRequest();
    var query = queryOf(form);
    xhr.open('POST', form.dataset.upload + (query ? '?' + query : ''));
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.setRequestHeader('X-CSRF-TOKEN', form.dataset.csrf);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) { bar.value = Math.round(e.loaded * 100 / e.total); }
    };
    xhr.onload = function () {
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (ignored) { /* not JSON */ }
      cancel.remove();
      if (xhr.status === 201) {
        bar.value = 100;
        var link = text(document.createElement('a'), form.dataset.labelDone);
        link.href = body.url;
        status.appendChild(link);
        item.className = 'ok';
        done(true, body.url, body.id);
      } else {
        text(status, form.dataset.labelFailed + ': ' + (body.message || xhr.statusText));
        item.className = 'failed';
        done(false);
      }
    };
    xhr.onerror = function () {
      cancel.remove();
      text(status, form.dataset.labelFailed);
      item.className = 'failed';
      done(false);
    };
    xhr.onabort = function () {
      text(status, form.dataset.labelCancelled);
      item.className = 'failed';
      done(false);
    };
    cancel.addEventListener('click', function () { xhr.abort(); cancel.remove(); });
    xhr.send(file);
  }

  function enhance(form) {
    var input = form.querySelector('input[type=file]');
    var list = form.querySelector('.upload-list');
    var zone = form.querySelector('.drop-zone');
    if (zone) {
      ['dragenter', 'dragover'].forEach(function (type) {
        zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add('dragging'); });
      });
      ['dragleave', 'drop'].forEach(function (type) {
        zone.addEventListener(type, function () { zone.classList.remove('dragging'); });
      });
      zone.addEventListener('drop', function (e) {
        e.preventDefault();
        if (e.dataTransfer && e.dataTransfer.files.length) { input.files = e.dataTransfer.files; }
      });
    }
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var files = Array.prototype.slice.call(input.files || []);
      if (!files.length) {
        list.innerHTML = '';
        list.appendChild(text(document.createElement('li'), form.dataset.labelNone));
        input.focus();
        return;
      }
      list.innerHTML = '';
      var pending = files.length;
      var allOk = true;
      var lastUrl = null;
      var ids = [];
      files.forEach(function (file) {
        uploadOne(form, file, list, function (ok, url, id) {
          allOk = allOk && ok;
          if (url) { lastUrl = url; }
          if (id) { ids.push(id); }
          pending--;
          if (pending === 0 && allOk) {
            // Several files: the folder again, naming them (it lists by title, a page at a time).
            var folder = new URL(window.location.href);
            folder.searchParams.set('uploaded', ids.join(','));
            folder.hash = 'just-uploaded';
            window.location.assign(files.length === 1 && lastUrl ? lastUrl : folder.toString());
          }
        });
      });
    });
  }

  document.querySelectorAll('form[data-upload]').forEach(enhance);
}());
