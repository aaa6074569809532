# cmake -DBROWSER_DIR=... -P install_chromium.cmake
#
# Makes sure headless Chromium is there for the browser tests: nothing to do when `chromium` (or
# `chromium-browser`) is on PATH; otherwise, as root on a machine with apt-get, installs Debian's
# `chromium` package. When it cannot be installed (not root, no apt-get, the package archive out of
# reach) it prints "browser tests skipped: <why>", which CTest's SKIP_REGULAR_EXPRESSION turns into
# a skipped test; the browser tests then skip with the same reason instead of passing silently.
# A lock serialises concurrent runs from several build folders (dpkg allows one installer at a time).
cmake_minimum_required(VERSION 3.25)

function(skip reason)
  message(STATUS "browser tests skipped: ${reason}")
endfunction()

find_program(chromium NAMES chromium chromium-browser NO_CACHE)
if(chromium)
  message(STATUS "browser tests: ${chromium} is installed")
  return()
endif()

find_program(apt_get apt-get NO_CACHE)
if(NOT apt_get)
  skip("Chromium is not installed and there is no apt-get to install it; install Chromium (or set SIRAYA_CHROMIUM) and re-run")
  return()
endif()
execute_process(COMMAND id -u OUTPUT_VARIABLE uid OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT uid STREQUAL "0")
  skip("Chromium is not installed and installing it needs root; run `sudo apt-get install chromium` and re-run")
  return()
endif()

file(LOCK "${BROWSER_DIR}/.chromium-install.lock" TIMEOUT 900 RESULT_VARIABLE lock_result)
if(NOT lock_result STREQUAL "0")
  skip("cannot lock ${BROWSER_DIR}/.chromium-install.lock: ${lock_result}")
  return()
endif()
find_program(chromium NAMES chromium chromium-browser NO_CACHE)  # another run may have installed it
if(chromium)
  message(STATUS "browser tests: ${chromium} is installed")
  return()
endif()

message(STATUS "browser tests: installing Debian's chromium package with apt-get")
set(install_command "${CMAKE_COMMAND}" -E env DEBIAN_FRONTEND=noninteractive
    "${apt_get}" install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 chromium)
execute_process(COMMAND ${install_command} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out TIMEOUT 840)
if(NOT result STREQUAL "0")
  # A fresh machine has no package lists yet.
  execute_process(COMMAND "${apt_get}" update -qq RESULT_VARIABLE update_result OUTPUT_QUIET ERROR_QUIET TIMEOUT 300)
  execute_process(COMMAND ${install_command} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out TIMEOUT 840)
endif()
if(NOT result STREQUAL "0")
  string(LENGTH "${out}" length)
  if(length GREATER 1500)
    math(EXPR from "${length} - 1500")
    string(SUBSTRING "${out}" ${from} -1 out)
  endif()
  skip("`apt-get install chromium` failed (${result}); check the network or the package sources. apt-get said: ${out}")
  return()
endif()
message(STATUS "browser tests: chromium installed")
