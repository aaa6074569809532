#pragma once
// Result<T>: a value or an operational Error (I/O, connect, timeout, bad suite, bad config),
// shaped like std::expected<T, Error> so it can be swapped for it once the project moves to C++23.
// Findings about the system under test are never Errors; broken invariants are asserts.
#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace siraya::core {

struct Error {
  std::string id;        // stable identifier, e.g. "http.connect", "suite.invalid"
  std::string message;   // what went wrong
  std::string location;  // where: "file#/json/pointer", a URL, a path; may be empty
  std::string fix;       // how to fix it; may be empty

  // "[id] location: message (fix)" — the one format every CLI message uses.
  std::string to_string() const;
};

template <class E>
class Unexpected {
 public:
  explicit Unexpected(E e) : error_(std::move(e)) {}
  E& error() & { return error_; }
  E&& error() && { return std::move(error_); }

 private:
  E error_;
};

inline Unexpected<Error> fail(std::string id, std::string message, std::string location = {},
                              std::string fix = {}) {
  return Unexpected<Error>(Error{std::move(id), std::move(message), std::move(location), std::move(fix)});
}

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit like expected
  Result(Unexpected<Error> e) : v_(std::in_place_index<1>, std::move(e).error()) {}  // NOLINT

  bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & { assert(has_value()); return std::get<0>(v_); }
  const T& value() const& { assert(has_value()); return std::get<0>(v_); }
  T&& value() && { assert(has_value()); return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { assert(!has_value()); return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Unexpected<Error> e) : error_(std::move(e).error()), ok_(false) {}  // NOLINT
  bool has_value() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { assert(!ok_); return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace siraya::core
