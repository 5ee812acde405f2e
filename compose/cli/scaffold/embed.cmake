# Writes OUTPUT: a C++ file defining compose::cli::scaffold_file(name), the text of each file of
# the scaffold folder, so that `compose new` needs nothing beside the binary.
#   cmake -DSCAFFOLD_DIR=... -DOUTPUT=... -P embed.cmake
file(GLOB files RELATIVE ${SCAFFOLD_DIR} ${SCAFFOLD_DIR}/*.xml ${SCAFFOLD_DIR}/*.csv)
list(SORT files)
set(body "")
foreach(name ${files})
  file(READ ${SCAFFOLD_DIR}/${name} text)
  string(FIND "${text}" ")scaffold\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${name} holds the raw-string delimiter )scaffold\"")
  endif()
  string(APPEND body "    if (name == \"${name}\") return R\"scaffold(${text})scaffold\";\n")
endforeach()
file(WRITE ${OUTPUT}.tmp "// Generated from compose/cli/scaffold/ by embed.cmake; do not edit.
#include <string_view>

namespace compose::cli {

std::string_view scaffold_file(std::string_view name) {
${body}    return {};
}

}  // namespace compose::cli
")
# rewritten only when it changes, so an unchanged scaffold rebuilds nothing
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
