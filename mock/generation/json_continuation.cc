#include "mock/generation/json_continuation.h"

#include <vector>

namespace siraya::mock::generation {
namespace {

// Where a container is in its grammar (RFC 8259 §4, §5).
enum class Expect { key_or_end, key, colon, value, value_or_end, comma_or_end };

struct Frame {
  bool object = false;
  Expect expect = Expect::value_or_end;
};

class Scanner {
 public:
  // Feeds the whole prefix; false on a character that no JSON value could have there.
  bool scan(std::string_view text) {
    for (char c : text) {
      if (!step(c)) return false;
    }
    return true;
  }

  std::string finish(std::string_view value) {
    std::string out;
    if (in_string_) {
      if (escape_) out += '\\';  // completes the escape as "\\"
      if (string_empty_ && !string_is_key_) out += value;
      if (string_empty_ && string_is_key_) out += "value";
      out += '"';
      in_string_ = false;
      if (string_is_key_) {
        stack_.back().expect = Expect::value;
        out += ": ";
      } else {
        value_done();
      }
    }
    if (in_scalar_) {
      out += scalar_rest();
      in_scalar_ = false;
      value_done();
    }
    const std::string quoted = "\"" + std::string(value) + "\"";
    while (!stack_.empty()) {
      Frame& f = stack_.back();
      switch (f.expect) {
        case Expect::key: out += "\"value\": " + quoted; break;
        case Expect::colon: out += ": " + quoted; break;
        case Expect::value: out += quoted; break;
        case Expect::key_or_end:
        case Expect::value_or_end:
        case Expect::comma_or_end: break;
      }
      out += f.object ? '}' : ']';
      stack_.pop_back();
      value_done();
    }
    return out;
  }

  bool started() const { return started_; }

 private:
  bool expecting_value() const {
    if (stack_.empty()) return !started_;
    const Expect e = stack_.back().expect;
    return e == Expect::value || e == Expect::value_or_end;
  }

  void value_done() {
    if (!stack_.empty()) stack_.back().expect = Expect::comma_or_end;
  }

  // What ends a cut number or literal: the rest of true / false / null, or a digit after a
  // trailing '-', '.', 'e' or '+'.
  std::string scalar_rest() const {
    for (std::string_view word : {"true", "false", "null"}) {
      if (word.substr(0, scalar_.size()) == scalar_) return std::string(word.substr(scalar_.size()));
    }
    const char last = scalar_.back();
    return last == '-' || last == '.' || last == 'e' || last == 'E' || last == '+' ? "0" : "";
  }

  bool step(char c) {
    if (in_string_) {
      if (escape_) {
        escape_ = false;
      } else if (c == '\\') {
        escape_ = true;
      } else if (c == '"') {
        in_string_ = false;
        if (string_is_key_) {
          stack_.back().expect = Expect::colon;
        } else {
          value_done();
        }
        return true;
      }
      string_empty_ = false;
      return true;
    }
    if (in_scalar_) {
      const bool scalar_char = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '.' || c == '+' || c == '-' ||
                               c == 'E';
      if (scalar_char) {
        scalar_ += c;
        return true;
      }
      in_scalar_ = false;
      if (!scalar_rest().empty()) return false;  // "tru," is no literal
      value_done();
    }
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') return true;
    if (stack_.empty() && started_) return false;  // something after the complete top-level value
    switch (c) {
      case '{':
      case '[':
        if (!expecting_value()) return false;
        started_ = true;
        stack_.push_back(Frame{c == '{', c == '{' ? Expect::key_or_end : Expect::value_or_end});
        return true;
      case '}':
      case ']': {
        if (stack_.empty() || stack_.back().object != (c == '}')) return false;
        const Expect e = stack_.back().expect;
        if (e != Expect::comma_or_end && e != Expect::key_or_end && e != Expect::value_or_end) return false;
        stack_.pop_back();
        value_done();
        return true;
      }
      case '"': {
        const bool key = !stack_.empty() && stack_.back().object &&
                         (stack_.back().expect == Expect::key_or_end || stack_.back().expect == Expect::key);
        if (!key && !expecting_value()) return false;
        started_ = true;
        in_string_ = true;
        string_is_key_ = key;
        string_empty_ = true;
        return true;
      }
      case ':':
        if (stack_.empty() || stack_.back().expect != Expect::colon) return false;
        stack_.back().expect = Expect::value;
        return true;
      case ',':
        if (stack_.empty() || stack_.back().expect != Expect::comma_or_end) return false;
        stack_.back().expect = stack_.back().object ? Expect::key : Expect::value;
        return true;
      default:
        if (!expecting_value() || !((c >= '0' && c <= '9') || c == '-' || c == 't' || c == 'f' || c == 'n')) {
          return false;
        }
        started_ = true;
        in_scalar_ = true;
        scalar_ = std::string(1, c);
        return true;
    }
  }

  std::vector<Frame> stack_;
  bool started_ = false;
  bool in_string_ = false;
  bool string_is_key_ = false;
  bool string_empty_ = true;
  bool escape_ = false;
  bool in_scalar_ = false;
  std::string scalar_;
};

}  // namespace

std::optional<std::string> continue_json(std::string_view prefix, std::string_view value) {
  Scanner s;
  if (!s.scan(prefix) || !s.started()) return std::nullopt;
  return s.finish(value);
}

}  // namespace siraya::mock::generation
