#include "mock/generation/json_hash.h"

#include <algorithm>
#include <memory>
#include <vector>

#include "mock/generation/hash.h"

namespace siraya::mock::generation {
namespace {

// nlohmann's serializer writes through this adapter; it folds every byte into the hash.
class HashSink final : public nlohmann::detail::output_adapter_protocol<char> {
 public:
  explicit HashSink(std::uint64_t h) : h_(h) {}
  void write_character(char c) override { h_ = fnv1a(std::string_view(&c, 1), h_); }
  void write_characters(const char* s, std::size_t length) override { h_ = fnv1a(std::string_view(s, length), h_); }
  std::uint64_t hash() const { return h_; }

 private:
  std::uint64_t h_;
};

// The same settings as to_json_text: compact, UTF-8 kept, invalid UTF-8 replaced.
void serialize(const nlohmann::json& value, const std::shared_ptr<HashSink>& sink) {
  nlohmann::detail::serializer<nlohmann::json> s(sink, ' ', nlohmann::json::error_handler_t::replace);
  s.dump(value, false, false, 0);
}

}  // namespace

std::uint64_t fnv1a_json(const nlohmann::json& value, std::uint64_t h) {
  auto sink = std::make_shared<HashSink>(h);
  serialize(value, sink);
  return sink->hash();
}

std::uint64_t fnv1a_object(std::initializer_list<HashField> fields, std::uint64_t h) {
  std::vector<HashField> present;
  for (const auto& f : fields) {
    if (f.second != nullptr) present.push_back(f);
  }
  std::sort(present.begin(), present.end(), [](const HashField& a, const HashField& b) { return a.first < b.first; });
  auto sink = std::make_shared<HashSink>(h);
  sink->write_character('{');
  bool first = true;
  for (const auto& [key, value] : present) {
    if (!first) sink->write_character(',');
    first = false;
    sink->write_character('"');
    sink->write_characters(key.data(), key.size());
    sink->write_characters("\":", 2);
    serialize(*value, sink);
  }
  sink->write_character('}');
  return sink->hash();
}

}  // namespace siraya::mock::generation
