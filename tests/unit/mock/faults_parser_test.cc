// The x-siraya-mock grammar: every directive, every combination rule, every malformed form.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mock/faults/header_parser.h"

namespace siraya::mock::faults {
namespace {

using std::chrono::milliseconds;

Directives parse_ok(const std::string& text) {
  auto d = parse_control_header(text);
  EXPECT_TRUE(d) << text << ": " << (d ? "" : d.error().message);
  return d ? *d : Directives{};
}

TEST(FaultsParser, Status) {
  for (int s : {400, 401, 402, 403, 404, 405, 408, 413, 429, 500, 502, 503}) {
    EXPECT_EQ(parse_ok("status=" + std::to_string(s)).status, s);
  }
}

TEST(FaultsParser, EveryDirective) {
  const Directives a = parse_ok("status=429;retry-after=7;should-retry=false;delay=250");
  EXPECT_EQ(a.status, 429);
  EXPECT_EQ(a.retry_after, 7);
  EXPECT_EQ(a.should_retry, false);
  EXPECT_EQ(a.delay, milliseconds(250));

  const Directives b = parse_ok("fault=error;after=3;code=503;interval=10;jitter=5;should-retry=true");
  EXPECT_EQ(b.fault, FaultKind::error);
  EXPECT_EQ(b.after, 3u);
  EXPECT_EQ(b.code, 503);
  EXPECT_EQ(b.error_code(), 503);
  EXPECT_EQ(b.interval, milliseconds(10));
  EXPECT_EQ(b.jitter, milliseconds(5));
  EXPECT_EQ(b.should_retry, true);

  const Directives c = parse_ok("fault=stall;after=0;for=1500");
  EXPECT_EQ(c.fault, FaultKind::stall);
  EXPECT_EQ(c.after, 0u);
  EXPECT_EQ(c.stall_duration(), milliseconds(1500));
}

TEST(FaultsParser, EveryFaultKind) {
  const std::vector<std::pair<std::string, FaultKind>> kinds = {
      {"truncate", FaultKind::truncate}, {"drop-terminal", FaultKind::drop_terminal},
      {"malformed", FaultKind::malformed}, {"error", FaultKind::error},
      {"close", FaultKind::close},       {"reset", FaultKind::reset},
      {"stall", FaultKind::stall}};
  for (const auto& [name, kind] : kinds) {
    EXPECT_EQ(parse_ok("fault=" + name).fault, kind) << name;
    EXPECT_EQ(to_string(kind), name);
  }
}

TEST(FaultsParser, Defaults) {
  const Directives d = parse_ok("fault=stall");
  EXPECT_FALSE(d.after);
  EXPECT_EQ(d.stall_duration(), kMaxDuration);
  EXPECT_EQ(parse_ok("fault=error").error_code(), 502);
  EXPECT_EQ(parse_ok("delay=0").delay, milliseconds(0));
}

TEST(FaultsParser, SeparatorsAndWhiteSpace) {
  const Directives d = parse_ok("  fault=truncate ;\tafter=3 , should-retry=false\t");
  EXPECT_EQ(d.fault, FaultKind::truncate);
  EXPECT_EQ(d.after, 3u);
  EXPECT_EQ(d.should_retry, false);
}

TEST(FaultsParser, Limits) {
  EXPECT_EQ(parse_ok("delay=600000").delay, kMaxDuration);
  EXPECT_EQ(parse_ok("fault=truncate;after=1000000").after, kMaxAfter);
  EXPECT_EQ(parse_ok("status=429;retry-after=86400").retry_after, kMaxRetryAfter);
}

struct Malformed {
  const char* header;
  const char* says;  // a piece of the error message
};

class FaultsParserRejects : public ::testing::TestWithParam<Malformed> {};

TEST_P(FaultsParserRejects, WithAMessageSayingWhy) {
  const Malformed& m = GetParam();
  auto d = parse_control_header(m.header);
  ASSERT_FALSE(d) << m.header;
  EXPECT_EQ(d.error().id, "mock.fault_directive");
  EXPECT_NE(d.error().message.find(m.says), std::string::npos) << m.header << " -> " << d.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Table, FaultsParserRejects,
    ::testing::Values(
        // shape
        Malformed{"", "directive 1 is empty"}, Malformed{"   ", "directive 1 is empty"},
        Malformed{"status=429;", "directive 2 is empty"}, Malformed{";status=429", "directive 1 is empty"},
        Malformed{"status=429;;delay=1", "directive 2 is empty"}, Malformed{"status", "is not name=value"},
        Malformed{"=429", "lower-case letters"}, Malformed{"status=", "lower-case letters"},
        Malformed{"status = 429", "without spaces around '='"}, Malformed{"Status=429", "lower-case letters"},
        Malformed{"fault=TRUNCATE", "lower-case letters"}, Malformed{"status=429=1", "lower-case letters"},
        Malformed{"status=\"429\"", "lower-case letters"}, Malformed{"status=429 delay=1", "lower-case letters"},
        // names
        Malformed{"statuss=429", "unknown directive \"statuss\""}, Malformed{"x=1", "unknown directive"},
        Malformed{"status=429;status=500", "directive 2 repeats status="},
        Malformed{"delay=1;delay=1", "repeats delay="},
        // values
        Malformed{"status=200", "not a documented error status"}, Malformed{"status=418", "not a documented"},
        Malformed{"status=4290", "not a documented"}, Malformed{"status=-1", "not a documented"},
        Malformed{"status=abc", "not a documented"}, Malformed{"fault=error;code=200", "code=\"200\""},
        Malformed{"status=429;retry-after=86401", "seconds from 0 to 86400"},
        Malformed{"status=429;retry-after=1-5", "seconds"},
        Malformed{"should-retry=yes", "neither true nor false"}, Malformed{"should-retry=1", "neither true nor false"},
        Malformed{"delay=600001", "milliseconds from 0 to 600000"},
        Malformed{"delay=99999999999", "milliseconds"}, Malformed{"interval=1-0", "milliseconds"},
        Malformed{"jitter=x", "milliseconds"}, Malformed{"fault=stall;for=600001", "milliseconds"},
        Malformed{"fault=truncate;after=1000001", "events from 0 to 1000000"},
        Malformed{"fault=truncate;after=-1", "events from 0"},
        Malformed{"fault=explode", "is not a fault"}, Malformed{"fault=drop_terminal", "lower-case letters"},
        Malformed{"fault=none", "is not a fault"},
        // combinations
        Malformed{"after=3", "after= needs a fault="},
        Malformed{"fault=drop-terminal;after=1", "after= does not apply to fault=drop-terminal"},
        Malformed{"code=502", "code= applies to fault=error only"},
        Malformed{"fault=truncate;code=502", "code= applies to fault=error only"},
        Malformed{"for=10", "for= applies to fault=stall only"},
        Malformed{"fault=close;for=10", "for= applies to fault=stall only"},
        Malformed{"retry-after=1", "retry-after= applies to a forced status="},
        Malformed{"status=502;fault=error", "status= and fault= exclude each other"},
        Malformed{"status=429;interval=5", "no stream to pace"}, Malformed{"status=429;jitter=5", "no stream to pace"}));

TEST(FaultsParser, ValidDirectivesNameEveryDirective) {
  const std::string_view text = valid_directives();
  for (const char* name : {"status=", "retry-after=", "should-retry=", "delay=", "interval=", "jitter=", "fault=",
                           "after=", "code=", "for=", "truncate", "drop-terminal", "malformed", "error", "close",
                           "reset", "stall"}) {
    EXPECT_NE(text.find(name), std::string_view::npos) << name;
  }
}

TEST(FaultsParser, NeedsStream) {
  EXPECT_FALSE(parse_ok("status=429;delay=5").needs_stream());
  EXPECT_FALSE(parse_ok("fault=reset").needs_stream());
  EXPECT_FALSE(parse_ok("fault=truncate").needs_stream());
  EXPECT_FALSE(parse_ok("fault=malformed").needs_stream());
  EXPECT_TRUE(parse_ok("fault=reset;after=1").needs_stream());
  EXPECT_TRUE(parse_ok("fault=error").needs_stream());
  EXPECT_TRUE(parse_ok("fault=drop-terminal").needs_stream());
  EXPECT_TRUE(parse_ok("interval=1").needs_stream());
  EXPECT_TRUE(parse_ok("jitter=1").needs_stream());
}

}  // namespace
}  // namespace siraya::mock::faults
