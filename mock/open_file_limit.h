#pragma once
// Every open connection of the mock is a file descriptor, and the usual soft limit (1024) is far
// below the connections its worker pool serves at once (Options::max_threads). The mock lifts the
// soft limit to the hard one at start, as servers commonly do.
#include <cstddef>

namespace siraya::mock {

// Raises RLIMIT_NOFILE's soft limit to its hard limit; returns the soft limit now in force.
std::size_t raise_open_file_limit();

}  // namespace siraya::mock
