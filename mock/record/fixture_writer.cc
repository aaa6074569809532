#include "mock/record/fixture_writer.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace siraya::mock::record {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kDigits = 4;

// The number a recorded file starts with ("0012-chat_completions.json" -> 12), or 0.
std::size_t file_number(const fs::path& path) {
  const std::string name = path.filename().string();
  std::size_t n = 0;
  std::size_t i = 0;
  for (; i < name.size() && i < 9 && name[i] >= '0' && name[i] <= '9'; ++i) n = n * 10 + static_cast<std::size_t>(name[i] - '0');
  return i > 0 && i < name.size() && name[i] == '-' ? n : 0;
}

std::string padded(std::size_t n) {
  std::string digits = std::to_string(n);
  if (digits.size() < kDigits) digits.insert(0, kDigits - digits.size(), '0');
  return digits;
}

}  // namespace

nlohmann::json fixture_json(const Exchange& exchange, std::size_t index, const std::string& upstream) {
  nlohmann::json when = {{"endpoint", exchange.endpoint}};
  if (exchange.body.is_object()) when["body"] = {{"equals", exchange.body}};
  nlohmann::json rule = {
      {"name", padded(index) + " " + exchange.method + " " + exchange.path},
      {"description", "Recorded from " + upstream + " by siraya-mock --record-to; replay with --rules."},
      {"when", std::move(when)},
      {"reply", {{"recorded", rules::to_json(exchange.reply)}}},
  };
  return {{"version", 1}, {"rules", nlohmann::json::array({std::move(rule)})}};
}

core::Result<std::unique_ptr<FixtureWriter>> FixtureWriter::open(const std::string& dir, std::string upstream) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    return core::fail("mock.upstream", "cannot create the recording folder: " + (ec ? ec.message() : "not a folder"), dir,
                      "give --record-to a folder that can be created and written");
  }
  std::size_t last = 0;
  for (const auto& entry : fs::directory_iterator(dir, ec)) last = std::max(last, file_number(entry.path()));
  const fs::path probe = fs::path(dir) / ".siraya-record-probe";
  {
    std::ofstream out(probe);
    if (!out) {
      return core::fail("mock.upstream", "cannot write into the recording folder", dir,
                        "give --record-to a folder this user may write");
    }
  }
  fs::remove(probe, ec);
  return std::unique_ptr<FixtureWriter>(new FixtureWriter(dir, std::move(upstream), last + 1));
}

core::Result<std::string> FixtureWriter::write(const Exchange& exchange) {
  std::size_t index = 0;
  {
    std::lock_guard lock(mu_);
    index = next_++;
  }
  const std::string text = fixture_json(exchange, index, upstream_).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  const fs::path final_path = fs::path(dir_) / (padded(index) + "-" + exchange.endpoint + ".json");
  const fs::path temporary = fs::path(dir_) / ("." + final_path.filename().string() + ".tmp");
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) {
      return core::fail("mock.upstream", "cannot write the recording", temporary.string(), "check the free space");
    }
  }
  std::error_code ec;
  fs::rename(temporary, final_path, ec);
  if (ec) return core::fail("mock.upstream", "cannot write the recording: " + ec.message(), final_path.string(), "");
  return final_path.string();
}

}  // namespace siraya::mock::record
