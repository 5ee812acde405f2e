# `cmake --install BUILD [--prefix PREFIX]`: the command, its layouts and fonts, and the man page.
#   PREFIX/bin/compose
#   PREFIX/share/compose/{layouts,fonts}   found by the command from its own place (../share/compose)
#   PREFIX/share/man/man1/compose.1        made from README.md (docs/readme-to-man.py)
# The engine as a library with a CMake package is not installed yet: the pipeline is becoming one
# entry point, compose::typeset(), and that is what the package will export.
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
