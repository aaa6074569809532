# cmake -DCLIENTS_DIR=... -DNODE=... -DNPM=... -P npm_install.cmake
#
# Installs tests/clients/node_modules with `npm ci` exactly as package-lock.json pins it, unless the
# installed tree already matches the lock file (a stamp holding the lock file's hash): then it does
# nothing, so repeated test runs cost milliseconds. A lock serialises concurrent runs (two build
# folders share the one node_modules). Any failure is a test failure with a message saying why.
cmake_minimum_required(VERSION 3.25)

if(NOT NODE OR NOT NPM)
  message(FATAL_ERROR "sdk tests: node and npm are required (Node.js 20 or newer); "
                      "scripts/install-deps.sh installs them.")
endif()

set(lock_file "${CLIENTS_DIR}/package-lock.json")
set(stamp "${CLIENTS_DIR}/node_modules/.siraya-npm-ci.stamp")
file(SHA256 "${lock_file}" wanted)

file(LOCK "${CLIENTS_DIR}/.npm-install.lock" TIMEOUT 900 RESULT_VARIABLE lock_result)
if(NOT lock_result STREQUAL "0")
  message(FATAL_ERROR "sdk tests: cannot lock ${CLIENTS_DIR}/.npm-install.lock: ${lock_result}")
endif()

if(EXISTS "${stamp}")
  file(READ "${stamp}" installed)
  if(installed STREQUAL wanted)
    message(STATUS "sdk tests: node_modules matches package-lock.json")
    return()
  endif()
endif()

execute_process(COMMAND "${NODE}" --version OUTPUT_VARIABLE node_version OUTPUT_STRIP_TRAILING_WHITESPACE)
message(STATUS "sdk tests: installing the pinned SDKs with npm ci (node ${node_version})")
execute_process(
  COMMAND "${NPM}" ci --no-audit --no-fund --fetch-retries=1 --fetch-timeout=60000
  WORKING_DIRECTORY "${CLIENTS_DIR}"
  RESULT_VARIABLE npm_result
  TIMEOUT 840)
if(NOT npm_result STREQUAL "0")
  execute_process(COMMAND "${NPM}" config get registry OUTPUT_VARIABLE registry OUTPUT_STRIP_TRAILING_WHITESPACE)
  message(FATAL_ERROR "sdk tests: `npm ci` failed (${npm_result}) in ${CLIENTS_DIR}. The SDK tests install "
                      "their pinned npm packages once and need the npm registry (${registry}) for that; "
                      "check the network or proxy, or run `npm ci` there by hand and re-run the tests.")
endif()
file(WRITE "${stamp}" "${wanted}")
