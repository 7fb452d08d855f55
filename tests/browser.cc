#include "browser.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <httplib.h>

namespace fs = std::filesystem;
using nlohmann::json;

namespace wbtest {

namespace {

constexpr const char* kChromium = "/usr/bin/chromium";
constexpr const char* kChromedriver = "/usr/bin/chromedriver";
constexpr const char* kElementKey = "element-6066-11e4-a52e-4f735466cecf";

// A port nobody listens on right now (the kernel picks it).
int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    close(fd);
    throw std::runtime_error("cannot find a free port on 127.0.0.1");
  }
  close(fd);
  return ntohs(addr.sin_port);
}

std::string make_temp_dir(const std::string& stem) {
  std::string tmpl = (fs::temp_directory_path() / (stem + "-XXXXXX")).string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed for " + tmpl);
  return tmpl;
}

std::string base64_decode(const std::string& in) {
  static const std::string chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned int buffer = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=') break;
    auto pos = chars.find(c);
    if (pos == std::string::npos) continue;  // line breaks
    buffer = (buffer << 6) | static_cast<unsigned int>(pos);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return out;
}

bool truthy(const json& v) {
  if (v.is_null()) return false;
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number()) return v.get<double>() != 0;
  if (v.is_string()) return !v.get<std::string>().empty();
  return true;  // arrays and objects, even empty, as in JavaScript
}

}  // namespace

std::string browser_missing() {
  std::string missing;
  if (access(kChromium, X_OK) != 0) missing += std::string(" ") + kChromium + " (Debian package chromium)";
  if (access(kChromedriver, X_OK) != 0) missing += std::string(" ") + kChromedriver + " (Debian package chromium-driver)";
  if (missing.empty()) return "";
  return "the browser tests need" + missing +
         ", which are not installed. Run `make test`: it installs the test packages "
         "(tools/install-deps.sh --test) before running the tests.";
}

// ---------------------------------------------------------------- StaticServer

struct StaticServer::Impl {
  httplib::Server server;
  std::thread thread;
  int port = 0;
};

StaticServer::StaticServer(const std::string& dir) : impl_(std::make_unique<Impl>()) {
  if (!impl_->server.set_mount_point("/", dir)) throw std::runtime_error("cannot serve " + dir + ": not a folder");
  impl_->server.set_file_extension_and_mimetype_mapping("json", "application/json");
  impl_->server.set_file_extension_and_mimetype_mapping("svg", "image/svg+xml");
  // Short keep-alive, so that stopping never waits long on an idle connection.
  impl_->server.set_keep_alive_timeout(1);
  impl_->port = impl_->server.bind_to_any_port("127.0.0.1");
  if (impl_->port <= 0) throw std::runtime_error("cannot bind a port on 127.0.0.1");
  impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
  for (int i = 0; i < 200 && !impl_->server.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

StaticServer::~StaticServer() {
  impl_->server.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

int StaticServer::port() const { return impl_->port; }

std::string StaticServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(impl_->port) + "/" + path;
}

// ---------------------------------------------------------------- Browser

struct Browser::Impl {
  pid_t driver = -1;
  int port = 0;
  std::string temp;      // profile and log live here
  std::string log_path;
  std::string session;
  std::unique_ptr<httplib::Client> http;

  ~Impl() { shutdown(); }

  std::string log() const {
    std::ifstream in(log_path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    std::string text = s.str();
    if (text.size() > 4000) text = "..." + text.substr(text.size() - 4000);
    return text;
  }

  // One WebDriver command; returns the "value" member.
  json command(const std::string& method, const std::string& path, const json& body = json::object()) {
    std::string payload = body.dump();
    httplib::Result res = method == "GET"      ? http->Get(path.c_str())
                          : method == "DELETE" ? http->Delete(path.c_str())
                                               : http->Post(path.c_str(), payload, "application/json");
    if (!res) {
      throw std::runtime_error("WebDriver " + method + " " + path + ": no answer from chromedriver (" +
                               httplib::to_string(res.error()) + ")\nchromedriver log:\n" + log());
    }
    json reply = json::parse(res->body, nullptr, false);
    if (reply.is_discarded()) {
      throw std::runtime_error("WebDriver " + method + " " + path + ": not JSON: " + res->body.substr(0, 500));
    }
    json value = reply.contains("value") ? reply["value"] : json();
    if (res->status >= 400 || (value.is_object() && value.contains("error"))) {
      std::string error = value.is_object() ? value.value("error", "error") : "error";
      std::string message = value.is_object() ? value.value("message", "") : res->body;
      throw std::runtime_error("WebDriver " + method + " " + path + " failed: " + error + ": " + message);
    }
    return value;
  }

  std::string session_path(const std::string& rest) const { return "/session/" + session + rest; }

  void start(bool javascript) {
    temp = make_temp_dir("wirebook-browser");
    log_path = temp + "/chromedriver.log";
    port = free_port();
    driver = fork();
    if (driver < 0) throw std::runtime_error("fork failed");
    if (driver == 0) {
      // Own process group, so that the destructor can stop chromedriver and
      // the browser it started, and nothing else.
      setpgid(0, 0);
      int fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd >= 0) {
        dup2(fd, 1);
        dup2(fd, 2);
        close(fd);
      }
      int devnull = open("/dev/null", O_RDONLY);
      if (devnull >= 0) dup2(devnull, 0);
      std::string port_arg = "--port=" + std::to_string(port);
      execl(kChromedriver, "chromedriver", port_arg.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    setpgid(driver, driver);
    http = std::make_unique<httplib::Client>("127.0.0.1", port);
    http->set_connection_timeout(5, 0);
    http->set_read_timeout(120, 0);
    http->set_write_timeout(30, 0);

    // Wait until chromedriver answers /status.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (true) {
      int status = 0;
      if (waitpid(driver, &status, WNOHANG) == driver) {
        driver = -1;
        throw std::runtime_error("chromedriver exited at start-up:\n" + log());
      }
      if (auto res = http->Get("/status"); res && res->status == 200) {
        json reply = json::parse(res->body, nullptr, false);
        if (!reply.is_discarded() && reply["value"].value("ready", false)) break;
      }
      if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error("chromedriver did not start:\n" + log());
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }

    json args = json::array({"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             "--no-first-run", "--no-default-browser-check", "--window-size=1280,900",
                             "--user-data-dir=" + temp + "/profile"});
    json caps = {{"capabilities",
                  {{"alwaysMatch",
                    {{"browserName", "chrome"},
                     {"pageLoadStrategy", "normal"},
                     {"goog:chromeOptions", {{"binary", kChromium}, {"args", args}}}}}}}};
    if (!javascript)
      caps["capabilities"]["alwaysMatch"]["goog:chromeOptions"]["prefs"] = {
          {"profile.managed_default_content_settings.javascript", 2}};
    json value = command("POST", "/session", caps);
    session = value.value("sessionId", "");
    if (session.empty()) throw std::runtime_error("WebDriver gave no session id: " + value.dump());
    command("POST", session_path("/timeouts"), {{"pageLoad", 60000}, {"script", 30000}});
  }

  void shutdown() {
    if (!session.empty() && http) {
      try {
        command("DELETE", session_path(""));
      } catch (...) {
        // The browser may already be gone; stopping chromedriver is enough.
      }
      session.clear();
    }
    http.reset();
    if (driver > 0) {
      kill(-driver, SIGTERM);
      int status = 0;
      bool done = false;
      for (int i = 0; i < 100 && !done; ++i) {
        done = waitpid(driver, &status, WNOHANG) == driver;
        if (!done) std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
      if (!done) {
        kill(-driver, SIGKILL);
        waitpid(driver, &status, 0);
      }
      driver = -1;
    }
    if (!temp.empty()) {
      std::error_code ec;
      fs::remove_all(temp, ec);
      temp.clear();
    }
  }
};

Browser::Browser(bool javascript) : impl_(std::make_unique<Impl>()) {
  std::string missing = browser_missing();
  if (!missing.empty()) throw std::runtime_error(missing);
  impl_->start(javascript);
}

Browser::~Browser() = default;

void Browser::navigate(const std::string& url) { impl_->command("POST", impl_->session_path("/url"), {{"url", url}}); }

std::string Browser::current_url() { return impl_->command("GET", impl_->session_path("/url")).get<std::string>(); }

json Browser::execute(const std::string& script, const json& args) {
  return impl_->command("POST", impl_->session_path("/execute/sync"), {{"script", script}, {"args", args}});
}

json Browser::wait_for(const std::string& script, int timeout_ms, const json& args) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (true) {
    json v = execute(script, args);
    if (truthy(v)) return v;
    if (std::chrono::steady_clock::now() > deadline) return json();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

std::string Browser::find(const std::string& css) {
  json found = impl_->command("POST", impl_->session_path("/elements"), {{"using", "css selector"}, {"value", css}});
  if (!found.is_array() || found.empty()) return "";
  return found[0].value(kElementKey, "");
}

void Browser::click(const std::string& element) {
  impl_->command("POST", impl_->session_path("/element/" + element + "/click"));
}

void Browser::send_keys(const std::string& element, const std::string& text) {
  impl_->command("POST", impl_->session_path("/element/" + element + "/value"), {{"text", text}});
}

void Browser::press_key(const std::string& key) {
  json actions = {{"actions",
                   json::array({{{"type", "key"},
                                 {"id", "keyboard"},
                                 {"actions", json::array({{{"type", "keyDown"}, {"value", key}},
                                                          {{"type", "keyUp"}, {"value", key}}})}}})}};
  impl_->command("POST", impl_->session_path("/actions"), actions);
  impl_->command("DELETE", impl_->session_path("/actions"));
}

void Browser::set_viewport(int width, int height) {
  // The window has some height of its own even when headless: resize, see
  // what the page got, and correct once.
  int w = width, h = height;
  for (int attempt = 0; attempt < 3; ++attempt) {
    impl_->command("POST", impl_->session_path("/window/rect"), {{"width", w}, {"height", h}});
    json inner = execute("return [window.innerWidth, window.innerHeight];");
    int iw = inner[0].get<int>(), ih = inner[1].get<int>();
    if (iw == width && ih == height) return;
    w += width - iw;
    h += height - ih;
  }
  json inner = execute("return [window.innerWidth, window.innerHeight];");
  throw std::runtime_error("cannot size the viewport to " + std::to_string(width) + "x" + std::to_string(height) +
                           ", got " + inner.dump());
}

void Browser::grant(const std::string& permission) {
  impl_->command("POST", impl_->session_path("/permissions"),
                 {{"descriptor", {{"name", permission}}}, {"state", "granted"}});
}

std::string Browser::screenshot() {
  return base64_decode(impl_->command("GET", impl_->session_path("/screenshot")).get<std::string>());
}

std::string Browser::log() const { return impl_->log(); }

json element_arg(const std::string& element) { return {{kElementKey, element}}; }

}  // namespace wbtest
