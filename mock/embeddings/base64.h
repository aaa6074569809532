#pragma once
// encoding_format "base64" (embeddings-rerank-models.md §1.3): standard base64 (RFC 4648 §4,
// with "=" padding; mock/encoding/base64.h) of the vector's IEEE-754 float32 values,
// little-endian, back to back; the OpenAI SDKs decode it into Float32Array / numpy float32 (§1.4).
#include <span>
#include <string>

namespace siraya::mock::embeddings {

// [1.0, -2.0] -> "AACAPwAAAMA=" (§1.3), whatever the host's byte order.
std::string float32_le_base64(std::span<const float> values);

}  // namespace siraya::mock::embeddings
