# Installs the build into a fresh temporary prefix and checks the standard layout, then runs the
# installed aichopin-cli: it must find the installed models (not the source tree's) and compose.
# Run by ctest (test InstallLayout) with -DBUILD_DIR=... -DPREFIX=...
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${err}")
endif()

set(expected
  bin/aichopin-cli
  share/aichopin/models/composer-default.pt
  share/aichopin/models/composer-default.md
  share/aichopin/models/classifier-default.pt
  share/aichopin/models/classifier-default.md
  share/aichopin/models/classifier-default-history.md
  share/applications/org.aichopin.AIChopin.desktop
  share/metainfo/org.aichopin.AIChopin.metainfo.xml
  share/icons/hicolor/scalable/apps/org.aichopin.AIChopin.svg
  share/man/man1/aichopin.1.gz
  share/man/man1/aichopin-cli.1.gz)
if(WITH_GUI)
  list(APPEND expected bin/aichopin share/aichopin/translations/aichopin_pl.qm
                       share/aichopin/translations/plurals_en.qm)
endif()
foreach(f IN LISTS expected)
  if(NOT EXISTS "${PREFIX}/${f}")
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()

# The installed program, away from the build and source trees, with no resource override.
set(ENV{AICHOPIN_RESOURCE_DIR} "")
set(ENV{HOME} "${PREFIX}/home")
set(ENV{XDG_CONFIG_HOME} "${PREFIX}/home/config")
set(ENV{XDG_DATA_HOME} "${PREFIX}/home/data")
set(ENV{XDG_CACHE_HOME} "${PREFIX}/home/cache")
execute_process(COMMAND "${PREFIX}/bin/aichopin-cli" about --json WORKING_DIRECTORY "${PREFIX}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE about ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "aichopin-cli about failed (${rc}): ${err}")
endif()
string(JSON resources GET "${about}" resources)
file(REAL_PATH "${PREFIX}/share/aichopin" want)
if(NOT resources STREQUAL want)
  message(FATAL_ERROR "installed aichopin-cli uses resources '${resources}', expected '${want}'")
endif()
execute_process(COMMAND "${PREFIX}/bin/aichopin-cli" compose --out "${PREFIX}/x.mid" --seconds 3 --quiet
                WORKING_DIRECTORY "${PREFIX}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT EXISTS "${PREFIX}/x.mid")
  message(FATAL_ERROR "installed aichopin-cli compose failed (${rc}): ${out}${err}")
endif()
message(STATUS "installed layout complete; aichopin-cli uses ${resources} and composes")
