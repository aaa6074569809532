# siraya_embed(TARGET NAME DIR GLOB): compiles every file under DIR matching GLOB into TARGET as
# a table of {relative path, contents}, reachable through `core/embedded.h` under NAME.
# The files are re-embedded whenever one of them changes.
function(siraya_embed target name dir glob)
  file(GLOB_RECURSE files CONFIGURE_DEPENDS RELATIVE "${dir}" "${dir}/${glob}")
  list(SORT files)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded_${name}.cc")
  set(abs_files "")
  foreach(f IN LISTS files)
    list(APPEND abs_files "${dir}/${f}")
  endforeach()
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNAME=${name} -DDIR=${dir} "-DFILES=${files}"
            -P "${PROJECT_SOURCE_DIR}/cmake/embed_generate.cmake"
    DEPENDS ${abs_files} "${PROJECT_SOURCE_DIR}/cmake/embed_generate.cmake"
    COMMENT "Embedding ${name} from ${dir}"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
endfunction()
