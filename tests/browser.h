#pragma once
// Browser tests: a static file server and a headless Chromium driven over the
// W3C WebDriver protocol (chromedriver), both on 127.0.0.1 and free ports.
//
//   wbtest::StaticServer server(site_dir);
//   wbtest::Browser browser;                      // throws if it cannot start
//   browser.navigate(server.url("boards/x/index.html#fig"));
//   auto r = browser.execute("return document.title;");
//   browser.click(browser.find("figure a.zoom"));
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

namespace wbtest {

// Why browser tests cannot run here ("" when Chromium and chromedriver are
// installed). Tests must fail with this message, never skip.
std::string browser_missing();

// Serves the files of `dir` over HTTP on 127.0.0.1 on a free port, from a
// thread, until destroyed. "x/" serves "x/index.html".
class StaticServer {
 public:
  explicit StaticServer(const std::string& dir);
  ~StaticServer();
  StaticServer(const StaticServer&) = delete;
  StaticServer& operator=(const StaticServer&) = delete;

  int port() const;
  // "http://127.0.0.1:PORT/" + path (path without a leading '/').
  std::string url(const std::string& path = "") const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One WebDriver session on a fresh headless Chromium (new profile in a
// temporary folder, window 1280x900). Every method throws std::runtime_error
// with WebDriver's message when a command fails. The destructor ends the
// session and stops chromedriver. With javascript = false pages run no
// scripts of their own (execute() still works, for inspecting them).
class Browser {
 public:
  explicit Browser(bool javascript = true);
  ~Browser();
  Browser(const Browser&) = delete;
  Browser& operator=(const Browser&) = delete;

  // Loads the URL and waits for the load event.
  void navigate(const std::string& url);
  std::string current_url();
  // Runs `script` as the body of a function (use `return`); arguments are
  // available as arguments[0]...; elements come back as WebDriver references.
  nlohmann::json execute(const std::string& script, const nlohmann::json& args = nlohmann::json::array());
  // Polls the script (every 50 ms) until it returns something truthy, and
  // returns that; returns null after `timeout_ms`.
  nlohmann::json wait_for(const std::string& script, int timeout_ms = 5000,
                          const nlohmann::json& args = nlohmann::json::array());

  // A WebDriver element reference for the first match of a CSS selector, or
  // "" when nothing matches.
  std::string find(const std::string& css);
  // WebDriver element click: scrolls the element into view and fails if
  // something else would receive the click.
  void click(const std::string& element);
  // Types into an element ("\uE007" is Enter; see WebDriver's key table).
  void send_keys(const std::string& element, const std::string& text);
  // Presses and releases one key on whatever has focus ("\uE00C" = Escape).
  void press_key(const std::string& key);
  // Resizes the viewport (the page's innerWidth x innerHeight) exactly.
  void set_viewport(int width, int height);
  // Grants a permission to the pages ("clipboard-read", ...).
  void grant(const std::string& permission);
  // PNG bytes of the visible viewport.
  std::string screenshot();
  // chromedriver's log so far, for failure messages.
  std::string log() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The JSON value of a WebDriver element reference, to pass as an argument.
nlohmann::json element_arg(const std::string& element);

}  // namespace wbtest
