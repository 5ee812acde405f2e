# `cmake --install BUILD [--prefix PREFIX]`: the command, its layouts and fonts, and the man page.
#   PREFIX/bin/compose
#   PREFIX/share/compose/{layouts,fonts}   found by the command from its own place (../share/compose)
#   PREFIX/share/man/man1/compose.1        made from README.md (docs/readme-to-man.py)
# And the engine as a library, for a program that calls compose::engine::typeset() itself:
#   PREFIX/lib/libcompose_*.a               the engine and the stages it links (static)
#   PREFIX/include/compose/<stage>/*.h       the headers typeset() and its backends need
#   PREFIX/lib/cmake/compose/                find_package(compose) -> compose::engine
include(GNUInstallDirs)
find_package(Python3 REQUIRED COMPONENTS Interpreter)

set(man_page ${CMAKE_BINARY_DIR}/man/compose.1)
add_custom_command(OUTPUT ${man_page}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
  COMMAND Python3::Interpreter ${PROJECT_SOURCE_DIR}/docs/readme-to-man.py ${PROJECT_SOURCE_DIR}/README.md
    ${man_page} ${PROJECT_VERSION}
  DEPENDS ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/readme-to-man.py
  COMMENT "Making the man page compose.1 from README.md")
add_custom_target(man_page ALL DEPENDS ${man_page})

install(TARGETS compose RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/layouts ${PROJECT_SOURCE_DIR}/fonts
  DESTINATION ${CMAKE_INSTALL_DATADIR}/compose)
install(FILES ${man_page} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# where the installed command finds its data, relative to itself
file(RELATIVE_PATH data_from_bin ${CMAKE_INSTALL_FULL_BINDIR} ${CMAKE_INSTALL_FULL_DATADIR}/compose)
target_compile_definitions(compose PRIVATE COMPOSE_INSTALLED_DATA_DIR="${data_from_bin}")
install(FILES ${PROJECT_SOURCE_DIR}/cmake/ComposeRender.cmake DESTINATION ${CMAKE_INSTALL_DATADIR}/compose/cmake)

# The engine's static libraries, exported as compose::<stage> (compose::engine links the rest).
set(engine_libraries engine base model display source resolve style text para page render svg)
set(engine_targets "")
foreach(stage ${engine_libraries})
  set_target_properties(compose_${stage} PROPERTIES EXPORT_NAME ${stage})
  list(APPEND engine_targets compose_${stage})
endforeach()
install(TARGETS ${engine_targets} EXPORT composeTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# the headers typeset.h and the backends' headers include, and theirs (closed under #include;
# examples/embed, built by tests/cli/install.sh against an installed prefix, would fail otherwise)
foreach(header engine/typeset.h engine/backend.h engine/pdf_backend.h engine/svg_backend.h
    base/align.h base/diagnostics.h base/id.h base/limits.h base/owner.h base/source_pos.h base/structure.h
    base/utf8.h display/display.h model/document.h page/layout_report.h para/para.h para/stats.h render/render.h
    resolve/resolve.h style/style.h svg/svg.h text/font_set.h text/hyphenate.h text/shaper.h text/text.h)
  get_filename_component(folder ${header} DIRECTORY)
  install(FILES ${PROJECT_SOURCE_DIR}/compose/${header} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/compose/${folder})
endforeach()

include(CMakePackageConfigHelpers)
set(package_dir ${CMAKE_INSTALL_LIBDIR}/cmake/compose)
install(EXPORT composeTargets NAMESPACE compose:: DESTINATION ${package_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/composeConfig.cmake.in
  ${CMAKE_BINARY_DIR}/cmake/composeConfig.cmake
  INSTALL_DESTINATION ${package_dir}
  PATH_VARS CMAKE_INSTALL_DATADIR)
write_basic_package_version_file(${CMAKE_BINARY_DIR}/cmake/composeConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/cmake/composeConfig.cmake ${CMAKE_BINARY_DIR}/cmake/composeConfigVersion.cmake
  DESTINATION ${package_dir})
