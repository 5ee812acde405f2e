# Every dependency comes from a Debian 12 package. When one is missing the
# configure step stops and names the package that provides it.
find_package(PkgConfig)
if(NOT PKG_CONFIG_FOUND)
  message(FATAL_ERROR "pkg-config not found: apt-get install pkg-config")
endif()

function(compose_require_pkg target module debian_package)
  pkg_check_modules(${target} QUIET IMPORTED_TARGET GLOBAL ${module})
  if(NOT ${target}_FOUND)
    message(FATAL_ERROR "${module} not found: apt-get install ${debian_package}")
  endif()
endfunction()

compose_require_pkg(HARFBUZZ harfbuzz libharfbuzz-dev)
compose_require_pkg(HARFBUZZ_SUBSET harfbuzz-subset libharfbuzz-dev)
compose_require_pkg(FREETYPE freetype2 libfreetype-dev)
compose_require_pkg(FONTCONFIG fontconfig libfontconfig-dev)
compose_require_pkg(ICU_UC icu-uc libicu-dev)
compose_require_pkg(ICU_I18N icu-i18n libicu-dev)
compose_require_pkg(PUGIXML pugixml libpugixml-dev)
compose_require_pkg(ZLIB zlib zlib1g-dev)

# libharu ships no pkg-config file or CMake package in Debian 12.
find_path(HPDF_INCLUDE_DIR hpdf.h)
find_library(HPDF_LIBRARY hpdf)
if(NOT HPDF_INCLUDE_DIR OR NOT HPDF_LIBRARY)
  message(FATAL_ERROR "libharu (hpdf.h, libhpdf) not found: apt-get install libhpdf-dev")
endif()
add_library(hpdf::hpdf UNKNOWN IMPORTED GLOBAL)
set_target_properties(hpdf::hpdf PROPERTIES
  IMPORTED_LOCATION "${HPDF_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${HPDF_INCLUDE_DIR}")

# libhyphen (hyphenation patterns engine) ships no pkg-config file in Debian 12 either.
# Its dictionaries come from hyphen-en-us and hyphen-es and are read at run time.
find_path(HYPHEN_INCLUDE_DIR hyphen.h)
find_library(HYPHEN_LIBRARY hyphen)
if(NOT HYPHEN_INCLUDE_DIR OR NOT HYPHEN_LIBRARY)
  message(FATAL_ERROR "libhyphen (hyphen.h, libhyphen) not found: apt-get install libhyphen-dev")
endif()
add_library(hyphen::hyphen UNKNOWN IMPORTED GLOBAL)
set_target_properties(hyphen::hyphen PROPERTIES
  IMPORTED_LOCATION "${HYPHEN_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${HYPHEN_INCLUDE_DIR}")
