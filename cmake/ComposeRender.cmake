# compose_render(OUTPUT out.pdf SOURCE report.xml [ARGS --lang es ...] [COMPOSE /path/to/compose])
#
# A build rule that renders SOURCE to OUTPUT (relative to the current binary folder) with
# `compose render ... --depfile`, so that the build renders it again exactly when a file the
# render read changes: the source, its data files and agenda, its photos, the layouts and fonts.
# Works with the Makefile and Ninja generators (CMake 3.20 or later reads the depfile). Add the
# outputs to a target, e.g. add_custom_target(reports ALL DEPENDS ${outputs}).
# COMPOSE defaults to the `compose` target when the project builds it, else to `compose` on the PATH.
#
#   include(/usr/local/share/compose/cmake/ComposeRender.cmake)
#   compose_render(OUTPUT mexico-2014-es.pdf SOURCE sources/mexico-2014/report.xml ARGS --lang es)
function(compose_render)
  cmake_parse_arguments(R "" "OUTPUT;SOURCE;COMPOSE" "ARGS" ${ARGN})
  if(NOT R_OUTPUT OR NOT R_SOURCE)
    message(FATAL_ERROR "compose_render needs OUTPUT and SOURCE")
  endif()
  set(depends "")
  if(NOT R_COMPOSE)
    if(TARGET compose)
      set(R_COMPOSE $<TARGET_FILE:compose>)
      set(depends compose)
    else()
      find_program(COMPOSE_EXECUTABLE compose REQUIRED)
      set(R_COMPOSE ${COMPOSE_EXECUTABLE})
    endif()
  endif()
  get_filename_component(out ${R_OUTPUT} ABSOLUTE BASE_DIR ${CMAKE_CURRENT_BINARY_DIR})
  get_filename_component(source ${R_SOURCE} ABSOLUTE)
  get_filename_component(out_dir ${out} DIRECTORY)
  # absolute paths throughout, so that the depfile's names are the build's
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${out_dir}
    COMMAND ${R_COMPOSE} render ${source} -o ${out} --depfile ${out}.d ${R_ARGS}
    DEPENDS ${source} ${depends}
    DEPFILE ${out}.d
    COMMENT "compose: rendering ${R_OUTPUT}"
    VERBATIM)
endfunction()
