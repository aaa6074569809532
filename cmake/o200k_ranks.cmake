# The o200k_base rank data (reference README §6), taken at build time from the npm package
# js-tiktoken 1.0.21 that scripts/install.d/o200k-ranks.sh installs into a cache folder.
#
# SIRAYA_O200K_RANKS (cache, FILEPATH): its dist/ranks/o200k_base.js. By default the first of
#   $SIRAYA_NPM_DIR, /var/cache/siraya/npm, ${XDG_CACHE_HOME:-$HOME/.cache}/siraya/npm that holds it
#   (the folders the install script chooses from).
# SIRAYA_JS_TIKTOKEN_DIR (internal cache): the package folder around it (the tokenizer oracle test
#   imports js-tiktoken from there).
#
# siraya_o200k_blob(TARGET) builds the tool siraya_o200k_pack, runs it to turn the file into the
# blob of core/tokenizer/rank_blob.h and links the blob into TARGET through `.incbin`.

set(_siraya_ranks_rel "node_modules/js-tiktoken/dist/ranks/o200k_base.js")
set(_siraya_npm_dirs "$ENV{SIRAYA_NPM_DIR}" "/var/cache/siraya/npm")
if(DEFINED ENV{XDG_CACHE_HOME} AND NOT "$ENV{XDG_CACHE_HOME}" STREQUAL "")
  list(APPEND _siraya_npm_dirs "$ENV{XDG_CACHE_HOME}/siraya/npm")
endif()
list(APPEND _siraya_npm_dirs "$ENV{HOME}/.cache/siraya/npm")
set(_siraya_ranks_default "/var/cache/siraya/npm/${_siraya_ranks_rel}")
foreach(dir IN LISTS _siraya_npm_dirs)
  if(NOT dir STREQUAL "" AND EXISTS "${dir}/${_siraya_ranks_rel}")
    set(_siraya_ranks_default "${dir}/${_siraya_ranks_rel}")
    break()
  endif()
endforeach()

# A default chosen while the file was missing is chosen again on the next configure.
if(DEFINED SIRAYA_O200K_RANKS AND SIRAYA_O200K_RANKS STREQUAL "${_SIRAYA_O200K_RANKS_AUTO}"
   AND NOT EXISTS "${SIRAYA_O200K_RANKS}")
  set(SIRAYA_O200K_RANKS "${_siraya_ranks_default}" CACHE FILEPATH
      "js-tiktoken's dist/ranks/o200k_base.js (installed by scripts/install.d/o200k-ranks.sh)" FORCE)
endif()
set(SIRAYA_O200K_RANKS "${_siraya_ranks_default}" CACHE FILEPATH
    "js-tiktoken's dist/ranks/o200k_base.js (installed by scripts/install.d/o200k-ranks.sh)")
set(_SIRAYA_O200K_RANKS_AUTO "${_siraya_ranks_default}" CACHE INTERNAL "")

if(NOT EXISTS "${SIRAYA_O200K_RANKS}")
  message(FATAL_ERROR
    "The o200k_base rank data is missing: ${SIRAYA_O200K_RANKS} does not exist.\n"
    "Run scripts/install.d/o200k-ranks.sh (or scripts/install-deps.sh, which runs it) to install "
    "js-tiktoken 1.0.21 from npm into /var/cache/siraya/npm, or point -DSIRAYA_O200K_RANKS=... at "
    "its dist/ranks/o200k_base.js.")
endif()
get_filename_component(_siraya_js_tiktoken_dir "${SIRAYA_O200K_RANKS}/../../.." ABSOLUTE)
set(SIRAYA_JS_TIKTOKEN_DIR "${_siraya_js_tiktoken_dir}" CACHE INTERNAL "js-tiktoken package folder")

function(siraya_o200k_blob target)
  add_executable(siraya_o200k_pack "${PROJECT_SOURCE_DIR}/core/tokenizer/pack/o200k_pack.cc")
  target_include_directories(siraya_o200k_pack PRIVATE "${PROJECT_SOURCE_DIR}")
  target_link_libraries(siraya_o200k_pack PRIVATE nlohmann_json::nlohmann_json)
  set(blob "${CMAKE_CURRENT_BINARY_DIR}/o200k_base.bin")
  set(linker "${CMAKE_CURRENT_BINARY_DIR}/o200k_blob.cc")
  add_custom_command(
    OUTPUT "${blob}" "${linker}"
    COMMAND siraya_o200k_pack "${SIRAYA_O200K_RANKS}" "${blob}" "${linker}"
    DEPENDS siraya_o200k_pack "${SIRAYA_O200K_RANKS}"
    COMMENT "Packing the o200k_base ranks from ${SIRAYA_O200K_RANKS}"
    VERBATIM)
  # The assembler reads the blob while compiling the linker source.
  set_source_files_properties("${linker}" PROPERTIES GENERATED TRUE OBJECT_DEPENDS "${blob}")
  target_sources(${target} PRIVATE "${linker}")
endfunction()
