/* Kinerja unit sites: sortable and filterable tables, and printing one document.
   Plain script, no dependencies, nothing loaded from the network. */
(function () {
  "use strict";

  function nilaiSel(row, i) {
    var cell = row.cells[i];
    if (!cell) return "";
    return cell.hasAttribute("data-nilai") ? cell.getAttribute("data-nilai") : cell.textContent.trim();
  }

  function bandingkan(a, b) {
    var x = Number(a), y = Number(b);
    if (a !== "" && b !== "" && !isNaN(x) && !isNaN(y)) return x - y;
    return a.localeCompare(b, "id", { sensitivity: "base", numeric: true });
  }

  function pasangUrut(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, i) {
      th.setAttribute("tabindex", "0");
      th.setAttribute("role", "button");
      function urut() {
        var naik = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", naik ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var c = bandingkan(nilaiSel(r1, i), nilaiSel(r2, i));
          return naik ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener("click", urut);
      th.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); urut(); }
      });
    });
  }

  /* A row's searchable text: what it shows and its cells' raw values, so that a NIP is found
     written as shown (in groups of 8, 6, 1 and 3 digits) or without spaces. */
  function teksCari(row) {
    var mentah = Array.prototype.map.call(row.querySelectorAll("[data-nilai]"), function (c) {
      return c.getAttribute("data-nilai");
    });
    return (row.textContent + " " + mentah.join(" ")).toLowerCase();
  }

  function cocok(row, teks, q, kolom, atribut) {
    var ok = q.every(function (kata) { return teks.indexOf(kata) !== -1; });
    Array.prototype.forEach.call(kolom, function (s) {
      var sel = row.cells[Number(s.getAttribute("data-kinerja-kolom"))];
      if (s.value && !(sel && sel.textContent.trim().indexOf(s.value) === 0)) ok = false;
    });
    Array.prototype.forEach.call(atribut, function (s) {
      if (s.value && row.getAttribute("data-" + s.getAttribute("data-kinerja-atribut")) !== s.value) ok = false;
    });
    return ok;
  }

  function selCsv(teks) {
    var t = teks.replace(/\s+/g, " ").trim();
    if (/^[=+\-@]/.test(t)) t = "'" + t; /* a spreadsheet must not take a cell for a formula */
    return '"' + t.replace(/"/g, '""') + '"';
  }

  /* The table as shown (the rows the filter keeps, in their order) as a CSV file, made here:
     nothing is sent anywhere. */
  function unduhCsv(table, nama) {
    var rows = [table.tHead.rows[0]].concat(Array.prototype.filter.call(table.tBodies[0].rows, function (r) {
      return !r.hidden;
    }));
    var csv = "\ufeff" + rows.map(function (r) {
      return Array.prototype.map.call(r.cells, function (c) { return selCsv(c.textContent); }).join(",");
    }).join("\r\n") + "\r\n";
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    a.download = nama;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }

  function pasangSaring(box) {
    var table = document.getElementById(box.getAttribute("data-kinerja-saring"));
    if (!table) return;
    var cari = box.querySelector("[data-kinerja-cari]");
    var kolom = box.querySelectorAll("[data-kinerja-kolom]");
    var atribut = box.querySelectorAll("[data-kinerja-atribut]");
    var jumlah = box.querySelector("[data-kinerja-jumlah]");
    var csv = box.querySelector("[data-kinerja-csv]");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var teks = rows.map(teksCari);
    function saring() {
      var q = cari ? cari.value.trim().toLowerCase().split(/\s+/).filter(Boolean) : [];
      var tampil = 0;
      rows.forEach(function (r, n) {
        r.hidden = !cocok(r, teks[n], q, kolom, atribut);
        if (!r.hidden) tampil += 1;
      });
      if (jumlah) jumlah.textContent = tampil + " dari " + rows.length + " pegawai";
    }
    if (cari) cari.addEventListener("input", saring);
    Array.prototype.forEach.call(kolom, function (s) { s.addEventListener("change", saring); });
    Array.prototype.forEach.call(atribut, function (s) { s.addEventListener("change", saring); });
    if (csv) csv.addEventListener("click", function () { unduhCsv(table, csv.getAttribute("data-kinerja-csv")); });
    box.hidden = false;
    saring();
  }

  function pasangCetak(a) {
    a.addEventListener("click", function (e) {
      e.preventDefault();
      window.location.hash = a.getAttribute("href"); /* :target picks the one document to print */
      window.print();
    });
  }

  /* WCAG 2.1.1: a table wider than its box (ours and the theme's wrappers) is a region the
     keyboard can reach and scroll; it stops being one when the window makes it fit. */
  function judulDekat(el) {
    for (var e = el; e && !e.classList.contains("md-typeset"); e = e.parentElement) {
      for (var s = e.previousElementSibling; s; s = s.previousElementSibling) {
        if (/^H[1-6]$/.test(s.tagName)) return s.textContent.replace(/\s+/g, " ").trim();
      }
    }
    return "";
  }

  function pasangGeser() {
    document.querySelectorAll(".kinerja-tabel-bungkus, .md-typeset__scrollwrap").forEach(function (el, i) {
      var geser = el.scrollWidth > el.clientWidth + 1;
      if (geser && !el.hasAttribute("tabindex")) {
        el.setAttribute("tabindex", "0");
        el.setAttribute("role", "region");
        var judul = judulDekat(el);  /* a unique name per region: its number and nearest heading */
        el.setAttribute("aria-label", "Tabel " + (i + 1) + (judul ? " (" + judul + ")" : "") + "; geser dengan tombol panah");
        el.setAttribute("data-kinerja-geser", "");
      } else if (!geser && el.hasAttribute("data-kinerja-geser")) {
        ["tabindex", "role", "aria-label", "data-kinerja-geser"].forEach(function (a) { el.removeAttribute(a); });
      }
    });
  }

  /* WCAG 4.1.2: the theme's search dialog has no accessible name. */
  function namaiPencarian() {
    document.querySelectorAll(".md-search[role=dialog]:not([aria-label])").forEach(function (el) {
      el.setAttribute("aria-label", "Pencarian");
    });
  }

  var tungguUkuran = null;
  window.addEventListener("resize", function () {
    clearTimeout(tungguUkuran);
    tungguUkuran = setTimeout(pasangGeser, 150);
  });

  function pasang() {
    namaiPencarian();
    pasangGeser();
    document.querySelectorAll("table[data-kinerja-urut]").forEach(pasangUrut);
    document.querySelectorAll("[data-kinerja-saring]").forEach(pasangSaring);
    document.querySelectorAll("a[data-kinerja-cetak]").forEach(pasangCetak);
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(pasang);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", pasang);
  } else {
    pasang();
  }
})();
