/* wirebook site script: plain JavaScript, no libraries, loaded with defer.
   Every page works without it; this only adds:
   (a) the dark-mode toggle, remembered in localStorage;
   (b) copy-link: a click on a link symbol (a.anchor) copies the page's
       address with that fragment and says so in a toast;
   (c) click-to-enlarge for figures (figure a.zoom) in a lightbox;
   (d) the fragment map: old #ids that moved are sent to their new place;
   (e) search over search-index.json;
   and small extras: expanders in the sidebar, "/" to focus search. */
(function () {
  "use strict";

  var doc = document;
  var html = doc.documentElement;
  var ROOT = html.getAttribute("data-root");
  if (ROOT === null) ROOT = (doc.body && doc.body.getAttribute("data-root")) || "";
  var THEME_KEY = "wirebook-theme";

  function $(id) { return doc.getElementById(id); }
  function el(tag, attrs, text) {
    var e = doc.createElement(tag);
    if (attrs) for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }
  function plainClick(e) {
    return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey && !e.defaultPrevented;
  }

  /* ---------- (a) dark-mode toggle ---------- */

  var darkQuery = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function effectiveTheme() {
    var t = html.getAttribute("data-theme");
    if (t === "dark" || t === "light") return t;
    return darkQuery && darkQuery.matches ? "dark" : "light";
  }
  function showTheme() {
    var button = $("theme-toggle");
    if (button) button.setAttribute("aria-pressed", effectiveTheme() === "dark" ? "true" : "false");
  }
  function setTheme(theme) {
    html.setAttribute("data-theme", theme);
    try { localStorage.setItem(THEME_KEY, theme); } catch (e) { /* private mode: not remembered */ }
    showTheme();
  }
  (function initTheme() {
    var saved = null;
    try { saved = localStorage.getItem(THEME_KEY); } catch (e) { /* ignore */ }
    if ((saved === "dark" || saved === "light") && !html.getAttribute("data-theme")) html.setAttribute("data-theme", saved);
    var button = $("theme-toggle");
    if (button) {
      button.addEventListener("click", function () { setTheme(effectiveTheme() === "dark" ? "light" : "dark"); });
    }
    if (darkQuery) {
      var onChange = function () { showTheme(); };
      if (darkQuery.addEventListener) darkQuery.addEventListener("change", onChange);
      else if (darkQuery.addListener) darkQuery.addListener(onChange);
    }
    // Another tab changed the theme.
    window.addEventListener("storage", function (e) {
      if (e.key === THEME_KEY && (e.newValue === "dark" || e.newValue === "light")) {
        html.setAttribute("data-theme", e.newValue);
        showTheme();
      }
    });
    showTheme();
  })();

  /* ---------- toast ---------- */

  var toastEl = null;
  var toastTimer = 0;
  function toast(message) {
    if (!toastEl) {
      toastEl = el("div", { "class": "toast", role: "status", "aria-live": "polite" });
      doc.body.appendChild(toastEl);
    }
    toastEl.textContent = message;
    // Restart the transition when a second copy follows quickly.
    toastEl.classList.remove("show");
    void toastEl.offsetWidth;
    toastEl.classList.add("show");
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { toastEl.classList.remove("show"); }, 2000);
  }

  /* ---------- (b) copy-link ---------- */

  function copyWithTextarea(text) {
    var area = el("textarea", { readonly: "", "aria-hidden": "true" });
    area.value = text;
    area.style.cssText = "position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;";
    doc.body.appendChild(area);
    var active = doc.activeElement;
    area.select();
    var ok = false;
    try { ok = doc.execCommand("copy"); } catch (e) { ok = false; }
    doc.body.removeChild(area);
    if (active && active.focus) active.focus({ preventScroll: true });
    return ok;
  }
  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyWithTextarea(text); });
    }
    return Promise.resolve(copyWithTextarea(text));
  }
  function pageAddress() {
    return location.href.split("#")[0];
  }
  doc.addEventListener("click", function (e) {
    if (!plainClick(e) || !e.target.closest) return;
    var a = e.target.closest("a.anchor");
    if (!a || !a.hash) return;
    // Figures copy their share page (f/ID/), which previews the figure in
    // chat apps and then opens this page at it; headings copy page#id.
    var url = a.getAttribute("data-share") ? new URL(a.getAttribute("data-share"), location.href).href
                                           : pageAddress() + a.hash;
    // The browser still follows the link, so location.hash changes as usual.
    copyText(url).then(function (ok) {
      toast(ok ? "Link copied" : "Could not copy: the link is in the address bar");
    });
  });

  /* ---------- (c) click-to-enlarge ---------- */

  var box = null;
  var returnFocus = null;
  function closeLightbox() {
    if (!box) return;
    box.parentNode.removeChild(box);
    box = null;
    doc.body.classList.remove("has-lightbox");
    doc.removeEventListener("keydown", lightboxKeys, true);
    if (returnFocus && returnFocus.focus) returnFocus.focus({ preventScroll: true });
    returnFocus = null;
  }
  function lightboxKeys(e) {
    if (!box) return;
    if (e.key === "Escape" || e.key === "Esc") {
      e.preventDefault();
      e.stopPropagation();
      closeLightbox();
    } else if (e.key === "Tab") {
      // Keep focus inside the dialog.
      var items = box.querySelectorAll("button, a[href]");
      if (!items.length) return;
      var first = items[0], last = items[items.length - 1];
      if (e.shiftKey && doc.activeElement === first) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && doc.activeElement === last) { e.preventDefault(); first.focus(); }
      else if (!box.contains(doc.activeElement)) { e.preventDefault(); first.focus(); }
    }
  }
  function openLightbox(link) {
    closeLightbox();
    var small = link.querySelector("img");
    var alt = small ? small.getAttribute("alt") || "" : "";
    var figure = link.closest("figure");
    var captionEl = figure && figure.querySelector("figcaption");
    var label = alt || (captionEl ? captionEl.textContent.trim() : "") || "Image";

    box = el("div", { "class": "lightbox", role: "dialog", "aria-modal": "true", "aria-label": label });
    var close = el("button", { type: "button", "class": "lightbox-close", "aria-label": "Close" }, "\u00d7");
    var frame = el("figure", { "class": "lightbox-frame" });
    var img = el("img", { src: link.href, alt: alt });
    var caption = el("figcaption");
    if (alt) caption.appendChild(doc.createTextNode(alt + " \u00b7 "));
    var open = el("a", { href: link.href }, "open the image");
    caption.appendChild(open);
    frame.appendChild(img);
    frame.appendChild(caption);
    box.appendChild(close);
    box.appendChild(frame);

    close.addEventListener("click", closeLightbox);
    box.addEventListener("click", function (e) {
      // The backdrop (anything but the picture, its caption and the buttons) closes.
      if (e.target === box || e.target === frame) closeLightbox();
    });
    img.addEventListener("click", function () {
      // Switch between fitting the screen and actual size (scrolls).
      box.classList.toggle("actual-size");
    });

    returnFocus = link;
    doc.body.appendChild(box);
    doc.body.classList.add("has-lightbox");
    doc.addEventListener("keydown", lightboxKeys, true);
    close.focus({ preventScroll: true });
  }
  doc.addEventListener("click", function (e) {
    if (!plainClick(e) || !e.target.closest) return;
    var link = e.target.closest("figure a.zoom");
    if (!link) return;
    e.preventDefault();
    openLightbox(link);
  });

  /* ---------- (d) fragment map ---------- */

  // Read each time: the map is small, and scripts or tests may replace it.
  function loadFragmentMap() {
    var script = $("fragment-map");
    var text = script ? script.textContent.trim() : "";
    if (!text) return {};
    try {
      var parsed = JSON.parse(text);
      return parsed && typeof parsed === "object" ? parsed : {};
    } catch (e) {
      return {};  // a broken map only loses the redirects
    }
  }
  function decodeFragment(hash) {
    var raw = hash.replace(/^#/, "");
    try { return decodeURIComponent(raw); } catch (e) { return raw; }
  }
  function followFragmentMap() {
    if (!location.hash || location.hash === "#") return;
    var id = decodeFragment(location.hash);
    if ($(id)) return;
    var map = loadFragmentMap();
    var seen = {};
    var to = id;
    // Follow chains (a -> b -> c) but never loop.
    for (var i = 0; i < 16; i++) {
      var next = Object.prototype.hasOwnProperty.call(map, to) ? map[to]
        : Object.prototype.hasOwnProperty.call(map, "#" + to) ? map["#" + to] : null;
      if (typeof next !== "string" || seen[to]) break;
      seen[to] = true;
      to = next.replace(/^#/, "");
      if ($(to)) break;
    }
    var target = to !== id ? $(to) : null;
    if (!target) return;
    history.replaceState(history.state, "", "#" + encodeURIComponent(to));
    target.scrollIntoView();
  }
  followFragmentMap();
  window.addEventListener("hashchange", followFragmentMap);

  /* ---------- (e) search ---------- */

  (function initSearch() {
    var input = $("search");
    if (!input) return;
    var form = input.form;
    var panel = $("search-results");
    var list = $("search-list");
    var message = panel ? panel.querySelector(".search-message") : null;
    if (!panel || !list) {
      panel = el("div", { "class": "search-results", id: "search-results", hidden: "" });
      message = el("p", { "class": "search-message", role: "status", "aria-live": "polite" });
      list = el("ul", { "class": "search-list", id: "search-list", role: "listbox", "aria-label": "Search results" });
      panel.appendChild(message);
      panel.appendChild(list);
      input.parentNode.insertBefore(panel, input.nextSibling);
      input.setAttribute("aria-controls", "search-list");
    }

    var entries = null;     // flattened index, once loaded
    var loading = null;     // the promise while loading
    var failure = "";       // message when the index cannot be had
    var active = -1;

    function load() {
      if (loading) return loading;
      if (!window.fetch) {
        failure = "search needs a newer browser";
        return (loading = Promise.resolve());
      }
      loading = fetch(ROOT + "search-index.json").then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      }).then(function (index) {
        entries = flatten(index);
      }).catch(function () {
        failure = location.protocol === "file:"
          ? "search needs the site to be served over http"
          : "the search index could not be loaded";
      }).then(function () { if (input.value.trim()) run(); });
      return loading;
    }

    function flatten(index) {
      var out = [];
      var pages = index && index.pages ? index.pages : [];
      for (var i = 0; i < pages.length; i++) {
        var p = pages[i];
        var title = String(p.title || p.url || "");
        var url = String(p.url || "");
        out.push({ title: title, url: url, id: "", text: "", kind: "page" });
        (p.headings || []).forEach(function (h) {
          out.push({ title: title, url: url, id: String(h.id || ""), text: String(h.text || ""), kind: "heading" });
        });
        (p.figures || []).forEach(function (f) {
          out.push({ title: title, url: url, id: String(f.id || ""), text: String(f.caption || f.id || ""), kind: "figure" });
        });
      }
      out.forEach(function (e, n) {
        e.order = n;
        e.titleLower = e.title.toLowerCase();
        e.textLower = e.text.toLowerCase();
      });
      return out;
    }

    function wordAt(haystack, word) {
      var at = haystack.indexOf(word);
      if (at < 0) return 0;
      // A match at the start of a word counts more than one inside a word.
      var re = new RegExp("(^|[^\\p{L}\\p{N}])" + word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "u");
      return re.test(haystack) ? 2 : 1;
    }

    function search(query) {
      var words = query.toLowerCase().split(/\s+/).filter(Boolean);
      if (!words.length || !entries) return [];
      var hits = [];
      for (var i = 0; i < entries.length; i++) {
        var e = entries[i];
        var score = 0, ok = true;
        for (var w = 0; w < words.length && ok; w++) {
          var inText = e.kind === "page" ? 0 : wordAt(e.textLower, words[w]);
          var inTitle = wordAt(e.titleLower, words[w]);
          if (!inText && !inTitle) ok = false;
          score += inText ? 2 + inText : inTitle;
        }
        if (!ok) continue;
        if (e.kind === "page") score += words.length;  // a page whose title matches beats its parts
        var phrase = words.join(" ");
        if (words.length > 1 && (e.textLower.indexOf(phrase) >= 0 || e.titleLower.indexOf(phrase) >= 0)) score += 2;
        hits.push({ e: e, score: score });
      }
      hits.sort(function (a, b) { return b.score - a.score || a.e.order - b.e.order; });
      return hits.slice(0, 12).map(function (h) { return h.e; });
    }

    function show(open) {
      panel.hidden = !open;
      input.setAttribute("aria-expanded", open && list.children.length ? "true" : "false");
      if (!open) setActive(-1);
    }
    function setActive(n) {
      var items = list.children;
      if (active >= 0 && items[active]) {
        items[active].classList.remove("active");
        items[active].setAttribute("aria-selected", "false");
      }
      active = n;
      if (n >= 0 && items[n]) {
        items[n].classList.add("active");
        items[n].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", items[n].id);
        if (items[n].scrollIntoView) items[n].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function run() {
      var query = input.value.trim();
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (!query) { message.textContent = ""; show(false); return; }
      if (failure) { message.textContent = failure; show(true); return; }
      if (!entries) { message.textContent = "Loading the search index\u2026"; show(true); load(); return; }
      var results = search(query);
      message.textContent = results.length ? "" : "No results for \u201c" + query + "\u201d";
      results.forEach(function (r, n) {
        var li = el("li", { role: "option", id: "search-option-" + n, "aria-selected": "false" });
        var a = el("a", { href: ROOT + r.url + (r.id ? "#" + r.id : ""), tabindex: "-1" });
        a.appendChild(el("span", { "class": "result-title" }, r.title));
        if (r.id) {
          var sub = el("span", { "class": "result-sub" }, (r.kind === "figure" ? "Figure: " : "") + (r.text || r.id) + " ");
          sub.appendChild(el("span", { "class": "result-id" }, "#" + r.id));
          a.appendChild(sub);
        }
        li.appendChild(a);
        list.appendChild(li);
      });
      show(true);
    }

    function go(n) {
      var li = list.children[n];
      var a = li && li.querySelector("a");
      if (!a) return;
      show(false);
      location.href = a.href;
    }

    input.addEventListener("focus", function () {
      load();
      if (input.value.trim()) run();
    });
    input.addEventListener("input", run);
    input.addEventListener("keydown", function (e) {
      var count = list.children.length;
      if (e.key === "ArrowDown" || e.key === "Down") {
        e.preventDefault();
        if (panel.hidden) run();
        if (count) setActive((active + 1) % count);
      } else if (e.key === "ArrowUp" || e.key === "Up") {
        e.preventDefault();
        if (count) setActive(active <= 0 ? count - 1 : active - 1);
      } else if (e.key === "Enter") {
        e.preventDefault();
        if (count) go(active >= 0 ? active : 0);
      } else if (e.key === "Escape" || e.key === "Esc") {
        if (!panel.hidden) { e.preventDefault(); show(false); }
        else if (input.value) { e.preventDefault(); input.value = ""; }
        else input.blur();
      }
    });
    if (form) form.addEventListener("submit", function (e) { e.preventDefault(); });
    list.addEventListener("mousemove", function (e) {
      var li = e.target.closest && e.target.closest("li");
      if (!li) return;
      var n = Array.prototype.indexOf.call(list.children, li);
      if (n !== active) setActive(n);
    });
    doc.addEventListener("click", function (e) {
      if (!panel.hidden && !(form || input.parentNode).contains(e.target)) show(false);
    });
    // "/" focuses the search box, as on many docs sites.
    doc.addEventListener("keydown", function (e) {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || box) return;
      var t = e.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      e.preventDefault();
      input.focus();
    });
  })();

  /* ---------- table of contents: mark the section being read ---------- */

  (function initTocSpy() {
    var links = doc.querySelectorAll('ul.toc a[href^="#"]');
    var heads = [], byId = {};
    Array.prototype.forEach.call(links, function (a) {
      var h = $(decodeFragment(a.getAttribute("href")));
      if (h) { heads.push(h); byId[h.id] = a; }
    });
    if (!heads.length) return;
    var current = null, queued = false;
    function update() {
      queued = false;
      var pick = heads[0];
      for (var i = 0; i < heads.length; i++) {
        if (heads[i].getBoundingClientRect().top <= 96) pick = heads[i];
        else break;
      }
      var a = byId[pick.id];
      if (a === current) return;
      if (current) current.classList.remove("active");
      current = a;
      if (a) a.classList.add("active");
    }
    window.addEventListener("scroll", function () {
      if (!queued) { queued = true; requestAnimationFrame(update); }
    }, { passive: true });
    update();
  })();

  /* ---------- sidebar expanders ---------- */

  (function initNav() {
    var items = doc.querySelectorAll(".nav-tree li");
    Array.prototype.forEach.call(items, function (li) {
      var sub = null;
      for (var c = li.firstElementChild; c; c = c.nextElementSibling) if (c.tagName === "UL") sub = c;
      if (!sub) return;
      var link = li.querySelector("a");
      var open = li.classList.contains("open");
      var button = el("button", {
        type: "button", "class": "nav-expand", "aria-expanded": open ? "true" : "false",
        "aria-label": (link ? link.textContent.trim() + ": " : "") + "show or hide the pages inside"
      });
      button.addEventListener("click", function () {
        var now = !li.classList.contains("open");
        li.classList.toggle("open", now);
        button.setAttribute("aria-expanded", now ? "true" : "false");
      });
      li.insertBefore(button, sub);
    });
  })();
})();
