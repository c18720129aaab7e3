// hoso workspace: progressive enhancement only; every form works without it.
(function () {
  "use strict";
  function $(sel, root) { return (root || document).querySelector(sel); }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }

  // Live status in the inbox and on a dossier being processed (SSE fed by the KV watch).
  var table = $("#ds-ho-so"), badge = $("#trang-thai");
  if ((table || (badge && $("#dang-xu-ly"))) && window.EventSource) {
    var es = new EventSource("/events");
    var live = $("#live");
    es.addEventListener("state", function (ev) {
      var s = JSON.parse(ev.data);
      if (badge) {
        if (s.id === badge.dataset.id) {
          badge.textContent = s.status_text;
          if (!s.busy) { es.close(); location.reload(); }
        }
        return;
      }
      var row = table.querySelector('tr[data-id="' + s.id + '"]');
      if (!row) {
        if (live) live.textContent = "có hồ sơ mới — tải lại trang để xem";
        return;
      }
      var st = row.querySelector(".st");
      st.className = "st st-" + s.status;
      st.textContent = "";
      st.appendChild(el("span", "status-text", s.status_text));
      if (s.busy) {
        var p = el("progress"); p.setAttribute("aria-label", "Đang xử lý"); st.appendChild(p);
        var sp = el("span", "elapsed muted"); sp.dataset.since = s.since; st.appendChild(sp);
      }
      var v = row.querySelector(".verdict");
      v.className = "verdict v-" + (s.verdict || "");
      v.textContent = s.verdict_text || "";
      var rv = row.querySelector(".review");
      rv.textContent = "";
      (s.review || []).forEach(function (t) { rv.appendChild(el("div", null, t)); });
      if (!s.busy && row.querySelector("a") && /chưa rõ tên/.test(row.querySelector("a").textContent)) {
        // The name comes with the record: fetch the row again.
        fetch(location.href, { credentials: "same-origin" }).then(function (r) { return r.text(); }).then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          var fresh = doc.querySelector('tr[data-id="' + s.id + '"]');
          if (fresh) row.replaceWith(fresh);
        });
      }
      if (live) live.textContent = "đã cập nhật " + new Date().toLocaleTimeString("vi-VN");
    });
  }

  // Upload: drag and drop, one request per file (or one for a bundle), progress and result per file.
  var form = $("#upload");
  if (form && window.FormData) {
    var drop = $("#drop"), input = $("#file"), results = $("#results");
    var picked = [];
    function show() {
      drop.textContent = picked.length ? "Đã chọn " + picked.length + " tệp: " + picked.map(function (f) { return f.name; }).join(", ") :
        "Kéo thả tệp vào đây, hoặc bấm để chọn tệp (PDF, Word, ảnh, ZIP)";
    }
    input.addEventListener("change", function () { picked = Array.prototype.slice.call(input.files); show(); });
    ["dragenter", "dragover"].forEach(function (n) { drop.addEventListener(n, function (e) { e.preventDefault(); drop.classList.add("over"); }); });
    ["dragleave", "drop"].forEach(function (n) { drop.addEventListener(n, function (e) { e.preventDefault(); drop.classList.remove("over"); }); });
    drop.addEventListener("drop", function (e) { picked = picked.concat(Array.prototype.slice.call(e.dataTransfer.files)); show(); });
    function poll(li, id) {
      fetch("/d/" + id + "/status", { credentials: "same-origin" }).then(function (r) {
        // 404 until a worker has taken the new file in: keep asking.
        if (r.status === 404) return { busy: true, status_text: "Đã nhận, chờ xử lý" };
        return r.json();
      }).then(function (s) {
        var out = li.querySelector(".out");
        out.textContent = s.status_text + (s.verdict_text ? " — " + s.verdict_text : "") + (s.error ? " — " + s.error : "");
        if (s.duplicate_of) { out.textContent += " (trùng với hồ sơ đã có)"; }
        if (s.busy) setTimeout(function () { poll(li, id); }, 1000);
        else li.classList.add("done");
      }).catch(function () { setTimeout(function () { poll(li, id); }, 2000); });
    }
    function send(files, bundle) {
      var fd = new FormData();
      fd.append("unit", $("#unit").value);
      fd.append("mode", bundle ? "bundle" : "each");
      fd.append("folder", $("#folder").value);
      files.forEach(function (f) { fd.append("file", f, f.name); });
      var li = el("li");
      li.appendChild(el("span", "name", files.map(function (f) { return f.name; }).join(", ")));
      var bar = el("progress"); bar.max = 100; bar.value = 0; bar.setAttribute("aria-label", "Tiến độ tải lên");
      li.appendChild(bar);
      var out = el("span", "out", "đang tải lên…"); li.appendChild(out);
      results.appendChild(li);
      var x = new XMLHttpRequest();
      x.open("POST", "/upload");
      x.setRequestHeader("Accept", "application/json");
      x.upload.onprogress = function (e) { if (e.lengthComputable) bar.value = Math.round(100 * e.loaded / e.total); };
      x.onload = function () {
        var body; try { body = JSON.parse(x.responseText); } catch (e) { body = { error: "Lỗi " + x.status }; }
        if (x.status >= 300) { out.textContent = body.error || ("Lỗi " + x.status); li.classList.add("failed"); return; }
        bar.value = 100;
        body.forEach(function (u) {
          var a = el("a", null, "Xem hồ sơ"); a.href = u.url; li.appendChild(document.createTextNode(" ")); li.appendChild(a);
          poll(li, u.id);
        });
      };
      x.onerror = function () { out.textContent = "Mất kết nối khi tải lên."; li.classList.add("failed"); };
      x.send(fd);
    }
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (!picked.length) { drop.focus(); drop.textContent = "Chưa chọn tệp nào — kéo thả hoặc bấm để chọn."; return; }
      var bundle = $("#mode-bundle").checked && picked.length > 1;
      if (bundle) send(picked, true); else picked.forEach(function (f) { send([f], false); });
      picked = []; input.value = ""; show();
    });
  }

  // Correction form: show the inputs of the chosen kind only.
  var kind = $("#c-kind");
  if (kind) {
    var rows = { rating: ["c-year", "c-rating"], award: ["c-year", "c-award"], date_of_birth: ["c-value"], review_date: ["c-value"], addressee: ["c-value"] };
    var all = ["c-year", "c-rating", "c-award", "c-value"];
    function sync() {
      all.forEach(function (id) {
        var on = rows[kind.value].indexOf(id) >= 0, inp = document.getElementById(id), lab = $('label[for="' + id + '"]');
        inp.hidden = lab.hidden = !on; inp.disabled = !on;
      });
    }
    kind.addEventListener("change", sync); sync();
  }

  // Elapsed time of the files being read (OCR of a scan takes a while).
  function tick() {
    document.querySelectorAll(".elapsed[data-since]").forEach(function (e) {
      var t = Date.parse(e.dataset.since);
      if (!isNaN(t)) e.textContent = "đã " + Math.max(0, Math.round((Date.now() - t) / 1000)) + " giây";
    });
  }
  tick(); setInterval(tick, 1000);

  var pr = $("[data-print]");
  if (pr) pr.addEventListener("click", function () { window.print(); });
})();
