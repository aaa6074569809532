#include "harness/suite/capabilities.h"

#include <algorithm>
#include <array>

namespace siraya::harness {

namespace {

constexpr std::array kCapabilities{
    CapabilityInfo{"models", "GET /v1/models"},
    CapabilityInfo{"chat", "POST /v1/chat/completions"},
    CapabilityInfo{"responses", "POST /v1/responses (OpenResponses)"},
    CapabilityInfo{"messages", "POST /v1/messages (Anthropic Messages)"},
    CapabilityInfo{"embeddings", "POST /v1/embeddings"},
    CapabilityInfo{"rerank", "POST /v1/rerank"},
    CapabilityInfo{"streaming", "server-sent event streams (\"stream\": true)"},
    CapabilityInfo{"tools", "function / tool calling"},
    CapabilityInfo{"structured-outputs", "JSON Schema constrained output (response_format, text.format)"},
    CapabilityInfo{"reasoning", "reasoning effort and reasoning summaries (chat, responses)"},
    CapabilityInfo{"thinking", "extended thinking blocks (messages)"},
    CapabilityInfo{"attachments", "image and file inputs"},
    CapabilityInfo{"mock-control", "siraya-mock's per-request control header (forced statuses, stream faults)", false},
};

}  // namespace

std::span<const CapabilityInfo> capability_catalog() { return kCapabilities; }

bool is_known_capability(std::string_view name) {
  if (name.starts_with("x-") && name.size() > 2) return true;
  return std::any_of(kCapabilities.begin(), kCapabilities.end(), [&](const auto& c) { return c.name == name; });
}

std::string capability_names() {
  std::string out;
  for (const auto& c : kCapabilities) {
    if (!out.empty()) out += ", ";
    out += c.name;
  }
  return out;
}

std::vector<std::string> embedded_mock_capabilities() {
  std::vector<std::string> out;
  for (const auto& c : kCapabilities) out.emplace_back(c.name);
  return out;
}

std::vector<std::string> default_gateway_capabilities() {
  std::vector<std::string> out;
  for (const auto& c : kCapabilities) {
    if (c.gateway) out.emplace_back(c.name);
  }
  return out;
}

}  // namespace siraya::harness
