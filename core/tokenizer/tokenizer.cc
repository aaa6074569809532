#include "core/tokenizer/tokenizer.h"

#include "core/tokenizer/byte_pair_merge.h"
#include "core/tokenizer/pre_tokenizer.h"
#include "core/tokenizer/rank_table.h"

namespace siraya::core::tokenizer {

const Tokenizer& Tokenizer::o200k_base() {
  static const Tokenizer tokenizer(RankTable::o200k_base());
  return tokenizer;
}

Tokenizer::Tokenizer(const RankTable& ranks)
    : ranks_(ranks), pre_(std::make_unique<PreTokenizer>(ranks.pattern())) {}

Tokenizer::~Tokenizer() = default;

// Emit(id, begin, end) -> bool (false stops). A piece that is itself a token (most are) skips
// the merge, as tiktoken does; the result is the same either way.
template <class Emit>
void Tokenizer::each_token(std::string_view text, Emit&& emit) const {
  PreTokenizer::Cursor cursor(*pre_, text);
  BytePairMerger merger(ranks_);
  std::vector<PieceToken> parts;
  std::size_t begin = 0;
  std::size_t end = 0;
  while (cursor.next(begin, end)) {
    const std::string_view piece = text.substr(begin, end - begin);
    const std::uint32_t whole = piece.size() == 1 ? ranks_.byte_rank(static_cast<unsigned char>(piece[0]))
                                                  : ranks_.rank(piece);
    if (whole != RankTable::kNoRank) {
      if (!emit(whole, begin, end)) return;
      continue;
    }
    merger.merge(piece, parts);
    for (const auto& p : parts) {
      if (!emit(p.rank, begin + p.begin, begin + p.end)) return;
    }
  }
}

std::vector<TokenId> Tokenizer::encode(std::string_view text) const {
  std::vector<TokenId> ids;
  ids.reserve(text.size() / 4 + 1);
  each_token(text, [&](TokenId id, std::size_t, std::size_t) {
    ids.push_back(id);
    return true;
  });
  return ids;
}

std::size_t Tokenizer::count(std::string_view text) const {
  std::size_t n = 0;
  each_token(text, [&](TokenId, std::size_t, std::size_t) {
    ++n;
    return true;
  });
  return n;
}

void Tokenizer::visit(std::string_view text, const std::function<bool(const Token&)>& visit) const {
  each_token(text, [&](TokenId id, std::size_t begin, std::size_t end) { return visit(Token{id, begin, end}); });
}

Result<std::string> Tokenizer::decode(std::span<const TokenId> ids) const {
  std::string out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto bytes = ranks_.bytes(ids[i]);
    if (!bytes) bytes = ranks_.special(ids[i]);
    if (!bytes) {
      return fail("tokenizer.unknown_token",
                  "token id " + std::to_string(ids[i]) + " at index " + std::to_string(i) +
                      " is not in o200k_base (ranks 0.." + std::to_string(ranks_.size() - 1) +
                      ", specials 199999 and 200018)");
    }
    out += *bytes;
  }
  return out;
}

std::string_view Tokenizer::pattern() const { return ranks_.pattern(); }
bool Tokenizer::jit() const { return pre_->jit(); }
std::size_t Tokenizer::vocabulary_size() const { return ranks_.size(); }

}  // namespace siraya::core::tokenizer
