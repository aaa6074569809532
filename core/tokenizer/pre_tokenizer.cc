#include "core/tokenizer/pre_tokenizer.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

namespace siraya::core::tokenizer {

struct PreTokenizer::Code {
  pcre2_code* code = nullptr;
  bool jit = false;
  ~Code() { pcre2_code_free(code); }
};

PreTokenizer::PreTokenizer(std::string_view pattern) : code_(std::make_unique<Code>()) {
  int error = 0;
  PCRE2_SIZE error_at = 0;
  code_->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                              PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF, &error, &error_at, nullptr);
  if (code_->code == nullptr) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(error, message, sizeof message);
    std::fprintf(stderr, "siraya: PCRE2 rejects the o200k_base pattern at offset %zu: %s\n",
                 static_cast<std::size_t>(error_at), reinterpret_cast<const char*>(message));
    std::abort();
  }
  code_->jit = pcre2_jit_compile(code_->code, PCRE2_JIT_COMPLETE) == 0;
}

PreTokenizer::~PreTokenizer() = default;

bool PreTokenizer::jit() const { return code_->jit; }

PreTokenizer::Cursor::Cursor(const PreTokenizer& owner, std::string_view text)
    : owner_(owner), text_(text), match_data_(pcre2_match_data_create_from_pattern(owner.code_->code, nullptr)) {
  if (match_data_ == nullptr) std::abort();
}

PreTokenizer::Cursor::~Cursor() { pcre2_match_data_free(static_cast<pcre2_match_data*>(match_data_)); }

bool PreTokenizer::Cursor::next(std::size_t& begin, std::size_t& end) {
  if (pending_) {
    pending_ = false;
    begin = match_begin_;
    end = match_end_;
    pos_ = end;
    return true;
  }
  if (pos_ >= text_.size()) return false;
  auto* md = static_cast<pcre2_match_data*>(match_data_);
  const auto* subject = reinterpret_cast<PCRE2_SPTR>(text_.data());
  const pcre2_code* code = owner_.code_->code;
  int rc = PCRE2_ERROR_JIT_STACKLIMIT;
  if (owner_.code_->jit) rc = pcre2_jit_match(code, subject, text_.size(), pos_, 0, md, nullptr);
  // Without JIT, or when a match outgrows the JIT's default stack, the interpreter (heap-backed)
  // takes over.
  if (rc == PCRE2_ERROR_JIT_STACKLIMIT) rc = pcre2_match(code, subject, text_.size(), pos_, 0, md, nullptr);
  std::size_t found_begin = pos_;
  std::size_t found_end = pos_;
  if (rc >= 0) {
    const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(md);
    found_begin = ovector[0];
    found_end = ovector[1];
  }
  if (found_end <= found_begin) {
    // No match: the rest is ill-formed UTF-8. A failed match (only a resource limit could fail
    // one) or an empty match (the pattern has none) makes the rest one raw piece too, so the
    // pieces always tile the input.
    begin = pos_;
    end = text_.size();
    pos_ = end;
    return true;
  }
  if (found_begin > pos_) {
    // Bytes no match covers: ill-formed UTF-8 (see the header).
    begin = pos_;
    end = found_begin;
    if (found_end > found_begin) {
      pending_ = true;
      match_begin_ = found_begin;
      match_end_ = found_end;
    }
    pos_ = found_begin;
    return true;
  }
  begin = found_begin;
  end = found_end;
  pos_ = end;
  return true;
}

}  // namespace siraya::core::tokenizer
