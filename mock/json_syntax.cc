#include "mock/json_syntax.h"

#include <nlohmann/json.hpp>

namespace siraya::mock {
namespace {

using nlohmann::json;

// SAX consumer that records the first parse error only; nlohmann reports errors to the SAX
// handler instead of throwing, and its message carries the line and column.
struct FirstError : nlohmann::json_sax<json> {
  std::string message;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) override {
    const std::string what = ex.what();
    const auto at = what.find("parse error");
    message = at == std::string::npos ? what : what.substr(at);
    return false;
  }
};

}  // namespace

std::string json_syntax_error(std::string_view text) {
  FirstError collector;
  json::sax_parse(text, &collector, nlohmann::detail::input_format_t::json, true, false);
  return collector.message.empty() ? std::string("cannot parse") : collector.message;
}

}  // namespace siraya::mock
